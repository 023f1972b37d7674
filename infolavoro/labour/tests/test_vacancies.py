from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from infolavoro.labour import selectors, services
from infolavoro.labour.models import Vacancy, VacancyEvent, VacancyState

from .conftest import vacancy_data

pytestmark = pytest.mark.django_db


def test_the_employer_drafts_and_submits_only_the_desk_publishes(employer, employer_contact, operator, taxonomy):
    vacancy = services.save_vacancy(employer, vacancy_data(taxonomy["carrellista"]), employer_contact)
    assert vacancy.state == VacancyState.DRAFT
    assert vacancy.isco_code == "8344"
    services.move_vacancy(vacancy, VacancyState.IN_REVIEW, employer_contact)
    with pytest.raises(PermissionDenied):
        services.move_vacancy(vacancy, VacancyState.PUBLISHED, employer_contact)
    services.move_vacancy(vacancy, VacancyState.PUBLISHED, operator)
    assert [e.to_state for e in vacancy.events.all()] == ["draft", "in_review", "published"]
    # An edit by the employer after publication goes back to review.
    services.save_vacancy(employer, vacancy_data(taxonomy["carrellista"], title="Carrellista esperto"),
                          employer_contact, vacancy=vacancy)
    vacancy.refresh_from_db()
    assert vacancy.state == VacancyState.IN_REVIEW


def test_flagged_text_is_published_only_after_the_reviewer_confirms(employer, operator, taxonomy):
    vacancy = services.save_vacancy(employer, vacancy_data(
        taxonomy["carrellista"], description="Cerchiamo ragazzi max 30 anni, bella presenza."), operator)
    services.move_vacancy(vacancy, VacancyState.IN_REVIEW, operator)
    with pytest.raises(ValidationError, match="requisiti vietati"):
        services.move_vacancy(vacancy, VacancyState.PUBLISHED, operator)
    services.move_vacancy(vacancy, VacancyState.PUBLISHED, operator, acknowledge_flags=True)
    assert vacancy.state == VacancyState.PUBLISHED


def test_the_reviewer_sees_each_flagged_phrase_and_why(client, employer, operator, taxonomy):
    vacancy = services.save_vacancy(employer, vacancy_data(
        taxonomy["carrellista"], description="Solo uomini, età massima 35 anni, nubile."), operator)
    client.force_login(operator)
    page = client.get(f"/{employer.desk.slug}/lavoro/offerte/{vacancy.pk}/").content.decode()
    for phrase in ("Solo uomini", "nubile", "età massima"):
        assert phrase in page
    assert "D.Lgs. 198/2006" in page
    assert "D.Lgs. 216/2003" in page


@pytest.mark.parametrize(("extra", "field", "message"), [
    ({"salary_min": 30000, "salary_max": 20000}, "salary_max", "minima supera la massima"),
    ({"published_on": dt.date(2026, 5, 1), "expires_on": dt.date(2026, 4, 1)}, "expires_on", "prima della"),
])
def test_inconsistent_values_are_refused(employer, operator, taxonomy, extra, field, message):
    with pytest.raises(ValidationError) as exc:
        services.save_vacancy(employer, vacancy_data(taxonomy["carrellista"], **extra), operator)
    assert message in " ".join(exc.value.message_dict[field])


def test_the_database_guards_states_dates_and_salaries(vacancy, operator):
    for changes in ({"state": "bogus"}, {"salary_min": 5, "salary_max": 1},
                    {"expires_on": vacancy.published_on - dt.timedelta(days=1)}, {"openings": 0},
                    {"published_on": None}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Vacancy.objects.filter(pk=vacancy.pk).update(**changes)
    with pytest.raises(IntegrityError), transaction.atomic():
        VacancyEvent.objects.create(vacancy=vacancy, from_state="draft", to_state="filled", at=timezone.now())
    with pytest.raises(ValidationError):
        services.move_vacancy(vacancy, VacancyState.DRAFT, operator)


def test_expired_vacancies_leave_the_board_by_themselves_then_the_job_records_it(desk, vacancy):
    today = timezone.localdate()
    assert list(selectors.board(desk, {}, today=today)) == [vacancy]
    later = vacancy.expires_on + dt.timedelta(days=1)
    assert list(selectors.board(desk, {}, today=later)) == []
    assert services.expire_vacancies(today=later) == 1
    vacancy.refresh_from_db()
    assert vacancy.state == VacancyState.EXPIRED
    assert vacancy.events.last().to_state == VacancyState.EXPIRED
    assert services.expire_vacancies(today=later) == 0


def test_board_filters(desk, vacancy, other_vacancy, taxonomy):
    assert set(selectors.board(desk, {"gruppo": "8"})) == {vacancy, other_vacancy}
    assert list(selectors.board(desk, {"gruppo": "5"})) == []
    assert list(selectors.board(desk, {"q": "notte"})) == [other_vacancy]
    assert set(selectors.board(desk, {"q": "mulettista"})) == {vacancy, other_vacancy}  # alternative label
    assert list(selectors.board(desk, {"contratto": "stagionale"})) == []
    assert len(selectors.board(desk, {"comune": "la spezia", "orario": "full", "scadenza": "30"})) == 2
    assert len(selectors.board(desk, {"scadenza": "9999999", "gruppo": "x", "contratto": "\x00"})) == 2


def test_vacancy_form_skill_typeahead_on_labels_and_synonyms(client, desk, employer, employer_contact,
                                                             other_employer_contact, operator, taxonomy,
                                                             member_editor):
    """The employer's vacancy form: a type-ahead (htmx) finds skills by label and by local synonym, as
    checkboxes of the asked field; without JavaScript the plain multi-select stays in the page."""
    from django.urls import reverse

    url = reverse("labour:vacancy_skill_search", args=[desk.slug])
    client.force_login(employer_contact)
    page = client.get(url, {"campo": "essential", "q-essential": "guidare il muletto"}).content.decode()
    muletto = taxonomy["muletto"]
    assert f'name="essential" value="{muletto.pk}"' in page
    assert "condurre il carrello elevatore" in page
    page = client.get(url, {"campo": "optional", "q-optional": "pasti"}).content.decode()
    assert f'name="optional" value="{taxonomy["pasti"].pk}"' in page
    nothing = client.get(url, {"campo": "optional", "q-optional": "zz\x00zz"}).content.decode()
    assert "Nessuna competenza trovata" in nothing
    assert client.get(url, {"campo": "citizen", "q-citizen": "pasti"}).status_code == 404
    form = client.get(reverse("labour:vacancy_new", args=[desk.slug, employer.pk])).content.decode()
    assert '<select name="essential"' in form
    assert "data-skill-picker" in form
    assert "labour/skill-picker.js" in form
    client.force_login(member_editor)
    assert client.get(url, {"campo": "essential", "q-essential": "pasti"}).status_code == 404


def test_chosen_skills_come_back_as_checked_boxes_after_an_error(client, desk, employer, employer_contact, taxonomy):
    from django.urls import reverse

    client.force_login(employer_contact)
    response = client.post(reverse("labour:vacancy_new", args=[desk.slug, employer.pk]),
                           {"title": "Carrellista", "essential": [taxonomy["muletto"].pk]})
    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="essential-c-{taxonomy["muletto"].pk}" checked' in page
