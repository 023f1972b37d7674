"""Dates as people read them: "mercoledì 9 dicembre 2026" in Italian (lower case, as Italian writes them;
Django's Italian names are capitalised), "Wednesday 9 December 2026" in English."""

from __future__ import annotations

import datetime as dt

from django.utils import formats, timezone
from django.utils.translation import get_language


def date_text(value: dt.date | dt.datetime, fmt: str = "l j F Y") -> str:
    """A date in a Django date format, with Italian day and month names in lower case ("9 dicembre 2026")."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)  # the active zone: the desk's
    text = formats.date_format(value, fmt)
    return text.lower() if (get_language() or "it").startswith("it") else text


def long_date(value: dt.date | dt.datetime, with_time: bool = False) -> str:
    return date_text(value, "l j F Y, H:i" if with_time and isinstance(value, dt.datetime) else "l j F Y")


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` later (or earlier); 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February → a year without one
        return day.replace(year=day.year + years, day=28)
