"""Booking in Chromium: a citizen books keyboard-only, receives the e-mail with the .ics, reschedules and
cancels through the link; an operator runs the day and books a member's slot. Zero axe violations throughout."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from infolavoro.booking.models import Booking, BookingStatus, Calendar
from infolavoro.notifications.services import deliver_pending
from tests_browser.conftest import axe, login, screenshot

pytestmark = pytest.mark.browser


def tab_to(page, selector: str, limit: int = 150) -> None:
    """Press Tab until the focused element matches `selector` (keyboard only, like a person would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def press(page, selector: str, key: str = "Enter") -> None:
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press(key)


def test_citizen_books_keyboard_only_then_reschedules_and_cancels(browser_page, demo_desk):
    page = browser_page
    page.goto("/la-spezia/")
    press(page, "main a[href='/la-spezia/prenota/']")
    axe(page, "step 1")
    press(page, "main button[type=submit]")  # the desk's office is preselected
    axe(page, "step 2, month")
    screenshot(page, "booking-2-month")
    press(page, "a.booking-day")
    axe(page, "step 2, times")
    tab_to(page, "input[name=start]")
    page.keyboard.press("Space")
    chosen = page.evaluate("document.activeElement.value")
    press(page, "main button[type=submit]")
    axe(page, "step 3")
    tab_to(page, "input[name=reason]")
    page.keyboard.press("ArrowDown")  # second topic: help with job portals
    tab_to(page, "textarea[name=details]")
    page.keyboard.type("Non riesco ad accedere al portale regionale")
    press(page, "main button[type=submit]")
    axe(page, "step 4")
    tab_to(page, "input[name=first_name]")
    page.keyboard.type("Chiara")
    page.keyboard.press("Tab")
    page.keyboard.type("Lodi")
    page.keyboard.press("Tab")
    page.keyboard.type("chiara.lodi@")  # a mistake, caught with the rest kept
    tab_to(page, "input[name=privacy_consent]")
    page.keyboard.press("Space")
    press(page, "main button[type=submit]")
    assert page.locator("input[name=first_name]").input_value() == "Chiara"
    expect(page.get_by_text("L'indirizzo e-mail non è valido")).to_be_visible()
    axe(page, "step 4 with errors")
    screenshot(page, "booking-4-errors")
    tab_to(page, "input[name=email]")
    page.keyboard.press("Control+A")
    page.keyboard.type("chiara.lodi@example.org")
    if not page.locator("input[name=privacy_consent]").is_checked():
        tab_to(page, "input[name=privacy_consent]")
        page.keyboard.press("Space")
    press(page, "main button[type=submit]")
    axe(page, "step 5")
    screenshot(page, "booking-5-summary")
    press(page, "main button[type=submit]")
    axe(page, "confirmation")
    screenshot(page, "booking-6-done")
    booking = Booking.objects.get(email="chiara.lodi@example.org")
    assert booking.start == dt.datetime.fromisoformat(chosen)
    assert booking.reason.code == "portali"
    assert booking.code in page.locator("main").inner_text()

    deliver_pending()
    message = next(m for m in mail.outbox if m.to == ["chiara.lodi@example.org"])
    assert message.attachments[0][0] == "appuntamento.ics"
    link = re.search(r"http\S+/gestisci/\S+/", message.body).group(0)
    page.goto(urlsplit(link).path)  # the live server, not SITE_URL
    axe(page, "manage")
    press(page, "a[href$='/sposta/']")
    axe(page, "reschedule month")
    days = page.locator("a.booking-day")
    old_start = booking.start
    target = days.nth(1).get_attribute("href") if days.count() > 1 else days.first.get_attribute("href")
    tab_to(page, f"a.booking-day[href='{target}']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "input[name=start]")
    page.keyboard.press("Space")
    press(page, "main button[type=submit]")
    # The summary: the current time and the new one; nothing has moved yet.
    expect(page.get_by_role("heading", name="Controlla e conferma")).to_be_visible()
    summary = page.locator(".booking-move-summary").inner_text()
    assert summary.index("Ora") < summary.index("Nuovo")
    axe(page, "reschedule summary")
    screenshot(page, "booking-6b-reschedule-summary")
    booking.refresh_from_db()
    assert booking.start == old_start
    press(page, "main button[name=conferma]")
    expect(page.get_by_text("Appuntamento spostato")).to_be_visible()
    axe(page, "manage after reschedule")
    booking.refresh_from_db()
    assert booking.start != old_start
    press(page, "a[href='?annulla=1']")
    axe(page, "cancel confirmation")
    press(page, "main button.btn-danger")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    expect(page.get_by_text("Appuntamento annullato").first).to_be_visible()
    screenshot(page, "booking-7-cancelled")


def test_booking_flow_on_a_phone(phone_page, demo_desk):
    page = phone_page
    page.goto("/la-spezia/prenota/")
    page.get_by_role("button", name="Continua").click()
    page.locator("a.booking-day").first.click()
    axe(page, "phone times")
    screenshot(page, "booking-phone-times")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_operator_checks_in_marks_a_no_show_and_books_a_member_slot(browser_page, demo_desk):
    page = browser_page
    desk_calendar = Calendar.objects.get(desk=demo_desk, service__isnull=True)
    first = Booking.objects.filter(calendar=desk_calendar, status=BookingStatus.BOOKED).order_by("start").first()
    day = first.start.astimezone(demo_desk.tz).date()
    todays = list(Booking.objects.filter(calendar=desk_calendar, status=BookingStatus.BOOKED,
                                         start__date__gte=day).order_by("start")[:2])
    login(page, "operatore.cpi1@infolavoro.example")
    page.goto(f"/la-spezia/agenda/?calendario={desk_calendar.pk}&giorno={day.isoformat()}")
    axe(page, "agenda")
    screenshot(page, "agenda-day")
    with page.expect_navigation():
        page.locator("tr", has_text=first.code).get_by_role("button", name="Arrivato").click()
    first.refresh_from_db()
    assert first.status == BookingStatus.CHECKED_IN
    if todays[1].start.astimezone(demo_desk.tz).date() == day:
        with page.expect_navigation():
            page.locator("tr", has_text=todays[1].code).get_by_role("button", name="Non presentato").click()
        todays[1].refresh_from_db()
        assert todays[1].status == BookingStatus.NO_SHOW
    member = Calendar.objects.filter(desk=demo_desk, service__isnull=False).order_by("name").first()
    page.get_by_role("link", name="Prenota per un cittadino").click()
    page.get_by_label("Calendario").select_option(str(member.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="Mostra").click()
    for _ in range(14):  # find a day with free times at the member's premises
        if page.locator("input[name=start]").count():
            break
        with page.expect_navigation():
            page.locator("nav[aria-label='Altri giorni'] a").last.click()
    axe(page, "book for a citizen")
    page.locator("label[for=slot-1]").click()
    page.get_by_label("Nome", exact=False).first.fill("Sofia")
    page.get_by_label("Cognome", exact=False).fill("Gatti")
    page.get_by_label("Telefono").fill("333 765 4321")
    page.get_by_label("Argomento").select_option("rete")
    page.locator("label[for=id_privacy_consent]").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Prenota").click()
    booked = Booking.objects.get(last_name="Gatti")
    assert booked.calendar == member
    expect(page.get_by_text(f"Appuntamento {booked.code} fissato")).to_be_visible()
    axe(page, "member agenda")
    screenshot(page, "agenda-member")
