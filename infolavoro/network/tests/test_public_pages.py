"""Public pages of the network: the index and a member's page, with constant queries; a service bookable at
the member's premises links to the booking flow with its office preselected."""

import pytest
from django.urls import reverse

from infolavoro.booking.models import Calendar
from infolavoro.network.models import Organization, Service

pytestmark = pytest.mark.django_db


def add_members(desk, n):
    for i in range(n):
        org = Organization.objects.create(desk=desk, name=f"Ente {i:02d}", slug=f"ente-{i:02d}", kind="association")
        for j in range(3):
            Service.objects.create(organization=org, name=f"Servizio {j}", slug=f"servizio-{j}", description="…")


def test_index_and_member_pages_keep_a_constant_query_count(client, desk, django_assert_max_num_queries):
    add_members(desk, 5)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("network:index", args=["la-spezia"])).status_code == 200
    for i in range(40):
        Organization.objects.create(desk=desk, name=f"Altro {i}", slug=f"altro-{i}", kind="union")
    with django_assert_max_num_queries(8):
        assert client.get(reverse("network:index", args=["la-spezia"])).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("network:organization", args=["la-spezia", "ente-00"])).status_code == 200


def test_bookable_service_links_to_the_flow_at_its_premises(client, desk):
    add_members(desk, 1)
    service = Service.objects.get(organization__slug="ente-00", slug="servizio-1")
    Calendar.objects.create(desk=desk, service=service, name="Ente 00 – Servizio 1")
    content = client.get(reverse("network:organization", args=["la-spezia", "ente-00"])).content.decode()
    assert f"/la-spezia/prenota/?servizio={service.pk}" in content
    assert content.count("/la-spezia/prenota/?servizio=") == 1  # only the bookable one


def test_other_desks_members_are_not_found(client, desk, other_desk):
    Organization.objects.create(desk=other_desk, name="Ente di Sarzana", slug="ente-sarzana", kind="union")
    assert client.get(reverse("network:organization", args=["la-spezia", "ente-sarzana"])).status_code == 404


def test_member_page_and_opportunities_show_current_training_and_projects(client, desk):
    import datetime as dt

    from django.utils import timezone

    from infolavoro.network.models import Project, TrainingOpportunity

    add_members(desk, 1)
    org = Organization.objects.get(slug="ente-00")
    today = timezone.localdate()
    TrainingOpportunity.objects.create(organization=org, title="Corso di saldatura", slug="saldatura",
                                       description="Qualifica.", starts_on=today + dt.timedelta(days=10),
                                       ends_on=today + dt.timedelta(days=70), seats=12,
                                       application_deadline=today + dt.timedelta(days=5))
    TrainingOpportunity.objects.create(organization=org, title="Corso finito", slug="finito", description="…",
                                       starts_on=today - dt.timedelta(days=70), ends_on=today - dt.timedelta(days=1))
    Project.objects.create(organization=org, kind=Project.Kind.STARTUP, title="Nuove imprese", slug="imprese",
                           description="Accompagnamento all'avvio d'impresa.")
    page = client.get(reverse("network:organization", args=["la-spezia", "ente-00"])).content.decode()
    assert "Corso di saldatura" in page
    assert "Corso finito" not in page
    assert "Nuove imprese" in page
    opportunities = client.get(reverse("opportunities:index", args=["la-spezia"])).content.decode()
    assert "Corso di saldatura" in opportunities
    assert "Corso finito" not in opportunities
    assert "Nuove imprese" in opportunities


@pytest.mark.parametrize("members", [33, 120])
def test_search_and_topic_pages_keep_the_same_query_count_at_any_size(client, desk, members,
                                                                       django_assert_max_num_queries):
    add_members(desk, members)
    index = reverse("network:index", args=["la-spezia"])
    with django_assert_max_num_queries(10):  # 10: one counts the words' documents (common-word cap)
        response = client.get(index, {"q": "servizi", "pagina": 2})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == members
    with django_assert_max_num_queries(9):
        assert client.get(index, {"tipo": "association", "pagina": 3}).status_code == 200
