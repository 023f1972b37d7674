"""iCalendar files for bookings (RFC 5545 objects, RFC 5546 methods, via `icalendar`).

One scheme, valid for every method RFC 5546 allows here:
- every event names its ORGANIZER: the member's address for an appointment at a member's premises, the desk's
  otherwise (RFC 5546 requires it for PUBLISH, REQUEST and CANCEL alike);
- REQUEST (a booking or a change sent to the person) names the person as ATTENDEE, already accepted, no reply
  asked; without an e-mail address there is no attendee, so the file is a PUBLISH instead;
- PUBLISH (a file downloaded from the confirmation or the manage page) has no ATTENDEE, as RFC 5546 requires;
- CANCEL keeps the UID, raises the SEQUENCE (the service does) and names the same organiser and attendee.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from icalendar import Calendar as ICalendar
from icalendar import Event, vCalAddress, vText

if TYPE_CHECKING:
    from .models import Booking

METHODS = ("PUBLISH", "REQUEST", "CANCEL")


def organizer_of(booking: Booking) -> tuple[str, str]:
    """(name, e-mail) of who holds the calendar: the member for its own service, the desk otherwise."""
    calendar = booking.calendar
    desk = booking.desk
    if not calendar.is_desk_calendar:
        service = calendar.service
        organization = service.organization
        email = service.email or organization.email
        if email:
            return organization.name, email
    return desk.name, desk.email


def _address(email: str, name: str, **params: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(name)
    for key, value in params.items():
        address.params[key] = vText(value)
    return address


def booking_ics(booking: Booking, method: str = "REQUEST") -> bytes:
    """One event, in UTC; the same UID across changes and a growing SEQUENCE, so calendar apps update it."""
    from .services import place_of

    if method not in METHODS:
        raise ValueError(f"Unsupported iTIP method {method!r}")
    attendee = booking.email if method in ("REQUEST", "CANCEL") else ""
    if method == "REQUEST" and not attendee:
        method = "PUBLISH"  # REQUEST needs an attendee; without one the file only publishes the event
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
    name, email = organizer_of(booking)
    event.add("organizer", _address(email, name))
    if attendee:
        person = f"{booking.first_name} {booking.last_name}".strip() or attendee
        params = {"role": "REQ-PARTICIPANT"}
        if method == "REQUEST":
            params.update(partstat="ACCEPTED", rsvp="FALSE")
        event.add("attendee", _address(attendee, person, **params))
    cal.add_component(event)
    return cal.to_ical()
