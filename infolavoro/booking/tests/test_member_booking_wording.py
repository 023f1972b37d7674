"""An appointment at a member's premises is about the member's service, and a cancellation for the person there
names the member: in the staff agenda (day and print views), the booking page, the person's page, the e-mail."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from infolavoro.booking import services
from infolavoro.booking.models import Booking
from infolavoro.booking.tests.conftest import citizen
from infolavoro.notifications.models import OutboxMessage

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)  # Tuesday
MONDAY = dt.datetime(2026, 12, 7, 9, 0, tzinfo=ROME)
WEDNESDAY = dt.datetime(2026, 12, 9, 9, 0, tzinfo=ROME)  # the desk calendar opens Tuesday to Friday
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: NOW)


def agenda_url(calendar, day="2026-12-07", **extra):
    query = "&".join(f"{k}={v}" for k, v in {"calendario": calendar.pk, "giorno": day, **extra}.items())
    return reverse("booking_staff:agenda", args=["la-spezia"]) + "?" + query


def test_member_agenda_rows_show_the_members_service_not_the_stored_topic(client, operator, member_calendar,
                                                                         django_assert_max_num_queries):
    booking = services.book(member_calendar, start=MONDAY, now=NOW, **citizen(reason_code=""))
    assert booking.reason.label == "Rete"  # the topic stored for a booking at a member's premises
    client.force_login(operator)
    for url in (agenda_url(member_calendar), agenda_url(member_calendar, stampa=1)):
        page = client.get(url).content.decode()
        row = page[page.index("Maria Rossi"):]
        assert "Orientamento al lavoro" in row[:1500], url
        assert ">Rete<" not in page, url
        assert ">Servizio</th>" in page, url
    detail = client.get(reverse("booking_staff:booking", args=["la-spezia", booking.pk])).content.decode()
    assert "<dt>Servizio</dt><dd>Orientamento al lavoro" in detail
    # The rows' subject comes with the calendar already loaded: no query per appointment.
    for hour in (10, 11):
        services.book(member_calendar, start=MONDAY.replace(hour=hour), now=NOW,
                      **citizen(reason_code="", email=f"p{hour}@example.org"))
    with django_assert_max_num_queries(14):
        client.get(agenda_url(member_calendar))


def test_desk_agenda_rows_keep_the_desks_topic(client, operator, calendar):
    services.book(calendar, start=WEDNESDAY, now=NOW, **citizen())
    client.force_login(operator)
    page = client.get(agenda_url(calendar, day="2026-12-09")).content.decode()
    assert ">Orientamento<" in page
    assert ">Argomento</th>" in page


def test_a_desk_cancellation_at_a_members_premises_names_the_member(client, operator, member_calendar):
    booking = services.book(member_calendar, start=MONDAY, now=NOW, **citizen(reason_code=""))
    services.cancel(Booking.objects.get(pk=booking.pk), actor=operator, by_desk=True, reason="Docente malato",
                    now=NOW)
    mail = OutboxMessage.objects.filter(to=["maria.rossi@example.org"]).order_by("pk").last()
    assert "ci dispiace: Ente Formazione Golfo ha dovuto annullare il tuo appuntamento." in mail.body
    assert "lo sportello ha dovuto" not in mail.body
    booking.refresh_from_db()
    assert booking.status_text == "Annullato da Ente Formazione Golfo"
    client.force_login(operator)
    detail = client.get(reverse("booking_staff:booking", args=["la-spezia", booking.pk])).content.decode()
    assert "Annullato da Ente Formazione Golfo" in detail
    client.logout()
    manage = client.get(services.manage_url(booking)).content.decode()
    assert "Annullato da Ente Formazione Golfo" in manage


def test_a_desk_cancellation_at_the_desk_still_says_the_desk(operator, calendar):
    booking = services.book(calendar, start=WEDNESDAY, now=NOW, **citizen())
    services.cancel(Booking.objects.get(pk=booking.pk), actor=operator, by_desk=True, reason="Chiuso", now=NOW)
    mail = OutboxMessage.objects.filter(to=["maria.rossi@example.org"]).order_by("pk").last()
    assert "ci dispiace: lo sportello ha dovuto annullare il tuo appuntamento." in mail.body
    assert Booking.objects.get(pk=booking.pk).status_text == "Annullato dallo sportello"


def test_the_persons_page_in_english_shows_the_service_in_english_or_marked_italian(client, member_calendar):
    from django.conf import settings

    booking = services.book(member_calendar, start=MONDAY, now=NOW, **citizen(reason_code=""))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(services.manage_url(booking)).content.decode()
    assert '<dt>Service</dt><dd><span lang="it">Orientamento al lavoro</span></dd>' in page
    service = member_calendar.service
    service.name_en = "Job guidance"
    service.save()
    page = client.get(services.manage_url(booking)).content.decode()
    assert "<dt>Service</dt><dd>Job guidance</dd>" in page
