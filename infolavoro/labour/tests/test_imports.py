from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from infolavoro.labour import imports
from infolavoro.labour.jobposting import to_jobposting
from infolavoro.labour.models import Vacancy

pytestmark = pytest.mark.django_db


def _csv(*rows):
    lines = [",".join(imports.CSV_COLUMNS)]
    lines += [",".join(row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


GOOD = ["Carrellista", "mulettista", "Magazzino", "determinato", "full", "40", "La Spezia", "", "2", "", "",
        "2026-12-01", "2026-12-31", "CV a hr@example.org"]


def test_csv_template_imports_as_drafts(employer, operator, taxonomy):
    report = imports.import_vacancies(employer, imports.csv_template().encode(), "offerte.csv", operator)
    assert report.ok
    assert report.saved == 1
    vacancy = Vacancy.objects.get()
    assert vacancy.state == "draft"
    assert vacancy.occupation == taxonomy["carrellista"]
    assert list(vacancy.essential_skills.all()) == [taxonomy["muletto"]]


def test_one_bad_row_imports_nothing_and_says_why(employer, operator, taxonomy):
    bad_occupation = [*GOOD]
    bad_occupation[1] = "astronauta"
    bad_dates = [*GOOD]
    bad_dates[11], bad_dates[12] = "2026-12-31", "2026-12-01"
    bad_salary = [*GOOD]
    bad_salary[9], bad_salary[10] = "30000", "20000"
    report = imports.import_vacancies(employer, _csv(GOOD, bad_occupation, bad_dates, bad_salary, ["x"]),
                                      "offerte.csv", operator)
    assert not report.ok
    assert report.saved == 0
    assert not Vacancy.objects.exists()
    status = {n: s for n, _t, s in report.rows}
    assert status[1] == "ok"
    assert "professione sconosciuta" in status[2]
    assert "prima della pubblicazione" in status[3]
    assert "minima supera la massima" in status[4]
    assert "contratto sconosciuto" in status[5]


def test_jobposting_json_round_trip(employer, operator, vacancy, other_employer, taxonomy):
    data = [to_jobposting(vacancy), {"@type": "Event"}]
    report = imports.import_vacancies(other_employer, json.dumps(data).encode(), "feed.json", operator)
    assert not report.ok
    assert "JobPosting" in report.rows[1][2]
    report = imports.import_vacancies(other_employer, json.dumps(data[0]).encode(), "one.json", operator)
    assert report.ok
    assert report.saved == 1
    copy = other_employer.vacancies.get()
    assert (copy.title, copy.occupation, copy.comune, copy.expires_on) == (
        vacancy.title, vacancy.occupation, vacancy.comune, vacancy.expires_on)


@pytest.mark.parametrize(("content", "name"), [(b"\xff\xfe\x00garbage", "x.csv"), (b"{not json", "x.json"),
                                                (b"[1, 2, null]", "x.json"), (b"", "x.csv")])
def test_garbage_files_never_fail(client, employer, operator, content, name):
    client.force_login(operator)
    url = reverse("labour:vacancy_import", args=[employer.desk.slug, employer.pk])
    response = client.post(url, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert not Vacancy.objects.exists()
