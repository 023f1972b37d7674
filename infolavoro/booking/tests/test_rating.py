"""The service rating after an appointment: e-mailed once when the appointment is completed, anonymous, once."""

from __future__ import annotations

import datetime as dt

import pytest

from infolavoro.booking import services
from infolavoro.booking.models import Booking, BookingStatus, ServiceRating
from infolavoro.notifications.models import OutboxMessage


@pytest.fixture
def held(calendar, operator):
    start = dt.datetime(2026, 3, 3, 9, tzinfo=dt.UTC)
    return Booking.objects.create(calendar=calendar, desk=calendar.desk, code="AAAA-BBBB", start=start,
                                  end=start + dt.timedelta(minutes=30), seat=1, reason=calendar.desk.booking_reasons
                                  .first(), first_name="Anna", last_name="Neri", email="anna@example.org")


def _link(booking):
    return f"/{booking.desk.slug}/prenota/valuta/{services.rating_token(booking)}/"


def test_completing_an_appointment_sends_the_rating_link_once(held, operator):
    services.set_status(held, BookingStatus.COMPLETED, operator)
    services.set_status(held, BookingStatus.COMPLETED, operator)
    messages = OutboxMessage.objects.filter(template="booking/email/rating.txt")
    assert messages.count() == 1
    assert "/prenota/valuta/" in messages.get().body


def test_no_show_gets_no_rating_link(held, operator):
    services.set_status(held, BookingStatus.NO_SHOW, operator)
    assert not OutboxMessage.objects.filter(template="booking/email/rating.txt").exists()


def test_rating_is_anonymous_and_once(client, held):
    response = client.post(_link(held), {"score": "4", "comment": "Gentili\x00 e chiari"})
    assert "Grazie" in response.content.decode()
    rating = ServiceRating.objects.get()
    assert rating.score == 4
    assert rating.comment == "Gentili e chiari"
    assert not any(f.name in ("booking", "email", "first_name") for f in ServiceRating._meta.fields)
    assert client.post(_link(held), {"score": "1"}).status_code == 200
    assert ServiceRating.objects.count() == 1


@pytest.mark.parametrize("score", ["", "0", "6", "tre"])
def test_bad_score_is_explained_and_comment_kept(client, held, score):
    response = client.post(_link(held), {"score": score, "comment": "Il mio suggerimento"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Scegli un valore da 1 a 5" in page
    assert "Il mio suggerimento" in page
    assert not ServiceRating.objects.exists()


def test_forged_or_other_desk_link_is_refused(client, held, other_desk):
    assert client.get(f"/{held.desk.slug}/prenota/valuta/falso/").status_code == 404
    assert client.get(f"/{other_desk.slug}/prenota/valuta/{services.rating_token(held)}/").status_code == 404
