"""An installation hosting several Comuni: one directory and one API over every desk, by Comune or distance."""

import pytest
from django.urls import reverse

from infolavoro.network.models import Location, Organization, Service
from infolavoro.network.places import centroid, distance_km
from infolavoro.network.selectors import directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def region(desk, other_desk):
    def member(d, name, city, lat=None, lon=None):
        org = Organization.objects.create(desk=d, name=name, slug=name.lower().replace(" ", "-"), kind="association")
        Service.objects.create(organization=org, name="Aiuto al curriculum", slug="cv", description="Il tuo CV.")
        Location.objects.create(organization=org, name="Sede", address_1="Via Roma 1", city=city,
                                latitude=lat, longitude=lon)
        return org

    return {
        "spezia": member(desk, "Sportello Spezia", "La Spezia", 44.1025, 9.8241),
        "sarzana": member(other_desk, "Sportello Sarzana", "Sarzana"),  # no coordinates: the Comune's centroid
        "genova": member(other_desk, "Sportello Genova", "Genova", 44.4056, 8.9463),
    }


def names(hits):
    return sorted(h.organization.name for h in hits)


def test_the_installation_directory_searches_every_desk_by_comune_and_distance(region):
    everyone = ["Sportello Genova", "Sportello Sarzana", "Sportello Spezia"]
    assert names(directory(None, text="curriculum")) == everyone
    assert names(directory(None, text="cv", comune="sarzana")) == ["Sportello Sarzana"]
    assert names(directory(None, text="cv", near=centroid("Lerici"), radius_km=20)) == [
        "Sportello Sarzana", "Sportello Spezia"]
    assert names(directory(None, near=centroid("Genova"), radius_km=5)) == ["Sportello Genova"]
    assert round(distance_km(centroid("La Spezia"), centroid("Genova"))) in range(75, 85)


def test_the_public_page_and_the_api_without_a_desk(client, region, django_assert_max_num_queries):
    url = reverse("network_installation")
    with django_assert_max_num_queries(12):
        page = client.get(url, {"q": "curriculm", "vicino": "Lerici", "raggio": "20"})
    content = page.content.decode()
    assert "Sportello Sarzana" in content
    assert "Sportello Spezia" in content
    assert "Sportello Genova" not in content
    assert "Risultati per" in content
    api = client.get("/api/hsds/organizations", {"search": "curriculum", "near": "Genova", "radius_km": 10}).json()
    assert [o["name"] for o in api["contents"]] == ["Sportello Genova"]
    assert api["total_items"] == 1
    api = client.get("/api/hsds/organizations", {"comune": "La Spezia"}).json()
    assert [o["name"] for o in api["contents"]] == ["Sportello Spezia"]
    services = client.get("/api/hsds/services", {"near": "Sarzana", "radius_km": 3}).json()
    assert services["total_items"] == 1
    assert client.get("/api/hsds/organizations", {"near": "Atlantide"}).json()["total_items"] == 0
    assert client.get("/api/hsds/organizations", {"lat": 999, "lon": 5, "search": '"*NEAR'}).status_code == 200
