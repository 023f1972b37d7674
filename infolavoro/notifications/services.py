"""Queue e-mails in the outbox and deliver them with retries."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.template.loader import render_to_string
from django.utils import timezone

from infolavoro.core.validators import single_line

from .models import OutboxAttachment, OutboxMessage, OutboxState

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
# One SMTP delivery is a handful of exchanges (connect, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA), each bounded by
# EMAIL_TIMEOUT: a message still "sending" after this many timeouts is stuck (a worker died or hung) and goes
# back to the queue.
STUCK_AFTER_TIMEOUTS = 10
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


def stuck_after() -> dt.timedelta:
    """How long a message may stay "sending" before it counts as stuck."""
    return dt.timedelta(seconds=STUCK_AFTER_TIMEOUTS * (getattr(settings, "EMAIL_TIMEOUT", None) or 60))


def requeue_stuck(now: dt.datetime | None = None) -> int:
    """Messages left "sending" past the timeout go back to the queue, as a failed attempt (so a message that
    hangs the relay every time is given up on after MAX_ATTEMPTS like any other)."""
    now = now or timezone.now()
    requeued = OutboxMessage.objects.filter(state=OutboxState.SENDING, claimed_at__lt=now - stuck_after()).update(
        state=Case(When(attempts__gte=MAX_ATTEMPTS - 1, then=Value(OutboxState.FAILED)),
                   default=Value(OutboxState.PENDING)),
        attempts=F("attempts") + 1, claimed_at=None, next_attempt_at=now,
        last_error="stuck in sending past the e-mail timeout",
    )
    if requeued:
        logger.warning("outbox: %s message(s) stuck in sending returned to the queue", requeued)
    return requeued


def _claim(message_id: int) -> bool:
    """Take a message for this worker; a conditional update, so two workers never send the same one. The claim
    is stamped when it is taken (not when the batch started), so stuck_after() counts from this message."""
    return bool(
        OutboxMessage.objects.filter(pk=message_id, state=OutboxState.PENDING)
        .update(state=OutboxState.SENDING, claimed_at=timezone.now())
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
    requeue_stuck(now)
    due = list(
        OutboxMessage.objects.filter(state=OutboxState.PENDING, next_attempt_at__lte=now)
        .prefetch_related("attachments")[:limit]
    )
    if not due:
        return 0
    sent = 0
    connection = get_connection(fail_silently=False)
    try:
        for message in due:
            if not _claim(message.pk):
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
