"""Scheduled work of the labour app."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def expire_vacancies() -> int:
    """Hourly: published vacancies past their expiry date are recorded as expired."""
    return services.expire_vacancies()


@task()
def send_alert_digests() -> int:
    """Daily: the e-mail digest of new vacancies for each confirmed alert."""
    return services.send_alert_digests()


@task()
def refresh_planner_statistics() -> str:
    """Daily: on SQLite, refresh the query planner's statistics (ANALYZE, sampled), without which it
    walks the board's date index instead of the matching indexes once there are many vacancies. PostgreSQL's
    autovacuum does this by itself."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return "skipped"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA analysis_limit=1000")
        cursor.execute("ANALYZE")
    return "analyzed"
