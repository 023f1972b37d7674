import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_healthz_reports_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["database"]["vendor"] in {"sqlite", "postgresql"}


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_fails(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"]["ok"] is False


def test_check_deploy_is_clean_with_production_settings():
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {**inherited, "DEBUG": "0", "SECRET_KEY": "x" * 30 + "-production-secret-key-abcdefghij",
           "ALLOWED_HOSTS": "infolavoro.example.org", "SECURE_HSTS_PRELOAD": "1"}
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DEBUG"] = "0"
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_structured_logs_are_json(caplog):
    import json
    import logging

    from pythonjsonlogger.json import JsonFormatter

    record = logging.LogRecord("infolavoro", logging.INFO, __file__, 1, "booked %s", ("X1",), None)
    line = JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s",
                         rename_fields={"levelname": "level"}).format(record)
    assert json.loads(line)["message"] == "booked X1"


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode():
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


@pytest.mark.django_db
def test_pages_render_with_hashed_static_files(client, desk, tmp_path, settings):
    """Production serves collected, hashed static files: every {% static %} must be in the manifest."""
    from django.core.management import call_command
    from django.urls import reverse

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}
    # (the settings fixture's signals make Django rebuild the static files storage)
    call_command("collectstatic", interactive=False, verbosity=0)
    for name in ["desks:home", "desks:contacts", "booking:start", "network:index"]:
        response = client.get(reverse(name, args=[desk.slug]))
        assert response.status_code == 200, name
        assert "/static/css/bootstrap-italia.min." in response.content.decode()
    assert client.get(reverse("accounts:login")).status_code == 200


def test_server_error_page_needs_no_database_or_context(rf):
    from infolavoro.core.views import server_error

    response = server_error(rf.get("/la-spezia/"))
    assert response.status_code == 500
    assert "Si è verificato un errore" in response.content.decode()


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
