"""A member's editor updates a training opportunity in Chromium; the public page shows it at once and the
desk administrator sees the change in the review queue. Zero axe violations."""

import pytest
from playwright.sync_api import expect

from infolavoro.accounts.demo import ADMIN_EMAIL
from infolavoro.accounts.models import Role, RoleAssignment
from infolavoro.network.models import ChangeRecord, TrainingOpportunity
from tests_browser.conftest import axe, login, screenshot

pytestmark = pytest.mark.browser


def test_member_updates_a_course_and_the_desk_reviews_it(browser_page, demo_desk):
    page = browser_page
    role = (RoleAssignment.objects.filter(desk=demo_desk, role=Role.MEMBER_EDITOR,
                                          organization__trainings__isnull=False)
            .select_related("organization", "user").first())
    org = role.organization
    course = org.trainings.order_by("starts_on").first()
    login(page, role.user.email)
    page.get_by_role("link", name="I dati del tuo soggetto").click()
    expect(page.get_by_role("heading", level=1, name=org.name)).to_be_visible()
    axe(page, "member area")
    screenshot(page, "network-manage-member")
    page.get_by_role("link", name=course.title).click()
    axe(page, "course form")
    page.get_by_label("Posti").fill("25")
    page.get_by_label("Sede del corso").fill("Via del Porto 12, aula magna")
    page.get_by_role("button", name="Salva e pubblica").click()
    expect(page.get_by_text("Salvato: è già visibile sul sito.")).to_be_visible()
    course.refresh_from_db()
    assert course.seats == 25
    page.goto(f"/la-spezia/rete/{org.slug}/")
    expect(page.get_by_text("Via del Porto 12, aula magna")).to_be_visible()
    page.goto("/accounts/")
    with page.expect_navigation():
        page.get_by_role("button", name="Esci").click()

    login(page, ADMIN_EMAIL)
    page.goto("/la-spezia/gestione/rete/revisione/")
    change = page.locator("section", has_text=course.title)
    expect(change).to_be_visible()
    expect(change.get_by_text("Via del Porto 12, aula magna")).to_be_visible()
    axe(page, "review queue")
    screenshot(page, "network-review")
    with page.expect_navigation():
        page.get_by_role("button", name="Segna come viste").click()
    assert not ChangeRecord.objects.filter(object_id=str(course.pk), reviewed_at__isnull=True).exists()
    assert TrainingOpportunity.objects.get(pk=course.pk).last_reviewed_by == role.user
