"""A member's logo on its page (desktop and phone, never wider than the screen) and the brochure's "being
prepared" page when none is built yet: loaded, zero axe violations, screenshots to look at."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from infolavoro.network import services
from infolavoro.network.models import Organization
from tests_browser.conftest import axe, screenshot

pytestmark = pytest.mark.browser


def wide_logo() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (900, 240), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 240, 240), fill="#0066cc")
    draw.text((280, 100), "ENTE FORMAZIONE", fill="#003366")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def member_with_logo(demo_desk, settings, tmp_path):
    from infolavoro.accounts.models import User

    settings.MEDIA_ROOT = tmp_path
    org = Organization.objects.filter(desk=demo_desk).order_by("name").first()
    admin = User.objects.filter(role_assignments__role="desk_admin", role_assignments__desk=demo_desk).first()
    services.update_organization(org, {"logo": SimpleUploadedFile("logo.pdf", wide_logo())}, admin)
    return org


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_members_page_shows_its_logo(request, member_with_logo, size):
    page = request.getfixturevalue("browser_page" if size == "desktop" else "phone_page")
    page.goto(f"/la-spezia/rete/{member_with_logo.slug}/")
    logo = page.get_by_role("img", name=f"Logo di {member_with_logo.name}")
    expect(logo).to_be_visible()
    assert logo.evaluate("img => img.complete && img.naturalWidth === 900")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    axe(page, f"member page with logo ({size})")
    screenshot(page, f"network-member-logo-{size}")


def test_brochure_being_prepared(browser_page, demo_desk, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = browser_page.goto("/la-spezia/rete/opuscolo.pdf")
    assert response.status == 503
    expect(browser_page.get_by_role("heading", name="L'opuscolo è in preparazione")).to_be_visible()
    axe(browser_page, "brochure being prepared")
    screenshot(browser_page, "network-brochure-pending")


def test_the_edit_page_shows_the_current_logo_and_removes_it(browser_page, member_with_logo):
    from infolavoro.accounts.demo import ADMIN_EMAIL
    from tests_browser.test_network_member_edit import login

    page = browser_page
    login(page, ADMIN_EMAIL)
    page.goto(f"/la-spezia/gestione/rete/{member_with_logo.slug}/")
    expect(page.get_by_role("img", name=f"Logo di {member_with_logo.name}")).to_be_visible()
    axe(page, "member edit page with logo")
    screenshot(page, "network-manage-logo")
    page.locator("label[for=id_remove_logo]").click()  # as a person does: Bootstrap Italia draws the box on the label
    expect(page.get_by_label("Togli il logo")).to_be_checked()
    with page.expect_navigation():
        page.get_by_role("button", name="Salva il profilo").click()
    expect(page.get_by_text("Profilo aggiornato")).to_be_visible()
    assert page.get_by_role("img", name=f"Logo di {member_with_logo.name}").count() == 0
    member_with_logo.refresh_from_db()
    assert not member_with_logo.logo
