"""Django set up for a bench script: a throwaway SQLite database (or BENCH_DATABASE_URL), migrated, with the
La Spezia demo desk and its 33 members. Import it before anything from Django or infolavoro."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infolavoro.settings")
os.environ["ALLOWED_HOSTS"] = "testserver"
if os.environ.get("BENCH_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
else:
    os.environ.pop("DATABASE_URL", None)
    os.environ["SQLITE_PATH"] = os.environ.get("BENCH_SQLITE_PATH") or str(
        Path(tempfile.mkdtemp(prefix="infolavoro-bench-")) / "bench.sqlite3")

import django  # noqa: E402

django.setup()


def demo_desk():
    """Migrates and loads the demo desk with its network; returns the desk."""
    from django.core.management import call_command

    from infolavoro.desks import demo as desks_demo
    from infolavoro.network import demo as network_demo

    call_command("migrate", verbosity=0)
    desk = desks_demo.load()
    network_demo.load(desk)
    return desk
