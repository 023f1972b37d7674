"""The Content-Security-Policy holds on the main pages: Bootstrap Italia, htmx and the site's own scripts work
without inline script or style, and no page reports a violation (a violation fails the test)."""

from __future__ import annotations

import pytest

from infolavoro.accounts.demo import ADMIN_EMAIL, DEMO_PASSWORD
from tests_browser.conftest import no_csp_violation, screenshot

pytestmark = pytest.mark.browser

PUBLIC = ["/", "/la-spezia/", "/la-spezia/prenota/", "/la-spezia/rete/", "/la-spezia/opportunita/",
          "/accounts/login/", "/accounts/password/", "/api/docs"]
STAFF = ["/accounts/", "/la-spezia/agenda/", "/la-spezia/agenda/?vista=settimana", "/la-spezia/agenda/?stampa=1",
         "/la-spezia/sportello/", "/la-spezia/gestione/rete/", "/la-spezia/segnalazioni/"]


def test_a_violation_is_caught(browser_page, demo_desk):
    """The watcher itself: an inline script injected into a page is refused and reported."""
    page = browser_page
    page.goto("/la-spezia/")
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.x = 1';
                             document.body.appendChild(s); }""")
    page.wait_for_timeout(300)
    with pytest.raises(pytest.fail.Exception, match="script-src"):
        no_csp_violation(page)


def test_public_and_staff_pages_have_no_csp_violation(browser_page, demo_desk):
    page = browser_page
    for url in PUBLIC:
        response = page.goto(url)
        assert response.status < 400, url
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        no_csp_violation(page, url)
    # The booking flow's htmx and the menu's JavaScript under the policy.
    page.goto("/la-spezia/prenota/")
    page.get_by_role("button", name="Continua").first.click()
    page.wait_for_load_state("networkidle")
    no_csp_violation(page, "booking step 2")
    screenshot(page, "csp-booking-when")
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(ADMIN_EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Accedi").click()
    for url in STAFF:
        response = page.goto(url)
        assert response.status < 400, url
        page.wait_for_load_state("networkidle")
        no_csp_violation(page, url)
    page.goto("/la-spezia/agenda/")
    screenshot(page, "csp-agenda")


def test_phone_menu_works_under_the_policy(phone_page, demo_desk):
    page = phone_page
    page.goto("/la-spezia/")
    toggler = page.locator(".custom-navbar-toggler").first
    if toggler.count():
        toggler.click()
        page.wait_for_timeout(400)
    no_csp_violation(page, "phone menu")
    screenshot(page, "csp-phone-menu")
