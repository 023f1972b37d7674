"""Dates as people read them: "mercoledì 9 dicembre 2026" in Italian (lower case, as Italian writes them;
Django's Italian names are capitalised), "Wednesday 9 December 2026" in English."""

from __future__ import annotations

import datetime as dt

from django.utils import formats, timezone
from django.utils.translation import get_language


def long_date(value: dt.date | dt.datetime, with_time: bool = False) -> str:
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)  # the active zone: the desk's
    text = formats.date_format(value, "l j F Y")
    if (get_language() or "it").startswith("it"):
        text = text.lower()
    if with_time and isinstance(value, dt.datetime):
        text += f", {value:%H:%M}"
    return text
