"""The opportunities page: courses still open for application first, soonest deadline first; a topic filter;
closed applications said as such; another desk's courses never shown; constant queries."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from infolavoro.network.models import Organization, TaxonomyTerm, TrainingOpportunity

pytestmark = pytest.mark.django_db


def course(org, title, deadline_in, *, term=None):
    today = timezone.localdate()
    deadline = today + dt.timedelta(days=deadline_in) if deadline_in is not None else None
    item = TrainingOpportunity.objects.create(
        organization=org, title=title, slug=title.lower().replace(" ", "-"), description="…",
        starts_on=today + dt.timedelta(days=max(deadline_in or 0, 0) + 5),
        ends_on=today + dt.timedelta(days=90), application_deadline=deadline)
    if term:
        item.taxonomy_terms.add(term)
    return item


@pytest.fixture
def courses(desk, organization, other_desk):
    lingua = TaxonomyTerm.objects.create(desk=desk, code="lingua-italiana", name="Corsi di italiano")
    course(organization, "Saldatura", 20)
    course(organization, "Italiano A2", 3, term=lingua)
    course(organization, "Contabilita", -2)  # deadline passed, course not over
    course(organization, "Magazzino", None)
    elsewhere = Organization.objects.create(desk=other_desk, name="Ente di Sarzana", slug="ente", kind="union")
    course(elsewhere, "Corso di Sarzana", 10)
    return {"lingua": lingua}


def url(**query):
    return reverse("opportunities:index", args=["la-spezia"]) + ("?" + "&".join(f"{k}={v}" for k, v in query.items())
                                                                 if query else "")


def titles(response):
    return [c.title for c in response.context["trainings"]]


def test_open_courses_first_by_deadline_then_the_closed_ones(client, courses):
    response = client.get(url())
    assert titles(response) == ["Italiano A2", "Saldatura", "Magazzino", "Contabilita"]
    content = response.content.decode()
    assert content.count("iscrizioni chiuse") == 1
    assert "Corso di Sarzana" not in content


def test_topic_filter_keeps_that_topic_and_an_unknown_one_shows_all(client, courses):
    response = client.get(url(tema="lingua-italiana"))
    assert titles(response) == ["Italiano A2"]
    assert 'href="/la-spezia/opportunita/">mostra tutti' in response.content.decode()
    assert len(titles(client.get(url(tema="non-esiste")))) == 4


def test_a_topic_without_courses_says_so_and_links_back(client, courses, desk):
    TaxonomyTerm.objects.create(desk=desk, code="over-50", name="Over 50")
    content = client.get(url(tema="over-50")).content.decode()
    assert "Nessun corso in programma su questo argomento." in content


def test_query_count_does_not_grow_with_courses(client, courses, organization, django_assert_max_num_queries):
    with django_assert_max_num_queries(8) as first:
        client.get(url())
    for i in range(20):
        course(organization, f"Corso {i}", i + 1, term=courses["lingua"])
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert len(titles(client.get(url()))) == 24
