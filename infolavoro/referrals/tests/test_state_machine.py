"""A referral's states: who moves them, with what, and the database refusing impossible moves."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from infolavoro.intake.models import AuditEntry, Citizen
from infolavoro.referrals import services
from infolavoro.referrals.models import Referral, ReferralEvent, State

pytestmark = pytest.mark.django_db


def test_creating_a_referral_needs_consent(consultation, service, operator, sent_emails):
    Citizen.objects.filter(pk=consultation.citizen_id).update(sharing_consent=False)
    with pytest.raises(ValidationError, match="consenso"):
        services.create_referral(consultation, service, operator)
    assert not Referral.objects.exists()
    assert not sent_emails


def test_a_referral_is_sent_logged_and_emailed(referral, operator, sent_emails, organization):
    assert referral.state == State.SENT
    assert referral.organization == organization
    event = referral.events.get()
    assert (event.from_state, event.to_state, event.actor) == ("", State.SENT, operator)
    assert AuditEntry.objects.filter(action="share", citizen_ref=referral.citizen_id).exists()
    to_citizen, to_member = sent_emails
    assert to_citizen["to"] == ["maria.rossi@example.org"]
    assert to_citizen["context"]["email"] == "segreteria@ente.example"
    assert to_citizen["context"]["what_to_bring"] == "Documento d'identità"
    assert "Via Roma 1" in to_citizen["context"]["address"]
    assert to_member["to"] == ["segreteria@ente.example"]
    assert "Rossi" not in str(to_member)
    assert "maria" not in str(to_member)


def test_service_of_another_desk_is_refused(consultation, operator, other_desk, sent_emails):
    from infolavoro.network.models import Organization, Service

    org = Organization.objects.create(desk=other_desk, name="Altro", slug="altro", kind="association")
    svc = Service.objects.create(organization=org, name="X", slug="x", description="x")
    with pytest.raises(ValidationError):
        services.create_referral(consultation, svc, operator)


def test_member_goes_through_the_loop_and_each_step_is_recorded(referral, member_editor, operator):
    t = referral.created_at + dt.timedelta(hours=1)
    services.move(referral, State.ACCEPTED, member_editor, now=t)
    services.move(referral, State.APPOINTMENT_SET, member_editor, appointment_at=t + dt.timedelta(days=2),
                  now=t + dt.timedelta(hours=1))
    services.move(referral, State.SERVED, member_editor, outcome="Iscritta al corso", now=t + dt.timedelta(days=2))
    services.move(referral, State.CLOSED, operator, now=t + dt.timedelta(days=3))
    referral.refresh_from_db()
    assert referral.state == State.CLOSED
    assert referral.outcome == "Iscritta al corso"
    history = list(referral.events.values_list("from_state", "to_state", "actor__email", "at"))
    assert [h[:2] for h in history] == [("", "sent"), ("sent", "accepted"), ("accepted", "appointment_set"),
                                       ("appointment_set", "served"), ("served", "closed")]
    assert history[1][2] == "redazione@example.org"
    assert history[1][3] == t


def test_decline_needs_a_reason(referral, member_editor):
    with pytest.raises(ValidationError):
        services.move(referral, State.DECLINED, member_editor, decline_reason="  ")
    services.move(referral, State.DECLINED, member_editor, decline_reason="Corso al completo")
    assert Referral.objects.get().decline_reason == "Corso al completo"


@pytest.mark.parametrize("to_state", [State.SERVED, State.APPOINTMENT_SET, State.NO_SHOW])
def test_impossible_transitions_are_refused(referral, member_editor, to_state):
    with pytest.raises(ValidationError):
        services.move(referral, to_state, member_editor, appointment_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert Referral.objects.get().state == State.SENT


def test_only_the_addressed_member_responds(referral, other_editor, operator, member_editor):
    with pytest.raises(PermissionDenied):
        services.move(referral, State.ACCEPTED, other_editor)
    with pytest.raises(PermissionDenied):
        services.move(referral, State.ACCEPTED, operator)  # the desk does not accept on the member's behalf
    services.move(referral, State.ACCEPTED, member_editor)


def test_a_stale_copy_cannot_overwrite_a_concurrent_change(referral, member_editor):
    stale = Referral.objects.get(pk=referral.pk)
    services.move(referral, State.ACCEPTED, member_editor)
    with pytest.raises(ValidationError, match="modificata da qualcun altro"):
        services.move(stale, State.DECLINED, member_editor, decline_reason="Doppio")
    assert Referral.objects.get().state == State.ACCEPTED


def test_the_database_refuses_impossible_history_and_declines_without_reason(referral):
    with pytest.raises(IntegrityError), transaction.atomic():
        ReferralEvent.objects.create(referral=referral, from_state=State.SENT, to_state=State.SERVED,
                                     at=referral.created_at)
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=referral.pk).update(state=State.DECLINED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=referral.pk).update(state="lost")


@pytest.mark.parametrize(("state", "badge"), [
    ("sent", "bg-secondary"), ("accepted", "bg-secondary"), ("appointment_set", "bg-primary"),
    ("served", "bg-success"), ("declined", "bg-warning"), ("no_show", "bg-warning"), ("closed", "bg-dark"),
])
def test_a_loop_closed_without_the_service_does_not_look_like_a_success(state, badge):
    from infolavoro.referrals.models import Referral

    assert Referral(state=state).badge_class == badge
