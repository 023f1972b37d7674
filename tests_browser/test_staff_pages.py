"""Every staff page a desk administrator uses, in Chromium: zero axe violations, no horizontal scrolling."""

import pytest

from infolavoro.accounts.demo import ADMIN_EMAIL, DEMO_PASSWORD
from infolavoro.booking.models import Calendar
from infolavoro.network.models import Organization
from tests_browser.conftest import axe

pytestmark = pytest.mark.browser


def test_administrator_pages_are_accessible(browser_page, demo_desk):
    page = browser_page
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(ADMIN_EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Accedi").click()
    calendar = Calendar.objects.filter(desk=demo_desk, service__isnull=True).first()
    member = Organization.objects.filter(desk=demo_desk).order_by("name").first()
    for path in ["/accounts/", "/la-spezia/agenda/", "/la-spezia/agenda/?vista=settimana", "/la-spezia/agenda/prenota/",
                 "/la-spezia/agenda/senza-appuntamento/", "/la-spezia/agenda/blocca/", "/la-spezia/agenda/calendari/",
                 f"/la-spezia/agenda/calendari/{calendar.pk}/", "/la-spezia/agenda/argomenti/",
                 "/la-spezia/gestione/rete/", f"/la-spezia/gestione/rete/{member.slug}/",
                 f"/la-spezia/gestione/rete/{member.slug}/corsi/nuovo/", "/la-spezia/gestione/rete/temi/",
                 "/la-spezia/gestione/rete/revisione/", "/la-spezia/gestione/personale/", "/la-spezia/gestione/orari/",
                 "/la-spezia/gestione/chiusure/", "/la-spezia/sportello/", "/la-spezia/segnalazioni/"]:
        response = page.goto(path)
        assert response.status == 200, path
        axe(page, path)
