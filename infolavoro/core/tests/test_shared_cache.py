"""Rate limits hold across server processes: two gunicorn processes share one count through the cache
(the database cache by default, Redis when REDIS_URL is set)."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from infolavoro.booking.api import BOOK_RATE
from infolavoro.booking.tests.conftest import make_calendar, reasons  # noqa: F401  (fixture)
from infolavoro.core.cache import AtomicDatabaseCache

ROOT = Path(settings.BASE_DIR)
LIMIT = int(BOOK_RATE.split("/")[0])


@pytest.mark.shared_cache
@pytest.mark.django_db
def test_database_cache_increments_in_place_and_keeps_the_expiry():
    cache = caches["default"]
    assert isinstance(cache, AtomicDatabaseCache) or settings.CACHES["default"]["BACKEND"].startswith("django_redis")
    cache.clear()
    cache.add("window", 0, 3600)
    for _ in range(5):
        cache.incr("window")
    assert cache.get("window") == 5
    with pytest.raises(ValueError, match="not found"):
        cache.incr("missing")
    if isinstance(cache, AtomicDatabaseCache):
        # Django's own incr() re-sets the entry with the default 300 s timeout; the window must keep its hour.
        in_50_minutes = timezone.now() + dt.timedelta(minutes=50)
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM infolavoro_cache WHERE cache_key = %s AND expires > %s",
                           [cache.make_and_validate_key("window"),
                            connection.ops.adapt_datetimefield_value(in_50_minutes)])
            assert cursor.fetchone()[0] == 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_env() -> dict[str, str]:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return {"SQLITE_PATH": str(db["NAME"])}
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return {"DATABASE_URL": f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"}


def _serve(port: int, extra_env: dict[str, str]) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_PATH", "REDIS_URL"}}
    env.update({"DEBUG": "1", "DJANGO_SETTINGS_MODULE": "infolavoro.settings", **_database_env(), **extra_env})
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "infolavoro.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1",
         "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def _wait(port: int, process: subprocess.Popen) -> None:
    for _ in range(150):
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode()[-2000:])
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10)
            return
        except OSError:  # not listening yet (URLError, ConnectionError and timeouts are OSErrors)
            time.sleep(0.2)
    raise AssertionError("server did not start")


def _book(port: int, n: int) -> int:
    body = json.dumps({"start": "2020-01-07T09:00:00+01:00", "reason": "cv", "first_name": "Maria",
                       "last_name": "Rossi", "email": f"p{n}@example.org", "privacy_consent": True}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/desks/la-spezia/bookings", data=body,
                                     headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except TimeoutError:
        return -1


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.shared_cache
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("backend", ["database", "redis"])
def test_booking_limit_holds_across_two_server_processes(desk, reasons, backend):  # noqa: F811
    extra: dict[str, str] = {"REDIS_URL": ""}
    if backend == "redis":
        if not _redis_up():
            pytest.skip("no Redis at 127.0.0.1:6379")
        extra = {"REDIS_URL": "redis://127.0.0.1:6379/15", "CACHE_KEY_PREFIX": f"test-{os.getpid()}-{time.time()}"}
    else:
        caches["default"].clear()
    make_calendar(desk)
    ports = [_free_port(), _free_port()]
    servers = [_serve(port, extra) for port in ports]
    try:
        for port, server in zip(ports, servers, strict=True):
            _wait(port, server)
        # Alternate between the two processes: a per-process count would allow LIMIT in each.
        codes = [_book(ports[n % 2], n) for n in range(LIMIT + 4)]
    finally:
        for server in servers:
            server.terminate()
        logs = [server.communicate(timeout=10)[1].decode()[-3000:] for server in servers]
    assert 429 not in codes[:LIMIT], (codes, logs)  # 422: a time in the past, but the attempt counts
    assert set(codes[:LIMIT]) == {422}, codes
    assert codes[LIMIT:] == [429] * 4, codes
