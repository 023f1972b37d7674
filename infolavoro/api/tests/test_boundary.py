"""The API's boundary: JSON bodies only (415), lengths and NUL refused with the documented 422 body, dates
outside the bookable days, capped page numbers, NUL stripped from query strings; never a 500."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache

from infolavoro.booking.models import Booking
from infolavoro.booking.tests.conftest import calendar, reasons  # noqa: F401  (fixtures)

ROME = ZoneInfo("Europe/Rome")
URL = "/api/v1/desks/la-spezia/bookings"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME))
    cache.clear()
    yield
    cache.clear()


def payload(**extra):
    return {"start": "2026-12-09T09:00:00+01:00", "reason": "cv", "details": "", "first_name": "Maria",
            "last_name": "Rossi", "email": "maria.rossi@example.org", "phone": "+39 333 1234567",
            "privacy_consent": True, **extra}


def post(client, body, content_type="application/json"):
    data = json.dumps(body) if isinstance(body, dict) else body
    return client.post(URL, data, content_type=content_type)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                                          ""])
def test_booking_needs_a_json_body(client, calendar, content_type):  # noqa: F811
    response = post(client, payload(), content_type=content_type)
    assert response.status_code == 415
    assert "application/json" in response.json()["detail"]
    assert not Booking.objects.exists()


def test_json_body_still_books(client, calendar):  # noqa: F811
    assert post(client, payload()).status_code == 201
    assert post(client, "{not json", ).status_code == 400


@pytest.mark.parametrize(("field", "value"), [
    ("first_name", "x" * 101), ("last_name", "x" * 101), ("email", "a" * 250 + "@example.org"),
    ("phone", "3" * 33), ("details", "x" * 2001), ("first_name", "x" * 100_000), ("reason", "x" * 41),
])
def test_lengths_are_the_models(client, calendar, field, value):  # noqa: F811
    response = post(client, payload(**{field: value}))
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Dati non validi."
    assert "troppo lungo" in body["errors"][field][0]
    assert not Booking.objects.exists()


@pytest.mark.parametrize("field", ["first_name", "last_name", "email", "phone", "details", "reason"])
def test_nul_is_refused_in_every_field(client, calendar, field):  # noqa: F811
    response = post(client, payload(**{field: "Ma\u0000ria"}))
    assert response.status_code == 422
    assert response.json()["errors"][field] == ["Il testo contiene caratteri non ammessi."]


def test_every_422_has_the_documented_body(client, calendar):  # noqa: F811
    for response in [post(client, {"start": "2026-12-09T09:00:00+01:00"}), post(client, payload(start="ieri")),
                     post(client, payload(privacy_consent="forse")), post(client, []),
                     client.get("/api/v1/desks/la-spezia/slots", {"start": "ieri", "end": "2026-12-09"}),
                     client.get("/api/hsds/organizations", {"page": "uno"})]:
        assert response.status_code == 422
        body = response.json()
        assert isinstance(body["detail"], str)
        assert body["errors"]
        assert all(isinstance(m, str) for ms in body["errors"].values() for m in ms)
    missing = post(client, {"start": "2026-12-09T09:00:00+01:00"}).json()["errors"]
    assert missing["first_name"] == ["Campo obbligatorio."]


def test_the_service_runs_the_models_validation(calendar):  # noqa: F811
    from django.core.exceptions import ValidationError

    from infolavoro.booking import services

    with pytest.raises(ValidationError) as raised:
        services.book(calendar, start=dt.datetime(2026, 12, 9, 9, tzinfo=ROME), reason_code="cv",
                      first_name="x" * 101, last_name="Rossi", email="m@example.org", privacy_consent=True)
    assert "first_name" in raised.value.message_dict


@pytest.mark.parametrize("start", ["0001-01-01T09:00:00+01:00", "9999-12-31T09:00:00+01:00",
                                   "9999-12-31T23:59:59-12:00", "2020-01-07T09:00:00+01:00",
                                   "2027-12-07T09:00:00+01:00"])
def test_booking_outside_the_bookable_days_is_422(client, calendar, start):  # noqa: F811
    response = post(client, payload(start=start))
    assert response.status_code == 422
    assert "Si possono chiedere le date dal 01/12/2026" in response.json()["errors"]["start"][0]


@pytest.mark.parametrize(("start", "end"), [("9999-12-31", "9999-12-31"), ("0001-01-01", "0001-01-01"),
                                            ("0001-01-01", "0001-02-01"), ("9999-12-01", "9999-12-31")])
def test_slots_far_outside_are_empty_not_500(client, calendar, start, end):  # noqa: F811
    response = client.get("/api/v1/desks/la-spezia/slots", {"start": start, "end": end})
    assert response.status_code == 200
    assert response.json() == []


def test_hsds_page_numbers_are_capped(client, desk):
    huge = client.get("/api/hsds/organizations?page=36983322975884394496")
    assert huge.status_code == 422
    assert "page" in huge.json()["errors"]
    assert client.get("/api/hsds/services?page=10000").status_code == 200
    assert client.get("/api/hsds/services?page=10001").status_code == 422


@pytest.mark.parametrize("url", ["/api/hsds/organizations?search=%00", "/api/hsds/organizations?desk=a%00b",
                                 "/api/hsds/services?search=orient%00amento", "/la-spezia/rete/?q=%00"])
def test_nul_in_query_strings_is_stripped_site_wide(client, desk, url):
    response = client.get(url)
    assert response.status_code in {200, 404}  # never a 500
    assert "\x00" not in "".join(response.wsgi_request.GET.get(k, "") for k in response.wsgi_request.GET)


def test_openapi_documents_every_error_the_booking_answers(client):
    operation = client.get("/api/openapi.json").json()["paths"]["/api/v1/desks/{slug}/bookings"]["post"]
    assert {"201", "400", "404", "409", "415", "422", "429"} <= set(operation["responses"])
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]["BookingIn"]["properties"]
    assert schema["first_name"]["maxLength"] == 100
    assert schema["phone"]["maxLength"] == 32
    assert schema["details"]["maxLength"] == 2000
