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
    """Daily: refresh the query planner's statistics (ANALYZE; sampled on SQLite). Without them SQLite walks the
    board's date index instead of the matching indexes, and PostgreSQL, after a bulk import that autovacuum has
    not analysed yet, reads whole skill tables with a hash join."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit=1000")
        cursor.execute("ANALYZE")
    return "analyzed"
