"""Background delivery of the outbox."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def send_outbox() -> int:
    """Deliver the e-mails that are due (enqueued after each commit that writes one, and every minute)."""
    return services.deliver_pending()


@task()
def purge_sent_emails() -> int:
    """Daily: forget delivered e-mails after their retention."""
    return services.purge_sent()
