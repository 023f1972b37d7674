"""The explicit consent to special-category data on the intake form, in Chromium: the box appears as soon as
«Disabilità e inclusione lavorativa» is ticked, the record is refused without it (nothing typed lost) and saved
with it. Zero axe violations; screenshots at desktop and 390 px width."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from infolavoro.accounts.demo import ADMIN_EMAIL
from infolavoro.intake.models import Citizen
from tests_browser.conftest import axe, login, screenshot

pytestmark = pytest.mark.browser

OPERATOR = "operatore.cpi1@infolavoro.example"


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_consent_box_appears_with_a_special_need_and_is_required(browser_page, phone_page, demo_desk, size):
    page = browser_page if size == "desktop" else phone_page
    login(page, OPERATOR)
    page.goto(f"/{demo_desk.slug}/sportello/nuova-scheda/")
    consent_box = page.locator("#special-consent")
    expect(consent_box).to_be_hidden()
    axe(page, f"new record ({size})")
    page.locator("#id_first_name").fill("Carla")
    page.locator("#id_last_name").fill("Prova")
    page.get_by_label("E-mail").fill(f"carla.{size}@example.org")
    page.get_by_label("Disabilità e inclusione lavorativa").check(force=True)
    expect(consent_box).to_be_visible()
    page.get_by_label("Ho consegnato l'informativa").check(force=True)
    page.get_by_role("button", name="Salva").click()
    expect(page.get_by_text("serve il consenso esplicito della persona").first).to_be_visible()
    expect(page.get_by_label("Disabilità e inclusione lavorativa")).to_be_checked()  # nothing typed is lost
    assert page.locator("#id_last_name").input_value() == "Prova"
    assert not Citizen.objects.filter(email=f"carla.{size}@example.org").exists()
    axe(page, f"new record, consent missing ({size})")
    screenshot(page, f"special-consent-error-{size}")
    page.get_by_label("Ho consegnato l'informativa").check(force=True)
    page.locator("#id_special_consent").check(force=True)
    page.get_by_role("button", name="Salva").click()
    page.get_by_label("Motivo").wait_for()
    citizen = Citizen.objects.get(email=f"carla.{size}@example.org")
    assert citizen.special_consent_at is not None
    assert [t.name for t in citizen.interests.all()] == ["Disabilità e inclusione lavorativa"]
    # The consultation form does not ask again, and starts from the need on the record.
    expect(page.locator("#id_special_consent")).to_have_count(0)
    expect(page.get_by_role("group", name="Bisogni rilevati").get_by_label("Disabilità e inclusione lavorativa")
           ).to_be_checked()
    # The record shows the consent: when, who recorded it, what it covers.
    page.goto(f"/{demo_desk.slug}/sportello/schede/{citizen.pk}/")
    expect(page.get_by_text("Consenso esplicito ai dati particolari dato il")).to_be_visible()
    axe(page, f"record with the consent ({size})")
    screenshot(page, f"special-consent-record-{size}")


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_administrator_sees_the_special_category_flag_on_the_needs_page(browser_page, phone_page, demo_desk, size):
    page = browser_page if size == "desktop" else phone_page
    login(page, ADMIN_EMAIL)
    page.goto(f"/{demo_desk.slug}/gestione/rete/temi/")
    flags = page.get_by_label("Dato particolare (salute, disabilità)")
    expect(flags.first).to_be_visible()
    assert sum(flags.nth(i).is_checked() for i in range(flags.count())) == 1
    axe(page, f"needs page ({size})")
    screenshot(page, f"needs-page-{size}")
