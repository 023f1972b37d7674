"""The one guard for dates people may ask about: a calendar's bookable days for the public (today to the
horizon), a year back (and at least a year ahead) for staff. The API, the booking pages and the agenda parse
their dates here, so that `9999-12-31`, `0001-01-01` or `not-a-date` give a clear answer, never a 500."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

STAFF_DAYS_BACK = 366
STAFF_DAYS_AHEAD = 366


@dataclass(frozen=True)
class DateRange:
    first: dt.date
    last: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last

    def clamp(self, day: dt.date) -> dt.date:
        return min(max(day, self.first), self.last)


def askable(calendar: Any, *, staff: bool = False, now: dt.datetime | None = None) -> DateRange:
    """The local dates one may ask about in `calendar` (a Calendar: its desk's zone and its horizon)."""
    today = timezone.localtime(now or timezone.now(), calendar.desk.tz).date()
    horizon = today + dt.timedelta(days=calendar.horizon_days)
    if staff:
        return DateRange(today - dt.timedelta(days=STAFF_DAYS_BACK),
                         max(horizon, today + dt.timedelta(days=STAFF_DAYS_AHEAD)))
    return DateRange(today, horizon)


def parse_day(value: Any, allowed: DateRange) -> dt.date | None:
    """An ISO date within `allowed`; None when missing, malformed or outside."""
    try:
        day = dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    return day if day in allowed else None


def parse_month(value: Any, allowed: DateRange) -> dt.date | None:
    """The first of a `YYYY-MM` month that overlaps `allowed`; None when missing, malformed or outside."""
    try:
        month = dt.date.fromisoformat(f"{value}-01") if value else None
    except ValueError:
        return None
    if month is None or month > allowed.last or month < allowed.first.replace(day=1):
        return None
    return month


def parse_instant(value: Any, allowed: DateRange, tz: Any) -> dt.datetime | None:
    """An ISO date-time with its offset (or local to `tz` without one) whose local date is within `allowed`."""
    try:
        instant = dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    if instant is None:
        return None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=tz)
    try:
        local_day = instant.astimezone(tz).date()
    except (OverflowError, ValueError):
        return None
    return instant if local_day in allowed else None
