"""Booking, rescheduling, cancelling, statuses, walk-ins, e-mails with .ics, reminders, the manage token."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from icalendar import Calendar as ICalendar

from infolavoro.booking import services
from infolavoro.booking.models import Booking, BookingStatus
from infolavoro.booking.tests.conftest import citizen
from infolavoro.notifications.services import deliver_pending

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)  # Tuesday
SLOT = dt.datetime(2026, 12, 9, 9, 0, tzinfo=ROME)  # Wednesday 09:00
pytestmark = pytest.mark.django_db


def test_booking_is_complete_at_once_with_email_and_ics(calendar):
    booking = services.book(calendar, start=SLOT, now=NOW, **citizen(details="Vorrei aiuto con il CV"))
    assert booking.status == BookingStatus.BOOKED
    assert (booking.start, booking.end, booking.seat) == (SLOT, SLOT + dt.timedelta(minutes=30), 1)
    assert deliver_pending() == 1
    message = mail.outbox[0]
    assert message.to == ["maria.rossi@example.org"]
    assert booking.code in message.subject
    assert booking.code in message.body
    assert "mercoledì 9 dicembre 2026, 09:00" in message.body
    assert "Piazza Europa 1" in message.body
    assert "/la-spezia/prenota/gestisci/" in message.body
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("appuntamento.ics", "text/calendar")
    event = ICalendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == SLOT.astimezone(dt.UTC)
    assert str(event["uid"]).startswith(booking.code)


def test_the_manage_token_finds_the_booking_and_cannot_be_forged(calendar):
    booking = services.book(calendar, start=SLOT, now=NOW, **citizen())
    token = services.manage_token(booking)
    assert services.booking_from_token(token) == booking
    assert services.booking_from_token(token[:-2] + "xx") is None
    assert "maria" not in token.lower()


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("email", "maria@", "email"),
    ("email", "", "email"),
    ("phone", "12", "phone"),
    ("first_name", " ", "first_name"),
    ("privacy_consent", False, "privacy_consent"),
    ("reason_code", "nessuno", "reason"),
])
def test_bad_input_gives_field_errors_in_italian(calendar, field, value, expected):
    with pytest.raises(ValidationError) as error:
        services.book(calendar, start=SLOT, now=NOW, **citizen(**{field: value}))
    assert expected in error.value.message_dict
    assert not Booking.objects.exists()


def test_a_full_or_closed_or_past_slot_is_refused(calendar):
    services.book(calendar, start=SLOT, now=NOW, **citizen())
    with pytest.raises(services.SlotUnavailable):
        services.book(calendar, start=SLOT, now=NOW, **citizen(email="altra@example.org"))
    with pytest.raises(services.SlotUnavailable):  # 8 December: Immacolata
        services.book(calendar, start=dt.datetime(2026, 12, 8, 9, 0, tzinfo=ROME), now=NOW, **citizen())
    with pytest.raises(services.SlotUnavailable):  # not a slot boundary
        services.book(calendar, start=SLOT + dt.timedelta(minutes=10), now=NOW, **citizen())
    with pytest.raises(services.SlotUnavailable):  # within the 24 h notice
        services.book(calendar, start=dt.datetime(2026, 12, 1, 11, 0, tzinfo=ROME), now=NOW, **citizen())


def test_one_email_holds_at_most_n_future_bookings(calendar):
    calendar.max_future_bookings_per_email = 2
    calendar.save()
    for minutes in (0, 30):
        services.book(calendar, start=SLOT + dt.timedelta(minutes=minutes), now=NOW, **citizen())
    with pytest.raises(ValidationError) as error:
        services.book(calendar, start=SLOT + dt.timedelta(minutes=60), now=NOW,
                      **citizen(email="MARIA.ROSSI@example.org"))
    assert "già 2 appuntamenti" in error.value.message_dict["email"][0]


@pytest.mark.parametrize("address", ["maria.rossi+2@example.org", "Maria.Rossi+prenota@EXAMPLE.org"])
def test_sub_addresses_count_as_the_same_mailbox(calendar, address):
    calendar.max_future_bookings_per_email = 2
    calendar.save()
    services.book(calendar, start=SLOT, now=NOW, **citizen())
    services.book(calendar, start=SLOT + dt.timedelta(minutes=30), now=NOW,
                  **citizen(email="maria.rossi+1@example.org"))
    with pytest.raises(ValidationError) as error:
        services.book(calendar, start=SLOT + dt.timedelta(minutes=60), now=NOW, **citizen(email=address))
    assert "già 2 appuntamenti" in error.value.message_dict["email"][0]
    # A different mailbox on the same domain, or a look-alike local part, is not counted.
    services.book(calendar, start=SLOT + dt.timedelta(minutes=60), now=NOW,
                  **citizen(email="maria.rossi2@example.org"))
    assert services.mailbox("Maria.Rossi+x+y@Example.org") == "maria.rossi@example.org"


def test_staff_book_on_behalf_with_phone_only_and_less_notice(calendar, operator, other_desk):
    soon = dt.datetime(2026, 12, 2, 9, 0, tzinfo=ROME)  # tomorrow morning: inside the public notice
    booking = services.book(calendar, start=soon, now=NOW, actor=operator,
                            **citizen(email="", privacy_consent=False))
    assert booking.created_by == operator
    assert deliver_pending() == 0  # no e-mail address, no e-mail
    from conftest import make_user

    stranger = make_user("altro@example.org", "desk_operator", other_desk)
    with pytest.raises(PermissionDenied):
        services.book(calendar, start=SLOT, now=NOW, actor=stranger, **citizen())


def test_reschedule_moves_the_seat_and_tells_the_citizen(calendar):
    booking = services.book(calendar, start=SLOT, now=NOW, **citizen())
    other = SLOT + dt.timedelta(days=1)
    services.reschedule(booking, other, now=NOW)
    booking.refresh_from_db()
    assert (booking.start, booking.sequence) == (other, 1)
    # The old slot is free again.
    services.book(calendar, start=SLOT, now=NOW, **citizen(email="altra@example.org"))
    deliver_pending()
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Appuntamento confermato", "Appuntamento spostato",
                                                              "Appuntamento confermato"]


def test_citizen_cancels_and_the_seat_is_freed(calendar):
    booking = services.book(calendar, start=SLOT, now=NOW, **citizen())
    services.cancel(booking, now=NOW)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    services.book(calendar, start=SLOT, now=NOW, **citizen(email="altra@example.org"))
    deliver_pending()
    cancel_ics = ICalendar.from_ical(mail.outbox[1].attachments[0][1])
    assert str(cancel_ics["method"]) == "CANCEL"
    with pytest.raises(services.SlotUnavailable):
        services.cancel(booking, now=NOW)


def test_desk_cancels_with_a_reason_the_citizen_reads(calendar, operator):
    booking = services.book(calendar, start=SLOT, now=NOW, **citizen())
    with pytest.raises(ValidationError):
        services.cancel(booking, actor=operator, by_desk=True, reason=" ")
    with pytest.raises(PermissionDenied):
        services.cancel(booking, actor=None, by_desk=True, reason="Sciopero")
    services.cancel(booking, actor=operator, by_desk=True, reason="Chiusura straordinaria per sciopero")
    deliver_pending()
    assert "Chiusura straordinaria per sciopero" in mail.outbox[-1].body
    assert Booking.objects.get().status == BookingStatus.CANCELLED_BY_DESK


def test_statuses_and_walk_ins(calendar, operator, member_editor):
    booking = services.book(calendar, start=SLOT, now=NOW, **citizen())
    services.set_status(booking, BookingStatus.CHECKED_IN, operator)
    services.set_status(booking, BookingStatus.COMPLETED, operator)
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.COMPLETED
    with pytest.raises(PermissionDenied):
        services.set_status(booking, BookingStatus.NO_SHOW, member_editor)  # not their calendar
    walk_in = services.record_walk_in(calendar, reason_code="portali", first_name="Luca", last_name="Neri",
                                      actor=operator, now=SLOT)
    assert (walk_in.walk_in, walk_in.seat, walk_in.status) == (True, None, BookingStatus.CHECKED_IN)
    # A walk-in takes no slot.
    services.book(calendar, start=SLOT + dt.timedelta(minutes=30), now=NOW, **citizen(email="x@example.org"))


def test_member_editor_runs_their_own_calendar(member_calendar, member_editor, operator):
    start = dt.datetime(2026, 12, 7, 9, 0, tzinfo=ROME)  # Monday
    booking = services.book(member_calendar, start=start, now=NOW, actor=operator, **citizen())
    services.set_status(booking, BookingStatus.NO_SHOW, member_editor)
    assert Booking.objects.get().status == BookingStatus.NO_SHOW


def test_reminders_go_out_the_day_before_once(calendar):
    booking = services.book(calendar, start=SLOT, now=NOW, **citizen())
    deliver_pending()
    assert services.send_reminders(now=dt.datetime(2026, 12, 7, 10, 0, tzinfo=ROME)) == 0  # two days before
    day_before = dt.datetime(2026, 12, 8, 10, 0, tzinfo=ROME)
    assert services.send_reminders(now=day_before) == 1
    assert services.send_reminders(now=day_before + dt.timedelta(hours=1)) == 0
    deliver_pending()
    assert mail.outbox[-1].subject.startswith("Promemoria")
    booking.refresh_from_db()
    assert booking.reminder_sent_at == day_before


@pytest.mark.parametrize(("calendar_name", "start", "too_early", "day_before"), [
    # DST ends on Sunday 25 October 2026 (a 25-hour day): a Monday appointment at a member's premises.
    ("member_calendar", dt.datetime(2026, 10, 26, 9, 0, tzinfo=ROME), dt.datetime(2026, 10, 24, 23, 30, tzinfo=ROME),
     dt.datetime(2026, 10, 25, 23, 30, tzinfo=ROME)),
    # DST starts on Sunday 28 March 2027 (23 hours; Easter, and Monday is Pasquetta): the desk on Tuesday.
    ("calendar", dt.datetime(2027, 3, 30, 9, 0, tzinfo=ROME), dt.datetime(2027, 3, 28, 23, 30, tzinfo=ROME),
     dt.datetime(2027, 3, 29, 23, 30, tzinfo=ROME)),
])
def test_reminders_follow_the_local_date_across_the_dst_weekends(request, calendar_name, start, too_early,
                                                                 day_before):
    """Reminded on the local day before, whatever the length of the days in between: less than 48 hours ahead
    but two local days ahead is too early."""
    services.book(request.getfixturevalue(calendar_name), start=start, now=start - dt.timedelta(days=20),
                  **citizen())
    assert services.send_reminders(now=too_early) == 0
    assert services.send_reminders(now=day_before) == 1
