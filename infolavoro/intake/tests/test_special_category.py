"""Special-category data (GDPR art. 9): a need flagged `special_category` (e.g. «Disabilità e inclusione
lavorativa») is stored on a person's record or consultation only with their explicit consent, enforced in the
service and by the database; the consent is recorded (what, when, who), exported and erased with the record."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from infolavoro.intake import services
from infolavoro.intake.models import AuditEntry, Citizen, Consultation, IntakeSettings, SpecialCategoryData
from infolavoro.network.models import TaxonomyTerm

pytestmark = pytest.mark.django_db

PERSON = {"first_name": "Giulia", "last_name": "Verdi", "email": "giulia@example.org"}


@pytest.fixture
def disability(desk) -> TaxonomyTerm:
    return TaxonomyTerm.objects.create(desk=desk, code="disabilita-inclusione", position=50,
                                       name="Disabilità e inclusione lavorativa", special_category=True)


# --- Service --------------------------------------------------------------------------------------------


def test_service_refuses_a_special_need_without_explicit_consent(desk, operator, terms, disability):
    with pytest.raises(ValidationError) as error:
        services.create_citizen(desk, PERSON, operator, privacy_acknowledged=True,
                                interests=[terms["cv"], disability])
    assert "special_consent" in error.value.message_dict
    assert "Disabilità e inclusione lavorativa" in error.value.message_dict["special_consent"][0]
    assert not Citizen.objects.exists()


def test_consent_is_recorded_with_what_when_and_who(desk, operator, terms, disability):
    citizen = services.create_citizen(desk, PERSON, operator, privacy_acknowledged=True,
                                      interests=[terms["cv"], disability], special_consent=True)
    citizen.refresh_from_db()
    assert set(citizen.interests.all()) == {terms["cv"], disability}
    assert citizen.special_consent_at is not None
    assert citizen.special_consent_by == operator
    assert citizen.special_consent_scope == "Disabilità e inclusione lavorativa"
    assert "consenso dati particolari" in AuditEntry.objects.get(citizen_ref=citizen.pk).what


def test_consent_is_not_recorded_when_nothing_special_is_stored(desk, operator, terms):
    citizen = services.create_citizen(desk, PERSON, operator, privacy_acknowledged=True, interests=[terms["cv"]],
                                      special_consent=True)
    citizen.refresh_from_db()
    assert (citizen.special_consent_at, citizen.special_consent_scope) == (None, "")


def test_adding_the_need_later_needs_the_consent_too(desk, operator, citizen, terms, disability):
    with pytest.raises(ValidationError):
        services.update_citizen(citizen, {}, operator, interests=[disability], special_consent=False)
    with pytest.raises(ValidationError):
        services.update_citizen(citizen, {}, operator, interests=[disability])  # an API caller not asking
    assert not citizen.interests.exists()
    services.update_citizen(citizen, {}, operator, interests=[disability], special_consent=True)
    citizen.refresh_from_db()
    assert list(citizen.interests.all()) == [disability]
    assert citizen.special_consent_at is not None


def test_consultation_with_a_special_need_needs_the_consent(citizen, operator, terms, disability):
    with pytest.raises(ValidationError):
        services.record_consultation(citizen, {"reason": "Colloquio"}, operator, needs=[disability])
    assert not Consultation.objects.exists()
    consultation = services.record_consultation(citizen, {"reason": "Colloquio"}, operator,
                                                needs=[disability, terms["cv"]], special_consent=True)
    citizen.refresh_from_db()
    assert set(consultation.needs.all()) == {disability, terms["cv"]}
    assert citizen.special_consent_by == operator
    # Once given, later consultations need not ask again.
    services.record_consultation(citizen, {"reason": "Secondo colloquio"}, operator, needs=[disability])


def test_withdrawing_the_consent_erases_the_special_data_it_covered(desk, operator, terms, disability):
    IntakeSettings.objects.create(desk=desk, special_categories_enabled=True)
    citizen = services.create_citizen(desk, PERSON, operator, privacy_acknowledged=True, interests=[disability],
                                      special_notes="Invalidità civile 60%", special_consent=True)
    consultation = services.record_consultation(citizen, {"reason": "Colloquio"}, operator,
                                                needs=[disability, terms["cv"]])
    citizen.refresh_from_db()
    assert citizen.special_consent_scope == "Disabilità e inclusione lavorativa; note su salute o disabilità"
    # The consent unticked while the need is still ticked: refused, nothing changes.
    with pytest.raises(ValidationError):
        services.update_citizen(citizen, {}, operator, interests=[disability], special_notes="",
                                special_consent=False)
    services.update_citizen(citizen, {}, operator, interests=[terms["cv"]], special_notes="", special_consent=False)
    citizen.refresh_from_db()
    assert (citizen.special_consent_at, citizen.special_consent_by, citizen.special_consent_scope) == (None, None, "")
    assert list(consultation.needs.all()) == [terms["cv"]]
    assert not SpecialCategoryData.objects.exists()
    assert "revocato" in AuditEntry.objects.filter(citizen_ref=citizen.pk).first().what


# --- Database ------------------------------------------------------------------------------------------


def test_database_refuses_a_special_need_without_consent_whoever_writes_it(desk, operator, citizen, terms,
                                                                           disability):
    with pytest.raises(IntegrityError), transaction.atomic():
        citizen.interests.add(disability)
    consultation = services.record_consultation(citizen, {"reason": "Colloquio"}, operator)
    with pytest.raises(IntegrityError), transaction.atomic():
        consultation.needs.add(disability)
    citizen.interests.add(terms["cv"])  # ordinary needs are not concerned
    Citizen.objects.filter(pk=citizen.pk).update(special_consent_at=citizen.created_at, special_consent_scope="x")
    citizen.interests.add(disability)
    consultation.needs.add(disability)


def test_database_refuses_a_consent_without_what_it_covers(citizen):
    with pytest.raises(IntegrityError), transaction.atomic():
        Citizen.objects.filter(pk=citizen.pk).update(special_consent_at=citizen.created_at)


def test_the_triggers_exist_after_migrations():
    """A later SQLite migration rebuilding a through table would drop them silently: this says so."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'intake_special%'")
            assert len(cursor.fetchall()) == 4
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'intake_special%'")
            assert len(cursor.fetchall()) == 2


