"""Read queries of booking."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from infolavoro.accounts.permissions import desk_ids_for, organization_ids_for

from .models import Booking, Calendar, CalendarException, Reason


def desk_calendar(desk: Any) -> Calendar | None:
    return Calendar.objects.filter(desk=desk, service__isnull=True, is_active=True).select_related("desk").first()


def calendar_for_service(service: Any) -> Calendar | None:
    return (Calendar.objects.filter(service=service, is_active=True)
            .select_related("desk", "service__organization").first())


def reasons(desk: Any) -> QuerySet[Reason]:
    return Reason.objects.filter(desk=desk, is_active=True)


def calendars_for(user: Any, desk: Any) -> list[Calendar]:
    """The calendars of the desk whose agenda the user may see: all for desk staff, their own for members."""
    qs = Calendar.objects.filter(desk=desk, is_active=True).select_related("desk", "service__organization")
    staff_desks = desk_ids_for(user, "desk.operate")
    if staff_desks is None or desk.pk in staff_desks:
        return sorted(qs, key=lambda c: (not c.is_desk_calendar, c.service.organization.name if c.service else "",
                                         c.name))
    organizations = organization_ids_for(user) or set()
    return sorted(qs.filter(service__organization__in=organizations), key=lambda c: c.name)


def agenda(calendar: Calendar, first_day: dt.date, last_day: dt.date | None = None) -> list[Booking]:
    """Appointments and walk-ins of the local days first_day..last_day, in time order. One query."""
    tz = calendar.desk.tz
    last_day = last_day or first_day
    start = dt.datetime.combine(first_day, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    bookings = list(Booking.objects.filter(calendar=calendar, start__gte=start, start__lt=end)
                    .select_related("reason").order_by("start", "seat", "created_at"))
    for booking in bookings:  # the calendar (with its service and member) is the one given: no query per row
        booking.calendar = calendar
    return bookings


def exceptions(calendar: Calendar, first_day: dt.date, last_day: dt.date) -> list[CalendarException]:
    return list(CalendarException.objects.filter(calendar=calendar, date__gte=first_day, date__lte=last_day))


# --- Aggregates for the monitoring (no personal field is ever read from these) ---


def monitoring_bookings(desk_ids) -> QuerySet[Booking]:
    """Appointments and walk-ins at the desks' own counters (not at members' premises)."""
    return Booking.objects.filter(desk_id__in=desk_ids, calendar__service__isnull=True)


def monitoring_calendars() -> QuerySet[Calendar]:
    """The active desks' own calendars (not members' premises): those whose first free slot the monitoring
    records every hour."""
    return (Calendar.objects.filter(is_active=True, service__isnull=True, desk__is_active=True)
            .select_related("desk").order_by("desk_id", "pk"))


def first_free_slot(calendar: Calendar, now: dt.datetime) -> dt.datetime | None:
    """The start of the first slot a person booking at `now` could take (notice and horizon as the public booking
    applies them), or None when the calendar has no free slot within its horizon. One call of the slot engine over
    the whole horizon: four queries, whatever the horizon."""
    from .engine import free_slots

    today = now.astimezone(calendar.desk.tz).date()
    slots = free_slots(calendar, today, today + dt.timedelta(days=calendar.horizon_days), now)
    return slots[0].start if slots else None


def monitoring_ratings(desk_ids) -> QuerySet:
    from .models import ServiceRating

    return ServiceRating.objects.filter(desk_id__in=desk_ids)
