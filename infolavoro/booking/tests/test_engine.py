"""Free slots of the desk calendar: opening days, holidays, patron saint, notice, horizon, capacity, DST."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from infolavoro.booking import engine, services
from infolavoro.booking.models import CalendarException
from infolavoro.booking.tests.conftest import citizen, make_calendar
from infolavoro.desks.models import Closure

ROME = ZoneInfo("Europe/Rome")
pytestmark = pytest.mark.django_db


def at(y, m, d, hh=12, mm=0):
    return dt.datetime(y, m, d, hh, mm, tzinfo=ROME)


def test_only_tuesday_to_friday_mornings_and_tuesday_afternoon(calendar):
    now = at(2026, 12, 1, 7)  # a Tuesday; notice 24 h
    slots = engine.free_slots(calendar, dt.date(2026, 12, 7), dt.date(2026, 12, 13), now)
    by_day = {}
    for slot in slots:
        by_day.setdefault(slot.start.date(), []).append(slot.start.strftime("%H:%M"))
    assert sorted(d.weekday() for d in by_day) == [2, 3, 4]  # Tuesday 8 December is a holiday
    # Tuesday 8 December 2026 is the Immacolata: closed. Wednesday morning: 08:30 … 11:30.
    assert dt.date(2026, 12, 8) not in by_day
    assert by_day[dt.date(2026, 12, 9)][0] == "08:30"
    assert by_day[dt.date(2026, 12, 9)][-1] == "11:30"
    assert len(by_day[dt.date(2026, 12, 9)]) == 7
    tuesday = engine.free_slots(calendar, dt.date(2026, 12, 15), dt.date(2026, 12, 15), now)
    times = [s.start.strftime("%H:%M") for s in tuesday]
    assert times[:7] == ["08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]
    assert times[7:] == ["14:30", "15:00", "15:30", "16:00", "16:30", "17:00"]
    assert all(s.end - s.start == dt.timedelta(minutes=30) for s in tuesday)


def test_no_slots_on_liberation_day_2028_nor_patron_saint_2027(calendar):
    now = at(2027, 3, 1)
    assert engine.free_slots(calendar, dt.date(2027, 3, 19), dt.date(2027, 3, 19), now) == []  # San Giuseppe
    assert engine.free_slots(calendar, dt.date(2027, 3, 18), dt.date(2027, 3, 18), now) != []
    now = at(2028, 4, 1)
    assert engine.free_slots(calendar, dt.date(2028, 4, 25), dt.date(2028, 4, 25), now) == []  # Tuesday
    assert engine.free_slots(calendar, dt.date(2028, 4, 26), dt.date(2028, 4, 26), now) != []


def test_never_in_the_past_nor_within_notice_nor_beyond_horizon(calendar):
    now = at(2026, 12, 9, 10, 0)  # Wednesday 10:00
    slots = engine.free_slots(calendar, dt.date(2026, 12, 1), dt.date(2027, 3, 31), now)
    assert slots[0].start == at(2026, 12, 10, 10, 0)  # first one 24 h ahead, exactly
    assert all(s.start >= now + dt.timedelta(hours=24) for s in slots)
    assert max(s.start.date() for s in slots) <= dt.date(2027, 2, 7)  # 60 days
    # Staff booking on the phone may skip the notice, never the past.
    staff = engine.free_slots(calendar, dt.date(2026, 12, 9), dt.date(2026, 12, 9), now, enforce_notice=False)
    assert [s.start.strftime("%H:%M") for s in staff] == ["10:00", "10:30", "11:00", "11:30"]


@pytest.mark.parametrize(("before", "after"), [
    ((2027, 3, 26), (2027, 3, 30)),  # DST starts Sunday 28 March 2027
    ((2026, 10, 23), (2026, 10, 27)),  # DST ends Sunday 25 October 2026
])
def test_offsets_are_right_on_both_sides_of_dst(calendar, before, after):
    now = at(*before) - dt.timedelta(days=5)
    first = engine.free_slots(calendar, dt.date(*before), dt.date(*before), now)[0]
    second = engine.free_slots(calendar, dt.date(*after), dt.date(*after), now)[0]
    assert first.start.strftime("%H:%M") == second.start.strftime("%H:%M") == "08:30"
    offsets = {first.start.utcoffset(), second.start.utcoffset()}
    assert offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}
    # In UTC the two 08:30 are not a whole number of days apart: an hour really moved.
    elapsed = second.start.astimezone(dt.UTC) - first.start.astimezone(dt.UTC)
    assert elapsed % dt.timedelta(days=1) == dt.timedelta(hours=23 if before[1] == 3 else 1)


def test_capacity_per_interval_reduced_days_and_blocked_slots(desk, reasons, operator):
    calendar = make_calendar(desk, intervals=((2, "08:30", "12:00", 2), (1, "14:30", "17:30", 1)))
    now = at(2026, 12, 1, 7)
    wednesday = engine.free_slots(calendar, dt.date(2026, 12, 16), dt.date(2026, 12, 16), now)
    assert {s.capacity for s in wednesday} == {2}
    services.block(calendar, dt.date(2026, 12, 16), capacity=1, actor=operator, reason="Un solo operatore")
    services.block(calendar, dt.date(2026, 12, 16), dt.time(9, 0), dt.time(10, 0), actor=operator)
    wednesday = engine.free_slots(calendar, dt.date(2026, 12, 16), dt.date(2026, 12, 16), now)
    assert {s.capacity for s in wednesday} == {1}
    assert "09:00" not in [s.start.strftime("%H:%M") for s in wednesday]
    assert "09:30" not in [s.start.strftime("%H:%M") for s in wednesday]
    assert "10:00" in [s.start.strftime("%H:%M") for s in wednesday]
    CalendarException.objects.create(calendar=calendar, date=dt.date(2026, 12, 23))
    assert engine.free_slots(calendar, dt.date(2026, 12, 23), dt.date(2026, 12, 23), now) == []


def test_desk_closures_close_the_desk_calendar_only(desk, calendar, member_calendar):
    Closure.objects.create(desk=desk, starts_on=dt.date(2026, 12, 14), ends_on=dt.date(2026, 12, 18), reason="Ferie")
    now = at(2026, 12, 1)
    assert engine.free_slots(calendar, dt.date(2026, 12, 14), dt.date(2026, 12, 18), now) == []
    assert engine.free_slots(member_calendar, dt.date(2026, 12, 14), dt.date(2026, 12, 14), now) != []


def test_buffer_and_slot_length(desk, reasons):
    calendar = make_calendar(desk, intervals=((2, "09:00", "12:00", 1),), slot_minutes=45, buffer_minutes=15)
    slots = engine.free_slots(calendar, dt.date(2026, 12, 16), dt.date(2026, 12, 16), at(2026, 12, 1))
    assert [s.start.strftime("%H:%M") for s in slots] == ["09:00", "10:00", "11:00"]


def test_booked_slots_show_fewer_seats_then_disappear(desk, reasons):
    calendar = make_calendar(desk, intervals=((2, "09:00", "10:00", 2),))
    now = at(2026, 12, 1)
    start = at(2026, 12, 16, 9, 0)
    services.book(calendar, start=start, now=now, **citizen())
    slot = engine.free_slots(calendar, dt.date(2026, 12, 16), dt.date(2026, 12, 16), now)[0]
    assert (slot.capacity, slot.available) == (2, 1)
    services.book(calendar, start=start, now=now, **citizen(email="altra@example.org"))
    slots = engine.free_slots(calendar, dt.date(2026, 12, 16), dt.date(2026, 12, 16), now)
    assert [s.start.strftime("%H:%M") for s in slots] == ["09:30"]


def test_free_slots_takes_four_queries_whatever_the_range(calendar, django_assert_num_queries):
    with django_assert_num_queries(4):
        engine.free_slots(calendar, dt.date(2026, 12, 1), dt.date(2027, 1, 30), at(2026, 11, 30))