# --- Export and erasure --------------------------------------------------------------------------------


def test_consent_is_exported_and_erased_with_the_record(client, desk, operator, disability):
    citizen = services.create_citizen(desk, PERSON, operator, privacy_acknowledged=True, interests=[disability],
                                      special_consent=True)
    client.force_login(operator)
    response = client.post(reverse("intake:citizen_export", args=[desk.slug, citizen.pk]))
    data = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("dati.json"))
    consent = data["citizen"]["special_category_consent"]
    assert consent["covers"] == "Disabilità e inclusione lavorativa"
    assert consent["given_at"]
    assert consent["recorded_by"] == str(operator)
    assert data["citizen"]["interests"] == ["Disabilità e inclusione lavorativa"]
    client.post(reverse("intake:citizen_erase", args=[desk.slug, citizen.pk]))
    assert not Citizen.objects.exists()
    assert not Citizen.interests.through.objects.exists()


# --- Form ----------------------------------------------------------------------------------------------


def _form(**overrides):
    data = {**PERSON, "phone": "333 7654321", "privacy_acknowledged": "on", "languages": "italiano"}
    data.update(overrides)
    return data


def test_form_marks_special_needs_and_keeps_the_consent_box_hidden_until_one_is_ticked(client, desk, operator,
                                                                                        terms, disability):
    client.force_login(operator)
    page = client.get(reverse("intake:citizen_new", args=[desk.slug])).content.decode()
    assert re.search(rf'<input[^>]*value="{disability.pk}"[^>]*data-special-category', page)
    assert not re.search(rf'<input[^>]*value="{terms["cv"].pk}"[^>]*data-special-category', page)
    assert re.search(r'<fieldset[^>]*id="special-consent"[^>]*hidden', page)
    assert 'name="special_consent"' in page
    assert "special-consent.js" in page


def test_form_without_the_consent_shows_why_and_keeps_what_was_typed(client, desk, operator, terms, disability):
    client.force_login(operator)
    url = reverse("intake:citizen_new", args=[desk.slug])
    response = client.post(url, _form(interests=[str(terms["cv"].pk), str(disability.pk)]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "serve il consenso esplicito della persona" in page
    assert re.search(r'<fieldset[^>]*id="special-consent"(?![^>]*hidden)[^>]*>', page)  # shown with the error
    assert 'value="Giulia"' in page
    assert 'value="italiano"' in page
    assert re.search(rf'<input[^>]*value="{disability.pk}"[^>]*checked', page)
    assert not Citizen.objects.exists()
    response = client.post(url, _form(interests=[str(disability.pk)], special_consent="on"))
    assert response.status_code == 302
    citizen = Citizen.objects.get()
    assert citizen.special_consent_by == operator
    detail = client.get(reverse("intake:citizen", args=[desk.slug, citizen.pk])).content.decode()
    assert "Consenso esplicito ai dati particolari dato il" in detail


def test_consultation_form_asks_the_consent_only_when_not_given(client, desk, operator, citizen, disability):
    client.force_login(operator)
    url = reverse("intake:consultation_new", args=[desk.slug, citizen.pk])
    response = client.post(url, {"held_at": "2026-12-09T09:00", "reason": "Colloquio",
                                 "needs": [str(disability.pk)]})
    assert response.status_code == 200
    assert "serve il consenso esplicito della persona" in response.content.decode()
    assert not Consultation.objects.exists()
    response = client.post(url, {"held_at": "2026-12-09T09:00", "reason": "Colloquio",
                                 "needs": [str(disability.pk)], "special_consent": "on"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert 'name="special_consent"' not in page
    assert "Consenso esplicito ai dati particolari dato il" in page
