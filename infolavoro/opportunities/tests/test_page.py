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


def _network_sql(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as seen:
        content = client.get(path).content.decode()
    return content, [q["sql"] for q in seen.captured_queries if "network_" in q["sql"]]


def test_the_courses_and_projects_are_rendered_once_and_shown_again_from_the_cache(client, courses):
    first, queries = _network_sql(client, url())
    assert queries  # rendered: topics, courses, their topics, projects
    again, queries = _network_sql(client, url())
    assert queries == []
    section = "Corsi e opportunità formative"
    assert again.split(section)[1] == first.split(section)[1]  # (the page's CSRF token differs)
    assert again.count("Italiano A2") == 1
    # Each topic (and an unknown code) has its own page; each language too.
    assert titles(client.get(url(tema="lingua-italiana"))) == ["Italiano A2"]
    on_topic, queries = _network_sql(client, url(tema="lingua-italiana"))
    assert queries == []
    assert "Saldatura" not in on_topic
    assert "Italiano A2" in on_topic


def test_the_cached_courses_follow_every_change_of_the_network(client, courses, organization, desk, desk_admin):
    from infolavoro.network import services
    from infolavoro.network.models import Project

    assert "Corso nuovo" not in client.get(url()).content.decode()
    added = course(organization, "Corso nuovo", 4)
    assert "Corso nuovo" in client.get(url()).content.decode()
    added.title = "Corso rinominato"
    added.save()
    assert "Corso rinominato" in client.get(url()).content.decode()
    assert "Corso rinominato" not in client.get(url(tema="lingua-italiana")).content.decode()
    added.taxonomy_terms.add(courses["lingua"])
    assert "Corso rinominato" in client.get(url(tema="lingua-italiana")).content.decode()
    courses["lingua"].name = "Lingua italiana per stranieri"
    courses["lingua"].save()
    assert "Lingua italiana per stranieri" in client.get(url()).content.decode()
    Project.objects.create(organization=organization, title="Impresa giovane", slug="impresa", description="…",
                           kind=Project.Kind.STARTUP)
    assert "Impresa giovane" in client.get(url()).content.decode()
    added.delete()
    assert "Corso rinominato" not in client.get(url()).content.decode()
    # A suspension is an update without signals: the service renews the desk's public version itself.
    services.set_suspended(Organization.objects.get(pk=organization.pk), True, desk_admin)
    page = client.get(url()).content.decode()
    assert "Saldatura" not in page
    assert "Impresa giovane" not in page


def test_the_cached_courses_are_kept_per_language(client, courses, settings):
    assert "Corsi e opportunità formative" in client.get(url()).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url()).content.decode()
    assert "Courses and training opportunities" in english
    assert "Corsi e opportunità formative" not in english
