"""From the agenda to the consultation, in Chromium: the consultation form comes with the needs just ticked on
the new record and the appointment's date and time (not now). Zero axe violations; screenshots at desktop and
390 px width."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from infolavoro.booking import engine
from infolavoro.booking import services as booking_services
from infolavoro.booking.models import Calendar
from infolavoro.network.models import TaxonomyTerm
from tests_browser.conftest import axe, login, screenshot

pytestmark = pytest.mark.browser

OPERATOR = "operatore.cpi1@infolavoro.example"


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_consultation_form_is_prefilled_from_the_new_record_and_the_appointment(browser_page, phone_page,
                                                                                 demo_desk, size):
    page = browser_page if size == "desktop" else phone_page
    calendar = Calendar.objects.get(desk=demo_desk, service__isnull=True)
    today = timezone.localdate()
    # A slot a few days ahead, so the appointment's time cannot be mistaken for now.
    slot = engine.free_slots(calendar, today + dt.timedelta(days=3), today + dt.timedelta(days=20))[0]
    booking = booking_services.book(calendar, start=slot.start, reason_code="orientamento",
                                    first_name="Giovanna", last_name="Esempio",
                                    email="giovanna.prefill@example.org", phone="333 7654321",
                                    details="Vorrei tornare a lavorare", privacy_consent=True)
    first, second = TaxonomyTerm.objects.filter(desk=demo_desk, special_category=False).order_by("position")[:2]
    local = slot.start.astimezone(demo_desk.tz)
    login(page, OPERATOR)
    page.goto(f"/la-spezia/agenda/?calendario={calendar.pk}&giorno={local.date()}")
    page.locator("tr, li, article", has_text=booking.code).last.get_by_role("link", name="Apri colloquio").click()
    expect(page.locator("#id_first_name")).to_have_value("Giovanna")
    page.get_by_label(first.name, exact=True).check(force=True)
    page.get_by_label(second.name, exact=True).check(force=True)
    page.get_by_label("Ho consegnato l'informativa").check(force=True)
    page.get_by_role("button", name="Salva").click()

    needs = page.get_by_role("group", name="Bisogni rilevati")
    expect(needs.get_by_label(first.name, exact=True)).to_be_checked()
    expect(needs.get_by_label(second.name, exact=True)).to_be_checked()
    assert page.locator("#id_held_at").input_value() == local.strftime("%Y-%m-%dT%H:%M")
    expect(page.get_by_label("Motivo")).to_have_value(booking.reason.label)
    axe(page, f"consultation form prefilled ({size})")
    screenshot(page, f"consultation-prefilled-{size}")
    page.get_by_role("button", name="Registra il colloquio").click()
    expect(page.get_by_text("Colloquio registrato.")).to_be_visible()
    consultation = booking.consultations.get()
    assert consultation.held_at == slot.start
    assert set(consultation.needs.all()) == {first, second}
