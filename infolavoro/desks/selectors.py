"""Read queries about desks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from . import hours
from .models import Closure, Desk, OpeningInterval

UPCOMING_CLOSURES_DAYS = 60


def active_desks() -> QuerySet[Desk]:
    return Desk.objects.filter(is_active=True)


def desk_by_slug(slug: str) -> Desk:
    return get_object_or_404(active_desks(), slug=slug)


def weekly_intervals(desk: Desk) -> list[hours.WeeklyInterval]:
    return [
        hours.WeeklyInterval(weekday, opens_at, closes_at)
        for weekday, opens_at, closes_at in OpeningInterval.objects.filter(desk=desk).values_list(
            "weekday", "opens_at", "closes_at"
        )
    ]


def closed_days(desk: Desk, start: dt.date, end: dt.date) -> dict[dt.date, hours.ClosureDay]:
    """Public holidays and ad-hoc closures of the desk between start and end, inclusive."""
    adhoc = Closure.objects.filter(desk=desk, starts_on__lte=end, ends_on__gte=start).values_list(
        "starts_on", "ends_on", "reason"
    )
    return hours.closure_days(desk.holiday_rule, adhoc, start, end)


@dataclass(frozen=True)
class DayHours:
    weekday: int
    label: str
    intervals: list[tuple[dt.time, dt.time]]


@dataclass(frozen=True)
class DeskTimetable:
    week: list[DayHours]  # Monday to Sunday, empty intervals = closed
    state: hours.OpeningState
    upcoming_closures: list[hours.ClosureDay]  # only those that fall on an opening day


def timetable(desk: Desk, now: dt.datetime | None = None) -> DeskTimetable:
    """Weekly hours, today's state and the closures ahead: what the home page shows. Two queries."""
    from .models import WEEKDAYS

    now = now or timezone.now()
    tz = desk.tz
    weekly = weekly_intervals(desk)
    today = now.astimezone(tz).date()
    closed = closed_days(desk, today, today + dt.timedelta(days=UPCOMING_CLOSURES_DAYS))
    week = [
        DayHours(
            number,
            str(label),
            [(w.opens_at, w.closes_at) for w in sorted(weekly, key=lambda w: w.opens_at) if w.weekday == number],
        )
        for number, label in WEEKDAYS
    ]
    open_weekdays = {w.weekday for w in weekly}
    upcoming = [c for day, c in sorted(closed.items()) if day.weekday() in open_weekdays]
    state = hours.opening_state(now, weekly, closed, tz, horizon_days=UPCOMING_CLOSURES_DAYS)
    return DeskTimetable(week, state, upcoming)
