"""No double booking, ever: many threads race for the last seats; the database lets exactly `capacity` win.
Runs on SQLite and on PostgreSQL (CI runs the suite on both)."""

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor
from zoneinfo import ZoneInfo

import pytest
from django.db import close_old_connections, connection

from infolavoro.booking import services
from infolavoro.booking.models import Booking
from infolavoro.booking.tests.conftest import citizen, make_calendar

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)
SLOT = dt.datetime(2026, 12, 9, 9, 0, tzinfo=ROME)
ATTEMPTS = 200
# PostgreSQL's default max_connections is 100: 40 threads keep 200 attempts racing without exhausting it.
WORKERS = 40


def race(calendar) -> tuple[int, int]:
    barrier = threading.Barrier(WORKERS)
    started = threading.local()

    def attempt(n: int) -> bool:
        if not getattr(started, "done", False):
            started.done = True
            barrier.wait()  # every worker starts together
        try:
            services.book(calendar, start=SLOT, now=NOW, **citizen(email=f"persona{n}@example.org"))
            return True
        except services.SlotUnavailable:
            return False
        finally:
            close_old_connections()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(attempt, range(ATTEMPTS)))
    return sum(results), len(results) - sum(results)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("capacity", [1, 3])
def test_concurrent_bookings_never_exceed_capacity(desk, capacity):
    from infolavoro.booking.models import Reason

    Reason.objects.create(desk=desk, code="orientamento", label="Orientamento")
    calendar = make_calendar(desk, intervals=((2, "09:00", "10:00", capacity),))
    winners, losers = race(calendar)
    assert winners == capacity
    assert losers == ATTEMPTS - capacity
    assert Booking.objects.filter(calendar=calendar, start=SLOT).count() == capacity
    assert sorted(Booking.objects.values_list("seat", flat=True)) == list(range(1, capacity + 1))
    connection.close()
