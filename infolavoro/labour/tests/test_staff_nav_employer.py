"""An employer's contact gets the staff area's smallest menu: its vacancies and the proposals it received."""

import re

import pytest
from django.test import Client


@pytest.mark.django_db
def test_an_employer_contact_sees_only_labour(employer_contact, desk):
    client = Client()
    client.force_login(employer_contact)
    html = client.get(f"/{desk.slug}/lavoro/").content.decode()
    nav = html.split('id="staff-nav"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'data-section="(\w+)"', nav) == ["inizio", "lavoro"]
    assert 'aria-current="true" data-section="lavoro"' in nav
    assert "Le vostre offerte di lavoro" in html
