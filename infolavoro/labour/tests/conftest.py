"""Fixtures of labour: the ESCO test fixture loaded, a verified employer with its contact, a published vacancy,
a consenting person's profile."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from conftest import make_user
from infolavoro.accounts.models import Role, RoleAssignment
from infolavoro.intake.tests.conftest import (  # noqa: F401  (shared fixtures)
    citizen,
    make_citizen,
    other_desk_citizen,
    other_operator,
)
from infolavoro.labour import services
from infolavoro.labour.esco import import_esco
from infolavoro.labour.models import Employer, Occupation, Skill, Synonym, VacancyState

FIXTURE = Path(__file__).parent / "fixtures" / "esco"
VALID_VAT = "00743110157"
OTHER_VAT = "01234560116"  # check digit computed with stdnum's luhn


@pytest.fixture
def taxonomy(db, desk):
    import_esco(FIXTURE, progress=False)
    carrellista = Occupation.objects.get(preferred_label="carrellista")
    Synonym.objects.create(desk=None, term="badante", occupation=Occupation.objects.get(
        preferred_label="assistente familiare"))
    Synonym.objects.create(desk=desk, term="guidare il muletto",
                           skill=Skill.objects.get(preferred_label="condurre il carrello elevatore"))
    return {"carrellista": carrellista,
            "assistente": Occupation.objects.get(preferred_label="assistente familiare"),
            "muletto": Skill.objects.get(preferred_label="condurre il carrello elevatore"),
            "sicurezza": Skill.objects.get(preferred_label__startswith="norme di sicurezza"),
            "pasti": Skill.objects.get(preferred_label="preparare i pasti")}


def employer_data(**extra):
    return {"name": "Logistica Golfo S.r.l.", "tax_code": VALID_VAT, "ateco_code": "52.24", "address": "Via Porto 1",
            "comune": "La Spezia", "contact_name": "Anna Verdi", "contact_email": "anna@logistica.example",
            "contact_phone": "", **extra}


@pytest.fixture
def employer(desk, operator, taxonomy) -> Employer:
    return services.create_employer(desk, employer_data(), operator, privacy_acknowledged=True)


@pytest.fixture
def other_employer(desk, operator, taxonomy) -> Employer:
    return services.create_employer(desk, employer_data(name="Altra S.r.l.", tax_code=OTHER_VAT,
                                                        contact_email="altra@example.org"), operator,
                                    privacy_acknowledged=True)


def make_contact(email, desk, employer):
    user = make_user(email)
    RoleAssignment.objects.create(user=user, role=Role.EMPLOYER_CONTACT, desk=desk, employer=employer)
    return user


@pytest.fixture
def employer_contact(desk, employer):
    return make_contact("contatto@logistica.example", desk, employer)


@pytest.fixture
def other_employer_contact(desk, other_employer):
    return make_contact("contatto@altra.example", desk, other_employer)


def vacancy_data(occupation, **extra):
    today = timezone.localdate()
    return {"title": "Carrellista turni", "occupation": occupation, "description": "Movimentazione merci.",
            "contract_type": "determinato", "comune": "La Spezia", "how_to_apply": "CV a anna@logistica.example",
            "published_on": today, "expires_on": today + dt.timedelta(days=30), "licences": ["muletto"], **extra}


def publish(employer, operator, occupation, **extra):
    vacancy = services.save_vacancy(employer, vacancy_data(occupation, **extra), operator,
                                    essential=list(Skill.objects.filter(occupation_links__occupation=occupation,
                                                                        occupation_links__relation="essential")))
    services.move_vacancy(vacancy, VacancyState.IN_REVIEW, operator)
    services.move_vacancy(vacancy, VacancyState.PUBLISHED, operator)
    return vacancy


@pytest.fixture
def vacancy(employer, operator, taxonomy):
    return publish(employer, operator, taxonomy["carrellista"])


@pytest.fixture
def other_vacancy(other_employer, operator, taxonomy):
    return publish(other_employer, operator, taxonomy["carrellista"], title="Carrellista notte")


@pytest.fixture
def profile(citizen, operator, taxonomy):  # noqa: F811
    return services.save_profile(citizen, {"licences": ["B", "muletto"], "home_comune": "La Spezia",
                                           "languages": {"it": "C2"}}, operator,
                                 occupations={taxonomy["carrellista"]: 24}, skills=[taxonomy["muletto"]],
                                 consent=True)
