"""The daily follow-up: each desk is e-mailed the referrals waiting too long, with codes only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import timezone

from infolavoro.intake.models import IntakeSettings
from infolavoro.referrals import services
from infolavoro.referrals.models import Referral, State
from infolavoro.referrals.tasks import send_referral_follow_ups

NOW = dt.datetime(2026, 3, 10, 7, 0, tzinfo=dt.UTC)


def _age(referral: Referral, days: int) -> None:
    Referral.objects.filter(pk=referral.pk).update(state_changed_at=NOW - dt.timedelta(days=days))


def test_desk_gets_one_digest_with_codes_and_no_personal_data(referral, desk, sent_emails,
                                                              django_assert_max_num_queries):
    IntakeSettings.objects.create(desk=desk, referral_alert_days=3)
    _age(referral, 2)
    sent_emails.clear()
    assert services.send_overdue_digest(NOW) == 0
    assert sent_emails == []
    _age(referral, 4)
    # Settings, desks with waiting referrals, the overdue referrals; then per desk its e-mail written to the
    # outbox (one insert inside two nested savepoints).
    with django_assert_max_num_queries(8):
        assert services.send_overdue_digest(NOW) == 1
    (mail,) = sent_emails
    assert mail["to"] == [desk.email]
    assert mail["context"]["referrals"][0]["code"] == referral.code
    assert mail["context"]["referrals"][0]["days"] == 4
    body = render_to_string(mail["template"], mail["context"])
    assert referral.code in body
    assert "da 4 giorni" in body
    assert referral.citizen.last_name not in body
    assert referral.citizen.email not in body


def test_answered_referrals_and_default_threshold(referral, member_editor, desk, sent_emails):
    _age(referral, 4)  # the default threshold is 5 days
    sent_emails.clear()
    assert services.send_overdue_digest(NOW) == 0
    _age(referral, 6)
    assert services.send_overdue_digest(NOW) == 1
    services.move(referral, State.DECLINED, member_editor, decline_reason="Corso pieno", now=NOW)
    sent_emails.clear()
    assert services.send_overdue_digest(NOW + dt.timedelta(days=30)) == 0


def test_command_and_task(referral, sent_emails, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    _age(referral, 10)
    sent_emails.clear()
    call_command("send_referral_follow_ups", "--now", NOW.isoformat())
    assert len(sent_emails) == 1
    Referral.objects.filter(pk=referral.pk).update(state_changed_at=timezone.now() - dt.timedelta(days=10))
    assert send_referral_follow_ups.enqueue().return_value == 1
    with pytest.raises(Exception, match="time zone"):
        call_command("send_referral_follow_ups", "--now", "2026-01-01T00:00:00")
