"""The agenda on a closed day says that the desk is closed and why, steps from open day to open day, and never
offers "Arrivato" or "Non presentato" on an appointment whose outcome is recorded."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from infolavoro.booking import engine, services
from infolavoro.booking.models import Booking, BookingStatus, CalendarException
from infolavoro.booking.tests.conftest import citizen, make_calendar
from infolavoro.desks import hours
from infolavoro.desks.models import Closure

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)
pytestmark = pytest.mark.django_db

TUE_TO_FRI = [engine.Interval(d, dt.time(8, 30), dt.time(12), 1) for d in (1, 2, 3, 4)]


@pytest.fixture(autouse=True)
def _frozen(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: NOW)


def days(**extra) -> engine.OpenDays:
    data = {"intervals": TUE_TO_FRI, "first": dt.date(2026, 11, 1), "last": dt.date(2027, 1, 31),
            "closed": hours.closure_days("SP", [], dt.date(2026, 11, 1), dt.date(2027, 1, 31)), "blocked": {}}
    return engine.OpenDays(**{**data, **extra})


def test_why_a_day_is_closed_without_a_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        open_days = days(blocked={dt.date(2026, 12, 2): "Formazione del personale"})
        assert open_days.why_closed(dt.date(2026, 12, 1)) is None  # Tuesday
        holiday = open_days.why_closed(dt.date(2026, 12, 8))
        saturday = open_days.why_closed(dt.date(2026, 12, 5))
        blocked = open_days.why_closed(dt.date(2026, 12, 2))
    assert (holiday.kind, holiday.message) == ("holiday", "Sportello chiuso per festività: Immacolata Concezione.")
    assert (saturday.kind, saturday.message) == ("no_hours", "Sportello chiuso: sabato non è un giorno di apertura.")
    assert blocked.message == "Giornata bloccata: Formazione del personale."


def test_next_and_previous_open_day_skip_weekends_and_holidays_within_a_bound():
    open_days = days()
    friday, wednesday = dt.date(2026, 12, 4), dt.date(2026, 12, 9)
    assert open_days.open_day_after(friday) == wednesday  # over Sat, Sun, Mon (no hours), Tue 8 (holiday)
    assert open_days.open_day_after(wednesday, -1) == friday
    # Christmas to Epiphany: 24 Dec (Thu) is open, then 25 (holiday), 29 Dec (Tue) the next.
    assert open_days.open_day_after(dt.date(2026, 12, 24)) == dt.date(2026, 12, 29)
    # A calendar with no hours at all: the search stops at the window's end.
    assert days(intervals=[]).open_day_after(friday) is None


def test_a_closed_day_in_the_agenda_says_why_and_the_arrows_jump_to_open_days(client, operator, calendar):
    client.force_login(operator)
    url = reverse("booking_staff:agenda", args=["la-spezia"])
    content = client.get(f"{url}?calendario={calendar.pk}&giorno=2026-12-08").content.decode()
    assert "Sportello chiuso per festività: Immacolata Concezione." in content
    assert "posti liberi" not in content
    assert "Nessun appuntamento" not in content
    assert "giorno=2026-12-04\">‹ Giorno precedente" in content
    assert "giorno=2026-12-09\">Giorno successivo ›" in content

    Closure.objects.create(desk=calendar.desk, starts_on=dt.date(2026, 12, 15), ends_on=dt.date(2026, 12, 16),
                           reason="Trasloco degli uffici")
    content = client.get(f"{url}?calendario={calendar.pk}&giorno=2026-12-15").content.decode()
    assert "Sportello chiuso: Trasloco degli uffici." in content
    assert "giorno=2026-12-17\">Giorno successivo ›" in content

    # The week view names each closed day.
    week = client.get(f"{url}?calendario={calendar.pk}&giorno=2026-12-08&vista=settimana").content.decode()
    assert "Sportello chiuso: lunedì non è un giorno di apertura." in week
    assert "Sportello chiuso per festività: Immacolata Concezione." in week
    assert "Sportello chiuso: domenica non è un giorno di apertura." in week


def test_a_members_blocked_day_says_it_is_blocked(client, operator, desk, service, reasons):
    member = make_calendar(desk, service=service, intervals=((0, "09:00", "12:00", 1),))
    CalendarException.objects.create(calendar=member, date=dt.date(2026, 12, 14), capacity=0, reason="Ferie")
    client.force_login(operator)
    url = reverse("booking_staff:agenda", args=["la-spezia"])
    content = client.get(f"{url}?calendario={member.pk}&giorno=2026-12-14").content.decode()
    assert "Giornata bloccata: Ferie." in content
    assert "giorno=2026-12-21\">Giorno successivo ›" in content  # the member receives on Mondays only


def test_a_concluded_appointment_offers_no_arrived_or_no_show(client, operator, calendar):
    start = dt.datetime(2026, 12, 9, 8, 30, tzinfo=ROME)
    booking = services.book(calendar, start=start, now=NOW, **citizen())
    services.set_status(booking, BookingStatus.COMPLETED, operator)
    other = services.book(calendar, start=start + dt.timedelta(minutes=30), now=NOW, **citizen(email="b@example.org"))
    services.set_status(other, BookingStatus.NO_SHOW, operator)
    client.force_login(operator)
    url = reverse("booking_staff:agenda", args=["la-spezia"])
    for query in ("giorno=2026-12-09&vista=settimana", "giorno=2026-12-09"):
        content = client.get(f"{url}?calendario={calendar.pk}&{query}").content.decode()
        assert 'name="status"' not in content, query
    detail = client.get(reverse("booking_staff:booking", args=["la-spezia", booking.pk])).content.decode()
    assert 'name="status"' not in detail
    # The service refuses it too, whatever sends it.
    for status in (BookingStatus.CHECKED_IN, BookingStatus.NO_SHOW):
        with pytest.raises(ValidationError):
            services.set_status(booking, status, operator)
    services.set_status(booking, BookingStatus.COMPLETED, operator)  # the same outcome again: nothing changes
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.COMPLETED
