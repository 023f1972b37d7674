"""The public board, a vacancy's page with its JobPosting JSON-LD, the Atom feed and the API."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from infolavoro.labour import services

from .conftest import publish

pytestmark = pytest.mark.django_db

# schema.org JobPosting: what search engines require, and what they recommend (Google's structured-data docs).
REQUIRED = {"@context", "@type", "title", "description", "datePosted", "hiringOrganization", "jobLocation"}
RECOMMENDED = {"validThrough", "employmentType", "identifier", "baseSalary", "directApply"}
# Every property of https://schema.org/JobPosting that we emit must be a real one.
JOBPOSTING_PROPERTIES = {
    "applicantLocationRequirements", "applicationContact", "baseSalary", "datePosted", "description",
    "directApply", "educationRequirements", "employerOverview", "employmentType", "employmentUnit",
    "estimatedSalary", "experienceInPlaceOfEducation", "experienceRequirements", "hiringOrganization",
    "incentiveCompensation", "industry", "jobBenefits", "jobImmediateStart", "jobLocation", "jobLocationType",
    "jobStartDate", "occupationalCategory", "physicalRequirement", "qualifications", "relevantOccupation",
    "responsibilities", "salaryCurrency", "securityClearanceRequirement", "sensoryRequirement", "skills",
    "specialCommitments", "title", "totalJobOpenings", "validThrough", "workHours",
    # Thing
    "identifier", "url", "name", "@context", "@type",
}
EMPLOYMENT_TYPES = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"}


def _jsonld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


def test_vacancy_page_carries_a_valid_jobposting(client, desk, employer, operator, taxonomy):
    vacancy = publish(employer, operator, taxonomy["carrellista"], salary_min=22000, salary_max=26000,
                      description="Turni </script><script>alert(1)</script>")
    response = client.get(reverse("jobs:vacancy", args=[desk.slug, vacancy.pk]))
    assert response.status_code == 200
    data = _jsonld(response.content.decode())
    assert set(data) >= REQUIRED | RECOMMENDED
    assert set(data) <= JOBPOSTING_PROPERTIES
    assert data["@type"] == "JobPosting"
    assert data["@context"] == "https://schema.org/"
    assert data["hiringOrganization"] == {"@type": "Organization", "name": employer.name, "taxID": employer.tax_code}
    assert data["jobLocation"]["address"]["addressLocality"] == "La Spezia"
    assert data["jobLocation"]["address"]["addressCountry"] == "IT"
    assert set(data["employmentType"]) <= EMPLOYMENT_TYPES
    assert dt.date.fromisoformat(data["datePosted"]) == vacancy.published_on
    assert dt.datetime.fromisoformat(data["validThrough"]).date() == vacancy.expires_on
    assert data["baseSalary"]["currency"] == "EUR"
    assert data["baseSalary"]["value"]["minValue"] == 22000
    assert data["occupationalCategory"] == "8344"
    assert "</script><script>" not in response.content.decode().split("application/ld+json")[1].split("</script>")[0]


def test_drafts_and_expired_vacancies_are_not_public(client, desk, employer, operator, taxonomy, vacancy):
    from infolavoro.labour import services

    draft = services.save_vacancy(employer, {"title": "Bozza", "occupation": taxonomy["carrellista"],
                                             "description": "x", "contract_type": "determinato",
                                             "comune": "Sarzana", "how_to_apply": "x"}, operator)
    assert client.get(reverse("jobs:vacancy", args=[desk.slug, draft.pk])).status_code == 404
    type(vacancy).objects.filter(pk=vacancy.pk).update(expires_on=dt.date(2020, 1, 1),
                                                       published_on=dt.date(2020, 1, 1))
    assert client.get(reverse("jobs:vacancy", args=[desk.slug, vacancy.pk])).status_code == 404


def test_board_and_vacancy_page_have_a_constant_query_count(client, desk, employer, operator, taxonomy,
                                                            django_assert_max_num_queries,
                                                            django_assert_num_queries):
    for n in range(3):
        publish(employer, operator, taxonomy["carrellista"], title=f"Carrellista {n}")
    url = reverse("opportunities:index", args=[desk.slug])
    with django_assert_max_num_queries(9) as few:  # nothing cached yet
        assert client.get(url, {"q": "carrellista"}).status_code == 200
    for n in range(3, 25):
        publish(employer, operator, taxonomy["carrellista"], title=f"Carrellista {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url, {"q": "carrellista"}).content.decode()
    assert "25 offerte" in page
    # Counts, Comuni and the network's courses and projects cached: the desk, the words' occupations and the
    # page of vacancies; without words the desk and the page.
    with django_assert_num_queries(3):
        assert "25 offerte" in client.get(url, {"q": "carrellista"}).content.decode()
    client.get(url)
    with django_assert_num_queries(2):
        assert "25 offerte" in client.get(url).content.decode()
    vacancy = employer.vacancies.first()
    with django_assert_max_num_queries(5):
        assert client.get(reverse("jobs:vacancy", args=[desk.slug, vacancy.pk])).status_code == 200


def test_board_counts_are_cached_and_forgotten_when_a_vacancy_changes(client, desk, employer, operator, taxonomy):
    """The board pages in the database and does not count 100,000 rows on every view: the count and the Comuni
    come from the cache until a vacancy of the desk changes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(2):
        publish(employer, operator, taxonomy["carrellista"], title=f"Carrellista {n}")
    url = reverse("opportunities:index", args=[desk.slug])
    assert "2 offerte" in client.get(url, {"comune": "La Spezia"}).content.decode()
    with CaptureQueriesContext(connection) as seen:
        assert "2 offerte" in client.get(url, {"comune": "La Spezia"}).content.decode()
    sql = " ".join(q["sql"] for q in seen.captured_queries).upper()
    assert "COUNT(" not in sql
    assert "DISTINCT" not in sql
    third = publish(employer, operator, taxonomy["carrellista"], title="Carrellista 3", comune="Sarzana")
    page = client.get(url).content.decode()
    assert "3 offerte" in page
    assert ">Sarzana</option>" in page
    assert "2 offerte" in client.get(url, {"comune": "La Spezia"}).content.decode()
    services.move_vacancy(third, "withdrawn", operator)
    assert "2 offerte" in client.get(url).content.decode()


