"""One guard for the dates people may ask about (booking/dates.py): the public within the calendar's horizon,
staff a year back. Out-of-range and malformed dates on the booking pages, the agenda and "book on behalf"
give the nearest sensible page, never a 500."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from infolavoro.booking import dates
from infolavoro.booking.models import Booking

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)
pytestmark = pytest.mark.django_db
WILD = ["9999-12-31", "0001-01-01", "not-a-date", "2026-02-30", "99999-01-01", ""]


@pytest.fixture(autouse=True)
def _frozen(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: NOW)


def test_the_ranges(calendar):
    public = dates.askable(calendar)
    assert (public.first, public.last) == (dt.date(2026, 12, 1), dt.date(2026, 12, 1) + dt.timedelta(
        days=calendar.horizon_days))
    staff = dates.askable(calendar, staff=True)
    assert staff.first == dt.date(2025, 11, 30)
    assert staff.last >= dt.date(2027, 12, 1)
    assert dates.parse_day("9999-12-31", public) is None
    assert dates.parse_day("2026-12-09", public) == dt.date(2026, 12, 9)
    assert dates.parse_month("9999-12", public) is None
    assert dates.parse_month("2026-12", public) == dt.date(2026, 12, 1)
    assert dates.parse_instant("0001-01-01T00:00:00+14:00", staff, ROME) is None  # would overflow in UTC
    assert dates.parse_instant("2026-12-09T09:00", public, ROME) == dt.datetime(2026, 12, 9, 9, tzinfo=ROME)


def test_a_leap_day_is_a_date_like_any_other(calendar, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2028, 2, 29, 10, 0, tzinfo=ROME))
    staff = dates.askable(calendar, staff=True)
    assert staff.first == dt.date(2027, 2, 28)
    assert dates.parse_day("2028-02-29", staff) == dt.date(2028, 2, 29)


@pytest.mark.parametrize("value", WILD)
def test_public_month_and_day_pages(client, calendar, value):
    client.post(reverse("booking:start", args=["la-spezia"]), {"calendar": calendar.pk})
    for query in (f"?giorno={value}", f"?mese={value[:7]}", f"?mese={value}"):
        response = client.get(reverse("booking:when", args=["la-spezia"]) + query)
        assert response.status_code == 200, query
        assert response.context["month"] == dt.date(2026, 12, 1), query  # out of range: this month


@pytest.mark.parametrize("value", WILD)
def test_agenda_with_wild_days(client, operator, calendar, value):
    client.force_login(operator)
    for view in ("", "&vista=settimana", "&stampa=1"):
        response = client.get(reverse("booking_staff:agenda", args=["la-spezia"]) + f"?giorno={value}{view}")
        assert response.status_code == 200, view
    assert response.context["day"] == NOW.date()


def test_agenda_goes_a_year_back_for_staff(client, operator, calendar):
    client.force_login(operator)
    url = reverse("booking_staff:agenda", args=["la-spezia"])
    assert client.get(url + "?giorno=2026-01-15").context["day"] == dt.date(2026, 1, 15)
    assert client.get(url + "?giorno=2025-01-15").context["day"] == NOW.date()  # more than a year back


@pytest.mark.parametrize("start", ["not-a-date", "9999-12-31T09:00:00+01:00", "0001-01-01T09:00:00", ""])
def test_book_on_behalf_with_a_wild_time(client, operator, calendar, start):
    client.force_login(operator)
    url = reverse("booking_staff:book", args=["la-spezia"]) + f"?calendario={calendar.pk}&giorno=2026-12-09"
    response = client.post(url, {"calendario": calendar.pk, "giorno": "2026-12-09", "start": start,
                                 "reason": "cv", "first_name": "Luca", "last_name": "Bianchi",
                                 "email": "", "phone": "", "privacy_consent": "on"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Scegli l&#x27;orario" in content or "Scegli l'orario" in content
    assert 'value="Luca"' in content  # nothing typed is lost
    assert not Booking.objects.exists()
