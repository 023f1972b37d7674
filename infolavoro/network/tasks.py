"""Background work of the network directory."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def send_stale_reminders() -> int:
    """Daily: remind members of entries not verified for the desk's `stale_after_days`."""
    return services.send_stale_reminders()