def test_atom_feed_per_filter(client, desk, vacancy, other_vacancy):
    response = client.get(reverse("jobs:feed", args=[desk.slug]), {"q": "notte"})
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for e in root.iter("{http://www.w3.org/2005/Atom}entry")]
    assert titles == ["Carrellista notte – Altra S.r.l. (La Spezia)"]


def test_api_list_detail_jobposting_and_openapi(client, desk, vacancy, other_vacancy):
    base = f"/api/v1/desks/{desk.slug}/vacancies"
    rows = client.get(base, {"q": "turni"}).json()
    assert [r["title"] for r in rows] == ["Carrellista turni"]
    detail = client.get(f"{base}/{vacancy.pk}").json()
    assert detail["essential_skills"] == ["condurre il carrello elevatore"]
    assert detail["licences"] == ["muletto"]
    assert client.get(f"{base}/{vacancy.pk}/jobposting").json()["@type"] == "JobPosting"
    assert client.get(f"{base}/00000000-0000-0000-0000-000000000000").status_code == 404
    assert client.get(f"{base}/not-a-uuid").status_code in (404, 422)
    assert client.get(base, {"limit": "9999", "q": "x" * 500}).status_code == 422
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/v1/desks/{slug}/vacancies", "/api/v1/desks/{slug}/vacancies/{pk}",
            "/api/v1/desks/{slug}/vacancies/{pk}/jobposting"} <= set(paths)
