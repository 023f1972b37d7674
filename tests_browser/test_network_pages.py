"""The network's public pages in Chromium: browse, search with Italian words, filter, open a member and a
service, follow a topic; zero axe violations at desktop and phone sizes."""

import pytest
from playwright.sync_api import expect

from infolavoro.network.models import Service
from tests_browser.conftest import axe, screenshot

pytestmark = pytest.mark.browser


def test_search_filter_and_member_pages(browser_page, demo_desk):
    page = browser_page
    page.goto("/la-spezia/rete/")
    expect(page.get_by_role("heading", name="33 soggetti")).to_be_visible()
    axe(page, "network index")
    screenshot(page, "network-index")
    page.get_by_label("Cerca", exact=True).fill("lavoratori")
    with page.expect_navigation():
        page.get_by_role("button", name="Cerca", exact=True).click()
    expect(page.get_by_role("heading", name="trovat")).to_be_visible()
    assert page.locator(".card").count() >= 1
    axe(page, "search results")
    screenshot(page, "network-search")
    page.locator(".card h3 a").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe(page, "member page")
    screenshot(page, "network-member")
    service = Service.objects.filter(organization__desk=demo_desk, calendars__isnull=False).select_related(
        "organization").first()
    page.goto(f"/la-spezia/rete/{service.organization.slug}/servizi/{service.slug}/")
    expect(page.get_by_role("link", name="Prenota un appuntamento").last).to_be_visible()
    axe(page, "service page")
    page.goto("/la-spezia/rete/temi/")
    axe(page, "topics")
    page.locator(".card h2 a").first.click()
    axe(page, "topic page")
    screenshot(page, "network-topic")


def test_network_on_a_phone(phone_page, demo_desk):
    page = phone_page
    page.goto("/la-spezia/rete/?q=formazione")
    axe(page, "phone search")
    screenshot(page, "network-phone")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
