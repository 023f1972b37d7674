"""The English version as a visitor sees it: the desk's presentation, the needs, the members and services in
English, the Comune named as it names itself; staff forms with the English fields; zero axe violations, at
desktop and phone width. Screenshots go to test-artifacts/ for people to look at."""

import pytest

from tests_browser.conftest import axe, screenshot

pytestmark = pytest.mark.browser


def to_english(page) -> None:
    page.goto("/la-spezia/")
    screenshot(page, f"home-it-{page.viewport_size['width']}")
    with page.expect_navigation():
        page.locator("button.lang-switch[value=en]").click()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_english_pages_show_english_content(browser_page, phone_page, demo_desk, size):
    page = browser_page if size == "desktop" else phone_page
    page.goto("/la-spezia/")
    assert page.locator(".it-header-slim-wrapper .navbar-brand").inner_text() == "Comune della Spezia"
    to_english(page)
    assert page.locator(".it-header-slim-wrapper .navbar-brand").inner_text() == "City of La Spezia"
    assert page.get_by_text("InfoLavoro is the City of La Spezia's listening point").is_visible()
    axe(page, "home en")
    screenshot(page, f"home-en-{size}")
    page.goto("/la-spezia/rete/")
    assert page.get_by_text("Training centre for seafaring trades").first.is_visible()
    assert page.locator("#id_tema option", has_text="Training courses").count() == 1
    axe(page, "network en")
    screenshot(page, f"network-en-{size}")
    page.goto("/la-spezia/rete/?q=apprenticeship")
    assert page.locator(".card").count() > 0
    page.goto("/la-spezia/rete/temi/")
    assert page.get_by_text("Italian language courses").first.is_visible()
    axe(page, "topics en")
    screenshot(page, f"topics-en-{size}")
    page.goto("/la-spezia/rete/formazione-servizi-riviera/servizi/corso-di-aiuto-cuoco/")
    assert page.get_by_role("heading", name="Assistant cook course").is_visible()
    axe(page, "service en")
    screenshot(page, f"service-en-{size}")
    page.goto("/la-spezia/accessibilita/")
    assert page.get_by_text("The City of La Spezia is committed").is_visible()
    axe(page, "accessibility en")


def test_staff_closure_form_has_italian_and_english(browser_page, demo_desk):
    from infolavoro.accounts.demo import DEMO_PASSWORD

    page = browser_page
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill("amministrazione@infolavoro.example")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Accedi").click()
    page.goto("/la-spezia/gestione/chiusure/")
    assert page.locator("label[for=id_reason_it]").inner_text().startswith("Motivo *")
    assert page.get_by_label("Motivo (in inglese, facoltativo)").is_visible()
    axe(page, "closures")
    screenshot(page, "closures-it-desktop")
    page.goto("/la-spezia/gestione/rete/temi/")
    axe(page, "terms")
    screenshot(page, "terms-it-desktop")


# What a service page says about who it is for, requirements, cost, how to access it, its hours and its premises.
FIELDS = "main dl dd, main .col-lg-4 li, main p.lead"


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_english_service_page_has_no_unmarked_italian(browser_page, phone_page, demo_desk, size):
    page = browser_page if size == "desktop" else phone_page
    to_english(page)
    page.goto("/la-spezia/rete/formazione-servizi-riviera/servizi/corso-di-aiuto-cuoco/")
    assert page.locator("html").get_attribute("lang") == "en"
    for label, text in (("Who it is for", "Unemployed adults."), ("Eligibility", "Aged 18 or over; unemployed."),
                        ("Cost", "Free")):
        assert page.locator("dt", has_text=label).first.is_visible(), label
        assert page.locator("dd", has_text=text).first.is_visible(), text
    assert page.get_by_text("by appointment").first.is_visible()
    assert page.get_by_text("Lift to the first floor").first.is_visible()
    # Nothing in these fields is Italian: the demo has every text in English, so nothing needs marking either.
    texts = page.locator(FIELDS).all_inner_texts()
    assert texts
    for italian in ("Disoccupati", "Maggiore età", "Gratuito", "su appuntamento", "Ascensore", "Presso la sede"):
        assert not any(italian in text for text in texts), italian
    assert page.locator("main [lang=it]").count() == 0
    axe(page, "service en, translated fields")
    screenshot(page, f"service-fields-en-{page.viewport_size['width']}")


def test_english_page_marks_an_untranslated_text_italian(browser_page, demo_desk):
    from infolavoro.network.models import Service

    service = Service.objects.get(slug="corso-di-aiuto-cuoco")
    Service.objects.filter(pk=service.pk).update(audience_en=None, eligibility_en=None)
    page = browser_page
    to_english(page)
    page.goto("/la-spezia/rete/formazione-servizi-riviera/servizi/corso-di-aiuto-cuoco/")
    marked = page.locator("main dd > span[lang=it]")
    assert marked.all_inner_texts() == ["Disoccupati maggiorenni.", "Maggiore età; stato di disoccupazione."]
    # Every Italian text left in the fields is inside an element that says it is Italian.
    unmarked = page.evaluate("""(selector) => [...document.querySelectorAll(selector)]
        .filter(el => el.textContent.match(/Disoccupati|Maggiore età/) && !el.closest('[lang=it]'))
        .filter(el => ![...el.children].some(c => c.getAttribute('lang') === 'it')).length""", FIELDS)
    assert unmarked == 0
    axe(page, "service en, untranslated fields")
    screenshot(page, "service-fields-untranslated-en-1280")


def test_staff_service_form_has_each_text_in_italian_and_english(browser_page, demo_desk):
    from infolavoro.network.models import Service
    from tests_browser.conftest import login

    service = Service.objects.select_related("organization").get(slug="corso-di-aiuto-cuoco")
    page = browser_page
    login(page, "amministrazione@infolavoro.example")
    page.goto(f"/la-spezia/gestione/rete/{service.organization.slug}/servizi/{service.pk}/")
    english = page.get_by_label("A chi si rivolge (in inglese, facoltativo)")
    assert english.input_value() == "Unemployed adults."
    assert english.get_attribute("lang") == "en"
    assert page.get_by_label("A chi si rivolge", exact=True).get_attribute("lang") == "it"
    assert page.get_by_label("Costo (in inglese, facoltativo)").input_value() == "Free"
    axe(page, "service form")
    screenshot(page, "service-form-it-1280")
