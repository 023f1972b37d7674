"""Every booking, change and cancellation on a member's calendar reaches the member (its editors, else its own
address: network.selectors.member_recipients) with the .ics; members without a login get tomorrow's agenda."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar as ICalendar

from infolavoro.booking import services
from infolavoro.booking.models import Booking, MemberAgendaSent
from infolavoro.booking.tests.conftest import citizen, make_calendar
from infolavoro.network.models import Location
from infolavoro.notifications.models import OutboxMessage

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)  # Tuesday
MONDAY = dt.datetime(2026, 12, 7, 9, 0, tzinfo=ROME)
pytestmark = pytest.mark.django_db


def member_messages(organization_address):
    return [m for m in OutboxMessage.objects.all() if organization_address in m.to]


def ics_of(message):
    return ICalendar.from_ical(bytes(message.attachments.get().content))


@pytest.fixture
def premises(organization, service):
    location = Location.objects.create(organization=organization, name="Sede", address_1="Via Roma 1",
                                       city="La Spezia", postal_code="19121")
    service.locations.add(location)
    return location


def test_citizen_booking_online_reaches_the_members_editors_with_the_ics(member_calendar, member_editor, premises):
    booking = services.book(member_calendar, start=MONDAY, now=NOW, **citizen(reason_code=""))
    [message] = member_messages("redazione@example.org")
    assert message.template == "booking/email/member_booking.txt"
    assert "Orientamento al lavoro" in message.subject
    assert booking.code in message.body
    assert "Maria Rossi" in message.body
    assert "lunedì 7 dicembre 2026, 09:00" in message.body
    assert "/la-spezia/agenda/" in message.body  # editors find the contacts in their agenda
    assert "maria.rossi@example.org" not in message.body  # only what the member needs by e-mail
    event = ics_of(message).walk("VEVENT")[0]
    assert event.decoded("dtstart") == MONDAY.astimezone(dt.UTC)
    assert "Via Roma 1" in str(event["location"])
    # The citizen is told too, about the member's service and not a desk topic.
    citizen_mail = OutboxMessage.objects.get(to=["maria.rossi@example.org"])
    assert "Servizio: Orientamento al lavoro" in citizen_mail.body
    assert booking.reason.code == "rete"


def test_a_member_without_editors_is_written_to_at_its_own_address(member_calendar, organization, premises):
    organization.email = "info@ente.example.org"
    organization.save()
    services.book(member_calendar, start=MONDAY, now=NOW, **citizen(reason_code=""))
    [message] = member_messages("info@ente.example.org")
    assert "rispondete a questa e-mail" in message.body
    assert "/agenda/" not in message.body


def test_a_member_with_neither_editors_nor_address_gets_nothing_and_the_booking_stands(member_calendar):
    services.book(member_calendar, start=MONDAY, now=NOW, **citizen(reason_code=""))
    assert [m.to for m in OutboxMessage.objects.all()] == [["maria.rossi@example.org"]]


def test_staff_booking_on_behalf_without_email_still_reaches_the_member(member_calendar, member_editor, operator):
    services.book(member_calendar, start=MONDAY, now=NOW, actor=operator,
                  **citizen(email="", reason_code="orientamento"))
    assert len(member_messages("redazione@example.org")) == 1
    assert OutboxMessage.objects.count() == 1  # the person has no address


def test_reschedule_and_cancel_reach_the_member(member_calendar, member_editor):
    booking = services.book(member_calendar, start=MONDAY, now=NOW, **citizen(reason_code=""))
    services.reschedule(booking, MONDAY + dt.timedelta(hours=1), now=NOW)
    services.cancel(Booking.objects.get(pk=booking.pk), now=NOW)
    first, moved, cancelled = member_messages("redazione@example.org")
    assert "spostato" in moved.subject
    assert "10:00" in moved.body
    assert ics_of(moved).walk("VEVENT")[0]["sequence"] == 1
    assert "annullato" in cancelled.subject
    assert ics_of(cancelled)["method"] == "CANCEL"


def test_the_desks_own_calendar_writes_to_no_member(calendar, member_editor):
    services.book(calendar, start=dt.datetime(2026, 12, 9, 9, 0, tzinfo=ROME), now=NOW, **citizen())
    assert member_messages("redazione@example.org") == []


# --- The daily agenda of members without a login ---


@pytest.fixture
def no_login_member(organization):
    organization.email = "info@ente.example.org"
    organization.save()
    return organization


def book_monday(calendar, hour, **extra):
    return services.book(calendar, start=MONDAY.replace(hour=hour), now=NOW,
                         **citizen(reason_code="", email=f"p{hour}@example.org", **extra))


SUNDAY_AFTERNOON = dt.datetime(2026, 12, 6, 15, 0, tzinfo=ROME)


def test_agenda_lists_tomorrows_appointments_once_per_member_per_day(member_calendar, no_login_member,
                                                                       django_assert_max_num_queries):
    book_monday(member_calendar, 9)
    book_monday(member_calendar, 10, first_name="Luca", last_name="Bianchi")
    OutboxMessage.objects.all().delete()
    with django_assert_max_num_queries(14):  # the same for any number of appointments
        assert services.send_member_agendas(SUNDAY_AFTERNOON) == 1
    [message] = OutboxMessage.objects.all()
    assert message.to == ["info@ente.example.org"]
    assert message.template == "booking/email/member_agenda.txt"
    assert "lunedì 7 dicembre 2026" in message.body
    assert message.body.index("09:00 – Maria Rossi") < message.body.index("10:00 – Luca Bianchi")
    # Idempotent: later runs the same day (or a second worker) send nothing more.
    assert services.send_member_agendas(SUNDAY_AFTERNOON + dt.timedelta(hours=1)) == 0
    assert OutboxMessage.objects.count() == 1
    assert MemberAgendaSent.objects.get().date == dt.date(2026, 12, 7)


def test_no_agenda_without_appointments_before_the_afternoon_or_for_members_with_editors(
        member_calendar, no_login_member, member_editor, operator):
    assert services.send_member_agendas(SUNDAY_AFTERNOON) == 0  # nothing booked
    booking = book_monday(member_calendar, 9)
    OutboxMessage.objects.all().delete()
    assert services.send_member_agendas(SUNDAY_AFTERNOON) == 0  # it has an editor, told of each booking
    member_editor.is_active = False
    member_editor.save()
    assert services.send_member_agendas(SUNDAY_AFTERNOON.replace(hour=9)) == 0  # too early
    services.cancel(booking, actor=operator, by_desk=True, reason="Chiuso", now=NOW)
    OutboxMessage.objects.all().delete()
    assert services.send_member_agendas(SUNDAY_AFTERNOON) == 0  # cancelled: nothing left tomorrow
    assert not OutboxMessage.objects.exists()


def test_agenda_is_a_periodic_task():
    from django.conf import settings

    assert "infolavoro.booking.tasks.send_member_agendas" in settings.PERIODIC_TASKS


def test_a_second_members_calendar_is_agenda_of_its_own(desk, reasons, no_login_member, other_organization):
    from infolavoro.network.models import Service

    other_organization.email = "ponte@example.org"
    other_organization.save()
    other = Service.objects.create(organization=other_organization, name="Sportello", slug="sportello",
                                   description="x")
    first = make_calendar(desk, service=Service.objects.create(organization=no_login_member, name="A", slug="a",
                                                               description="x"), intervals=((0, "09:00", "12:00", 1),))
    second = make_calendar(desk, service=other, intervals=((0, "09:00", "12:00", 1),))
    book_monday(first, 9)
    book_monday(second, 10)
    OutboxMessage.objects.all().delete()
    assert services.send_member_agendas(SUNDAY_AFTERNOON) == 2
    assert sorted(m.to[0] for m in OutboxMessage.objects.all()) == ["info@ente.example.org", "ponte@example.org"]
