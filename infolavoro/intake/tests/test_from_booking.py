"""From the agenda to the consultation: the appointment opens the person's record (matched on e-mail or
phone) or a new one prefilled from the booking; recording the consultation closes the appointment."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from infolavoro.booking import services as booking_services
from infolavoro.booking.models import BookingStatus
from infolavoro.booking.tests.conftest import (
    make_calendar,
    reasons,  # noqa: F401  (fixture)
)
from infolavoro.intake.models import Citizen, Consultation

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)
pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(desk, reasons):  # noqa: F811
    calendar = make_calendar(desk)
    return booking_services.book(calendar, start=dt.datetime(2026, 12, 9, 9, 0, tzinfo=ROME), now=NOW,
                                 reason_code="portali", first_name="Maria", last_name="Rossi",
                                 email="Maria.Rossi@example.org", phone="", details="Aiuto con SIISL",
                                 privacy_consent=True)


def test_known_person_goes_straight_to_the_consultation(client, operator, citizen, booking):
    client.force_login(operator)
    response = client.get(reverse("intake:from_booking", args=["la-spezia", booking.pk]))
    expected = reverse("intake:consultation_new", args=["la-spezia", citizen.pk]) + f"?prenotazione={booking.pk}"
    assert response["Location"] == expected
    page = client.get(expected).content.decode()
    assert f'value="{booking.reason.label}"' in page
    assert "Aiuto con SIISL" in page
    client.post(expected, {"held_at": "2026-12-09T09:05", "reason": booking.reason.label, "notes": "",
                           "outcome": "", "next_steps": ""})
    consultation = Consultation.objects.get()
    assert consultation.booking == booking
    booking.refresh_from_db()
    assert booking.status == BookingStatus.COMPLETED


def test_unknown_person_gets_a_prefilled_new_record(client, operator, booking):
    client.force_login(operator)
    response = client.get(reverse("intake:from_booking", args=["la-spezia", booking.pk]), follow=True)
    content = response.content.decode()
    assert 'value="Maria"' in content
    assert 'value="maria.rossi@example.org"' in content
    assert not Citizen.objects.exists()


def test_other_desks_and_anonymous_get_404(client, other_operator, member_editor, booking):
    url = reverse("intake:from_booking", args=["la-spezia", booking.pk])
    assert client.get(url).status_code == 404
    client.force_login(other_operator)
    assert client.get(url).status_code == 404
    client.force_login(member_editor)
    assert client.get(url).status_code == 404


def test_erasing_a_citizen_strips_their_bookings_too(operator, citizen, booking):
    from infolavoro.intake import services

    services.erase_citizen(citizen, operator)
    booking.refresh_from_db()
    assert (booking.first_name, booking.email, booking.details) == ("", "", "")
    assert booking.reason.code == "portali"  # what counts stays


def test_old_bookings_lose_personal_data_after_retention(booking):
    booking_services.anonymise_old_bookings(now=dt.datetime(2028, 12, 8, tzinfo=ROME))
    booking.refresh_from_db()
    assert booking.email == "maria.rossi@example.org"  # 23 months: kept
    assert booking_services.anonymise_old_bookings(now=dt.datetime(2028, 12, 10, tzinfo=ROME)) == 1
    booking.refresh_from_db()
    assert booking.email == ""


@pytest.mark.parametrize("stored", ["333 1234567", "+39 333 123 4567", "3331234567", "0039 333 1234567"])
def test_phone_matches_however_it_was_spaced(desk, operator, citizen, reasons, stored):  # noqa: F811
    from infolavoro.intake.selectors import citizen_for_booking

    Citizen.objects.filter(pk=citizen.pk).update(email="", phone=stored)
    calendar = make_calendar(desk)
    booking = booking_services.book(calendar, start=dt.datetime(2026, 12, 9, 9, 0, tzinfo=ROME), now=NOW,
                                    reason_code="portali", first_name="M", last_name="R", email="",
                                    phone="333-123-4567", details="", privacy_consent=True,
                                    actor=operator)
    assert citizen_for_booking(desk, booking) == citizen
    Citizen.objects.filter(pk=citizen.pk).update(phone="333 1234568")
    assert citizen_for_booking(desk, booking) is None


def test_consultation_form_defaults_to_the_appointment_time_and_the_needs_on_the_record(client, operator, desk,
                                                                                         booking):
    """Creating the record from the agenda and going on to the consultation: the needs just ticked are
    prefilled, and the date is the appointment's, not now."""
    from infolavoro.network.models import TaxonomyTerm

    cv = TaxonomyTerm.objects.create(desk=desk, code="cv", name="Curriculum vitae")
    TaxonomyTerm.objects.create(desk=desk, code="formazione", name="Corsi di formazione")
    client.force_login(operator)
    new = reverse("intake:citizen_new", args=["la-spezia"]) + f"?prenotazione={booking.pk}"
    response = client.post(new, {"first_name": "Maria", "last_name": "Rossi", "email": "maria.rossi@example.org",
                                 "privacy_acknowledged": "on", "interests": [str(cv.pk)]})
    assert response.status_code == 302, response.content.decode()[:2000]
    citizen = Citizen.objects.get()
    assert response["Location"].endswith(f"?prenotazione={booking.pk}")
    form = client.get(response["Location"]).context["form"]
    assert [t.pk for t in form.initial["needs"]] == [cv.pk]
    assert form["held_at"].value() == "2026-12-09T09:00"
    page = client.get(response["Location"]).content.decode()
    assert re.search(rf'<input[^>]*value="{cv.pk}"[^>]*checked', page)
    assert 'value="2026-12-09T09:00"' in page
    # Without an appointment the date is now (the desk's local time) and the needs are still the record's.
    plain = client.get(reverse("intake:consultation_new", args=["la-spezia", citizen.pk])).context["form"]
    assert [t.pk for t in plain.initial["needs"]] == [cv.pk]
    assert plain["held_at"].value() != "2026-12-09T09:00"
