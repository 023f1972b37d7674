"""Queue e-mails in the outbox and deliver them with retries."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from infolavoro.core.validators import single_line

from .models import OutboxAttachment, OutboxMessage, OutboxState

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
# A worker that died while sending leaves its claim behind; after this the message is tried again.
STALE_CLAIM = dt.timedelta(minutes=15)
# Bodies of delivered e-mails hold personal data: they are kept only this long.
KEEP_SENT = dt.timedelta(days=30)


def retry_delay(attempts: int) -> dt.timedelta:
    """Exponential back-off: 2, 4, 8 … minutes, at most 6 hours."""
    return dt.timedelta(minutes=min(2**attempts, 360))


@transaction.atomic
def queue_email(
    *,
    desk: Any,
    to: Sequence[str],
    subject: str,
    template: str,
    context: dict[str, Any],
    attachments: Iterable[tuple[str, bytes, str]] = (),
    reply_to: Sequence[str] | None = None,
) -> OutboxMessage:
    """Render the e-mail now (in the active language) and store it; delivery happens after the commit. The subject
    is made one line here (names in it may hold a line break), so no header can be broken or injected."""
    body = render_to_string(template, {**context, "desk": context.get("desk", desk)})
    message = OutboxMessage.objects.create(
        desk=desk, to=list(to), reply_to=list(reply_to or []), subject=single_line(subject)[:300], body=body,
        template=template, next_attempt_at=timezone.now(),
    )
    OutboxAttachment.objects.bulk_create(
        OutboxAttachment(message=message, filename=name, content=content, mimetype=mimetype)
        for name, content, mimetype in attachments
    )
    transaction.on_commit(_enqueue_delivery)
    return message


def _enqueue_delivery() -> None:
    from .tasks import send_outbox

    try:
        send_outbox.enqueue()
    except Exception:  # the scheduler delivers it anyway within a minute
        logger.warning("outbox: could not enqueue delivery", exc_info=True)


def _claim(message_id: int, now: dt.datetime) -> bool:
    """Take a message for this worker; a conditional update, so two workers never send the same one."""
    return bool(
        OutboxMessage.objects.filter(pk=message_id)
        .filter(Q(state=OutboxState.PENDING) | Q(state=OutboxState.SENDING, claimed_at__lt=now - STALE_CLAIM))
        .update(state=OutboxState.SENDING, claimed_at=now)
    )


def _fail(message: OutboxMessage, error: Exception, now: dt.datetime) -> None:
    attempts = message.attempts + 1
    gave_up = attempts >= MAX_ATTEMPTS
    OutboxMessage.objects.filter(pk=message.pk).update(
        state=OutboxState.FAILED if gave_up else OutboxState.PENDING, attempts=attempts, claimed_at=None,
        next_attempt_at=now + retry_delay(attempts), last_error=f"{type(error).__name__}: {error}"[:300],
    )
    logger.warning("outbox: message %s not delivered (attempt %s%s)", message.pk, attempts,
                   ", giving up" if gave_up else "")


def deliver_pending(now: dt.datetime | None = None, limit: int = 200) -> int:
    """Send what is due; return how many were sent. Failures are retried later with back-off."""
    now = now or timezone.now()
    due = list(
        OutboxMessage.objects.filter(
            Q(state=OutboxState.PENDING, next_attempt_at__lte=now)
            | Q(state=OutboxState.SENDING, claimed_at__lt=now - STALE_CLAIM)
        ).prefetch_related("attachments")[:limit]
    )
    if not due:
        return 0
    sent = 0
    connection = get_connection(fail_silently=False)
    try:
        for message in due:
            if not _claim(message.pk, now):
                continue
            email = EmailMessage(subject=single_line(message.subject), body=message.body,
                                 from_email=settings.DEFAULT_FROM_EMAIL, to=message.to,
                                 reply_to=message.reply_to or None, connection=connection)
            for attachment in message.attachments.all():
                email.attach(attachment.filename, bytes(attachment.content), attachment.mimetype)
            try:
                email.send()
            except Exception as error:  # SMTP down, refused recipient…: keep it and try again later
                _fail(message, error, now)
                continue
            OutboxMessage.objects.filter(pk=message.pk).update(
                state=OutboxState.SENT, sent_at=timezone.now(), attempts=message.attempts + 1, claimed_at=None,
                last_error="",
            )
            sent += 1
    finally:
        try:
            connection.close()
        except Exception:  # closing a connection that never opened
            logger.debug("outbox: close failed", exc_info=True)
    return sent


def purge_sent(now: dt.datetime | None = None) -> int:
    """Delete delivered e-mails older than KEEP_SENT (they hold personal data)."""
    now = now or timezone.now()
    deleted, _ = OutboxMessage.objects.filter(state=OutboxState.SENT, sent_at__lt=now - KEEP_SENT).delete()
    return deleted
