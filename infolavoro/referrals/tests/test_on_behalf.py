"""Members without a login: the operator records on the member's behalf what it said on the phone, through the
state machine, and the history says so; the referral form warns before sending that such a member has no access."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from infolavoro.referrals import services
from infolavoro.referrals.models import ReferralEvent, State

pytestmark = pytest.mark.django_db


def detail_url(referral):
    return reverse("referrals:detail", args=["la-spezia", referral.pk])


def test_operator_records_the_members_answers_on_its_behalf(client, referral, operator):
    appointment = timezone.now() + dt.timedelta(days=3)
    services.record_for_member(referral, State.ACCEPTED, operator)
    services.record_for_member(referral, State.APPOINTMENT_SET, operator, appointment_at=appointment)
    services.record_for_member(referral, State.SERVED, operator, outcome="Iscritta al corso")
    referral.refresh_from_db()
    assert (referral.state, referral.appointment_at, referral.outcome) == (State.SERVED, appointment,
                                                                           "Iscritta al corso")
    events = list(referral.events.filter(on_behalf_of_member=True))
    assert [e.to_state for e in events] == [State.ACCEPTED, State.APPOINTMENT_SET, State.SERVED]
    assert {e.actor for e in events} == {operator}
    client.force_login(operator)
    page = client.get(detail_url(referral)).content.decode()
    assert page.count("registrato dallo sportello per conto di Ente Formazione Golfo") == 3


def test_decline_and_no_show_through_the_page(client, referral, operator, consultation, service):
    client.force_login(operator)
    page = client.get(detail_url(referral)).content.decode()
    assert "non ha accesso a InfoLavoro: registra tu" in page
    assert "Registra per conto del soggetto: «accettata»" in page
    move = reverse("referrals:move", args=["la-spezia", referral.pk])
    response = client.post(move, {"to_state": State.DECLINED, "declined-decline_reason": ""})
    assert response.status_code == 400  # the reason is required, as for the member itself
    response = client.post(move, {"to_state": State.DECLINED, "declined-decline_reason": "Corso al completo"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.state, referral.decline_reason) == (State.DECLINED, "Corso al completo")
    assert referral.events.get(to_state=State.DECLINED).on_behalf_of_member
    second = services.create_referral(consultation, service, operator)
    services.record_for_member(second, State.ACCEPTED, operator)
    client.post(move.replace(str(referral.pk), str(second.pk)), {"to_state": State.NO_SHOW,
                                                                 "no_show-outcome": "Non è venuta"})
    second.refresh_from_db()
    assert second.state == State.NO_SHOW


def test_a_member_that_can_log_in_answers_for_itself(client, member_editor, referral, operator):
    with pytest.raises(ValidationError):
        services.record_for_member(referral, State.ACCEPTED, operator)
    client.force_login(operator)
    page = client.get(detail_url(referral)).content.decode()
    assert "Registra per conto del soggetto" not in page
    response = client.post(reverse("referrals:move", args=["la-spezia", referral.pk]), {"to_state": State.ACCEPTED})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.state == State.SENT  # refused: the member's step


def test_only_the_desk_records_on_behalf_and_only_the_members_steps(referral, member_editor, operator,
                                                                    other_operator):
    with pytest.raises(PermissionDenied):
        services.record_for_member(referral, State.ACCEPTED, other_operator)  # another desk's operator
    with pytest.raises(ValidationError):
        services.record_for_member(referral, State.CLOSED, operator)


def test_the_database_refuses_on_behalf_for_the_desks_own_steps(referral, operator):
    with pytest.raises(IntegrityError), transaction.atomic():
        ReferralEvent.objects.create(referral=referral, from_state=State.SENT, to_state=State.CLOSED,
                                     actor=operator, at=timezone.now(), on_behalf_of_member=True)


def test_the_referral_form_warns_before_sending_when_the_member_has_no_access(client, desk, operator, consultation,
                                                                              service, other_service, terms,
                                                                              other_editor,
                                                                              django_assert_max_num_queries):
    client.force_login(operator)
    url = reverse("referrals:new", args=[desk.slug, consultation.pk])
    with django_assert_max_num_queries(13):  # one query for all members' access, not one per service
        body = client.get(url).content.decode()
    warning = "Questo membro non ha accesso a InfoLavoro: riceverà un&#x27;e-mail; registrerai tu l&#x27;esito"
    assert warning in body
    assert 'aria-describedby="id_service_0-access"' in body
    body = client.get(url, {"bisogno": terms["cv"].pk}).content.decode()
    assert "Sportello CV" in body
    assert "non ha accesso a InfoLavoro" not in body  # other_service's member has an editor
