"""Dates as people read them: Italian day and month names in lower case, English capitalised, aware instants
in the desk's zone (Django's Italian month names are capitalised: "26 Novembre" reads wrong)."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.template import Context, Template
from django.utils import timezone, translation

from infolavoro.core.dates import date_text, long_date

UTC_EVENING = dt.datetime(2026, 12, 8, 23, 30, tzinfo=dt.UTC)  # already Wednesday 9 December in Rome


def test_italian_names_are_lower_case_and_english_ones_capitalised():
    with translation.override("it"):
        assert date_text(dt.date(2026, 11, 26), "j F Y") == "26 novembre 2026"
        assert long_date(dt.date(2026, 12, 9)) == "mercoledì 9 dicembre 2026"
    with translation.override("en"):
        assert date_text(dt.date(2026, 11, 26), "j F Y") == "26 November 2026"


def test_aware_instants_are_read_in_the_active_zone():
    with translation.override("it"), timezone.override(ZoneInfo("Europe/Rome")):
        assert date_text(UTC_EVENING, "j F Y, H:i") == "9 dicembre 2026, 00:30"
        assert long_date(UTC_EVENING, with_time=True) == "mercoledì 9 dicembre 2026, 00:30"


def test_template_filter_and_capfirst_for_a_list_item():
    template = Template('{% load infolavoro %}{{ day|date_text|capfirst }} · {{ day|date_text:"j F" }}')
    with translation.override("it"):
        assert template.render(Context({"day": dt.date(2026, 12, 8)})) == "Martedì 8 dicembre 2026 · 8 dicembre"


def test_add_years_keeps_the_day_and_turns_29_february_into_28():
    from infolavoro.core.dates import add_years

    assert add_years(dt.date(2026, 12, 9), 1) == dt.date(2027, 12, 9)
    assert add_years(dt.date(2028, 2, 29), 1) == dt.date(2029, 2, 28)
    assert add_years(dt.date(2028, 2, 29), 4) == dt.date(2032, 2, 29)
    assert add_years(dt.date(2028, 2, 29), -1) == dt.date(2027, 2, 28)
