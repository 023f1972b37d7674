"""The citizen's rights: export everything (JSON + PDF) and erase, one action each; the audit log."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.urls import reverse

from infolavoro.core.tests.tagged_pdf import assert_tagged_pdf
from infolavoro.intake.models import AuditEntry, Citizen, Consultation
from infolavoro.referrals import services as referral_services
from infolavoro.referrals.models import Referral, ReferralEvent

pytestmark = pytest.mark.django_db


def test_export_gives_json_and_pdf_of_everything_in_one_action(client, desk, operator, citizen, consultation,
                                                               service):
    referral_services.create_referral(consultation, service, operator, message="Interessata al corso")
    client.force_login(operator)
    response = client.post(reverse("intake:citizen_export", args=[desk.slug, citizen.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "Rossi" not in response["Content-Disposition"]  # no names in file names either
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["dati.json", "dati.pdf"]
    data = json.loads(archive.read("dati.json"))
    assert data["citizen"]["last_name"] == "Rossi"
    assert data["citizen"]["sharing_consent"] is True
    assert data["consultations"][0]["reason"] == "Cerca un corso"
    assert data["referrals"][0]["organization"] == "Ente Formazione Golfo"
    assert data["referrals"][0]["message"] == "Interessata al corso"
    assert archive.read("dati.pdf").startswith(b"%PDF")
    assert_tagged_pdf(archive.read("dati.pdf"), lang="it", title="Dati personali")
    assert AuditEntry.objects.filter(citizen_ref=citizen.pk, action="export", actor=operator).exists()


def test_export_is_post_only(client, desk, operator, citizen):
    client.force_login(operator)
    assert client.get(reverse("intake:citizen_export", args=[desk.slug, citizen.pk])).status_code == 405


def test_erase_removes_everything_and_leaves_only_the_code_in_the_log(client, desk, operator, citizen, consultation,
                                                                     service):
    referral_services.create_referral(consultation, service, operator)
    client.force_login(operator)
    url = reverse("intake:citizen_erase", args=[desk.slug, citizen.pk])
    assert "non si può annullare" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert not Citizen.objects.exists()
    assert not Consultation.objects.exists()
    assert not Referral.objects.exists()
    assert not ReferralEvent.objects.exists()
    assert AuditEntry.objects.filter(citizen_ref=citizen.pk, action="erase").exists()
    assert client.get(reverse("intake:citizen", args=[desk.slug, citizen.pk])).status_code == 404


def test_audit_log_shows_every_access_to_the_admin(client, desk, operator, desk_admin, citizen):
    client.force_login(operator)
    client.get(reverse("intake:citizen", args=[desk.slug, citizen.pk]))
    client.get(reverse("intake:citizen_edit", args=[desk.slug, citizen.pk]))
    client.post(reverse("intake:citizen_export", args=[desk.slug, citizen.pk]))
    actions = list(AuditEntry.objects.order_by("at", "id").values_list("action", "what"))
    assert actions == [("create", "scheda, consenso informativa, consenso condivisione"),
                       ("view", "scheda e storia"), ("view", "modulo di modifica"),
                       ("export", "tutti i dati (JSON e PDF)")]
    client.force_login(desk_admin)
    body = client.get(reverse("intake:audit_log", args=[desk.slug])).content.decode()
    assert body.count(citizen.short_code) == 4
    assert "Rossi" not in body  # the log names records by code
    assert "operatore@example.org" in body


def test_audit_log_filters_by_record_code(client, desk, operator, desk_admin, citizen):
    from infolavoro.intake.tests.conftest import make_citizen

    other = make_citizen(desk, operator, first_name="Paolo", email="paolo@example.org")
    client.force_login(desk_admin)
    detail = client.get(reverse("intake:citizen", args=[desk.slug, citizen.pk])).content.decode()
    assert f"?scheda={citizen.short_code}" in detail
    url = reverse("intake:audit_log", args=[desk.slug])
    body = client.get(url, {"scheda": citizen.short_code}).content.decode()
    assert citizen.short_code in body
    assert other.short_code not in body
    body = client.get(url, {"scheda": "nonsense"}).content.decode()
    assert "8 caratteri" in body
    assert 'value="nonsense"' in body
    client.force_login(operator)
    detail = client.get(reverse("intake:citizen", args=[desk.slug, citizen.pk])).content.decode()
    assert "?scheda=" not in detail


def test_export_includes_the_persons_appointments(client, desk, operator, citizen):
    import datetime as dt

    from infolavoro.booking.models import Booking, Reason
    from infolavoro.booking.tests.conftest import make_calendar

    calendar = make_calendar(desk)
    reason = Reason.objects.create(desk=desk, code="cv", label="Curriculum")
    start = dt.datetime(2026, 12, 9, 8, 30, tzinfo=dt.UTC)

    def book(at, **person):
        Booking.objects.create(calendar=calendar, desk=desk, reason=reason, start=at, seat=1,
                               end=at + dt.timedelta(minutes=30), **person)

    book(start, code="AAAA-AAAA", first_name="Maria", last_name="Rossi", email="maria.rossi@example.org",
         details="Rivedere il CV")
    book(start + dt.timedelta(days=7), code="BBBB-BBBB", first_name="M.", last_name="Rossi", phone=citizen.phone,
         notes="Richiamare")
    book(start + dt.timedelta(days=1), code="CCCC-CCCC", first_name="Altra", last_name="Persona",
         email="altra@example.org")
    client.force_login(operator)
    response = client.post(reverse("intake:citizen_export", args=[desk.slug, citizen.pk]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("dati.json"))
    assert [a["code"] for a in data["appointments"]] == ["AAAA-AAAA", "BBBB-BBBB"]
    first = data["appointments"][0]
    assert (first["reason"], first["details"], first["email"]) == ("Curriculum", "Rivedere il CV",
                                                                   "maria.rossi@example.org")
    assert first["start"].startswith("2026-12-09T08:30:00")
    assert data["appointments"][1]["notes"] == "Richiamare"
