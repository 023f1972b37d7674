"""The .ics files follow RFC 5546 for the method they declare: parsed back with `icalendar`, each carries the
properties its method requires (ORGANIZER always, ATTENDEE for REQUEST and none for PUBLISH, SEQUENCE on
updates and cancellations)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from icalendar import Calendar as ICalendar

from infolavoro.booking import services
from infolavoro.booking.calendar_files import booking_ics
from infolavoro.booking.tests.conftest import citizen
from infolavoro.notifications.services import deliver_pending

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)
SLOT = dt.datetime(2026, 12, 9, 9, 0, tzinfo=ROME)
OTHER = dt.datetime(2026, 12, 10, 9, 0, tzinfo=ROME)
pytestmark = pytest.mark.django_db

# RFC 5546 §3.2: properties a VEVENT must have, by method.
REQUIRED = {
    "PUBLISH": {"DTSTAMP", "DTSTART", "ORGANIZER", "SUMMARY", "UID"},
    "REQUEST": {"ATTENDEE", "DTSTAMP", "DTSTART", "ORGANIZER", "SUMMARY", "UID"},
    "CANCEL": {"ATTENDEE", "DTSTAMP", "ORGANIZER", "SEQUENCE", "UID"},
}


def check(content: bytes) -> tuple[str, object]:
    """Parse the file and assert what RFC 5546 asks of its method; return (method, event)."""
    calendar = ICalendar.from_ical(content)
    method = str(calendar["METHOD"])
    assert {"PRODID", "VERSION"} <= set(calendar)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    missing = REQUIRED[method] - set(event)
    assert not missing, f"{method} without {missing}"
    if int(event.get("SEQUENCE", 0)) > 0:
        assert "SEQUENCE" in event
    if method == "PUBLISH":
        assert "ATTENDEE" not in event  # RFC 5546 §3.2.1: no attendees in a PUBLISH
    assert str(event["ORGANIZER"]).startswith("mailto:")
    return method, event


def attachment() -> bytes:
    deliver_pending()
    name, content, mimetype = mail.outbox[-1].attachments[0]
    assert (name, mimetype) == ("appuntamento.ics", "text/calendar")
    return content


def test_booking_change_and_cancellation_e_mails_are_valid_itip(calendar, desk):
    booking = services.book(calendar, start=SLOT, now=NOW, **citizen())
    method, event = check(attachment())
    assert method == "REQUEST"
    assert str(event["ORGANIZER"]) == f"mailto:{desk.email}"
    assert str(event["ATTENDEE"]) == "mailto:maria.rossi@example.org"
    assert event["ATTENDEE"].params["PARTSTAT"] == "ACCEPTED"
    uid = str(event["UID"])

    services.reschedule(booking, OTHER, now=NOW)
    method, event = check(attachment())
    assert (method, str(event["UID"]), int(event["SEQUENCE"])) == ("REQUEST", uid, 1)
    assert event.decoded("DTSTART") == OTHER.astimezone(dt.UTC)

    booking.refresh_from_db()
    services.cancel(booking, now=NOW)
    method, event = check(attachment())
    assert (method, str(event["UID"]), int(event["SEQUENCE"])) == ("CANCEL", uid, 2)
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["ORGANIZER"]) == f"mailto:{desk.email}"


def test_downloaded_file_is_a_publish_with_organizer_and_no_attendee(client, calendar):
    booking = services.book(calendar, start=SLOT, now=NOW, **citizen())
    response = client.get(f"/la-spezia/prenota/gestisci/{services.manage_token(booking)}/appuntamento.ics")
    assert response.status_code == 200, response.status_code
    method, event = check(response.content)
    assert method == "PUBLISH"

    services.cancel(booking, now=NOW)
    booking.refresh_from_db()
    method, event = check(client.get(
        f"/la-spezia/prenota/gestisci/{services.manage_token(booking)}/appuntamento.ics").content)
    assert method == "CANCEL"


def test_request_without_an_address_becomes_publish(calendar):
    booking = services.book(calendar, start=SLOT, now=NOW, **citizen())
    booking.email = ""
    method, _event = check(booking_ics(booking, method="REQUEST"))
    assert method == "PUBLISH"


def test_member_premises_appointment_is_organised_by_the_member(member_calendar, organization):
    organization.email = "info@ente-golfo.example.org"
    organization.save()
    monday = dt.datetime(2026, 12, 7, 9, 0, tzinfo=ROME)
    services.book(member_calendar, start=monday, now=NOW, **citizen())
    method, event = check(attachment())
    assert method == "REQUEST"
    assert str(event["ORGANIZER"]) == "mailto:info@ente-golfo.example.org"
    assert event["ORGANIZER"].params["CN"] == organization.name
