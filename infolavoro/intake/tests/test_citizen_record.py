"""Creating and editing a citizen's record: consents, validation in Italian, nothing typed lost, audit."""

from __future__ import annotations

import pytest
from django.urls import reverse

from infolavoro.intake.models import AuditEntry, Citizen, IntakeSettings, SpecialCategoryData

from .conftest import VALID_CF

pytestmark = pytest.mark.django_db


def _form(**overrides):
    data = {"first_name": "Giulia", "last_name": "Verdi", "email": "giulia@example.org", "phone": "333 7654321",
            "codice_fiscale": VALID_CF.lower(), "age_band": "25_34", "languages": "italiano, inglese",
            "privacy_acknowledged": "on", "sharing_consent": "on"}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_operator_creates_a_record_with_consents_and_is_sent_to_the_consultation(client, desk, operator, terms):
    client.force_login(operator)
    response = client.post(reverse("intake:citizen_new", args=[desk.slug]),
                           _form(interests=[str(terms["cv"].pk)]))
    citizen = Citizen.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("intake:consultation_new", args=[desk.slug, citizen.pk])
    assert citizen.codice_fiscale == VALID_CF  # normalised
    assert citizen.privacy_acknowledged_at
    assert citizen.sharing_consent
    assert citizen.sharing_consent_changed_at
    assert list(citizen.interests.all()) == [terms["cv"]]
    assert citizen.created_by == operator
    entry = AuditEntry.objects.get(citizen_ref=citizen.pk)
    assert (entry.actor, entry.action) == (operator, "create")
    assert "Giulia" not in entry.what
    assert VALID_CF not in entry.what


@pytest.mark.parametrize(("field", "value", "message"), [
    ("codice_fiscale", "RSSMRA85T10A562X", "carattere di controllo"),
    ("codice_fiscale", "RSSMRA85", "16 caratteri"),
    ("email", "giulia@", "Indirizzo e-mail non valido"),
    ("phone", "12", "Numero di telefono non valido"),
    ("privacy_acknowledged", None, "consegna l&#x27;informativa"),
])
def test_bad_input_gets_an_italian_message_and_keeps_what_was_typed(client, desk, operator, field, value, message):
    client.force_login(operator)
    data = _form(**{field: value})
    response = client.post(reverse("intake:citizen_new", args=[desk.slug]), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert 'value="Giulia"' in body
    assert 'value="Verdi"' in body
    assert 'value="italiano, inglese"' in body
    if value:
        assert f'value="{value}"' in body
    assert not Citizen.objects.exists()


def test_duplicate_codice_fiscale_on_the_same_desk_is_refused_politely(client, desk, operator, citizen):
    citizen.codice_fiscale = VALID_CF
    citizen.save()
    client.force_login(operator)
    response = client.post(reverse("intake:citizen_new", args=[desk.slug]), _form())
    assert "Esiste già una scheda con questo codice fiscale" in response.content.decode()
    assert Citizen.objects.count() == 1


def test_special_category_fields_are_absent_unless_the_desk_enables_them(client, desk, operator):
    client.force_login(operator)
    response = client.get(reverse("intake:citizen_new", args=[desk.slug]))
    assert "special_notes" not in response.content.decode()
    response = client.post(reverse("intake:citizen_new", args=[desk.slug]), _form(special_notes="Invalidità 50%"))
    assert not SpecialCategoryData.objects.exists()


def test_special_category_data_needs_explicit_consent_and_is_kept_apart(client, desk, operator):
    IntakeSettings.objects.create(desk=desk, special_categories_enabled=True)
    client.force_login(operator)
    url = reverse("intake:citizen_new", args=[desk.slug])
    response = client.post(url, _form(special_notes="Invalidità civile 50%"))
    assert "serve il consenso esplicito" in response.content.decode()
    assert "Invalidità civile 50%" in response.content.decode()  # kept
    assert not Citizen.objects.exists()
    client.post(url, _form(special_notes="Invalidità civile 50%", special_consent="on"))
    special = SpecialCategoryData.objects.get()
    assert special.notes == "Invalidità civile 50%"
    assert special.explicit_consent_at
    assert "dati particolari" in AuditEntry.objects.get().what


def test_sharing_consent_can_be_revoked_and_it_is_logged(client, desk, operator, citizen):
    client.force_login(operator)
    data = _form(first_name="Maria", last_name="Rossi", codice_fiscale="", sharing_consent=None)
    response = client.post(reverse("intake:citizen_edit", args=[desk.slug, citizen.pk]), data)
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert not citizen.sharing_consent
    entry = AuditEntry.objects.filter(action="update").get()
    assert "consenso condivisione revocato" in entry.what


def test_edit_with_bad_email_keeps_input_and_changes_nothing(client, desk, operator, citizen):
    client.force_login(operator)
    data = _form(first_name="Mariella", email="not-an-email", codice_fiscale="")
    response = client.post(reverse("intake:citizen_edit", args=[desk.slug, citizen.pk]), data)
    assert response.status_code == 200
    assert 'value="Mariella"' in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.first_name == "Maria"


def test_search_is_a_post_so_names_never_reach_the_url(client, desk, operator, citizen):
    client.force_login(operator)
    response = client.post(reverse("intake:index", args=[desk.slug]), {"q": "rossi"})
    assert "Rossi" in response.content.decode()
    assert AuditEntry.objects.filter(action="list", citizen_ref=citizen.pk).exists()
    response = client.post(reverse("intake:index", args=[desk.slug]), {"q": "nessuno"})
    assert "Nessuna persona trovata" in response.content.decode()
