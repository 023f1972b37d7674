"""Opening state and next opening for the La Spezia hours, across holidays, closures and DST changes."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from infolavoro.desks import hours, selectors
from infolavoro.desks.models import Closure

ROME = ZoneInfo("Europe/Rome")
UTC = dt.UTC


def at(year, month, day, hour, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=ROME)


def state(desk, now):
    return selectors.timetable(desk, now=now).state


@pytest.mark.django_db
class TestOpeningState:
    def test_open_on_tuesday_morning_until_noon(self, desk):
        s = state(desk, at(2026, 12, 1, 9, 15))  # Tuesday
        assert s.is_open
        assert s.closes_at == at(2026, 12, 1, 12, 0)

    def test_tuesday_lunch_break_reopens_in_the_afternoon(self, desk):
        s = state(desk, at(2026, 12, 1, 13, 0))
        assert not s.is_open
        assert s.next_opening == at(2026, 12, 1, 14, 30)
        assert s.next_closing == at(2026, 12, 1, 17, 30)

    def test_wednesday_afternoon_is_closed(self, desk):
        s = state(desk, at(2026, 12, 2, 15, 0))
        assert not s.is_open
        assert s.next_opening == at(2026, 12, 3, 8, 30)

    def test_friday_afternoon_next_opening_is_tuesday(self, desk):
        s = state(desk, at(2026, 11, 27, 12, 0))  # Friday, the very minute it closes
        assert not s.is_open
        assert s.next_opening == at(2026, 12, 1, 8, 30)

    def test_patron_saint_friday_is_skipped(self, desk):
        # 19 March 2027 is a Friday and San Giuseppe, patron of La Spezia.
        s = state(desk, at(2027, 3, 18, 12, 30))
        assert s.next_opening == at(2027, 3, 23, 8, 30)

    def test_liberation_day_tuesday_is_skipped(self, desk):
        s = state(desk, at(2028, 4, 24, 10, 0))  # Monday before 25 April 2028 (Tuesday)
        assert s.next_opening == at(2028, 4, 26, 8, 30)

    def test_ad_hoc_closure_is_skipped(self, desk):
        Closure.objects.create(desk=desk, starts_on=dt.date(2026, 12, 1), ends_on=dt.date(2026, 12, 2),
                               reason="Inventario")
        s = state(desk, at(2026, 11, 30, 10, 0))
        assert s.next_opening == at(2026, 12, 3, 8, 30)

    def test_spring_dst_weekend_gives_summer_offset(self, desk):
        # Clocks go forward on Sunday 28 March 2027.
        before = state(desk, at(2027, 3, 26, 13, 0)).next_opening  # Friday -> Tuesday 30 March
        assert before.astimezone(UTC) == dt.datetime(2027, 3, 30, 6, 30, tzinfo=UTC)
        assert before.utcoffset() == dt.timedelta(hours=2)
        friday = state(desk, at(2027, 3, 25, 13, 0)).next_opening  # Thursday -> Friday 26 March, still winter
        assert friday.astimezone(UTC) == dt.datetime(2027, 3, 26, 7, 30, tzinfo=UTC)

    def test_autumn_dst_weekend_gives_winter_offset(self, desk):
        # Clocks go back on Sunday 25 October 2026.
        friday = state(desk, at(2026, 10, 22, 13, 0)).next_opening
        assert friday.astimezone(UTC) == dt.datetime(2026, 10, 23, 6, 30, tzinfo=UTC)
        tuesday = state(desk, at(2026, 10, 23, 13, 0)).next_opening
        assert tuesday.astimezone(UTC) == dt.datetime(2026, 10, 27, 7, 30, tzinfo=UTC)

    def test_now_given_in_utc_is_read_in_desk_time(self, desk):
        s = state(desk, dt.datetime(2026, 12, 1, 7, 45, tzinfo=UTC))  # 08:45 in Rome
        assert s.is_open

    def test_no_hours_means_never_opens(self, desk):
        desk.opening_intervals.all().delete()
        s = state(desk, at(2026, 12, 1, 9, 0))
        assert s == hours.OpeningState(False, None, None, None)


@pytest.mark.django_db
def test_upcoming_closures_only_list_opening_days(desk):
    # From 1 Dec 2026: 8 Dec (Tuesday, Immacolata) is listed; 26 Dec (Saturday) is not.
    timetable = selectors.timetable(desk, now=at(2026, 12, 1, 9, 0))
    dates = [c.date for c in timetable.upcoming_closures]
    assert dt.date(2026, 12, 8) in dates
    assert dt.date(2026, 12, 25) in dates  # Friday
    assert dt.date(2026, 12, 26) not in dates
    assert all(c.is_public_holiday for c in timetable.upcoming_closures)


def test_public_holidays_include_patron_saint_only_for_the_province():
    spezia = hours.public_holidays("SP", dt.date(2027, 3, 1), dt.date(2027, 3, 31))
    elsewhere = hours.public_holidays("GE", dt.date(2027, 3, 1), dt.date(2027, 3, 31))
    assert dt.date(2027, 3, 19) in spezia
    assert dt.date(2027, 3, 19) not in elsewhere


def test_holiday_names_follow_the_page_language():
    from django.utils import translation

    day = dt.date(2026, 12, 25)
    with translation.override("it"):
        assert hours.public_holidays("SP", day, day)[day] == "Natale"
    with translation.override("en"):
        assert hours.public_holidays("SP", day, day)[day] == "Christmas Day"
