"""Use cases that change desks: each one a function in one transaction, taking the acting user."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from infolavoro.accounts.permissions import can

from .hours import WeeklyInterval
from .models import Closure, Desk, OpeningInterval


def validate_weekly_intervals(intervals: Sequence[WeeklyInterval]) -> None:
    """End after start, and no two intervals of the same day overlapping or touching."""
    errors = []
    by_day: dict[int, list[WeeklyInterval]] = {}
    for interval in intervals:
        if interval.closes_at <= interval.opens_at:
            errors.append(_("L'orario di chiusura deve essere successivo all'apertura."))
        by_day.setdefault(interval.weekday, []).append(interval)
    for day_intervals in by_day.values():
        ordered = sorted(day_intervals, key=lambda i: i.opens_at)
        for earlier, later in itertools.pairwise(ordered):
            if later.opens_at < earlier.closes_at:
                errors.append(_("Due fasce orarie dello stesso giorno si sovrappongono."))
    if errors:
        raise ValidationError(sorted(set(errors)))


@transaction.atomic
def set_opening_hours(desk: Desk, intervals: Sequence[WeeklyInterval], actor) -> list[OpeningInterval]:
    """Replace the desk's weekly hours with `intervals`."""
    if not can(actor, "desk.administer", desk):
        raise PermissionDenied
    validate_weekly_intervals(intervals)
    OpeningInterval.objects.filter(desk=desk).delete()
    return OpeningInterval.objects.bulk_create(
        OpeningInterval(desk=desk, weekday=i.weekday, opens_at=i.opens_at, closes_at=i.closes_at)
        for i in intervals
    )


@transaction.atomic
def add_closure(desk: Desk, starts_on: dt.date, ends_on: dt.date, reason: str, actor) -> Closure:
    if not can(actor, "desk.administer", desk):
        raise PermissionDenied
    closure = Closure(desk=desk, starts_on=starts_on, ends_on=ends_on, reason=reason.strip(), created_by=actor)
    closure.full_clean()
    closure.save()
    return closure


@transaction.atomic
def remove_closure(closure: Closure, actor) -> None:
    if not can(actor, "desk.administer", closure.desk):
        raise PermissionDenied
    closure.delete()
