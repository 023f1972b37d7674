"""Booking at a member's premises: step 3 offers no desk topic; the summary, confirmation, manage page and e-mails
speak of the member's service, name the place once and give the member's contact "per informazioni"."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.urls import reverse

from infolavoro.booking.models import Booking
from infolavoro.booking.services import manage_url
from infolavoro.network.models import Location
from infolavoro.notifications.models import OutboxMessage

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)
MONDAY = dt.datetime(2026, 12, 7, 9, 0, tzinfo=ROME)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen(monkeypatch):
    from django.utils import timezone

    cache.clear()
    monkeypatch.setattr(timezone, "now", lambda: NOW)


@pytest.fixture
def member(organization, service, member_calendar, calendar):
    organization.phone = "0187 555 111"
    organization.email = "info@ente.example.org"
    organization.save()
    location = Location.objects.create(organization=organization, name="Sede", address_1="Via Roma 1",
                                       city="La Spezia", postal_code="19121")
    service.locations.add(location)
    return member_calendar


def url(name, *args):
    return reverse(f"booking:{name}", args=["la-spezia", *args])


def test_the_member_flow_speaks_of_its_service_place_and_contact(client, member, service, desk):
    start = client.get(url("start") + f"?servizio={service.pk}")
    assert start.status_code == 200
    assert client.post(url("start") + f"?servizio={service.pk}", {"calendar": member.pk}).status_code == 302
    assert client.post(url("when"), {"giorno": "2026-12-07", "start": MONDAY.isoformat()}).status_code == 302
    step3 = client.get(url("reason")).content.decode()
    assert 'name="reason"' not in step3  # no desk topics
    assert "Orientamento al lavoro" in step3
    assert client.post(url("reason"), {"details": "Vorrei un colloquio"}).status_code == 302
    contacts = {"first_name": "Maria", "last_name": "Rossi", "email": "maria.rossi@example.org", "phone": "",
                "privacy_consent": "on"}
    assert client.post(url("contacts"), contacts).status_code == 302
    summary = client.get(url("summary")).content.decode()
    assert "Argomento" not in summary
    assert "Servizio" in summary
    assert summary.count("Via Roma 1") == 1
    assert client.post(url("summary")).status_code == 302
    booking = Booking.objects.get()
    assert booking.calendar == member
    assert booking.details == "Vorrei un colloquio"
    done = client.get(url("done")).content.decode()
    assert "Argomento" not in done
    assert "Orientamento al lavoro" in done
    assert "Ente Formazione Golfo, Via Roma 1, 19121 La Spezia" in done
    assert "Sede," not in done
    info = done[done.index("Per informazioni"):].split("</p>")[0]
    assert "tel:+390187555111" in info  # the member's phone, not the desk's (which stays in the site footer)
    assert "tel:+390187727248" not in info
    manage = client.get(manage_url(booking).split("testserver")[-1].split(":8000")[-1]).content.decode()
    assert "Orientamento al lavoro" in manage
    assert "tel:+390187555111" in manage
    email = OutboxMessage.objects.get(to=["maria.rossi@example.org"])
    assert "Argomento" not in email.body
    assert "Servizio: Orientamento al lavoro" in email.body
    assert "Dove: Ente Formazione Golfo, Via Roma 1, 19121 La Spezia\n" in email.body
    assert "Telefono: 0187 555 111" in email.body
    assert desk.phone not in email.body


def test_switching_from_a_member_to_the_desk_asks_the_topic_again(client, member, calendar, service):
    client.post(url("start") + f"?servizio={service.pk}", {"calendar": member.pk})
    client.post(url("when"), {"giorno": "2026-12-07", "start": MONDAY.isoformat()})
    client.post(url("reason"), {"details": ""})
    client.post(url("start"), {"calendar": calendar.pk})
    wednesday = dt.datetime(2026, 12, 9, 9, 0, tzinfo=ROME)
    client.post(url("when"), {"giorno": "2026-12-09", "start": wednesday.isoformat()})
    response = client.get(url("contacts"))
    assert response.status_code == 302
    assert response["Location"].endswith(url("reason"))
    assert 'name="reason"' in client.get(url("reason")).content.decode()


def test_the_desks_own_flow_still_asks_the_topic(client, calendar):
    client.post(url("start"), {"calendar": calendar.pk})
    client.post(url("when"), {"giorno": "2026-12-09", "start": dt.datetime(2026, 12, 9, 9, 0, tzinfo=ROME).isoformat()})
    assert client.post(url("reason"), {"details": "x"}).status_code == 200  # the topic is required
