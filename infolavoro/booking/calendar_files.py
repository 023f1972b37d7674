"""iCalendar files for bookings (RFC 5545, via `icalendar`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from icalendar import Calendar as ICalendar
from icalendar import Event

if TYPE_CHECKING:
    from .models import Booking


def booking_ics(booking: Booking, method: str = "REQUEST") -> bytes:
    """One event, in UTC; the same UID across changes and a growing SEQUENCE, so calendar apps update it."""
    from .services import place_of

    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "infolavoro"
    cal = ICalendar()
    cal.add("prodid", "-//InfoLavoro//Prenotazioni//IT")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", f"{booking.code}@{host}")
    event.add("sequence", booking.sequence)
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    event.add("dtstart", booking.start.astimezone(dt.UTC))
    event.add("dtend", booking.end.astimezone(dt.UTC))
    organizer = booking.desk.name if booking.calendar.is_desk_calendar else booking.calendar.service.organization.name
    event.add("summary", f"{organizer} – {booking.subject}")
    event.add("location", place_of(booking.calendar))
    event.add("description", f"{booking.code}")
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    cal.add_component(event)
    return cal.to_ical()
