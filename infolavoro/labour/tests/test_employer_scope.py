"""An employer's login sees only its own vacancies and proposals: every other labour URL, and every URL about a
person, is a 404 on GET and POST (swept like the other roles), and nothing changes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from infolavoro.labour import services
from infolavoro.labour.models import Proposal, ProposalState, Vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposals(profile, vacancy, other_vacancy, operator, citizen):
    return (services.propose(vacancy, citizen, operator, candidate_agreed=True),
            services.propose(other_vacancy, citizen, operator, candidate_agreed=True))


def _foreign_urls(desk, other_employer, other_vacancy, other_proposal, citizen):
    slug = desk.slug
    return [
        reverse("labour:employer", args=[slug, other_employer.pk]),
        reverse("labour:vacancy_new", args=[slug, other_employer.pk]),
        reverse("labour:vacancy", args=[slug, other_vacancy.pk]),
        reverse("labour:vacancy_edit", args=[slug, other_vacancy.pk]),
        reverse("labour:vacancy_move", args=[slug, other_vacancy.pk]),
        reverse("labour:proposal", args=[slug, other_proposal.pk]),
        reverse("labour:profile", args=[slug, citizen.pk]),
        reverse("labour:propose", args=[slug, citizen.pk]),
        reverse("labour:skill_search", args=[slug]),
        reverse("intake:citizen", args=[slug, citizen.pk]),
        reverse("intake:citizen_export", args=[slug, citizen.pk]),
        reverse("labour:employer_new", args=[slug]),
    ]


def test_employer_contact_gets_404_outside_its_employer(client, desk, employer_contact, other_employer,
                                                        other_vacancy, proposals, citizen):
    client.force_login(employer_contact)
    post_only = {reverse("labour:vacancy_move", args=[desk.slug, other_vacancy.pk]),
                 reverse("labour:propose", args=[desk.slug, citizen.pk]),
                 reverse("intake:citizen_export", args=[desk.slug, citizen.pk])}
    for url in _foreign_urls(desk, other_employer, other_vacancy, proposals[1], citizen):
        assert client.get(url).status_code in ({404, 405} if url in post_only else {404}), url
        assert client.post(url, {"to_state": "withdrawn", "vacancy": str(other_vacancy.pk),
                                 "candidate_agreed": "on", "title": "X"}).status_code in (404, 403), url
    other_vacancy.refresh_from_db()
    assert other_vacancy.state == "published"
    assert other_vacancy.title == "Carrellista notte"
    assert Proposal.objects.get(pk=proposals[1].pk).state == ProposalState.PROPOSED


def test_employer_contact_sees_its_own_only(client, desk, employer_contact, vacancy, other_vacancy, proposals):
    client.force_login(employer_contact)
    page = client.get(reverse("labour:index", args=[desk.slug])).content.decode()
    assert "Carrellista turni" in page
    assert "Carrellista notte" not in page
    page = client.get(reverse("labour:proposals", args=[desk.slug])).content.decode()
    assert proposals[0].code in page
    assert proposals[1].code not in page
    assert client.get(reverse("labour:vacancy", args=[desk.slug, vacancy.pk])).status_code == 200
    assert client.get(reverse("labour:proposal", args=[desk.slug, proposals[0].pk])).status_code == 200
    # Opening it records "seen"; the employer sees what the proposal needs, not the person's record.
    assert Proposal.objects.get(pk=proposals[0].pk).state == ProposalState.SEEN


def test_outsiders_and_other_roles_get_404_on_the_employer_side(client, desk, member_editor, other_operator,
                                                                 vacancy, proposals):
    for user in (member_editor, other_operator, None):
        client.logout()
        if user:
            client.force_login(user)
        for url in (reverse("labour:vacancy", args=[desk.slug, vacancy.pk]),
                    reverse("labour:proposal", args=[desk.slug, proposals[0].pk]),
                    reverse("labour:index", args=[desk.slug]), reverse("labour:proposals", args=[desk.slug])):
            assert client.get(url).status_code in (404, 302), (user, url)
            assert client.get(url).status_code != 200
    assert Vacancy.objects.filter(state="published").count() == 2
