"""Background work of booking."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def send_booking_reminders() -> int:
    """Hourly: e-mail tomorrow's appointments (each once)."""
    return services.send_reminders()


@task()
def anonymise_old_bookings() -> int:
    """Daily: past bookings lose their personal data after the desk's retention period."""
    return services.anonymise_old_bookings()


@task()
def send_member_agendas() -> int:
    """Hourly (acts once a day per member): tomorrow's appointments to members without a login."""
    return services.send_member_agendas()
