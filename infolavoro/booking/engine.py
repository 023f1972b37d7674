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


# --- Open and closed days (the agenda says why a day is closed, and steps from open day to open day) ---

# How far the agenda looks for the next or previous open day: a bounded search, never an endless loop.
OPEN_DAY_SEARCH_DAYS = 62


@dataclass(frozen=True)
class DayClosed:
    """Why a calendar takes no appointment on a local date."""

    kind: str  # "holiday", "closure", "blocked" (a whole-day exception with no places), "no_hours"
    reason: str  # the holiday's name, the closure's or the block's reason; empty for "no_hours"
    day: dt.date
    is_desk: bool = True  # the desk's own calendar (else a member's premises)

    @property
    def message(self) -> str:
        from django.utils.formats import date_format
        from django.utils.translation import gettext as _

        closed = _("Sportello chiuso") if self.is_desk else _("Calendario chiuso")
        if self.kind == "holiday":
            return _("%(closed)s per festività: %(name)s.") % {"closed": closed, "name": self.reason}
        if self.kind == "closure" and self.reason:
            return _("%(closed)s: %(reason)s.") % {"closed": closed, "reason": self.reason}
        if self.kind == "blocked":
            return (_("Giornata bloccata: %(reason)s.") % {"reason": self.reason}) if self.reason else _(
                "Giornata bloccata: nessun posto prenotabile.")
        if self.kind == "no_hours":
            return _("%(closed)s: %(weekday)s non è un giorno di apertura.") % {
                "closed": closed, "weekday": date_format(self.day, "l").lower()}
        return f"{closed}."


@dataclass(frozen=True)
class OpenDays:
    """The calendar's weekly hours, closures and whole-day blocks over a window of dates: query-free answers
    to "is this day open, and if not why?" and "which is the next (previous) open day?"."""

    intervals: Sequence[Interval]
    closed: Mapping[dt.date, hours.ClosureDay]
    blocked: Mapping[dt.date, str]  # whole-day exceptions with no places: their reason
    first: dt.date
    last: dt.date
    is_desk: bool = True

    def why_closed(self, day: dt.date) -> DayClosed | None:
        """None when the calendar is open on `day` (it has hours that weekday and nothing closes it)."""
        if day in self.closed:
            closure = self.closed[day]
            return DayClosed("holiday" if closure.is_public_holiday else "closure", closure.reason, day,
                             self.is_desk)
        if day in self.blocked:
            return DayClosed("blocked", self.blocked[day], day, self.is_desk)
        if not any(interval.weekday == day.weekday() for interval in self.intervals):
            return DayClosed("no_hours", "", day, self.is_desk)
        return None

    def open_day_after(self, day: dt.date, step: int = 1) -> dt.date | None:
        """The first open day after `day` (step=-1: before it), within the window; None when there is none."""
        candidate = day + dt.timedelta(days=step)
        while self.first <= candidate <= self.last:
            if self.why_closed(candidate) is None:
                return candidate
            candidate += dt.timedelta(days=step)
        return None


def open_days(calendar: Calendar, start: dt.date, end: dt.date,
              around: int = OPEN_DAY_SEARCH_DAYS) -> OpenDays:
    """Load what `OpenDays` needs for start..end and `around` days either side. Three queries."""
    first, last = start - dt.timedelta(days=around), end + dt.timedelta(days=around)
    desk = calendar.desk
    intervals = [Interval(*row) for row in CalendarInterval.objects.filter(calendar=calendar).values_list(
        "weekday", "opens_at", "closes_at", "capacity")]
    adhoc = (Closure.objects.filter(desk=desk, starts_on__lte=last, ends_on__gte=first)
             .values_list("starts_on", "ends_on", "reason") if calendar.is_desk_calendar else [])
    blocked = dict(CalendarException.objects.filter(
        calendar=calendar, date__gte=first, date__lte=last, starts_at__isnull=True, capacity=0,
    ).values_list("date", "reason"))
    return OpenDays(intervals=intervals, closed=hours.closure_days(desk.holiday_rule, adhoc, first, last),
                    blocked=blocked, first=first, last=last, is_desk=calendar.is_desk_calendar)
