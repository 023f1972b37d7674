"""Fixtures of the listening point: taxonomy, a service of the network, a citizen, a consultation."""

from __future__ import annotations

import pytest

from conftest import make_user
from infolavoro.accounts.models import Role
from infolavoro.intake import services
from infolavoro.intake.models import Citizen, Consultation, JobPortal
from infolavoro.network.models import Location, Service, TaxonomyTerm

VALID_CF = "RSSMRA85T10A562S"


@pytest.fixture
def terms(desk) -> dict[str, TaxonomyTerm]:
    return {
        code: TaxonomyTerm.objects.create(desk=desk, code=code, name=name, position=i)
        for i, (code, name) in enumerate([("cv", "Curriculum vitae"), ("formazione", "Corsi di formazione"),
                                          ("orientamento", "Orientamento")])
    }


@pytest.fixture
def service(organization, terms) -> Service:
    svc = Service.objects.create(organization=organization, name="Corso di saldatura", slug="saldatura",
                                 description="Corso gratuito")
    svc.taxonomy_terms.add(terms["formazione"])
    organization.email = "segreteria@ente.example"
    organization.phone = "0187 123456"
    organization.save()
    location = Location.objects.create(organization=organization, name="Sede", address_1="Via Roma 1",
                                       city="La Spezia")
    svc.locations.add(location)
    return svc


@pytest.fixture
def other_service(other_organization, terms) -> Service:
    svc = Service.objects.create(organization=other_organization, name="Sportello CV", slug="cv",
                                 description="Aiuto col CV")
    svc.taxonomy_terms.add(terms["cv"])
    return svc


@pytest.fixture
def portal(desk) -> JobPortal:
    return JobPortal.objects.create(desk=desk, name="SIISL", url="https://www.siisl.lavoro.gov.it/",
                                    what_to_bring="SPID o CIE, codice fiscale",
                                    checklist="Accesso con SPID\nCurriculum caricato\nPatto firmato", position=1)


def make_citizen(desk, actor, **extra) -> Citizen:
    data = {"first_name": "Maria", "last_name": "Rossi", "email": "maria.rossi@example.org",
            "phone": "333 1234567", **extra}
    consent = data.pop("sharing_consent", True)
    return services.create_citizen(desk, data, actor, privacy_acknowledged=True, sharing_consent=consent)


@pytest.fixture
def citizen(desk, operator) -> Citizen:
    return make_citizen(desk, operator)


@pytest.fixture
def other_desk_citizen(other_desk) -> Citizen:
    other_operator = make_user("operatore@sarzana.example", Role.DESK_OPERATOR, other_desk)
    return make_citizen(other_desk, other_operator, first_name="Luca", last_name="Bianchi")


@pytest.fixture
def other_operator(other_desk):
    return make_user("altro.operatore@example.org", Role.DESK_OPERATOR, other_desk)


@pytest.fixture
def other_editor(desk, other_organization):
    return make_user("redazione@ilponte.example", Role.MEMBER_EDITOR, desk, other_organization)


@pytest.fixture
def consultation(citizen, operator, terms) -> Consultation:
    return services.record_consultation(citizen, {"reason": "Cerca un corso"}, operator,
                                        needs=[terms["formazione"]])
