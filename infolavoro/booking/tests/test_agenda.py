"""The operators' agenda: day and week views with constant queries, statuses, desk cancellations, walk-ins,
bookings on behalf (also into a member's calendar), blocks; member editors see only their calendars."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from infolavoro.booking import services
from infolavoro.booking.models import Booking, BookingStatus, CalendarException
from infolavoro.booking.tests.conftest import citizen
from infolavoro.notifications.services import deliver_pending

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)
DAY = dt.date(2026, 12, 9)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: NOW)


def agenda_url(calendar, **extra):
    query = "&".join(f"{k}={v}" for k, v in {"calendario": calendar.pk, "giorno": DAY.isoformat(), **extra}.items())
    return reverse("booking_staff:agenda", args=["la-spezia"]) + "?" + query


def fill(calendar, n):
    for i in range(n):
        start = dt.datetime.combine(DAY, dt.time(8, 30), tzinfo=ROME) + dt.timedelta(minutes=30 * (i % 7))
        services.book(calendar, start=start, now=NOW, **citizen(email=f"p{i}@example.org")) if i < 7 else None


def test_day_and_week_views_with_constant_queries(client, operator, calendar, django_assert_max_num_queries):
    fill(calendar, 7)
    client.force_login(operator)
    with django_assert_max_num_queries(14):
        day = client.get(agenda_url(calendar))
    content = day.content.decode()
    assert content.count("p0@example.org") == 0  # the day list shows names, not e-mails
    assert content.count('/agenda/appuntamenti/') - content.count('/stato/') == 7  # one row per booking
    with django_assert_max_num_queries(14):
        week = client.get(agenda_url(calendar, vista="settimana"))
    week_content = week.content.decode()
    assert week_content.count('/agenda/appuntamenti/') - week_content.count('/stato/') == 7
    printable = client.get(agenda_url(calendar, stampa=1)).content.decode()
    assert "infolavoro/print.js" in printable  # opens the print dialogue (a static script: CSP)
    assert "p0@example.org" in printable


def test_check_in_and_no_show(client, operator, calendar):
    fill(calendar, 2)
    first, second = Booking.objects.order_by("start")
    client.force_login(operator)
    client.post(reverse("booking_staff:status", args=["la-spezia", first.pk]), {"status": "checked_in"})
    client.post(reverse("booking_staff:status", args=["la-spezia", second.pk]), {"status": "no_show"})
    assert list(Booking.objects.order_by("start").values_list("status", flat=True)) == [
        BookingStatus.CHECKED_IN, BookingStatus.NO_SHOW]


def test_desk_cancels_and_the_citizen_is_told(client, operator, calendar):
    fill(calendar, 1)
    booking = Booking.objects.get()
    client.force_login(operator)
    page = reverse("booking_staff:booking", args=["la-spezia", booking.pk])
    response = client.post(page, {"cancel-cancel_reason": ""})
    assert "Scrivi il motivo" in response.content.decode()
    client.post(page, {"cancel-cancel_reason": "Operatore assente per malattia"})
    assert Booking.objects.get().status == BookingStatus.CANCELLED_BY_DESK
    deliver_pending()
    assert "Operatore assente per malattia" in mail.outbox[-1].body


def test_operator_books_a_member_slot_for_a_citizen(client, operator, member_calendar):
    client.force_login(operator)
    start = dt.datetime(2026, 12, 7, 9, 0, tzinfo=ROME)  # Monday, the member's morning
    url = reverse("booking_staff:book", args=["la-spezia"]) + f"?calendario={member_calendar.pk}&giorno=2026-12-07"
    page = client.get(url).content.decode()
    assert "09:00" in page
    response = client.post(url, {"calendario": member_calendar.pk, "giorno": "2026-12-07", "start": start.isoformat(),
                                 "first_name": "Luca", "last_name": "Neri", "email": "", "phone": "333 1234567",
                                 "reason": "rete", "details": "", "privacy_consent": "on"})
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.calendar, booking.start, booking.created_by) == (member_calendar, start, operator)


def test_book_on_behalf_keeps_input_on_errors(client, operator, calendar):
    client.force_login(operator)
    url = reverse("booking_staff:book", args=["la-spezia"]) + f"?calendario={calendar.pk}&giorno=2026-12-09"
    response = client.post(url, {"calendario": calendar.pk, "giorno": "2026-12-09", "first_name": "Luca",
                                 "last_name": "", "email": "", "phone": "", "reason": "rete"})
    content = response.content.decode()
    assert 'value="Luca"' in content
    assert "Scrivi il cognome" in content
    assert not Booking.objects.exists()


def test_walk_in_and_block(client, operator, calendar):
    client.force_login(operator)
    client.post(reverse("booking_staff:walk_in", args=["la-spezia"]), {
        "calendario": calendar.pk, "first_name": "Ada", "last_name": "Bruni", "email": "", "phone": "",
        "reason": "orientamento", "details": ""})
    assert Booking.objects.get().walk_in
    client.post(reverse("booking_staff:block", args=["la-spezia"]), {
        "calendario": calendar.pk, "date": "2026-12-09", "starts_at": "09:00", "ends_at": "10:00", "capacity": 0,
        "reason": "Riunione"})
    assert CalendarException.objects.get().reason == "Riunione"
    response = client.post(reverse("booking_staff:block", args=["la-spezia"]), {
        "calendario": calendar.pk, "date": "2026-12-09", "starts_at": "10:00", "ends_at": "09:00", "capacity": 0})
    assert "successivo" in response.content.decode()


def test_member_editor_sees_only_their_calendar_and_others_get_404(client, member_editor, calendar, member_calendar,
                                                                    other_desk):
    from conftest import make_user

    fill(calendar, 1)
    desk_booking = Booking.objects.get()
    client.force_login(member_editor)
    page = client.get(reverse("booking_staff:agenda", args=["la-spezia"]))
    assert page.status_code == 200
    assert page.context["calendar"] == member_calendar
    assert client.get(reverse("booking_staff:booking", args=["la-spezia", desk_booking.pk])).status_code == 404
    stranger = make_user("altro@example.org", "desk_operator", other_desk)
    client.force_login(stranger)
    assert client.get(reverse("booking_staff:agenda", args=["la-spezia"])).status_code == 404
    client.logout()
    assert client.get(reverse("booking_staff:agenda", args=["la-spezia"])).status_code == 302


def test_a_suspended_members_editor_loses_its_agenda(client, member_editor, member_calendar):
    from infolavoro.network.models import Organization

    engine_booking = services.book(member_calendar, start=dt.datetime(2026, 12, 7, 9, 0, tzinfo=ROME), now=NOW,
                                   **citizen())
    client.force_login(member_editor)
    assert client.get(reverse("booking_staff:agenda", args=["la-spezia"]) + "?giorno=2026-12-07").status_code == 200
    Organization.objects.filter(pk=member_calendar.service.organization_id).update(is_active=False)
    assert client.get(reverse("booking_staff:agenda", args=["la-spezia"])).status_code == 404
    assert client.get(reverse("booking_staff:booking", args=["la-spezia", engine_booking.pk])).status_code == 404


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/x", "/\\evil.example/x",
                                    "\\\\evil.example/x", "javascript:alert(1)", "http://testserver@evil.example/"])
def test_status_change_never_redirects_off_site(client, operator, calendar, target):
    fill(calendar, 1)
    booking = Booking.objects.get()
    client.force_login(operator)
    response = client.post(reverse("booking_staff:status", args=["la-spezia", booking.pk]),
                           {"status": "checked_in", "next": target})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("booking_staff:agenda", args=["la-spezia"])), response["Location"]


def test_status_change_returns_to_the_page_it_came_from(client, operator, calendar):
    fill(calendar, 1)
    booking = Booking.objects.get()
    client.force_login(operator)
    back = reverse("booking_staff:booking", args=["la-spezia", booking.pk]) + "?x=1"
    response = client.post(reverse("booking_staff:status", args=["la-spezia", booking.pk]),
                           {"status": "checked_in", "next": back})
    assert response["Location"] == back
