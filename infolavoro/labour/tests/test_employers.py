from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from infolavoro.accounts.models import Role, RoleAssignment
from infolavoro.labour import services
from infolavoro.labour.models import Employer
from infolavoro.notifications.models import OutboxMessage

from .conftest import VALID_VAT, employer_data

pytestmark = pytest.mark.django_db


def test_operator_registers_a_verified_employer_with_its_ateco_sector(desk, operator, taxonomy):
    employer = services.create_employer(desk, employer_data(tax_code=" it00743110157 "), operator,
                                        privacy_acknowledged=True)
    assert employer.tax_code == VALID_VAT
    assert employer.status == Employer.Status.APPROVED
    assert employer.ateco_title == "Movimentazione merci"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("tax_code", "00743110158", "Partita IVA non valida"),
    ("tax_code", "RSSMRA85T10A562X", "Codice fiscale non valido"),
    ("tax_code", "12\x0034", "Indica una partita IVA"),
    ("ateco_code", "99.99.99", "Codice ATECO sconosciuto"),
])
def test_bad_identifiers_are_refused_in_italian(desk, operator, taxonomy, field, value, message):
    with pytest.raises(ValidationError) as exc:
        services.create_employer(desk, employer_data(**{field: value}), operator, privacy_acknowledged=True)
    assert message in " ".join(exc.value.message_dict[field])


def test_duplicate_and_missing_privacy(desk, operator, employer):
    with pytest.raises(ValidationError, match="già registrato"):
        services.create_employer(desk, employer_data(), operator, privacy_acknowledged=True)
    with pytest.raises(ValidationError, match="informativa"):
        services.create_employer(desk, employer_data(tax_code="01234560116"), operator, privacy_acknowledged=False)


def test_member_editor_cannot_register_employers(desk, member_editor, taxonomy):
    with pytest.raises(PermissionDenied):
        services.create_employer(desk, employer_data(), member_editor, privacy_acknowledged=True)


def test_invited_contact_gets_the_scoped_role_and_an_email(desk, operator, employer):
    assignment = services.invite_contact(employer, email="Anna@Logistica.example", first_name="Anna",
                                         last_name="Verdi", actor=operator)
    assert assignment.role == Role.EMPLOYER_CONTACT
    assert assignment.employer == employer
    assert ["anna@logistica.example"] in [m.to for m in OutboxMessage.objects.all()]


def test_the_database_ties_the_employer_to_the_role_and_only_to_it(desk, employer, operator):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=operator, role=Role.EMPLOYER_CONTACT, desk=desk)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=operator, role=Role.DESK_ADMIN, desk=desk, employer=employer)


def test_public_offer_form_keeps_what_was_typed_and_goes_to_review(client, desk, taxonomy):
    url = reverse("jobs:offer", args=[desk.slug])
    data = {**employer_data(tax_code="00743110158"), "privacy": "on", "title": "Badante a ore",
            "occupation_text": "badante", "description": "Assistenza a una signora anziana.",
            "contract_type": "determinato", "workplace": "Sarzana", "how_to_apply": "Telefonare",
            "expires_on": "2099-12-31"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Partita IVA non valida" in response.content.decode()
    assert "Assistenza a una signora anziana." in response.content.decode()
    assert not Employer.objects.exists()
    response = client.post(url, {**data, "tax_code": VALID_VAT})
    assert response.status_code == 200, response.content.decode()[:500]
    employer = Employer.objects.get()
    assert employer.status == Employer.Status.PENDING
    vacancy = employer.vacancies.get()
    assert vacancy.state == "in_review"
    assert vacancy.occupation == taxonomy["assistente"]  # found through the synonym "badante"
    assert list(vacancy.essential_skills.all()) == [taxonomy["pasti"]]


@pytest.mark.parametrize("garbage", ["\x00", "x" * 5000, "9999-99-99", "<script>"])
def test_public_offer_form_never_fails_on_garbage(client, desk, taxonomy, garbage):
    url = reverse("jobs:offer", args=[desk.slug])
    fields = ["name", "tax_code", "ateco_code", "comune", "contact_name", "contact_email", "title",
              "occupation_text", "description", "contract_type", "workplace", "how_to_apply", "expires_on"]
    assert client.post(url, dict.fromkeys(fields, garbage)).status_code == 200
    assert not Employer.objects.exists()
