import pytest
from django.db import connection

from infolavoro.labour import tasks

pytestmark = pytest.mark.django_db


def test_planner_statistics_are_refreshed():
    """The daily job leaves statistics the planner reads (sqlite_stat1 on SQLite, pg_stats on PostgreSQL)."""
    assert tasks.refresh_planner_statistics.func() == "analyzed"
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        else:
            cursor.execute("SELECT count(*) FROM pg_class WHERE relname = 'labour_vacancy' AND reltuples >= 0")
        assert cursor.fetchone()[0] == 1
