"""The monitoring dashboard as the Region's viewer sees it, on a desktop and on a phone: figures, charts with
their tables, the rating page; axe-core finds nothing; screenshots for people to look at."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from infolavoro.accounts.demo import DEMO_PASSWORD
from infolavoro.accounts.models import Role, RoleAssignment
from infolavoro.booking import services as booking_services
from infolavoro.booking.models import Booking
from infolavoro.monitoring import populations as pop
from tests_browser.conftest import axe, screenshot

pytestmark = pytest.mark.browser
ROME = zoneinfo.ZoneInfo("Europe/Rome")
QUERY = "?start=2026-01-01&end=2026-06-30&grain=month"


def _figures(desk):
    people = pop.citizens(desk, 40, age_band="25_34", employment_status="unemployed")
    for month in range(1, 7):
        when = dt.datetime(2026, month, 10, 10, tzinfo=ROME)
        pop.consultations(people[: 6 + 5 * month], when, reason="Curriculum")
        # The demo already books seats from 1 on these days (its year of history): these take seats of their own.
        pop.bookings(desk, [when] * (12 + 3 * month), seat_from=100)
        pop.bookings(desk, [when] * (month % 4), walk_in=True)
        pop.ratings(desk, [5, 4, 4, 5, 3, 5, 2][: 3 + month], when)
    hotels = pop.vacancies(desk, 9, dt.datetime(2026, 2, 3, 10, tzinfo=ROME), ateco="55.10", isco="5120")
    pop.proposals(hotels[0], people[:12], dt.datetime(2026, 2, 20, 10, tzinfo=ROME), outcome="hired",
                  outcome_at=dt.datetime(2026, 3, 16, 10, tzinfo=ROME))
    pop.proposals(hotels[1], people[12:20], dt.datetime(2026, 3, 2, 10, tzinfo=ROME), outcome="not_selected",
                  outcome_at=dt.datetime(2026, 4, 8, 10, tzinfo=ROME))


def _login(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Accedi").click()


def _viewer():
    return RoleAssignment.objects.filter(role=Role.MONITORING_VIEWER).select_related("user").first().user


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_dashboard_reads_well_and_has_no_violation(browser_page, phone_page, demo_desk, size):
    _figures(demo_desk)
    page = browser_page if size == "desktop" else phone_page
    _login(page, _viewer())
    page.goto("/monitoraggio/" + QUERY, timeout=60_000)
    charts = page.locator("img.il-chart-box")
    assert charts.count() > 5
    # the charts are SVG images fetched apart: each one that scrolls into view is drawn
    for i in range(charts.count()):  # every one, so that the screenshot shows them all
        charts.nth(i).scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=charts.nth(i).element_handle(),
                               timeout=60_000)
    assert page.get_by_role("heading", name="Mercato del lavoro").is_visible()
    page.evaluate("window.scrollTo(0, 0)")
    assert page.get_by_role("heading", name="In sintesi").is_visible()
    axe(page, f"monitoring dashboard ({size})")
    screenshot(page, f"monitoring-dashboard-{size}")
    if size == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.goto("/monitoraggio/?start=2026-06-01&end=2026-01-01&grain=month")
    assert page.get_by_text("finisce prima di cominciare").is_visible()
    axe(page, f"monitoring dashboard, bad period ({size})")


def test_rating_page(browser_page, demo_desk):
    booking = Booking.objects.filter(desk=demo_desk).first() or None
    if booking is None:
        pop.bookings(demo_desk, [dt.datetime(2026, 3, 3, 10, tzinfo=ROME)])
        booking = Booking.objects.filter(desk=demo_desk).first()
    page = browser_page
    page.goto(f"/{demo_desk.slug}/prenota/valuta/{booking_services.rating_token(booking)}/")
    axe(page, "rating page")
    page.get_by_role("button", name="Invia la valutazione").click()
    assert page.get_by_text("Scegli un valore da 1 a 5").is_visible()
    axe(page, "rating page with an error")
    screenshot(page, "rating-error")
    page.locator("label[for=score-4]").click()
    page.get_by_role("button", name="Invia la valutazione").click()
    assert page.get_by_text("Grazie!").is_visible()
