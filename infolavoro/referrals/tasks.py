"""Scheduled work of referrals."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def send_referral_follow_ups() -> int:
    """Run daily: tell each desk which referrals have waited too long for the member."""
    return services.send_overdue_digest()
