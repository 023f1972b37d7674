"""The desk books the referred citizen into the member's calendar; the member sees the appointment."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from infolavoro.booking.models import Booking, Reason
from infolavoro.booking.tests.conftest import make_calendar
from infolavoro.referrals import services

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)
MONDAY = dt.datetime(2026, 12, 7, 9, 0, tzinfo=ROME)
pytestmark = pytest.mark.django_db


@pytest.fixture
def member_calendar(desk, service):
    Reason.objects.create(desk=desk, code="rete", label="Servizi della Rete")
    return make_calendar(desk, service=service, intervals=((0, "09:00", "12:00", 1),), slot_minutes=60)


def test_operator_books_the_members_slot_for_the_referral(referral, operator, member_calendar):
    services.book_appointment(referral, MONDAY, operator, now=NOW)
    referral.refresh_from_db()
    booking = Booking.objects.get()
    assert (referral.booking, referral.appointment_at) == (booking, MONDAY)
    assert (booking.calendar, booking.email, booking.reason.code) == (member_calendar, "maria.rossi@example.org",
                                                                      "rete")
    with pytest.raises(ValidationError):  # only once
        services.book_appointment(referral, MONDAY + dt.timedelta(hours=1), operator, now=NOW)


def test_member_editor_cannot_book_for_the_desk(referral, member_editor, member_calendar):
    with pytest.raises(PermissionDenied):
        services.book_appointment(referral, MONDAY, member_editor, now=NOW)


def test_page_lists_free_times_and_books(client, referral, operator, member_calendar, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: NOW)
    client.force_login(operator)
    detail = client.get(reverse("referrals:detail", args=["la-spezia", referral.pk])).content.decode()
    assert reverse("referrals:book", args=["la-spezia", referral.pk]) in detail
    url = reverse("referrals:book", args=["la-spezia", referral.pk])
    assert "09:00" in client.get(url).content.decode()
    response = client.post(url, {"start": MONDAY.isoformat()})
    assert response.status_code == 302
    assert Booking.objects.get().start == MONDAY
    assert client.post(url, {"start": "nonsense"}).status_code == 302  # already booked: back to the referral


def test_member_confirms_the_booked_time_without_typing_it(client, referral, operator, member_editor,
                                                           member_calendar):
    from infolavoro.referrals.models import State

    services.book_appointment(referral, MONDAY, operator, now=NOW)
    services.move(referral, State.ACCEPTED, member_editor, now=NOW)
    client.force_login(member_editor)
    page = client.get(reverse("referrals:detail", args=["la-spezia", referral.pk])).content.decode()
    assert "Già prenotato dallo sportello nel vostro calendario" in page
    assert 'name="appointment_set-appointment_at"' not in page
    # A date sent anyway does not move the appointment away from the booking.
    client.post(reverse("referrals:move", args=["la-spezia", referral.pk]),
                {"to_state": State.APPOINTMENT_SET, "appointment_set-appointment_at": "2030-01-15T10:00"})
    referral.refresh_from_db()
    assert (referral.state, referral.appointment_at) == (State.APPOINTMENT_SET, MONDAY)


@pytest.mark.parametrize("value", ["9999-12-31T23:30:00+00:00", "9999-12-31T09:00", "0001-01-01T00:00",
                                   "2026-13-45T09:00", "not-a-date", ""])
def test_booking_page_answers_out_of_range_or_garbage_times_clearly(client, referral, operator, member_calendar,
                                                                     monkeypatch, value):
    """The chosen time goes through the one date-range guard (booking.dates): a clear message, never a 500."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: NOW)
    client.force_login(operator)
    url = reverse("referrals:book", args=["la-spezia", referral.pk])
    response = client.post(url, {"start": value})
    assert response.status_code == 400
    assert "Scegli un orario" in response.content.decode()
    assert not Booking.objects.exists()


def test_booking_page_refuses_a_time_beyond_the_calendars_horizon(client, referral, operator, member_calendar,
                                                                   monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: NOW)
    client.force_login(operator)
    far = MONDAY + dt.timedelta(days=7 * 60)  # a Monday more than a year ahead
    response = client.post(reverse("referrals:book", args=["la-spezia", referral.pk]), {"start": far.isoformat()})
    assert response.status_code == 400
    assert not Booking.objects.exists()


def test_the_member_learns_the_appointment_the_desk_booked_while_referring(member_editor, referral, operator,
                                                                           member_calendar):
    from infolavoro.notifications.models import OutboxMessage

    services.book_appointment(referral, MONDAY, operator, now=NOW)
    to_member = [m for m in OutboxMessage.objects.order_by("pk") if m.to == ["redazione@example.org"]]
    assert [m.template for m in to_member] == ["referrals/email/member_new.txt", "booking/email/member_booking.txt"]
    appointment = to_member[1]
    assert referral.code in appointment.body
    assert "lunedì 7 dicembre 2026, 09:00" in appointment.body
    assert appointment.attachments.get().filename == "appuntamento.ics"
