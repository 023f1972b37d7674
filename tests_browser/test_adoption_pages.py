"""Adopting InfoLavoro as its users would: the installation administrator creates Sarzana's desk on the guided
page, then loads its network from a spreadsheet with a mistake, reads the report, fixes it; desktop and phone,
zero axe violations, screenshots for people to look at."""

import pytest
from playwright.sync_api import expect

from infolavoro.accounts.models import User
from infolavoro.desks.models import Desk
from infolavoro.network.models import Organization
from tests_browser.conftest import axe, screenshot

pytestmark = pytest.mark.browser
PASSWORD = "Una-password-lunga-2026"


def login(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Accedi").click()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_create_a_desk_then_import_its_network(browser_page, phone_page, transactional_db, tmp_path, size):
    page = browser_page if size == "desktop" else phone_page
    User.objects.create_superuser(email="root@infolavoro.example", password=PASSWORD)
    login(page, "root@infolavoro.example")
    page.goto("/gestione/sportelli/nuovo/")
    axe(page, f"create desk ({size})")
    screenshot(page, f"adoption-create-desk-{size}")
    page.locator("#id_comune").fill("Atlantide")
    page.locator("#id_slug").fill("sarzana")
    page.locator("#id_address").fill("Piazza Matteotti 1")
    page.locator("#id_phone").fill("0187 614100")
    page.locator("#id_email").fill("infolavoro@comune-sarzana.example")
    page.locator("#id_hours").fill("lun 09:00-12:30\ngio 09:00-12:30")
    page.locator("#id_patron_saint").fill("Sant'Andrea")
    page.locator("#id_patron_day").fill("30/11")
    page.locator("#id_admin_first_name").fill("Anna")
    page.locator("#id_admin_last_name").fill("Neri")
    page.locator("#id_admin_email").fill("anna.neri@comune-sarzana.example")
    with page.expect_navigation():
        page.get_by_role("button", name="Crea lo sportello").click()
    expect(page.get_by_text("Non trovo il Comune")).to_be_visible()
    expect(page.locator("#id_address")).to_have_value("Piazza Matteotti 1")  # nothing lost
    axe(page, f"create desk with errors ({size})")
    screenshot(page, f"adoption-create-desk-errors-{size}")
    page.locator("#id_comune").fill("Sarzana")
    with page.expect_navigation():
        page.get_by_role("button", name="Crea lo sportello").click()
    desk = Desk.objects.get(slug="sarzana")
    assert desk.istat_code == "011027"
    expect(page.get_by_role("heading", name="Importa la rete da un file")).to_be_visible()

    sheet = tmp_path / "soggetti.csv"
    sheet.write_text("nome;tipo;telefono\nCooperativa La Cittadella;Associazione;0187 625577\n"
                     "Scuola Edile;Parrocchia;0187 1\n", encoding="cp1252")
    page.locator("#id_file").set_input_files(str(sheet))
    with page.expect_navigation():
        page.get_by_role("button", name="Importa", exact=True).click()
    expect(page.get_by_text("Importazione non eseguita")).to_be_visible()
    expect(page.get_by_role("cell", name="3", exact=True)).to_be_visible()
    assert not Organization.objects.filter(desk=desk).exists()
    axe(page, f"import report ({size})")
    screenshot(page, f"adoption-import-rejected-{size}")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0

    sheet.write_text("nome;tipo;telefono\nCooperativa La Cittadella;Associazione;0187 625577\n"
                     "Scuola Edile;Ente di formazione;0187 603340\n", encoding="cp1252")
    page.locator("#id_file").set_input_files(str(sheet))
    with page.expect_navigation():
        page.get_by_role("button", name="Importa", exact=True).click()
    expect(page.get_by_text("Importazione completata.")).to_be_visible()
    assert Organization.objects.filter(desk=desk).count() == 2
    axe(page, f"import done ({size})")
    screenshot(page, f"adoption-import-done-{size}")


def test_the_second_demo_desk_as_a_citizen_sees_it(browser_page, phone_page, demo_desk):
    """Sarzana's pages show its own hours, patron saint, network and nothing of La Spezia's."""
    for size, page in (("desktop", browser_page), ("phone", phone_page)):
        page.goto("/sarzana/")
        expect(page.get_by_text("Piazza Matteotti 1").first).to_be_visible()
        axe(page, f"Sarzana home ({size})")
        screenshot(page, f"sarzana-home-{size}")
        page.goto("/sarzana/contatti/")
        axe(page, f"Sarzana contacts ({size})")
        screenshot(page, f"sarzana-contacts-{size}")
        page.goto("/sarzana/rete/")
        expect(page.get_by_role("heading", name="8 soggetti")).to_be_visible()
        assert "Centro per l'Impiego della Spezia" not in page.content()
        axe(page, f"Sarzana network ({size})")
        screenshot(page, f"sarzana-network-{size}")
