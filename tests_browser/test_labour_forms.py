"""Two labour forms in Chromium: the employer's vacancy form picks skills with a type-ahead on labels and local
synonyms (the plain multi-select is left for browsers without JavaScript), and the employer records an interview
with its date and time. Desktop and 390 px; zero axe violations."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from infolavoro.intake.models import Citizen
from infolavoro.labour import services
from infolavoro.labour.demo import EMPLOYER_EMAIL
from infolavoro.labour.models import CandidateProfile, Employer, Proposal, ProposalState, Skill, VacancyState
from tests_browser.conftest import axe, screenshot
from tests_browser.test_labour_loop import OPERATOR, login

pytestmark = pytest.mark.browser


def test_vacancy_form_skill_typeahead(browser_page, phone_page, demo_desk):
    employer = Employer.objects.get(desk=demo_desk, contact_email=EMPLOYER_EMAIL)
    skill = Skill.objects.filter(preferred_label__icontains="saldare").order_by("preferred_label").first()
    for page, size in ((browser_page, "desktop"), (phone_page, "phone")):
        login(page, EMPLOYER_EMAIL)
        page.goto(f"/la-spezia/lavoro/datori/{employer.pk}/nuova-offerta/")
        expect(page.locator('select[name="essential"]')).to_be_hidden()  # replaced by the type-ahead
        search = page.get_by_role("searchbox").first
        search.fill("saldare")
        expect(page.locator(f"#essential-r-{skill.pk}")).to_be_attached()
        page.locator(f'label[for="essential-r-{skill.pk}"]').click()  # Bootstrap Italia draws the box on the label
        chosen = page.locator(f"#essential-c-{skill.pk}")
        expect(chosen).to_be_checked()
        search.fill("zzzz")
        expect(page.get_by_text("Nessuna competenza trovata.").first).to_be_visible()
        expect(chosen).to_be_checked()  # kept among the chosen while searching again
        axe(page, f"vacancy form with type-ahead, {size}")
        screenshot(page, f"labour-vacancy-form-{size}")
        page.context.clear_cookies()  # logged out (on a phone "Esci" sits in the folded menu)


def test_the_employer_records_the_interview_date(browser_page, phone_page, demo_desk):
    from infolavoro.accounts.models import User

    operator = User.objects.get(email=OPERATOR)
    employer = Employer.objects.get(desk=demo_desk, contact_email=EMPLOYER_EMAIL)
    vacancy = employer.vacancies.filter(state=VacancyState.PUBLISHED).first()
    citizen = Citizen.objects.filter(candidate_profile__consent_at__isnull=False,
                                     desk=demo_desk).exclude(proposals__vacancy=vacancy).first()
    assert CandidateProfile.objects.filter(citizen=citizen).exists()
    proposal = services.propose(vacancy, citizen, operator, candidate_agreed=True)
    when = (timezone.now() + dt.timedelta(days=5)).astimezone(demo_desk.tz).replace(hour=9, minute=30, second=0,
                                                                                     microsecond=0)
    page = phone_page
    login(page, EMPLOYER_EMAIL)
    page.goto(f"/la-spezia/lavoro/proposte/{proposal.pk}/")
    field = page.get_by_label("Data e ora del colloquio")
    page.get_by_role("button", name="Colloquio").click()
    expect(page.locator(".invalid-feedback, .alert-danger").first).to_be_visible()
    expect(page.get_by_text("Indica data e ora del colloquio.").first).to_be_visible()
    axe(page, "interview date missing, phone")
    screenshot(page, "labour-interview-error-phone")
    field = page.get_by_label("Data e ora del colloquio")
    field.fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Colloquio").click()
    expect(page.get_by_text("Esito registrato.")).to_be_visible()
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.INTERVIEW
    assert proposal.interview_at == when
    expect(page.get_by_text("09:30").first).to_be_visible()
    axe(page, "interview recorded, phone")
    screenshot(page, "labour-interview-phone")
    browser_page.context.add_cookies(page.context.cookies())
    browser_page.goto(f"/la-spezia/lavoro/proposte/{proposal.pk}/")
    axe(browser_page, "interview recorded, desktop")
    screenshot(browser_page, "labour-interview-desktop")
    assert Proposal.objects.get(pk=proposal.pk).state == ProposalState.INTERVIEW
