"""Labour demand and supply end to end, in Chromium: the operator opens a person's profile, sees the ranked
vacancies with their reasons, proposes the person (who agreed); the employer's contact logs in, sees only what the
proposal needs and records "hired"; the desk sees the outcome. The public board and a vacancy's page too, at
desktop and phone width. Zero axe violations on every page."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from infolavoro.labour import selectors
from infolavoro.labour.demo import EMPLOYER_EMAIL
from infolavoro.labour.models import CandidateProfile, Proposal, ProposalState
from tests_browser.conftest import axe, login, screenshot

pytestmark = pytest.mark.browser

OPERATOR = "operatore.cpi1@infolavoro.example"


def logout(page) -> None:
    page.goto("/accounts/")
    with page.expect_navigation():
        page.get_by_role("button", name="Esci").click()


def _person_and_vacancy(desk):
    """A consenting demo person whose ranked list holds a vacancy of the employer that has a demo login."""
    for profile in CandidateProfile.objects.filter(desk=desk, consent_at__isnull=False).order_by("citizen__last_name"):
        for vacancy, match in selectors.ranked_vacancies(selectors.profile_for(profile.citizen)):
            if vacancy.employer.contact_email == EMPLOYER_EMAIL:
                return profile.citizen, vacancy, match
    raise AssertionError("the demo should hold such a pair")


def test_the_labour_loop(browser_page, demo_desk):
    page = browser_page
    citizen, vacancy, match = _person_and_vacancy(demo_desk)
    login(page, OPERATOR)
    page.goto(f"/la-spezia/sportello/schede/{citizen.pk}/")
    page.get_by_role("link", name="Profilo professionale e offerte").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(citizen.last_name)
    item = page.locator(f"#v-{vacancy.pk}")
    expect(item).to_contain_text(f"{match.score}/100")
    expect(item).to_contain_text("Soddisfa")
    axe(page, "profile with ranked vacancies")
    screenshot(page, "labour-profile-desktop")
    # Without ticking the person's agreement nothing is sent.
    item.get_by_role("button", name="Proponi al datore di lavoro").click()
    expect(page.get_by_role("alert").or_(page.locator(".alert-danger")).first).to_contain_text("Chiedi prima")
    assert not Proposal.objects.exists()
    item = page.locator(f"#v-{vacancy.pk}")
    item.get_by_text("La persona è stata informata e vuole essere proposta per questa offerta").click()
    item.get_by_role("button", name="Proponi al datore di lavoro").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(vacancy.title)
    proposal = Proposal.objects.get()
    axe(page, "proposal, desk side")
    logout(page)

    # The employer's contact: its own proposals only; opening it records "seen".
    login(page, EMPLOYER_EMAIL)
    page.goto("/la-spezia/lavoro/proposte/")
    axe(page, "employer's proposals")
    page.get_by_role("link", name=proposal.code).click()
    expect(page.get_by_text(citizen.first_name).first).to_be_visible()
    axe(page, "proposal, employer side")
    screenshot(page, "labour-proposal-employer")
    page.get_by_role("button", name="Assunta/o").click()
    expect(page.get_by_text("Esito registrato.")).to_be_visible()
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.HIRED
    assert [e.to_state for e in proposal.events.all()] == ["proposed", "seen", "hired"]
    assert page.goto(f"/la-spezia/sportello/schede/{citizen.pk}/").status == 404
    logout(page)

    # The desk sees the outcome.
    login(page, OPERATOR)
    page.goto("/la-spezia/lavoro/proposte/")
    expect(page.get_by_role("row", name=proposal.code)).to_contain_text("assunta/o")
    axe(page, "desk's proposals")


def test_public_board_and_vacancy_page(browser_page, phone_page, demo_desk):
    for page, size in ((browser_page, "desktop"), (phone_page, "phone")):
        page.goto("/la-spezia/opportunita/?q=badante#lavoro")
        expect(page.get_by_role("heading", name="Offerte di lavoro")).to_be_visible()
        axe(page, f"board {size}")
        screenshot(page, f"labour-board-{size}")
        page.locator("#lavoro article h3 a").first.click()
        data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
        assert data["@type"] == "JobPosting"
        axe(page, f"vacancy page {size}")
        screenshot(page, f"labour-vacancy-{size}")
    browser_page.goto("/la-spezia/opportunita/lavoro/offri/")
    axe(browser_page, "offer a job")
    screenshot(browser_page, "labour-offer-form")
