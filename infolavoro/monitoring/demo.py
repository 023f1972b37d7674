"""Demo history for the monitoring: the desk's past year of activity (`demo_history`) and the hourly readings of the
desk calendar's first free slot over the past 400 days (the `take_free_slot_snapshots` task takes them from now on),
so that «days to the first free slot» shows a trend. Plausible, not real: a wait that grows in the busy months
(September to November, January and February), is longest in August when the desk runs with fewer staff, slowly
improves over the year, and a few hours in the busiest weeks with no free slot at all. Idempotent: nothing is
written if the desk already has readings."""

from __future__ import annotations

import datetime as dt
import math
import random

from django.utils import timezone

from infolavoro.desks.models import Desk

DAYS = 400
SEASON = {1: 1.2, 2: 0.9, 3: 0.3, 4: 0.0, 5: -0.2, 6: -0.3, 7: 0.4, 8: 2.5, 9: 1.6, 10: 1.3, 11: 1.0, 12: 0.2}


def _next_opening(moment: dt.datetime, tz, open_weekdays: set[int], opens_at: dt.time) -> dt.datetime:
    """The first opening of the desk at or after `moment` (bounded: a fortnight)."""
    local = moment.astimezone(tz)
    for ahead in range(15):
        day = local.date() + dt.timedelta(days=ahead)
        start = dt.datetime.combine(day, opens_at, tzinfo=tz)
        if day.weekday() in open_weekdays and start >= moment:
            return start
    return moment


def load(desk: Desk) -> None:
    """The desk's past year (`demo_history`) and the free-slot readings (the scheduler's `refresh_figures` fills
    the pre-aggregate when it starts; until then the dashboard counts them live)."""
    from . import demo_history

    demo_history.load(desk)
    _free_slots(desk)


def _free_slots(desk: Desk) -> int:
    from infolavoro.booking.selectors import desk_calendar

    from .models import FreeSlotSnapshot

    calendar = desk_calendar(desk)
    if calendar is None or FreeSlotSnapshot.objects.filter(desk=desk).exists():
        return 0
    intervals = list(calendar.intervals.all())
    open_weekdays = {i.weekday for i in intervals} or {0, 1, 2, 3, 4}
    opens_at = min((i.opens_at for i in intervals), default=dt.time(9))
    tz = desk.tz
    rng = random.Random(f"free-slots-{desk.slug}")
    base = 3.0 if desk.slug == "la-spezia" else 1.8
    now = timezone.now().astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)
    rows = []
    for n in range(DAYS * 24, 0, -1):
        taken = now - dt.timedelta(hours=n)
        local = taken.astimezone(tz)
        progress = 1 - n / (DAYS * 24)  # 0 a year ago and more, 1 now: the desk gets quicker
        wait = base + SEASON[local.month] + 1.2 * (1 - progress) + 0.4 * math.sin(local.weekday()) + rng.gauss(0,
                                                                                                                0.5)
        if SEASON[local.month] >= 1.3 and rng.random() < 0.03:
            first = None  # every slot of the horizon taken
        else:
            first = _next_opening(taken + dt.timedelta(days=max(wait, 1.0)), tz, open_weekdays, opens_at)
        rows.append(FreeSlotSnapshot(desk=desk, calendar=calendar, taken_at=taken, hour=taken, first_free_slot=first,
                                     days=(first - taken).total_seconds() / 86400 if first else None))
    FreeSlotSnapshot.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
