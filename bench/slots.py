"""How long computing 60 days of free slots takes for the desk plus 33 member calendars with 5,000 existing
bookings. Builds a throwaway SQLite database (or uses BENCH_DATABASE_URL), prints the figures.

    .venv/bin/python bench/slots.py
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time

import _django  # first: sets Django up before infolavoro is imported
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from infolavoro.booking import engine
from infolavoro.booking.models import Booking, Calendar, CalendarInterval, Reason
from infolavoro.network.models import Service

BOOKINGS = 5000
DAYS = 60


def build() -> list[Calendar]:
    desk = _django.demo_desk()
    reason = Reason.objects.get_or_create(desk=desk, code="orientamento", defaults={"label": "Orientamento"})[0]
    Calendar.objects.filter(desk=desk).delete()
    calendars = [Calendar.objects.create(desk=desk, name="Sportello", min_notice_hours=0, horizon_days=DAYS)]
    seen = set()
    for service in Service.objects.filter(organization__desk=desk).select_related("organization"):
        if service.organization_id not in seen:
            seen.add(service.organization_id)
            calendars.append(Calendar.objects.create(desk=desk, service=service, name=service.name[:200],
                                                     min_notice_hours=0, horizon_days=DAYS))
    intervals = []
    for calendar in calendars:
        for weekday in range(5):
            intervals += [CalendarInterval(calendar=calendar, weekday=weekday, opens_at=dt.time(8, 30),
                                           closes_at=dt.time(12, 30), capacity=3),
                          CalendarInterval(calendar=calendar, weekday=weekday, opens_at=dt.time(14, 0),
                                           closes_at=dt.time(18, 0), capacity=2)]
    CalendarInterval.objects.bulk_create(intervals)
    # Spread 5,000 bookings over the free slots of the next 60 days.
    rng = random.Random(1)
    today = timezone.localdate()
    now = timezone.now()
    horizon = today + dt.timedelta(days=DAYS)
    candidates = [(c, s) for c in calendars for s in engine.free_slots(c, today, horizon, now)]
    rng.shuffle(candidates)
    seats: dict[tuple[int, dt.datetime], int] = {}
    rows = []
    for calendar, slot in candidates:
        key = (calendar.pk, slot.start)
        if seats.get(key, 0) >= slot.capacity:
            continue
        seats[key] = seats.get(key, 0) + 1
        rows.append(Booking(calendar=calendar, desk=calendar.desk, code=f"B{len(rows):07d}", start=slot.start,
                            end=slot.end, seat=seats[key], reason=reason, first_name="Bench", last_name="Mark",
                            email=f"b{len(rows)}@example.org"))
        if len(rows) == BOOKINGS:
            break
    Booking.objects.bulk_create(rows, batch_size=500)
    return calendars


def main() -> None:
    calendars = build()
    today = timezone.localdate()
    end = today + dt.timedelta(days=DAYS)
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            total = sum(len(engine.free_slots(c, today, end)) for c in calendars)
        runs.append(time.perf_counter() - started)
    print(f"database: {connection.vendor}; calendars: {len(calendars)}; existing bookings: "
          f"{Booking.objects.count()}; days: {DAYS}")
    print(f"free slots found: {total}; queries per run: {len(queries)}")
    print(f"all calendars, 60 days: median {statistics.median(runs) * 1000:.0f} ms, best {min(runs) * 1000:.0f} ms "
          f"(5 runs); per calendar {statistics.median(runs) / len(calendars) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
