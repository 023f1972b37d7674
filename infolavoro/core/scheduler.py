"""Periodic background jobs. django-tasks runs enqueued tasks but has no clock: this enqueues each task listed in
settings.PERIODIC_TASKS (dotted path → interval in seconds) when it is due. Run `manage.py scheduler` beside
`db_worker` (make run does), or `manage.py scheduler --once` from cron."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import PeriodicRun

logger = logging.getLogger(__name__)


def _take_turn(name: str, interval: dt.timedelta, now: dt.datetime) -> bool:
    """Mark the task as enqueued now if it is due; a conditional update, so two schedulers never both win."""
    if PeriodicRun.objects.filter(name=name, last_enqueued_at__lte=now - interval).update(last_enqueued_at=now):
        return True
    try:
        with transaction.atomic():
            PeriodicRun.objects.create(name=name, last_enqueued_at=now)
    except IntegrityError:
        return False
    return True


def enqueue_due(now: dt.datetime | None = None) -> list[str]:
    """Enqueue every periodic task that is due; return their names."""
    now = now or timezone.now()
    enqueued = []
    for name, seconds in settings.PERIODIC_TASKS.items():
        if _take_turn(name, dt.timedelta(seconds=seconds), now):
            import_string(name).enqueue()
            enqueued.append(name)
            logger.info("scheduler: enqueued %s", name)
    return enqueued
