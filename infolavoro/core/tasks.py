"""Site-wide periodic jobs."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django_tasks import task


@task()
def clear_expired_sessions() -> None:
    """Daily: delete expired sessions (an unfinished booking's draft holds names and e-mails), like
    `manage.py clearsessions`."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
