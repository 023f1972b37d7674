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
