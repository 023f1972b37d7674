"""Moving an appointment from the citizen's link: choose, read the summary ("Ora" → "Nuovo"), confirm; nothing
moves before the confirmation; a time taken meanwhile or a forged one sends back to the calendar. Today is marked
in the month view."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.urls import reverse

from infolavoro.booking import services
from infolavoro.booking.models import Booking
from infolavoro.booking.tests.conftest import citizen

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)
SLOT = dt.datetime(2026, 12, 9, 9, 0, tzinfo=ROME)
NEW = dt.datetime(2026, 12, 10, 9, 30, tzinfo=ROME)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen(monkeypatch):
    from django.utils import timezone

    cache.clear()
    monkeypatch.setattr(timezone, "now", lambda: NOW)


@pytest.fixture
def move_url(calendar):
    booking = services.book(calendar, start=SLOT, now=NOW, **citizen())
    return booking, reverse("booking:manage_move", args=["la-spezia", services.manage_token(booking)])


def test_choosing_a_time_shows_the_summary_and_moves_nothing(client, move_url):
    booking, url = move_url
    response = client.post(url, {"giorno": NEW.date().isoformat(), "start": NEW.isoformat()})
    assert response.status_code == 302
    assert Booking.objects.get(pk=booking.pk).start == SLOT
    page = client.get(response["Location"])
    content = page.content.decode()
    assert page.templates[0].name == "booking/manage_move_confirm.html"
    assert content.index("Ora") < content.index("mercoledì 9 dicembre 2026, 09:00") < content.index("Nuovo") < (
        content.index("giovedì 10 dicembre 2026, 09:30"))
    assert Booking.objects.get(pk=booking.pk).start == SLOT  # looking at the summary changes nothing either

    done = client.post(url, {"conferma": "1", "start": NEW.isoformat()})
    assert done.status_code == 302
    assert "/gestisci/" in done["Location"]
    assert Booking.objects.get(pk=booking.pk).start == NEW


def test_a_time_taken_meanwhile_goes_back_to_the_calendar_and_keeps_the_appointment(client, move_url, calendar):
    booking, url = move_url
    summary = client.post(url, {"giorno": NEW.date().isoformat(), "start": NEW.isoformat()})["Location"]
    services.book(calendar, start=NEW, now=NOW, **citizen(email="altra@example.org"))  # someone else is quicker
    response = client.get(summary)
    assert response.status_code == 302
    assert response["Location"].endswith("?giorno=2026-12-10")
    response = client.post(url, {"conferma": "1", "start": NEW.isoformat()})
    assert response.status_code == 302
    assert Booking.objects.get(pk=booking.pk).start == SLOT


@pytest.mark.parametrize("bad", ["", "9999-12-31T09:00:00+01:00", "domani", "2026-12-10T09:30:00+01:00x"])
def test_a_forged_or_missing_time_is_refused_clearly(client, move_url, bad):
    booking, url = move_url
    response = client.post(url, {"conferma": "1", "start": bad}, follow=True)
    assert response.status_code == 200
    assert "Scegli il nuovo giorno e orario." in response.content.decode()
    assert Booking.objects.get(pk=booking.pk).start == SLOT
    assert client.get(url + "?nuovo=" + bad.replace("+", "%2B")).status_code == 200  # the calendar, no 500


def test_a_time_that_is_no_slot_is_refused_and_keeps_the_appointment(client, move_url):
    booking, url = move_url
    odd = "2026-12-10T09:31:00+01:00"
    assert client.get(url + "?nuovo=" + odd.replace("+", "%2B"))["Location"].endswith("?giorno=2026-12-10")
    response = client.post(url, {"conferma": "1", "start": odd}, follow=True)
    assert response.status_code == 200
    assert Booking.objects.get(pk=booking.pk).start == SLOT


def test_today_is_marked_in_the_month_view(client, move_url):
    _, url = move_url
    content = client.get(url + "?mese=2026-12").content.decode()
    # Tuesday 1 December is today: marked for screen readers and visibly, although it has no free time left.
    assert 'class="booking-day-off today" aria-current="date"' in content
    assert content.count('aria-current="date"') == 1
    assert "oggi, martedì 1 dicembre" in content
