"""How many bookings from one address get past the "10 an hour" limit when requests alternate between two
gunicorn processes: with a per-process cache (local memory, as before a cache was configured) and with the
shared cache (the database cache by default; Redis too when one answers at 127.0.0.1:6379)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import _django  # noqa: F401  (Django set up on a throwaway database)

ROOT = Path(__file__).resolve().parents[1]
ATTEMPTS = 30
LOCMEM_SETTINGS = """from infolavoro.settings import *  # noqa: F403
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003"]
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def book(port: int, n: int) -> int:
    body = json.dumps({"start": "2020-01-07T09:00:00+01:00", "reason": "cv", "first_name": "Maria",
                       "last_name": "Rossi", "email": f"p{n}@example.org", "privacy_consent": True}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/desks/la-spezia/bookings", data=body,
                                     headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310  (loopback http)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def run(label: str, env: dict[str, str]) -> None:
    ports = [free_port(), free_port()]
    servers = [subprocess.Popen([sys.executable, "-m", "gunicorn", "infolavoro.wsgi", "-b", f"127.0.0.1:{p}",  # noqa: S603
                                 "-w", "1", "--log-level", "error"], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for p in ports]
    try:
        for port in ports:
            for _ in range(150):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10)
                    break
                except OSError:
                    time.sleep(0.2)
        codes = [book(ports[n % 2], n) for n in range(ATTEMPTS)]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
    passed = sum(1 for c in codes if c != 429)
    answers = ", ".join(f"{code}×{codes.count(code)}" for code in sorted(set(codes)))
    print(f"{label:<28} {passed:>3} of {ATTEMPTS} attempts got past the limit of 10 (2 processes; {answers})")


def main() -> None:
    from django.core.cache import caches
    from django.core.management import call_command

    from infolavoro.booking.models import Calendar, CalendarInterval, Reason

    desk = _django.demo_desk()
    call_command("createcachetable", verbosity=0)
    if not Calendar.objects.filter(desk=desk, service=None).exists():
        calendar = Calendar.objects.create(desk=desk, name="Sportello")
        CalendarInterval.objects.create(calendar=calendar, weekday=1, opens_at="09:00", closes_at="12:00")
    Reason.objects.get_or_create(desk=desk, code="cv", defaults={"label": "CV"})
    base = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    base.update({"DEBUG": "1", "ALLOWED_HOSTS": "127.0.0.1"})
    settings_dir = Path(os.environ["SQLITE_PATH"]).parent
    (settings_dir / "locmem_settings.py").write_text(LOCMEM_SETTINGS)
    run("per-process (local memory)", {**base, "DJANGO_SETTINGS_MODULE": "locmem_settings",
                                        "PYTHONPATH": f"{settings_dir}:{ROOT}"})
    caches["default"].clear()
    run("shared (database cache)", {**base, "DJANGO_SETTINGS_MODULE": "infolavoro.settings"})
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return
    run("shared (Redis)", {**base, "DJANGO_SETTINGS_MODULE": "infolavoro.settings",
                           "REDIS_URL": "redis://127.0.0.1:6379/14", "CACHE_KEY_PREFIX": f"bench-{time.time()}"})


if __name__ == "__main__":
    main()
