"""No double booking, ever: many threads race for the last seats; the database lets exactly `capacity` win.
Runs on SQLite and on PostgreSQL (CI runs the suite on both)."""

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

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
    """WORKERS threads, each with its own database connection, start together and make ATTEMPTS bookings
    between them; each thread closes its connection at the end (none is left open for the teardown)."""
    barrier = threading.Barrier(WORKERS)
    results: list[bool] = []
    lock = threading.Lock()

    def worker(numbers: range) -> None:
        try:
            barrier.wait()
            for n in numbers:
                try:
                    services.book(calendar, start=SLOT, now=NOW, **citizen(email=f"persona{n}@example.org"))
                    won = True
                except services.SlotUnavailable:
                    won = False
                with lock:
                    results.append(won)
        finally:
            connection.close()

    per_worker = ATTEMPTS // WORKERS
    threads = [threading.Thread(target=worker, args=(range(i * per_worker, (i + 1) * per_worker),))
               for i in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
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


@pytest.mark.django_db(transaction=True)
def test_simultaneous_bookings_with_one_mailbox_respect_the_limit(desk):
    """15 requests at once, same person (some with sub-addresses), 15 different free slots, limit 3: exactly 3
    bookings. The count and the insert are one serialised decision (core.locks.serialise)."""
    from infolavoro.booking.models import Reason

    Reason.objects.create(desk=desk, code="orientamento", label="Orientamento")
    calendar = make_calendar(desk, intervals=((2, "08:00", "16:00", 1),), max_future_bookings_per_email=3)
    requests = 15
    barrier = threading.Barrier(requests)
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        try:
            barrier.wait()
            email = "stessa@example.org" if n % 3 else f"stessa+{n}@example.org"
            try:
                services.book(calendar, start=SLOT + dt.timedelta(minutes=30 * (n - 2)), now=NOW,
                              **citizen(email=email))
                outcome = "booked"
            except ValidationError:
                outcome = "limit"
            with lock:
                outcomes.append(outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["booked"] * 3 + ["limit"] * (requests - 3)
    assert Booking.objects.filter(calendar=calendar).count() == 3
    connection.close()
