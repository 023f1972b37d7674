"""The English version as a visitor sees it: the desk's presentation, the needs, the members and services in
English, the Comune named as it names itself; staff forms with the English fields; zero axe violations, at
desktop and phone width. Screenshots go to test-artifacts/ for people to look at."""

import pytest

from tests_browser.conftest import axe, screenshot

pytestmark = pytest.mark.browser


def to_english(page) -> None:
    page.goto("/la-spezia/")
    screenshot(page, f"home-it-{page.viewport_size['width']}")
    with page.expect_navigation():
        page.locator("button.lang-switch[value=en]").click()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_english_pages_show_english_content(browser_page, phone_page, demo_desk, size):
    page = browser_page if size == "desktop" else phone_page
    page.goto("/la-spezia/")
    assert page.locator(".it-header-slim-wrapper .navbar-brand").inner_text() == "Comune della Spezia"
    to_english(page)
    assert page.locator(".it-header-slim-wrapper .navbar-brand").inner_text() == "City of La Spezia"
    assert page.get_by_text("InfoLavoro is the City of La Spezia's listening point").is_visible()
    axe(page, "home en")
    screenshot(page, f"home-en-{size}")
    page.goto("/la-spezia/rete/")
    assert page.get_by_text("Training centre for seafaring trades").first.is_visible()
    assert page.locator("#id_tema option", has_text="Training courses").count() == 1
    axe(page, "network en")
    screenshot(page, f"network-en-{size}")
    page.goto("/la-spezia/rete/?q=apprenticeship")
    assert page.locator(".card").count() > 0
    page.goto("/la-spezia/rete/temi/")
    assert page.get_by_text("Italian language courses").first.is_visible()
    axe(page, "topics en")
    screenshot(page, f"topics-en-{size}")
    page.goto("/la-spezia/rete/formazione-servizi-riviera/servizi/corso-di-aiuto-cuoco/")
    assert page.get_by_role("heading", name="Assistant cook course").is_visible()
    axe(page, "service en")
    screenshot(page, f"service-en-{size}")
    page.goto("/la-spezia/accessibilita/")
    assert page.get_by_text("The City of La Spezia is committed").is_visible()
    axe(page, "accessibility en")


def test_staff_closure_form_has_italian_and_english(browser_page, demo_desk):
    from infolavoro.accounts.demo import DEMO_PASSWORD

    page = browser_page
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill("amministrazione@infolavoro.example")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Accedi").click()
    page.goto("/la-spezia/gestione/chiusure/")
    assert page.locator("label[for=id_reason_it]").inner_text().startswith("Motivo *")
    assert page.get_by_label("Motivo (in inglese, facoltativo)").is_visible()
    axe(page, "closures")
    screenshot(page, "closures-it-desktop")
    page.goto("/la-spezia/gestione/rete/temi/")
    axe(page, "terms")
    screenshot(page, "terms-it-desktop")
