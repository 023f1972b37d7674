"""The public shell, the language switch and staff login, in Chromium, with zero axe violations."""

import pytest

from tests_browser.conftest import axe, screenshot

pytestmark = pytest.mark.browser


def test_desk_home_page_shows_the_real_hours_and_contacts(browser_page, demo_desk):
    page = browser_page
    page.goto("/")
    # The demo hosts two desks: the front page lists both and leads to each.
    assert page.get_by_role("link", name="InfoLavoro – Sarzana").is_visible()
    page.get_by_role("link", name="InfoLavoro – La Spezia").click()
    page.wait_for_url("**/la-spezia/")
    assert page.locator("h1").inner_text() == "InfoLavoro"
    hours = page.locator("#orari table")
    assert hours.locator("tr", has_text="Martedì").inner_text().endswith("08:30–12:00, 14:30–17:30")
    assert hours.locator("tr", has_text="Venerdì").inner_text().endswith("08:30–12:00")
    assert hours.locator("tr", has_text="Lunedì").inner_text().endswith("chiuso")
    assert page.get_by_role("link", name="0187 727248").first.get_attribute("href") == "tel:+390187727248"
    assert page.get_by_role("link", name="infolavoro@comune.sp.it").first.is_visible()
    assert page.get_by_role("link", name="Prenota un appuntamento").first.is_visible()
    axe(page)
    screenshot(page, "home-it")


def test_skip_link_is_first_and_reaches_the_content(browser_page, demo_desk):
    page = browser_page
    page.goto("/la-spezia/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Vai al contenuto principale"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_language_switch_to_english_and_back(browser_page, demo_desk):
    page = browser_page
    page.goto("/la-spezia/")
    with page.expect_navigation():
        page.get_by_role("button", name="EN").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Opening hours").is_visible()
    assert page.locator("#orari table tr", has_text="Tuesday").inner_text().endswith("08:30–12:00, 14:30–17:30")
    assert page.get_by_role("link", name="Book an appointment").first.is_visible()
    axe(page)
    screenshot(page, "home-en")
    with page.expect_navigation():
        page.get_by_role("button", name="IT").click()
    assert page.locator("html").get_attribute("lang") == "it"


def test_public_pages_have_no_axe_violations(browser_page, demo_desk):
    page = browser_page
    for path in ["/la-spezia/contatti/", "/la-spezia/privacy/", "/la-spezia/accessibilita/",
                 "/la-spezia/prenota/", "/la-spezia/opportunita/", "/la-spezia/pagina-che-non-esiste/"]:
        page.goto(path)
        axe(page, path)


def test_staff_login_with_keyboard(browser_page, demo_desk):
    from infolavoro.accounts.demo import DEMO_PASSWORD

    page = browser_page
    page.goto("/la-spezia/")
    page.get_by_role("link", name="Accedi").click()
    axe(page)
    page.get_by_label("E-mail").fill("operatore.cpi1@infolavoro.example")
    page.get_by_label("Password").fill("sbagliata")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("E-mail o password non corretti").is_visible()
    assert page.get_by_label("E-mail").input_value() == "operatore.cpi1@infolavoro.example"
    axe(page, "login with error")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", name="Area riservata").is_visible()
    assert page.get_by_text("Operatore dello sportello").is_visible()
    assert page.get_by_text("Centro per l'Impiego della Spezia – Regione Liguria").is_visible()
    axe(page, "dashboard")
    screenshot(page, "dashboard")


def test_home_page_on_a_phone(phone_page, demo_desk):
    page = phone_page
    page.goto("/la-spezia/")
    assert page.locator("#orari").is_visible()
    axe(page)
    screenshot(page, "home-phone")
