"""The Comune's name as it is written ("Comune della Spezia"), a greeting for everyone, languages named in their
own language, "su appuntamento" in lower case inside a sentence."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from infolavoro.desks.models import Desk, default_denomination
from infolavoro.network import brochure
from infolavoro.network.models import Service

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("comune", "expected"), [
    ("La Spezia", "Comune della Spezia"), ("Sarzana", "Comune di Sarzana"), ("L'Aquila", "Comune dell'Aquila"),
    ("Il Cairo Montenotte", "Comune del Cairo Montenotte"), ("Lo Sprone", "Comune dello Sprone"),
    ("Le Grazie", "Comune delle Grazie"), ("Gli Ulivi", "Comune degli Ulivi"), ("Lavagna", "Comune di Lavagna"),
])
def test_default_denomination_merges_di_with_the_article(comune, expected):
    with translation.override("it"):
        assert default_denomination(comune) == expected
    with translation.override("en"):
        assert default_denomination(comune) == f"Municipality of {comune}"


def test_header_accessibility_privacy_and_brochure_say_comune_della_spezia(client, desk):
    assert desk.comune_denomination == ""  # not set: composed from "La Spezia"
    pages = [client.get(reverse(name, args=[desk.slug])).content.decode()
             for name in ("desks:home", "desks:accessibility", "desks:privacy")]
    for page in pages:
        assert "Comune della Spezia" in page
        assert "Comune di La Spezia" not in page
    assert "Il Comune della Spezia si impegna" in pages[1]
    with translation.override("it"):
        html = render_to_string("network/brochure/brochure.html", brochure.context(desk))
    assert "Comune della Spezia" in html
    assert "Comune di La Spezia" not in html


def test_the_desk_sets_its_denomination_in_both_languages(client, desk):
    desk.comune_denomination_it = "Città della Spezia"
    desk.comune_denomination_en = "City of La Spezia"
    desk.save()
    assert "Città della Spezia" in client.get(reverse("desks:home", args=[desk.slug])).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("desks:home", args=[desk.slug])).content.decode()
    assert "City of La Spezia" in page
    assert "Municipality of La Spezia" not in page


def test_staff_are_greeted_without_a_gender(client, desk, operator):
    client.force_login(operator)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Buongiorno," in page
    assert "Benvenuto" not in page


def test_languages_are_named_in_their_own_language(client, desk):
    page = client.get(reverse("desks:home", args=[desk.slug])).content.decode()
    assert "– English</span>" in page
    assert "Inglese" not in page
    assert "Switch to" not in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("desks:home", args=[desk.slug])).content.decode()
    assert "– Italiano</span>" in page
    assert "Switch to Inglese" not in page
    assert "Italian</span>" not in page


def test_su_appuntamento_is_lower_case_in_the_demo_hours(client):
    call_command("seed_demo", stdout=io.StringIO())
    demo = Desk.objects.get(slug="la-spezia")
    service = Service.objects.get(slug="certificati-di-base-per-la-gente-di-mare")
    url = reverse("network:service", args=[demo.slug, service.organization.slug, service.slug])
    html = client.get(url).content.decode()
    assert "(su appuntamento)" in html
    assert "(Su appuntamento)" not in html
