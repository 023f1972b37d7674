"""The public booking flow without JavaScript: each step a form, state in the session, nothing personal in
URLs; bad input keeps what was typed; a slot taken meanwhile sends back to the times; the manage link."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from infolavoro.booking import services
from infolavoro.booking.models import Booking, BookingStatus
from infolavoro.booking.tests.conftest import citizen
from infolavoro.notifications.services import deliver_pending

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)
SLOT = dt.datetime(2026, 12, 9, 9, 0, tzinfo=ROME)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen(monkeypatch):
    from django.utils import timezone

    cache.clear()
    monkeypatch.setattr(timezone, "now", lambda: NOW)


def url(name, *args):
    return reverse(f"booking:{name}", args=["la-spezia", *args])


def walk_to_summary(client, calendar, **contacts):
    assert client.post(url("start"), {"calendar": calendar.pk}).status_code == 302
    assert client.post(url("when"), {"giorno": "2026-12-09", "start": SLOT.isoformat()}).status_code == 302
    assert client.post(url("reason"), {"reason": "portali", "details": "Non riesco ad accedere"}).status_code == 302
    data = {"first_name": "Maria", "last_name": "Rossi", "email": "maria.rossi@example.org", "phone": "",
            "privacy_consent": "on", **contacts}
    return client.post(url("contacts"), data)


def test_citizen_books_step_by_step_and_gets_the_email(client, calendar, django_assert_max_num_queries):
    month = client.get(url("when") + "?mese=2026-12")
    assert month.status_code == 302  # no office chosen yet: back to step 1
    walk_to_summary(client, calendar)
    with django_assert_max_num_queries(12):
        page = client.get(url("when") + "?giorno=2026-12-09")
    content = page.content.decode()
    assert "08:30" in content
    assert "11:30" in content
    assert 'href="?giorno=2026-12-08' not in content  # Immacolata: not a link
    summary = client.get(url("summary")).content.decode()
    assert "mercoledì 9 dicembre 2026" in summary
    response = client.post(url("summary"))
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.start, booking.reason.code, booking.details) == (SLOT, "portali", "Non riesco ad accedere")
    done = client.get(url("done")).content.decode()
    assert booking.code in done
    assert "maria.rossi@example.org" in done
    ics = client.get(url("done_ics"))
    assert ics["Content-Type"].startswith("text/calendar")
    assert deliver_pending() == 1
    assert booking.code in mail.outbox[0].body


def test_no_personal_data_in_urls(client, calendar):
    walk_to_summary(client, calendar)
    response = client.post(url("summary"))
    assert "maria" not in response["Location"].lower()
    booking = Booking.objects.get()
    assert "maria" not in services.manage_token(booking).lower()


def test_bad_contacts_keep_what_was_typed(client, calendar):
    response = walk_to_summary(client, calendar, email="maria@", phone="12", privacy_consent="")
    content = response.content.decode()
    assert response.status_code == 200
    assert 'value="Maria"' in content
    assert 'value="maria@"' in content
    assert 'value="12"' in content
    assert "non è valido" in content
    assert "informativa sulla privacy" in content


def test_honeypot_refuses_bots(client, calendar):
    response = walk_to_summary(client, calendar, company_website="http://spam.example")
    assert response.status_code == 200
    assert "Richiesta non valida" in response.content.decode()


def test_slot_taken_meanwhile_sends_back_to_the_times_keeping_the_rest(client, calendar):
    walk_to_summary(client, calendar)
    services.book(calendar, start=SLOT, now=NOW, **citizen(email="svelta@example.org"))
    response = client.post(url("summary"), follow=True)
    content = response.content.decode()
    assert "appena occupato" in content or "non è prenotabile" in content
    assert response.redirect_chain[-1][0].startswith(url("when"))
    # Choose another time: the topic and contacts are still there.
    client.post(url("when"), {"giorno": "2026-12-09", "start": (SLOT + dt.timedelta(minutes=30)).isoformat()})
    client.post(url("reason"), {"reason": "portali"})
    assert 'value="Maria"' in client.get(url("contacts")).content.decode()


def test_rate_limit_answers_429_and_keeps_the_data(client, calendar, monkeypatch):
    from infolavoro.booking import views

    monkeypatch.setattr(views, "BOOK_RATE", "0/h")
    walk_to_summary(client, calendar)
    response = client.post(url("summary"))
    assert response.status_code == 429
    assert "Maria" in response.content.decode()
    assert not Booking.objects.exists()


def test_starting_from_a_member_service_preselects_its_office(client, calendar, member_calendar, service):
    page = client.get(url("start") + f"?servizio={service.pk}").content.decode()
    assert service.organization.name in page
    assert re.search(rf'value="{member_calendar.pk}"[^>]*checked', page)
    assert client.get(url("start") + "?servizio=not-a-uuid").status_code == 200


def test_manage_link_reschedules_and_cancels(client, calendar):
    booking = services.book(calendar, start=SLOT, now=NOW, **citizen())
    token = services.manage_token(booking)
    page = client.get(url("manage", token))
    assert booking.code in page.content.decode()
    new_start = SLOT + dt.timedelta(days=1)
    response = client.post(url("manage_move", token), {"giorno": "2026-12-10", "start": new_start.isoformat()})
    assert response.status_code == 302
    # Choosing a time does not move the appointment: a summary step comes first, as in booking.
    booking.refresh_from_db()
    assert booking.start == SLOT
    summary = client.get(response["Location"]).content.decode()
    assert "Ora" in summary
    assert "Nuovo" in summary
    assert "mercoledì 9 dicembre 2026, 09:00" in summary
    assert "giovedì 10 dicembre 2026, 09:00" in summary
    assert "Conferma lo spostamento" in summary
    client.post(url("manage_move", token), {"conferma": "1", "start": new_start.isoformat()})
    booking.refresh_from_db()
    assert booking.start == new_start
    assert "annullare" in client.get(url("manage", token) + "?annulla=1").content.decode()
    client.post(url("manage", token), {"confirm": "cancel"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert client.get(url("manage", "forged-token")).status_code == 404


def test_month_view_opens_on_the_first_month_with_a_free_day(client, calendar, monkeypatch):
    """Thursday 26 November, notice 24 h: Friday 27 is the only day left and it is closed, so the first view
    shows December, with November one click back."""
    from django.utils import timezone

    from infolavoro.desks.models import Closure

    Closure.objects.create(desk=calendar.desk, starts_on=dt.date(2026, 11, 27), ends_on=dt.date(2026, 11, 27),
                           reason="Chiusura straordinaria")
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 11, 26, 15, 0, tzinfo=ROME))
    assert client.post(url("start"), {"calendar": calendar.pk}).status_code == 302
    content = client.get(url("when")).content.decode()
    assert "Dicembre 2026" in content
    assert 'href="?giorno=2026-12-01#orari"' in content
    assert 'href="?mese=2026-11"' in content
    november = client.get(url("when") + "?mese=2026-11").content.decode()  # asked for explicitly: shown, empty
    assert "Novembre 2026" in november
    assert "In questo mese non ci sono orari liberi." in november
