"""The listening point's other pages in Chromium: the desk administrator's settings, portals and audit log,
and the citizen form on a phone with special-category data enabled. Zero axe violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from infolavoro.accounts.demo import ADMIN_EMAIL
from infolavoro.intake.models import Citizen, IntakeSettings, SpecialCategoryData
from tests_browser.conftest import axe, login, screenshot

pytestmark = pytest.mark.browser


def test_admin_configures_the_listening_point(browser_page, demo_desk):
    page = browser_page
    login(page, ADMIN_EMAIL)
    page.goto(f"/{demo_desk.slug}/sportello/portali/")
    expect(page.get_by_text("SIISL").first).to_be_visible()
    axe(page, "portals")
    page.goto(f"/{demo_desk.slug}/sportello/impostazioni/")
    page.get_by_label("Raccolta di dati particolari").check(force=True)
    page.get_by_label("Avvisa per le segnalazioni in attesa").fill("0")
    page.get_by_role("button", name="Salva").click()
    expect(page.locator(".invalid-feedback, .form-feedback, [role=alert]").first).to_be_visible()
    axe(page, "settings with an error")
    page.get_by_label("Avvisa per le segnalazioni in attesa").fill("7")
    page.get_by_role("button", name="Salva").click()
    settings = IntakeSettings.objects.get(desk=demo_desk)
    assert settings.referral_alert_days == 7
    assert settings.special_categories_enabled
    page.goto(f"/{demo_desk.slug}/sportello/registro-accessi/")
    axe(page, "empty audit log")


def test_citizen_form_on_a_phone_with_special_category_data(phone_page, demo_desk):
    IntakeSettings.objects.update_or_create(desk=demo_desk, defaults={"special_categories_enabled": True})
    page = phone_page
    login(page, "operatore.cpi1@infolavoro.example")
    page.goto(f"/{demo_desk.slug}/sportello/nuova-scheda/")
    page.locator("#id_first_name").fill("Luca")
    page.locator("#id_last_name").fill("Prova")
    page.get_by_label("E-mail").fill("non-una-email")
    page.locator("#id_special_notes").fill("Invalidità civile 60%")
    page.get_by_label("Ho consegnato l'informativa").check(force=True)
    page.get_by_role("button", name="Salva").click()
    assert page.locator("#id_special_notes").input_value() == "Invalidità civile 60%"  # nothing typed is lost
    assert page.locator("#id_email").input_value() == "non-una-email"
    axe(page, "citizen form with errors, phone")
    screenshot(page, "intake-citizen-form-phone")
    page.get_by_label("E-mail").fill("luca.prova@example.org")
    page.locator("#id_special_consent").check(force=True)
    page.get_by_role("button", name="Salva").click()
    page.get_by_label("Motivo").wait_for()
    citizen = Citizen.objects.get(email="luca.prova@example.org")
    assert SpecialCategoryData.objects.get(citizen=citizen).notes == "Invalidità civile 60%"
