"""Booking a member's service at its premises, in Chromium at desktop and at 390 px: step 3 offers no desk topic,
the summary and the confirmation speak of the member's service, name the place once and give the member's
contact "per informazioni"; the member is e-mailed. Zero axe violations throughout."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from infolavoro.booking.models import Booking, Calendar
from infolavoro.booking.services import address_of, contact_of
from infolavoro.notifications.models import OutboxMessage
from tests_browser.conftest import axe, fits, screenshot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", ["browser_page", "phone_page"])
def test_booking_a_members_service_speaks_of_the_member(viewport, request, demo_desk):
    page = request.getfixturevalue(viewport)
    size = "desktop" if viewport == "browser_page" else "390"
    calendar = (Calendar.objects.filter(desk=demo_desk, service__isnull=False, is_active=True)
                .select_related("service__organization").order_by("name").first())
    service = calendar.service
    page.goto(f"/la-spezia/prenota/?servizio={service.pk}")
    expect(page.get_by_label(calendar.label)).to_be_checked()
    axe(page, "step 1")
    page.locator("main button[type=submit]").click()
    for _ in range(4):  # the first month with a free day at the member's premises
        if page.locator("a.booking-day").count():
            break
        page.locator("a", has_text="mese successivo").click()
    page.locator("a.booking-day").first.click()
    slot = page.locator("input[name=start]").first.get_attribute("id")
    page.locator(f"label[for={slot}]").click()  # the styled label covers the radio, as people see it
    page.locator("main button[type=submit]").click()
    # Step 3: the member's service, no desk topic.
    expect(page.locator("input[name=reason]")).to_have_count(0)
    expect(page.locator("main")).to_contain_text(service.name)
    expect(page.locator(".booking-step.current, [aria-current=step]").first).to_contain_text("Richiesta")
    axe(page, "step 3 at the member's premises")
    fits(page)
    screenshot(page, f"member-booking-3-{size}")
    page.get_by_label("Spiega in breve la tua richiesta").fill("Vorrei informazioni sul servizio")
    page.locator("main button[type=submit]").click()
    page.locator("input[name=first_name]").fill("Chiara")
    page.locator("input[name=last_name]").fill("Lodi")
    page.locator("input[name=email]").fill("chiara.lodi@example.org")
    consent = page.locator("input[name=privacy_consent]").get_attribute("id")
    page.locator(f"label[for={consent}]").click()
    page.locator("main button[type=submit]").click()
    summary = page.locator("dl.booking-summary")
    expect(summary).to_contain_text("Servizio")
    expect(summary).not_to_contain_text("Argomento")
    expect(summary).to_contain_text(service.name)
    address = address_of(calendar)
    assert summary.inner_text().count(address) == 1
    axe(page, "step 5 summary")
    fits(page)
    screenshot(page, f"member-booking-5-{size}")
    page.locator("main button[type=submit]").click()
    expect(page.get_by_role("heading", name="Appuntamento confermato")).to_be_visible()
    done = page.locator("main")
    expect(done).not_to_contain_text("Argomento")
    expect(done).to_contain_text(service.name)
    assert done.inner_text().count(address) == 1
    info = page.locator("main p", has_text="Per informazioni")
    contact = contact_of(calendar)
    expect(info).to_contain_text(contact["name"])
    if contact["email"]:
        expect(info).to_contain_text(contact["email"])
    if demo_desk.phone:
        expect(info).not_to_contain_text(demo_desk.phone)
    axe(page, "confirmation")
    fits(page)
    screenshot(page, f"member-booking-done-{size}")
    booking = Booking.objects.get(email="chiara.lodi@example.org")
    assert booking.calendar == calendar
    assert OutboxMessage.objects.filter(template="booking/email/member_booking.txt",
                                        body__contains=booking.code).exists()
