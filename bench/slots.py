"""How long computing 60 days of free slots takes for the desk plus 33 member calendars with 5,000 existing
bookings. Builds a throwaway SQLite database (or uses BENCH_DATABASE_URL), prints the figures.

    .venv/bin/python bench/slots.py
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
workdir = tempfile.mkdtemp(prefix="infolavoro-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infolavoro.settings")
if os.environ.get("BENCH_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
else:
    os.environ.pop("DATABASE_URL", None)
    os.environ["SQLITE_PATH"] = str(Path(workdir) / "bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from infolavoro.booking import engine  # noqa: E402
from infolavoro.booking.models import Booking, Calendar, CalendarInterval, Reason  # noqa: E402
from infolavoro.desks import demo as desks_demo  # noqa: E402
from infolavoro.network import demo as network_demo  # noqa: E402
from infolavoro.network.models import Service  # noqa: E402

BOOKINGS = 5000
DAYS = 60


def build() -> list[Calendar]:
    call_command("migrate", verbosity=0)
    desk = desks_demo.load()
    network_demo.load(desk)
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
