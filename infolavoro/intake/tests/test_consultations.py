"""Consultations, the citizen's history at a glance, and the job-portal checklist."""

from __future__ import annotations

import pytest
from django.urls import reverse

from infolavoro.intake import services
from infolavoro.intake.models import AuditEntry, Consultation, PortalAssistance

pytestmark = pytest.mark.django_db


def test_operator_records_a_consultation_with_needs(client, desk, operator, citizen, terms):
    client.force_login(operator)
    response = client.post(reverse("intake:consultation_new", args=[desk.slug, citizen.pk]), {
        "held_at": "2026-03-02T10:30", "reason": "Primo colloquio", "needs": [str(terms["cv"].pk)],
        "notes": "Ha lavorato come magazziniere", "outcome": "Orientata", "next_steps": "Rifare il CV",
    })
    consultation = Consultation.objects.get()
    assert response.url == reverse("intake:consultation", args=[desk.slug, citizen.pk, consultation.pk])
    assert consultation.operator == operator
    assert list(consultation.needs.all()) == [terms["cv"]]
    assert consultation.held_at.tzinfo is not None


def test_bad_date_keeps_what_was_typed(client, desk, operator, citizen):
    client.force_login(operator)
    response = client.post(reverse("intake:consultation_new", args=[desk.slug, citizen.pk]),
                           {"held_at": "ieri", "reason": "Primo colloquio", "notes": "Note importanti"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Data e ora non valide" in body
    assert "Note importanti" in body
    assert 'value="Primo colloquio"' in body
    assert not Consultation.objects.exists()


def test_history_page_shows_every_consultation_in_constant_queries(client, desk, operator, citizen, terms, portal,
                                                                   django_assert_max_num_queries):
    for i in range(6):
        c = services.record_consultation(citizen, {"reason": f"Colloquio {i}", "outcome": f"Esito {i}"}, operator,
                                         needs=[terms["cv"], terms["formazione"]])
        services.update_portal_checklist(c, portal, ["Accesso con SPID"], False, operator)
    client.force_login(operator)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("intake:citizen", args=[desk.slug, citizen.pk]))
    body = response.content.decode()
    for i in range(6):
        assert f"Colloquio {i}" in body
        assert f"Esito {i}" in body
    assert "1 passo fatto" in body


def test_portal_checklist_is_ticked_and_saved(client, desk, operator, citizen, consultation, portal):
    client.force_login(operator)
    url = reverse("intake:consultation", args=[desk.slug, citizen.pk, consultation.pk])
    response = client.get(url)
    assert "SIISL" in response.content.decode()
    assert "Curriculum caricato" in response.content.decode()
    prefix = f"p{portal.pk}"
    response = client.post(url, {"portal": portal.pk, f"{prefix}-steps": ["Accesso con SPID", "Patto firmato"],
                                 f"{prefix}-completed": "on"})
    assert response.status_code == 302
    assistance = PortalAssistance.objects.get()
    assert assistance.done_steps == ["Accesso con SPID", "Patto firmato"]
    assert assistance.completed
    assert AuditEntry.objects.filter(what__contains="checklist portale SIISL").exists()


def test_unknown_checklist_step_is_refused_without_500(client, desk, operator, citizen, consultation, portal):
    client.force_login(operator)
    url = reverse("intake:consultation", args=[desk.slug, citizen.pk, consultation.pk])
    response = client.post(url, {"portal": portal.pk, f"p{portal.pk}-steps": ["Passo inventato"]})
    assert response.status_code == 200
    assert not PortalAssistance.objects.exists()
    assert client.post(url, {"portal": "999999"}).status_code == 404
    assert client.post(url, {"portal": "abc"}).status_code == 404


def test_consultation_page_queries_do_not_grow_with_portals(client, desk, operator, citizen, consultation,
                                                           django_assert_max_num_queries):
    from infolavoro.intake.models import JobPortal

    portals = [JobPortal.objects.create(desk=desk, name=f"Portale {i}", url="https://p.example", what_to_bring="-",
                                        checklist="Uno\nDue") for i in range(8)]
    for portal in portals:
        services.update_portal_checklist(consultation, portal, ["Uno"], False, operator)
    client.force_login(operator)
    with django_assert_max_num_queries(13):
        response = client.get(reverse("intake:consultation", args=[desk.slug, citizen.pk, consultation.pk]))
    assert response.content.decode().count('value="Uno" id=') == 8
