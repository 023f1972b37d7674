"""The outbox keeps every e-mail until the mail server takes it."""

import datetime as dt
import signal
import smtplib
import socket
import time

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.utils import timezone

from infolavoro.notifications.models import OutboxMessage, OutboxState
from infolavoro.notifications.services import (
    MAX_ATTEMPTS,
    deliver_pending,
    purge_sent,
    queue_email,
    retry_delay,
)


class DownBackend(LocmemBackend):
    """A mail server that refuses every connection."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def queue(desk, to="maria.rossi@example.org", **extra):
    return queue_email(desk=desk, to=[to], subject="Prova", template="accounts/email/password_reset_subject.txt",
                       context={}, **extra)


@pytest.mark.django_db
def test_queued_email_is_delivered_once_with_attachment_and_reply_to(desk):
    queue(desk, attachments=[("appuntamento.ics", b"BEGIN:VCALENDAR", "text/calendar")], reply_to=[desk.email])
    assert mail.outbox == []  # nothing leaves before the worker runs
    assert deliver_pending() == 1
    assert deliver_pending() == 0
    sent = mail.outbox[0]
    assert sent.to == ["maria.rossi@example.org"]
    assert sent.reply_to == ["infolavoro@comune.sp.it"]
    assert sent.attachments[0][0] == "appuntamento.ics"
    assert OutboxMessage.objects.get().state == OutboxState.SENT


@pytest.mark.django_db
def test_mail_server_down_keeps_the_email_and_retries_with_back_off(desk, settings):
    message = queue(desk)
    settings.EMAIL_BACKEND = "infolavoro.notifications.tests.test_outbox.DownBackend"
    now = timezone.now()
    assert deliver_pending(now=now) == 0
    message.refresh_from_db()
    assert (message.state, message.attempts) == (OutboxState.PENDING, 1)
    assert "SMTPServerDisconnected" in message.last_error
    assert message.next_attempt_at == now + retry_delay(1)
    # Not due yet: nothing is tried.
    assert deliver_pending(now=now + dt.timedelta(seconds=30)) == 0
    message.refresh_from_db()
    assert message.attempts == 1
    # The server is back: the e-mail goes out.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver_pending(now=now + retry_delay(1)) == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_gives_up_after_max_attempts_and_keeps_the_message(desk, settings):
    message = queue(desk)
    settings.EMAIL_BACKEND = "infolavoro.notifications.tests.test_outbox.DownBackend"
    now = timezone.now()
    for _ in range(MAX_ATTEMPTS):
        deliver_pending(now=now)
        now += dt.timedelta(days=1)
    message.refresh_from_db()
    assert (message.state, message.attempts) == (OutboxState.FAILED, MAX_ATTEMPTS)
    assert deliver_pending(now=now + dt.timedelta(days=1)) == 0


@pytest.mark.django_db
def test_a_claimed_message_is_not_sent_twice_but_a_stuck_one_returns_to_the_queue(desk, settings):
    settings.EMAIL_TIMEOUT = 30  # stuck after 10 timeouts: 5 minutes
    message = queue(desk)
    now = timezone.now()
    OutboxMessage.objects.filter(pk=message.pk).update(state=OutboxState.SENDING, claimed_at=now)
    assert deliver_pending(now=now + dt.timedelta(minutes=4)) == 0
    message.refresh_from_db()
    assert message.state == OutboxState.SENDING
    assert deliver_pending(now=now + dt.timedelta(minutes=6)) == 1
    message.refresh_from_db()
    assert (message.state, message.attempts) == (OutboxState.SENT, 2)  # the stuck try counts as one


@pytest.mark.django_db
def test_rolled_back_transaction_leaves_no_email(desk):
    from django.db import transaction

    def queue_then_fail():
        with transaction.atomic():
            queue(desk)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        queue_then_fail()
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_delivered_emails_are_purged_after_retention(desk):
    queue(desk)
    deliver_pending()
    assert purge_sent(now=timezone.now() + dt.timedelta(days=29)) == 0
    assert purge_sent(now=timezone.now() + dt.timedelta(days=31)) == 1


@pytest.mark.django_db
def test_scheduler_enqueues_each_periodic_task_once_per_interval(settings):
    from django_tasks_db.models import DBTaskResult

    from infolavoro.core.scheduler import enqueue_due

    settings.PERIODIC_TASKS = {"infolavoro.notifications.tasks.send_outbox": 60}
    now = timezone.now()
    assert enqueue_due(now) == ["infolavoro.notifications.tasks.send_outbox"]
    assert enqueue_due(now + dt.timedelta(seconds=30)) == []
    assert enqueue_due(now + dt.timedelta(seconds=61)) == ["infolavoro.notifications.tasks.send_outbox"]
    assert DBTaskResult.objects.count() == 2


class StillWaiting(BaseException):  # not an Exception: the outbox's error handling must not swallow it
    pass


@pytest.fixture
def silent_relay():
    """A mail server that accepts the connection and never says a word (the kernel completes the handshake of a
    listening socket nobody reads from)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield server.getsockname()[1]
    server.close()


@pytest.mark.django_db
def test_a_relay_that_never_answers_cannot_hold_the_worker(desk, settings, silent_relay):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", silent_relay, False
    settings.EMAIL_TIMEOUT = 1
    message = queue(desk)

    def give_up(signum, frame):  # without a timeout the worker would wait for ever: stop the test instead
        raise StillWaiting("deliver_pending still waiting after 15 s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(15)
    started = time.monotonic()
    try:
        assert deliver_pending() == 0
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - started < 5
    message.refresh_from_db()
    assert (message.state, message.attempts) == (OutboxState.PENDING, 1)
    assert "timed out" in message.last_error


def test_email_timeout_is_configured():
    from django.conf import settings

    assert 0 < settings.EMAIL_TIMEOUT <= 60
