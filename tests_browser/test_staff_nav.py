"""The staff area's own navigation, in Chromium, for each kind of staff login: the sections its role may use,
the current one marked, the user's name and "Esci"; at 390 px the menu folds behind the menu button and the
section's pages behind their own button, nothing wider than the phone; zero axe violations. The agenda on a
phone is no wider than the screen."""

from __future__ import annotations

import pytest
from django.utils import timezone

from infolavoro.accounts.demo import ADMIN_EMAIL, DEMO_PASSWORD
from infolavoro.booking.models import Booking, BookingStatus
from tests_browser.conftest import axe, screenshot

pytestmark = pytest.mark.browser

# login, the page to open, the menu's sections, the section that page belongs to
LOGINS = [
    ("operatore.cpi1@infolavoro.example", "/la-spezia/sportello/",
     ["Inizio", "Agenda", "Persone", "Segnalazioni", "Lavoro"], "Persone"),
    ("amministrazione@infolavoro.example", "/la-spezia/gestione/chiusure/",
     ["Inizio", "Agenda", "Persone", "Segnalazioni", "Rete", "Lavoro", "Monitoraggio", "Impostazioni"],
     "Impostazioni"),
    ("redazione@accademia-nautica-del-levante.example", "/la-spezia/segnalazioni/ricevute/",
     ["Inizio", "Agenda", "Segnalazioni", "Il vostro soggetto"], "Segnalazioni"),
    ("referente@cantieri-golfo.example", "/la-spezia/lavoro/proposte/", ["Inizio", "Lavoro"], "Lavoro"),
    ("monitoraggio@regione.example", "/monitoraggio/", ["Inizio", "Monitoraggio"], "Monitoraggio"),
]


def log_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Accedi").click()


def no_overflow(page, what: str) -> None:
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"{what}: {widths[0]}px wide in a {widths[1]}px window"


def test_each_staff_login_gets_its_own_menu_at_desktop_and_on_a_phone(chromium, live_server, demo_desk):
    for email, path, sections, current in LOGINS:
        name = email.split("@")[0].replace(".", "-")
        for width, height in ((1280, 900), (390, 844)):
            context = chromium.new_context(base_url=live_server.url, locale="it-IT",
                                           viewport={"width": width, "height": height},
                                           is_mobile=width < 500, has_touch=width < 500)
            page = context.new_page()
            log_in(page, email)
            page.goto(path)
            nav = page.locator("#staff-nav")
            assert nav.locator(".navbar-nav").first.locator("a.nav-link").all_inner_texts() == sections, email
            assert nav.locator("a[aria-current=true]").inner_text() == current, email
            assert page.locator("#main-nav").count() == 0  # not the public menu
            no_overflow(page, f"{path} as {email} at {width}px")
            axe(page, f"{path} as {email} at {width}px")
            if width > 500:
                assert page.get_by_role("button", name="Esci").is_visible()
                screenshot(page, f"staff-nav-{name}-desktop")
            else:
                assert not nav.locator(".navbar-nav a.nav-link").first.is_visible()  # folded
                page.get_by_role("button", name="Mostra o nascondi il menu").click()
                page.locator("#nav-staff.expanded").wait_for()
                assert nav.get_by_role("link", name=current).is_visible()
                assert page.get_by_role("button", name="Esci").is_visible()
                axe(page, f"{path} as {email}, menu open on a phone")
                screenshot(page, f"staff-nav-{name}-phone-menu")
                page.wait_for_timeout(500)  # let the opening animation end: a click during it is ignored
                page.get_by_role("button", name="Chiudi il menu").click()
                page.locator("#nav-staff.expanded").wait_for(state="detached")
                sidebar_button = page.locator(".staff-sidebar button")
                if sidebar_button.count():
                    assert not page.locator("#staff-sidebar a").first.is_visible()  # folded too
                    sidebar_button.click()
                    page.locator("#staff-sidebar a").first.wait_for(state="visible")
                    assert page.locator("#staff-sidebar a[aria-current=page]").count() <= 1
                    no_overflow(page, f"{path} as {email}, section pages open on a phone")
            context.close()


def test_moving_between_sections_from_the_menu(browser_page, demo_desk):
    page = browser_page
    log_in(page, ADMIN_EMAIL)
    for section, url_part in (("Agenda", "/agenda/"), ("Persone", "/sportello/"), ("Segnalazioni", "/segnalazioni/"),
                              ("Rete", "/gestione/rete/"), ("Lavoro", "/lavoro/"), ("Impostazioni", "/gestione/orari/"),
                              ("Monitoraggio", "/monitoraggio/")):
        with page.expect_navigation(timeout=60_000):  # the monitoring dashboard computes a year of figures
            page.locator("#staff-nav").get_by_role("link", name=section, exact=True).click(no_wait_after=True)
        assert url_part in page.url
        assert page.locator("#staff-nav a[aria-current=true]").inner_text() == section


def test_the_agenda_on_a_phone_is_no_wider_than_the_screen(phone_page, demo_desk):
    page = phone_page
    log_in(page, "operatore.cpi1@infolavoro.example")
    busiest = (Booking.objects.filter(desk=demo_desk, calendar__service__isnull=True, status=BookingStatus.BOOKED,
                                      start__gte=timezone.now()).order_by("start").first())
    day = timezone.localtime(busiest.start, demo_desk.tz).date()
    for query in (f"?giorno={day.isoformat()}", f"?giorno={day.isoformat()}&vista=settimana"):
        page.goto(f"/la-spezia/agenda/{query}")
        assert page.locator(".agenda-table button").first.is_visible()
        no_overflow(page, f"agenda {query}")
        buttons = page.locator(".agenda-table button")
        for i in range(buttons.count()):
            box = buttons.nth(i).bounding_box()
            assert box["x"] >= 0
            assert box["x"] + box["width"] <= 390, "an action button is cut off"
        axe(page, f"agenda {query} on a phone")
    screenshot(page, "agenda-phone-week")
