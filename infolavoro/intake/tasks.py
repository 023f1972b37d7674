"""Scheduled work of the listening point."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def anonymise_inactive_citizens() -> int:
    """Run daily: anonymise citizens with no activity for their desk's retention period."""
    return services.anonymise_inactive()
