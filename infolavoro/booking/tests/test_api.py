"""The booking API: desk, slots with offsets, bookings with 201/409/422/429, OpenAPI."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache

ROME = ZoneInfo("Europe/Rome")
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def frozen_now(monkeypatch):
    """Tuesday 1 December 2026, 09:00 in La Spezia."""
    from django.utils import timezone

    now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)
    monkeypatch.setattr(timezone, "now", lambda: now)
    return now


def payload(**extra):
    data = {"start": "2026-12-09T09:00:00+01:00", "reason": "cv", "details": "", "first_name": "Maria",
            "last_name": "Rossi", "email": "maria.rossi@example.org", "phone": "+39 333 1234567",
            "privacy_consent": True}
    data.update(extra)
    return data


def test_desk_with_its_topics(client, calendar):
    body = client.get("/api/v1/desks/la-spezia").json()
    assert [r["code"] for r in body["reasons"]] == ["orientamento", "portali", "cv", "formazione", "rete", "altro"]
    assert body["phone"] == "0187 727248"
    assert {"weekday": 1, "opens_at": "14:30", "closes_at": "17:30"} in body["opening_hours"]
    assert client.get("/api/v1/desks/nessuno").status_code == 404


def test_slots_have_offsets_and_skip_closed_days(client, calendar, frozen_now):
    response = client.get("/api/v1/desks/la-spezia/slots", {"start": "2026-12-07", "end": "2026-12-09"})
    assert response.status_code == 200
    slots = response.json()
    assert {s["start"][:10] for s in slots} == {"2026-12-09"}  # Monday closed, Tuesday 8 is a holiday
    assert slots[0] == {"start": "2026-12-09T08:30:00+01:00", "end": "2026-12-09T09:00:00+01:00", "capacity": 1,
                        "available": 1}


def test_slots_range_is_validated(client, calendar):
    assert client.get("/api/v1/desks/la-spezia/slots", {"start": "2026-12-09", "end": "2026-12-01"}).status_code == 422
    assert client.get("/api/v1/desks/la-spezia/slots", {"start": "2026-12-01", "end": "2027-06-01"}).status_code == 422
    assert client.get("/api/v1/desks/la-spezia/slots", {"start": "ieri"}).status_code == 422


def test_booking_201_then_409_when_full(client, calendar, frozen_now):
    response = client.post("/api/v1/desks/la-spezia/bookings", payload(), content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert len(body["code"]) == 9
    assert body["start"] == "2026-12-09T09:00:00+01:00"
    again = client.post("/api/v1/desks/la-spezia/bookings", payload(email="altra@example.org"),
                        content_type="application/json")
    assert again.status_code == 409
    closed = client.post("/api/v1/desks/la-spezia/bookings", payload(start="2026-12-08T09:00:00+01:00"),
                         content_type="application/json")
    assert closed.status_code == 409


def test_booking_422_with_field_errors_in_italian(client, calendar, frozen_now):
    response = client.post("/api/v1/desks/la-spezia/bookings",
                           payload(email="maria@", phone="12", privacy_consent=False, reason="boh"),
                           content_type="application/json")
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"email", "phone", "privacy_consent", "reason"}
    assert "non è valido" in errors["email"][0]
    missing = client.post("/api/v1/desks/la-spezia/bookings", {"start": "2026-12-09T09:00:00+01:00"},
                          content_type="application/json")
    assert missing.status_code == 422


def test_booking_429_when_rate_limited(client, calendar, frozen_now):
    codes = [client.post("/api/v1/desks/la-spezia/bookings", payload(email=f"p{n}@example.org",
                                                                     start=f"2026-12-1{n % 2}T09:00:00+01:00"),
                         content_type="application/json").status_code for n in range(11)]
    assert codes[-1] == 429
    assert 429 not in codes[:10]


def test_openapi_documents_the_booking_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/v1/desks/{slug}", "/api/v1/desks/{slug}/slots", "/api/v1/desks/{slug}/bookings"} <= set(paths)
    assert {"201", "409", "422", "429"} <= set(paths["/api/v1/desks/{slug}/bookings"]["post"]["responses"])
