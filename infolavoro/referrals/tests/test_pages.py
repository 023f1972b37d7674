"""Referral pages: role × object scoping, the member's inbox, consent-limited data, the desk's overdue alert."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from infolavoro.intake.models import AuditEntry, Citizen, IntakeSettings
from infolavoro.referrals import services
from infolavoro.referrals.models import Referral, State

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(operator, desk_admin, member_editor, monitoring_viewer, other_operator, other_editor):
    return {"operator": operator, "desk_admin": desk_admin, "member_editor": member_editor,
            "monitoring_viewer": monitoring_viewer, "other_desk_operator": other_operator,
            "other_member_editor": other_editor, "anonymous": None}


@pytest.mark.parametrize(("role", "expected"), [
    ("operator", 200), ("desk_admin", 200), ("member_editor", 200), ("monitoring_viewer", 404),
    ("other_desk_operator", 404), ("other_member_editor", 404), ("anonymous", 404),
])
def test_referral_page_role_by_object(client, desk, referral, users, role, expected):
    if users[role]:
        client.force_login(users[role])
    assert client.get(reverse("referrals:detail", args=[desk.slug, referral.pk])).status_code == expected
    response = client.post(reverse("referrals:move", args=[desk.slug, referral.pk]), {"to_state": "accepted"})
    if expected == 404:
        assert response.status_code == 404
    assert Referral.objects.get().state == (State.ACCEPTED if role == "member_editor" else State.SENT)


@pytest.mark.parametrize(("role", "expected"), [
    ("operator", 200), ("member_editor", 404), ("other_desk_operator", 404), ("anonymous", 302),
])
def test_desk_list_is_for_desk_staff(client, desk, users, role, expected):
    if users[role]:
        client.force_login(users[role])
    assert client.get(reverse("referrals:desk_list", args=[desk.slug])).status_code == expected


def test_inbox_shows_only_the_members_own_referrals(client, desk, referral, consultation, other_service, operator,
                                                    member_editor, other_editor, sent_emails,
                                                    django_assert_max_num_queries):
    other = services.create_referral(consultation, other_service, operator)
    client.force_login(member_editor)
    with django_assert_max_num_queries(8):
        body = client.get(reverse("referrals:inbox", args=[desk.slug])).content.decode()
    assert referral.code in body
    assert other.code not in body
    assert "Rossi" not in body  # the inbox lists codes and services, not people
    client.force_login(other_editor)
    body = client.get(reverse("referrals:inbox", args=[desk.slug])).content.decode()
    assert other.code in body
    assert referral.code not in body


def test_anonymous_gets_404_on_new_referral_and_login_on_lists(client, desk, consultation):
    assert client.get(reverse("referrals:new", args=[desk.slug, consultation.pk])).status_code == 404
    assert client.get(reverse("referrals:inbox", args=[desk.slug])).status_code == 302


def test_inbox_is_404_for_who_edits_no_member(client, desk, operator):
    client.force_login(operator)
    assert client.get(reverse("referrals:inbox", args=[desk.slug])).status_code == 404


def test_member_sees_the_citizen_only_with_consent_and_the_view_is_logged(client, desk, referral, member_editor):
    client.force_login(member_editor)
    url = reverse("referrals:detail", args=[desk.slug, referral.pk])
    body = client.get(url).content.decode()
    assert "Maria Rossi" in body
    assert "maria.rossi@example.org" in body
    assert "Apri la scheda completa" not in body  # no link to the desk's record
    entry = AuditEntry.objects.filter(action="view", actor=member_editor).get()
    assert entry.what == f"segnalazione {referral.code}"
    Citizen.objects.filter(pk=referral.citizen_id).update(sharing_consent=False)
    body = client.get(url).content.decode()
    assert "Rossi" not in body
    assert "revocato il consenso" in body
    assert AuditEntry.objects.filter(action="view", actor=member_editor).count() == 1


def test_member_accepts_declines_with_reason_through_the_page(client, desk, referral, member_editor):
    client.force_login(member_editor)
    url = reverse("referrals:move", args=[desk.slug, referral.pk])
    response = client.post(url, {"to_state": "declined", "declined-decline_reason": ""})
    assert response.status_code == 400
    assert "Indica il motivo del rifiuto" in response.content.decode()
    response = client.post(url, {"to_state": "declined", "declined-decline_reason": "Corso pieno"})
    assert response.status_code == 302
    assert Referral.objects.get().state == State.DECLINED


def test_bad_appointment_date_gives_a_message_not_a_500(client, desk, referral, member_editor):
    services.move(referral, State.ACCEPTED, member_editor)
    client.force_login(member_editor)
    url = reverse("referrals:move", args=[desk.slug, referral.pk])
    response = client.post(url, {"to_state": "appointment_set", "appointment_set-appointment_at": "domani"})
    assert response.status_code == 400
    assert "Data e ora non valide" in response.content.decode()
    assert 'value="domani"' in response.content.decode()
    response = client.post(url, {"to_state": "appointment_set"})
    assert "Indica data e ora" in response.content.decode()
    response = client.post(url, {"to_state": "nonsense"}, follow=True)
    assert "Richiesta non valida" in response.content.decode()
    response = client.post(url, {"to_state": "appointment_set", "appointment_set-appointment_at": "2026-12-01T10:00"})
    assert Referral.objects.get().state == State.APPOINTMENT_SET


def test_desk_is_alerted_to_referrals_waiting_too_long(client, desk, referral, operator, django_assert_max_num_queries):
    IntakeSettings.objects.create(desk=desk, referral_alert_days=3)
    client.force_login(operator)
    url = reverse("referrals:desk_list", args=[desk.slug])
    assert "ferma da più di" not in client.get(url).content.decode()
    Referral.objects.filter(pk=referral.pk).update(state_changed_at=timezone.now() - dt.timedelta(days=4))
    with django_assert_max_num_queries(10):
        body = client.get(url).content.decode()
    assert "1 segnalazione ferma da più di 3 giorni" in body


def test_operator_refers_from_the_consultation_searching_by_need(client, desk, operator, consultation, service,
                                                                 other_service, terms, sent_emails):
    client.force_login(operator)
    url = reverse("referrals:new", args=[desk.slug, consultation.pk])
    body = client.get(url).content.decode()  # defaults to the consultation's first need: training
    assert "Corso di saldatura" in body
    assert "Sportello CV" not in body
    body = client.get(url, {"bisogno": terms["cv"].pk}).content.decode()
    assert "Sportello CV" in body
    assert "Corso di saldatura" not in body
    response = client.post(url, {"message": "Vuole saldare"})
    assert "Scegli il servizio" in response.content.decode()
    assert "Vuole saldare" in response.content.decode()
    response = client.post(url, {"service": service.pk, "message": "Vuole saldare"}, follow=True)
    referral = Referral.objects.get()
    assert response.redirect_chain[0][0] == reverse("referrals:detail", args=[desk.slug, referral.pk])
    # The member has nobody with an access yet: the operator is told to phone and invite it.
    assert "non ha ancora un accesso a InfoLavoro" in response.content.decode()
    assert referral.consultation == consultation
    assert referral.need == terms["formazione"]


def test_bad_need_in_the_search_is_not_a_500(client, desk, operator, consultation, service):
    client.force_login(operator)
    url = reverse("referrals:new", args=[desk.slug, consultation.pk])
    response = client.get(url, {"bisogno": "not-a-uuid"})
    assert response.status_code == 200
    assert "Corso di saldatura" in response.content.decode()
    response = client.post(url, {"service": "00000000-0000-0000-0000-000000000000"})
    assert "Servizio non disponibile" in response.content.decode()
    assert client.get(reverse("referrals:desk_list", args=[desk.slug]), {"stato": "bogus"}).status_code == 200


def test_referral_page_queries_do_not_grow_with_history(client, desk, referral, member_editor,
                                                        django_assert_max_num_queries):
    services.move(referral, State.ACCEPTED, member_editor)
    for _ in range(3):
        services.move(referral, State.APPOINTMENT_SET, member_editor, appointment_at=timezone.now())
        services.move(referral, State.NO_SHOW, member_editor)
    client.force_login(member_editor)
    with django_assert_max_num_queries(11):
        response = client.get(reverse("referrals:detail", args=[desk.slug, referral.pk]))
    assert response.content.decode().count("la persona non si è presentata") >= 3
