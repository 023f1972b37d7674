"""The booking engine: free slots of a calendar for a date range, in the desk's zone.

Plain functions over plain data (`slots_for` takes everything it needs, so it is unit-tested without a
database); `free_slots` loads that data in four queries. Closures and public holidays come from
`infolavoro.desks.hours`, the one place that knows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count
from django.utils import timezone

from infolavoro.desks import hours
from infolavoro.desks.models import Closure

from .models import ACTIVE_STATUSES, Booking, Calendar, CalendarException, CalendarInterval


@dataclass(frozen=True)
class Slot:
    start: dt.datetime  # aware, in the desk's zone
    end: dt.datetime
    capacity: int
    available: int


@dataclass(frozen=True)
class Interval:
    weekday: int
    opens_at: dt.time
    closes_at: dt.time
    capacity: int


@dataclass(frozen=True)
class Exception_:
    date: dt.date
    starts_at: dt.time | None
    ends_at: dt.time | None
    capacity: int


@dataclass(frozen=True)
class Rules:
    slot: dt.timedelta
    buffer: dt.timedelta
    min_notice: dt.timedelta
    horizon_days: int


def rules_of(calendar: Calendar) -> Rules:
    return Rules(dt.timedelta(minutes=calendar.slot_minutes), dt.timedelta(minutes=calendar.buffer_minutes),
                 dt.timedelta(hours=calendar.min_notice_hours), calendar.horizon_days)


def bookable_window(rules: Rules, now: dt.datetime, tz: ZoneInfo, *, enforce_notice: bool = True
                    ) -> tuple[dt.datetime, dt.date]:
    """The earliest bookable instant and the last bookable local date."""
    earliest = now + rules.min_notice if enforce_notice else now
    last_day = now.astimezone(tz).date() + dt.timedelta(days=rules.horizon_days)
    return earliest, last_day


def _capacity(interval_capacity: int, day_exceptions: Sequence[Exception_], start: dt.datetime,
              end: dt.datetime) -> int:
    """Capacity of one slot after exceptions: the smallest override that touches it wins."""
    capacity = interval_capacity
    for exc in day_exceptions:
        if exc.starts_at is None:
            capacity = min(capacity, exc.capacity)
            continue
        exc_start = dt.datetime.combine(start.date(), exc.starts_at, tzinfo=start.tzinfo)
        exc_end = dt.datetime.combine(start.date(), exc.ends_at, tzinfo=start.tzinfo)
        if exc_start < end and start < exc_end:
            capacity = min(capacity, exc.capacity)
    return capacity


def slots_for(
    *,
    rules: Rules,
    intervals: Sequence[Interval],
    closed: Mapping[dt.date, object],
    exceptions: Iterable[Exception_],
    taken: Mapping[dt.datetime, int],
    tz: ZoneInfo,
    start: dt.date,
    end: dt.date,
    now: dt.datetime,
    enforce_notice: bool = True,
    include_full: bool = False,
) -> list[Slot]:
    """Every slot between the local dates start and end (inclusive) that can still be booked.

    `taken` counts active bookings by slot start (UTC or aware). Slots are laid out from each interval's
    opening, one every slot + buffer, and must end by the interval's closing time.
    """
    earliest, last_day = bookable_window(rules, now, tz, enforce_notice=enforce_notice)
    end = min(end, last_day)
    by_day: dict[dt.date, list[Exception_]] = {}
    for exc in exceptions:
        by_day.setdefault(exc.date, []).append(exc)
    by_weekday: dict[int, list[Interval]] = {}
    for interval in sorted(intervals, key=lambda i: i.opens_at):
        by_weekday.setdefault(interval.weekday, []).append(interval)
    step = rules.slot + rules.buffer
    slots: list[Slot] = []
    day = start
    while day <= end:
        if day not in closed:
            for interval in by_weekday.get(day.weekday(), ()):
                # Wall-clock arithmetic, then localised: a slot at 09:00 stays at 09:00 across DST changes.
                cursor = dt.datetime.combine(day, interval.opens_at)
                closes = dt.datetime.combine(day, interval.closes_at)
                while cursor + rules.slot <= closes:
                    slot_start = cursor.replace(tzinfo=tz)
                    slot_end = (cursor + rules.slot).replace(tzinfo=tz)
                    cursor += step
                    if slot_start < earliest:
                        continue
                    capacity = _capacity(interval.capacity, by_day.get(day, ()), slot_start, slot_end)
                    if capacity <= 0:
                        continue
                    available = max(capacity - taken.get(slot_start, 0), 0)
                    if available or include_full:
                        slots.append(Slot(slot_start, slot_end, capacity, available))
        day += dt.timedelta(days=1)
    return slots


def free_slots(
    calendar: Calendar,
    start: dt.date,
    end: dt.date,
    now: dt.datetime | None = None,
    *,
    enforce_notice: bool = True,
    include_full: bool = False,
) -> list[Slot]:
    """Bookable slots of a calendar between two local dates (inclusive). Four queries."""
    now = now or timezone.now()
    desk = calendar.desk
    tz = desk.tz
    intervals = [Interval(*row) for row in CalendarInterval.objects.filter(calendar=calendar).values_list(
        "weekday", "opens_at", "closes_at", "capacity")]
    # The desk's own closures close the desk calendar; members close theirs with whole-day exceptions.
    adhoc = (Closure.objects.filter(desk=desk, starts_on__lte=end, ends_on__gte=start)
             .values_list("starts_on", "ends_on", "reason") if calendar.is_desk_calendar else [])
    closed = hours.closure_days(desk.holiday_rule, adhoc, start, end)
    exceptions = [Exception_(*row) for row in CalendarException.objects.filter(
        calendar=calendar, date__gte=start, date__lte=end).values_list("date", "starts_at", "ends_at", "capacity")]
    range_start = dt.datetime.combine(start, dt.time.min, tzinfo=tz)
    range_end = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    taken = {
        row["start"].astimezone(tz): row["n"]
        for row in Booking.objects.filter(calendar=calendar, start__gte=range_start, start__lt=range_end,
                                          status__in=ACTIVE_STATUSES, seat__isnull=False)
        .values("start").annotate(n=Count("id")).order_by()
    }
    return slots_for(rules=rules_of(calendar), intervals=intervals, closed=closed, exceptions=exceptions,
                     taken=taken, tz=tz, start=start, end=end, now=now, enforce_notice=enforce_notice,
                     include_full=include_full)


def slot_at(calendar: Calendar, start: dt.datetime, now: dt.datetime | None = None, *,
            enforce_notice: bool = True) -> Slot | None:
    """The slot that starts exactly at `start`, full or not; None when there is no such bookable slot."""
    local = start.astimezone(calendar.desk.tz)
    for slot in free_slots(calendar, local.date(), local.date(), now, enforce_notice=enforce_notice,
                           include_full=True):
        if slot.start == local:
            return slot
    return None
