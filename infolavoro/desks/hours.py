"""Opening hours and closures: the one place that turns a desk's weekly wall-clock hours into instants.

Weekly intervals are local times; each date's intervals become aware datetimes in the desk's zone, so
daylight-saving changes are right by construction. Public holidays (with the patron saint of the desk's
province) come from the `holidays` package; ad-hoc closures from the database. The booking engine uses the
same functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils import timezone
from django.utils.translation import get_language


@dataclass(frozen=True)
class WeeklyInterval:
    weekday: int  # Monday = 0
    opens_at: dt.time
    closes_at: dt.time


@dataclass(frozen=True)
class ClosureDay:
    date: dt.date
    reason: str
    is_public_holiday: bool


@dataclass(frozen=True)
class OpeningState:
    is_open: bool
    closes_at: dt.datetime | None  # when open: end of the current interval
    next_opening: dt.datetime | None  # when closed: the next time it opens (None if never within horizon)
    next_closing: dt.datetime | None  # end of the interval that starts at next_opening


@dataclass(frozen=True)
class HolidayRule:
    """Which public holidays close a desk: the national ones, plus the local patron saint.

    The `holidays` package knows the patron of each province's chief town (subdivision "SP" adds San Giuseppe,
    19 March, for La Spezia). Another Comune of the province has its own patron (Sarzana: Sant'Andrea,
    30 November): when the desk sets one, it replaces the province's.
    """

    subdivision: str = ""
    patron_month: int | None = None
    patron_day: int | None = None
    patron_name: str = ""

    @property
    def has_own_patron(self) -> bool:
        return bool(self.patron_month and self.patron_day)


@lru_cache(maxsize=64)
def _holiday_calendar(rule: HolidayRule, year: int, language: str) -> dict[dt.date, str]:
    lang = "it_IT" if language.startswith("it") else "en_US"
    kwargs = {"subdiv": rule.subdivision} if rule.subdivision and not rule.has_own_patron else {}
    days = dict(holidays.Italy(years=year, language=lang, **kwargs))
    if rule.has_own_patron:
        try:
            patron = dt.date(year, rule.patron_month, rule.patron_day)
        except ValueError:  # 29 February in a common year: no patron's day that year
            return days
        name = rule.patron_name or ("Santo patrono" if lang == "it_IT" else "Patron saint's day")
        days[patron] = f"{days[patron]}; {name}" if patron in days else name
    return days


def public_holidays(rule: HolidayRule | str, start: dt.date, end: dt.date) -> dict[dt.date, str]:
    """Italian public holidays (and the local patron saint) between start and end, inclusive.

    `rule` is the desk's `holiday_rule`, or just a province code (its chief town's patron)."""
    if isinstance(rule, str):
        rule = HolidayRule(subdivision=rule)
    language = get_language() or "it"
    found: dict[dt.date, str] = {}
    for year in range(start.year, end.year + 1):
        for day, name in _holiday_calendar(rule, year, language).items():
            if start <= day <= end:
                found[day] = name
    return dict(sorted(found.items()))


def closure_days(
    subdivision: HolidayRule | str,
    closures: Iterable[tuple[dt.date, dt.date, str]],
    start: dt.date,
    end: dt.date,
) -> dict[dt.date, ClosureDay]:
    """Every closed date between start and end: public holidays plus ad-hoc closures (inclusive ranges)."""
    days = {
        day: ClosureDay(day, name, True) for day, name in public_holidays(subdivision, start, end).items()
    }
    for first, last, reason in closures:
        day = max(first, start)
        while day <= min(last, end):
            days.setdefault(day, ClosureDay(day, reason, False))
            day += dt.timedelta(days=1)
    return days


def intervals_on(
    day: dt.date, weekly: Sequence[WeeklyInterval], tz: ZoneInfo
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The opening intervals of one date as aware datetimes in the desk's zone (ignores closures)."""
    return [
        (dt.datetime.combine(day, w.opens_at, tzinfo=tz), dt.datetime.combine(day, w.closes_at, tzinfo=tz))
        for w in sorted(weekly, key=lambda w: w.opens_at)
        if w.weekday == day.weekday()
    ]


def opening_state(
    now: dt.datetime,
    weekly: Sequence[WeeklyInterval],
    closed: dict[dt.date, ClosureDay],
    tz: ZoneInfo,
    horizon_days: int = 60,
) -> OpeningState:
    """Is the desk open at `now`, and if not, when does it next open? `closed` must cover the horizon."""
    local_now = now.astimezone(tz)
    for offset in range(horizon_days + 1):
        day = local_now.date() + dt.timedelta(days=offset)
        if day in closed:
            continue
        for opens, closes in intervals_on(day, weekly, tz):
            if opens <= local_now < closes:
                return OpeningState(True, closes, None, None)
            if local_now < opens:
                return OpeningState(False, None, opens, closes)
    return OpeningState(False, None, None, None)


def today_local(tz: ZoneInfo) -> dt.date:
    return timezone.now().astimezone(tz).date()
