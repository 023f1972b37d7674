"""Members in the loop, in Chromium at desktop and 390 px: the referral form warns before sending that a member
has no access; the operator records the member's answer on its behalf and the history says so; a member's editor
keeps premises, contacts and hours current. Zero axe violations; screenshots for people to look at."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from infolavoro.accounts.models import Role, RoleAssignment, User
from infolavoro.intake import services as intake_services
from infolavoro.network.models import Organization, Schedule
from infolavoro.referrals import services as referral_services
from infolavoro.referrals.models import State
from tests_browser.conftest import axe, fits, login, screenshot

pytestmark = pytest.mark.browser
OPERATOR = "operatore.cpi1@infolavoro.example"


@pytest.mark.parametrize("viewport", ["browser_page", "phone_page"])
def test_operator_is_warned_then_records_on_the_members_behalf(viewport, request, demo_desk):
    page = request.getfixturevalue(viewport)
    size = "desktop" if viewport == "browser_page" else "390"
    with_editors = RoleAssignment.objects.filter(role=Role.MEMBER_EDITOR, is_active=True).values("organization")
    member = (Organization.objects.filter(desk=demo_desk, is_active=True, services__is_active=True,
                                          services__taxonomy_terms__isnull=False)
              .exclude(pk__in=with_editors).exclude(email="").order_by("name").first())
    service = member.services.filter(is_active=True, taxonomy_terms__isnull=False).first()
    need = service.taxonomy_terms.first()
    operator = User.objects.get(email=OPERATOR)
    citizen = intake_services.create_citizen(
        demo_desk, {"first_name": "Giovanna", "last_name": "Esempio", "email": "giovanna@example.org"}, operator,
        privacy_acknowledged=True, sharing_consent=True)
    consultation = intake_services.record_consultation(citizen, {"reason": "Cerca un corso"}, operator,
                                                       needs=[need])
    login(page, OPERATOR)
    page.goto(referral_new_url(consultation, need))
    radio = page.locator(f"input[name=service][value='{service.pk}']")
    warning = page.locator(f"#{radio.get_attribute('id')}-access")
    expect(warning).to_contain_text("Questo membro non ha accesso a InfoLavoro: riceverà un'e-mail; "
                                    "registrerai tu l'esito")
    assert radio.get_attribute("aria-describedby") == f"{radio.get_attribute('id')}-access"
    axe(page, "new referral with the no-access warning")
    fits(page)
    screenshot(page, f"referral-new-warning-{size}")

    referral = referral_services.create_referral(consultation, service, operator)
    page.goto(reverse("referrals:detail", args=["la-spezia", referral.pk]))
    expect(page.get_by_role("note")).to_contain_text("non ha accesso a InfoLavoro: registra tu")
    with page.expect_navigation():
        page.get_by_role("button", name="Registra per conto del soggetto: «accettata»").click()
    expect(page.locator("main")).to_contain_text(f"registrato dallo sportello per conto di {member.name}")
    referral.refresh_from_db()
    assert referral.state == State.ACCEPTED
    event = referral.events.get(to_state=State.ACCEPTED)
    assert (event.actor, event.on_behalf_of_member) == (operator, True)
    axe(page, "referral recorded on behalf")
    fits(page)
    screenshot(page, f"referral-on-behalf-{size}")


def referral_new_url(consultation, need) -> str:
    return reverse("referrals:new", args=["la-spezia", consultation.pk]) + f"?bisogno={need.pk}"


@pytest.mark.parametrize("viewport", ["browser_page", "phone_page"])
def test_member_editor_keeps_premises_contacts_and_hours_current(viewport, request, demo_desk):
    page = request.getfixturevalue(viewport)
    size = "desktop" if viewport == "browser_page" else "390"
    member = Organization.objects.filter(desk=demo_desk).order_by("name").first()  # has a demo editor
    service = member.services.filter(is_active=True).first()
    login(page, f"redazione@{member.slug}.example")
    page.goto(f"/la-spezia/gestione/rete/{member.slug}/")
    expect(page.locator("main").get_by_role("heading", name="Sedi", exact=True)).to_be_visible()
    expect(page.locator("main").get_by_role("heading", name="Contatti", exact=True)).to_be_visible()
    expect(page.locator("main").get_by_role("heading", name="Orari", exact=True)).to_be_visible()
    axe(page, "member's management page")
    fits(page)
    screenshot(page, f"member-manage-{size}")
    page.get_by_role("link", name="Aggiungi un orario").click()
    page.get_by_label("Servizio").select_option(str(service.pk))
    page.locator("label[for=id_days_0]").click()  # the styled label covers the box, as people see it
    page.locator("label[for=id_days_3]").click()
    page.locator("#id_opens_at").fill("09:00")
    page.locator("#id_closes_at").fill("08:00")  # a mistake, caught with the rest kept
    with page.expect_navigation():
        page.get_by_role("button", name="Salva e pubblica").click()
    expect(page.locator("main")).to_contain_text("successivo all'apertura")
    expect(page.locator("#id_days_3")).to_be_checked()
    axe(page, "hours form with an error")
    fits(page)
    screenshot(page, f"member-hours-error-{size}")
    page.locator("#id_closes_at").fill("12:30")
    with page.expect_navigation():
        page.get_by_role("button", name="Salva e pubblica").click()
    schedule = Schedule.objects.get(service=service, byday="MO,TH")
    assert (schedule.opens_at.isoformat(), schedule.closes_at.isoformat()) == ("09:00:00", "12:30:00")
    page.goto(f"/la-spezia/rete/{member.slug}/servizi/{service.slug}/")
    expect(page.locator("main")).to_contain_text("12:30")
    page.goto(f"/la-spezia/gestione/rete/{member.slug}/sedi/nuovo/")
    axe(page, "premises form")
    fits(page)
    screenshot(page, f"member-premises-form-{size}")
