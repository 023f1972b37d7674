"""SQLite keeps WAL, IMMEDIATE transactions and its busy timeout however it is configured: by SQLITE_PATH (the
embedded default) or by DATABASE_URL=sqlite:///… (which used to lose them and give "database is locked")."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PROBE = """
import json
import django
django.setup()
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    journal = cursor.fetchone()[0]
    cursor.execute("PRAGMA busy_timeout")
    busy = cursor.fetchone()[0]
print(json.dumps({"journal": journal, "busy": busy, "mode": connection.transaction_mode,
                  "timeout": connection.settings_dict["OPTIONS"].get("timeout")}))
"""


def probe(tmp_path: Path, **env: str) -> dict:
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SQLITE_PATH")}
    environ.update(DJANGO_SETTINGS_MODULE="infolavoro.settings", **env)
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=environ, capture_output=True, text=True,
                            check=True, timeout=60)
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("how", ["url", "path"])
def test_sqlite_has_wal_immediate_and_busy_timeout(tmp_path, how):
    db = tmp_path / "infolavoro.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{db}"} if how == "url" else {"SQLITE_PATH": str(db)}
    assert probe(tmp_path, **env) == {"journal": "wal", "busy": 20000, "mode": "IMMEDIATE", "timeout": 20}
