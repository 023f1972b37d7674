"""The staff area's own navigation: one menu by role, the current section and page marked, on every staff page."""

import re

import pytest
from django.test import Client
from django.utils import translation

from infolavoro.booking.models import Calendar
from infolavoro.network.models import Service


def menu_of(client: Client, path: str) -> tuple[str, list[str], str]:
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    nav = html.split('id="staff-nav"', 1)[1].split("</nav>", 1)[0]
    sections = re.findall(r'data-section="(\w+)"', nav)
    return html, sections, nav


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_an_operator_gets_the_desks_sections_and_not_the_administrators(operator, desk):
    html, sections, nav = menu_of(login(operator), f"/{desk.slug}/sportello/")
    assert sections == ["inizio", "agenda", "persone", "segnalazioni", "lavoro"]
    # The public menu is gone; the current section is marked, and in the sidebar the current page.
    assert 'id="main-nav"' not in html
    assert re.search(r'aria-current="true" data-section="persone"', nav)
    sidebar = html.split("staff-sidebar", 1)[1].split("</nav>", 1)[0]
    assert re.search(rf'href="/{desk.slug}/sportello/" aria-current="page"', sidebar)
    assert "Nuova scheda" in sidebar
    assert "Registro accessi" not in sidebar  # administrators only
    assert "operatore@example.org" in html  # the user's name (here the e-mail: no name given)
    assert 'action="/accounts/logout/"' in html


@pytest.mark.django_db
def test_an_administrator_gets_network_monitoring_and_settings(desk_admin, desk):
    html, sections, nav = menu_of(login(desk_admin), f"/{desk.slug}/gestione/orari/")
    assert sections == ["inizio", "agenda", "persone", "segnalazioni", "rete", "lavoro", "monitoraggio",
                        "impostazioni"]
    assert 'aria-current="true" data-section="impostazioni"' in nav
    sidebar = html.split("staff-sidebar", 1)[1].split("</nav>", 1)[0]
    for label in ("Orari di apertura", "Chiusure", "Personale", "Calendari", "Importa la rete"):
        assert label in sidebar
    assert "Nuovo sportello" not in sidebar  # the installation's administrators (superusers) only


@pytest.mark.django_db
def test_a_page_inside_a_section_marks_its_section(desk_admin, desk):
    # The network import lives under settings, although its URL is under the network's management.
    _, _, nav = menu_of(login(desk_admin), f"/{desk.slug}/gestione/rete/importa/")
    assert 'aria-current="true" data-section="impostazioni"' in nav
    _, _, nav = menu_of(login(desk_admin), f"/{desk.slug}/gestione/rete/revisione/")
    assert 'aria-current="true" data-section="rete"' in nav


@pytest.mark.django_db
def test_a_monitoring_viewer_sees_only_monitoring(monitoring_viewer, desk):
    html, sections, nav = menu_of(login(monitoring_viewer), "/monitoraggio/")
    assert sections == ["inizio", "monitoraggio"]
    assert 'aria-current="true" data-section="monitoraggio"' in nav
    assert f'href="/monitoraggio/?desk={desk.slug}"' in nav


@pytest.mark.django_db
def test_a_member_editor_gets_its_own_smaller_menu(member_editor, organization, desk):
    _, sections, nav = menu_of(login(member_editor), "/accounts/")
    assert sections == ["inizio", "segnalazioni", "rete"]  # no calendar at its premises: no agenda
    assert f'href="/{desk.slug}/segnalazioni/ricevute/"' in nav
    assert "Il vostro soggetto" in nav
    service = Service.objects.create(organization=organization, name="Orientamento", slug="orientamento")
    Calendar.objects.create(desk=desk, service=service, name="Orientamento")
    _, sections, _ = menu_of(login(member_editor), "/accounts/")
    assert sections == ["inizio", "agenda", "segnalazioni", "rete"]


@pytest.mark.django_db
def test_the_menu_costs_a_fixed_number_of_queries(desk_admin, desk, django_assert_max_num_queries):
    client = login(desk_admin)
    client.get(f"/{desk.slug}/gestione/orari/")
    # Session, user, desk, the user's grants (one query, shared with the view's permission checks), the hours:
    # the whole menu costs no query of its own.
    with django_assert_max_num_queries(5):
        client.get(f"/{desk.slug}/gestione/orari/")


@pytest.mark.django_db
def test_the_menu_speaks_english_when_chosen(operator, desk):
    client = login(operator)
    # The language middleware activates English in this thread: restore the language for the tests that follow.
    with translation.override(translation.get_language()):
        client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/"})
        html, sections, nav = menu_of(client, f"/{desk.slug}/sportello/")
    assert ">People<" in nav
    assert ">Referrals<" in nav
    assert "Log out" in html
