"""Content entered by staff has an English version (django-modeltranslation): shown when the visitor chose
English, falling back to Italian; staff forms edit both; the open data and the brochure stay Italian; the English
search hint suggests queries that find something."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from infolavoro.booking.models import Reason
from infolavoro.desks.models import Closure, Desk
from infolavoro.intake.models import JobPortal
from infolavoro.network.forms import DirectorySearchForm, InstallationSearchForm
from infolavoro.network.models import Organization, Service, TaxonomyTerm
from infolavoro.network.selectors import directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db) -> Desk:
    call_command("seed_demo", stdout=io.StringIO())
    return Desk.objects.get(slug="la-spezia")


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_every_demo_text_staff_enter_has_its_english_version(demo):
    for desk in Desk.objects.all():
        assert desk.presentation_en
        assert desk.comune_denomination_en
    assert not Closure.objects.filter(reason_en__isnull=True).exists()
    assert not Reason.objects.filter(label_en__isnull=True).exists()
    assert not JobPortal.objects.filter(what_to_bring_en__isnull=True).exists()
    assert not JobPortal.objects.filter(checklist_en__isnull=True).exists()
    assert TaxonomyTerm.objects.count() == 26  # the 13 needs of each demo desk
    assert not TaxonomyTerm.objects.filter(name_en__isnull=True).exists()
    assert not TaxonomyTerm.objects.filter(description_en__isnull=True).exists()
    assert not Organization.objects.filter(description_en__isnull=True).exists()
    assert not Service.objects.filter(name_en__isnull=True).exists()
    assert not Service.objects.filter(description_en__isnull=True).exists()


def test_english_pages_show_english_content_and_italian_ones_italian(client, demo):
    italian = client.get(reverse("desks:home", args=[demo.slug])).content.decode()
    assert "punto di ascolto del Comune della Spezia" in italian
    assert "Comune della Spezia" in italian
    english(client)
    home = client.get(reverse("desks:home", args=[demo.slug])).content.decode()
    assert "InfoLavoro is the City of La Spezia&#x27;s listening point" in home
    assert "City of La Spezia" in home
    assert "Closed for the Christmas holidays" in home or "Chiusura per le festività" not in home
    network = client.get(reverse("network:index", args=[demo.slug])).content.decode()
    assert "Training centre for seafaring trades" in network
    assert "Centro di formazione per i mestieri del mare" not in network
    assert ">Training courses<" in network  # the need, in the topic filter
    service = Service.objects.get(slug="corso-di-aiuto-cuoco")
    page = client.get(reverse("network:service", args=[demo.slug, service.organization.slug, service.slug]))
    assert "Assistant cook course" in page.content.decode()
    # The thread went back to Italian after the request: nothing read or written later is in English.
    assert translation.get_language() == "it"
    assert Service.objects.get(pk=service.pk).name == "Corso di aiuto cuoco"


def test_english_falls_back_to_italian_when_there_is_no_translation(client, desk, organization):
    term = TaxonomyTerm.objects.create(desk=desk, code="solo-it", name="Solo in italiano")
    assert term.name_en is None
    with translation.override("en"):
        assert TaxonomyTerm.objects.get(pk=term.pk).name == "Solo in italiano"
        term.name_en = "English too"
        term.save()
        assert TaxonomyTerm.objects.get(pk=term.pk).name == "English too"
    assert TaxonomyTerm.objects.get(pk=term.pk).name == "Solo in italiano"


def test_booking_topics_in_english(client, demo):
    english(client)
    response = client.get(reverse("booking:start", args=[demo.slug]), follow=True)
    assert response.status_code == 200
    with translation.override("en"):
        labels = [r.label for r in Reason.objects.filter(desk=demo)]
    assert "CV and job interview" in labels
    assert "Curriculum vitae e colloquio di lavoro" not in labels


def test_hsds_api_and_brochure_stay_italian_for_an_english_visitor(client, demo):
    english(client)
    data = client.get("/api/hsds/organizations", {"desk": demo.slug, "per_page": 50}).json()
    descriptions = {o["id"]: o.get("description", "") for o in data["contents"]}
    academy = Organization.objects.get(slug="accademia-nautica-del-levante")
    assert descriptions[str(academy.pk)].startswith("Centro di formazione per i mestieri del mare")
    terms = client.get("/api/hsds/taxonomy_terms", {"desk": demo.slug, "per_page": 100}).json()
    names = {t["name"] for t in terms["contents"]}
    assert "Corsi di formazione" in names
    assert "Training courses" not in names
    from infolavoro.network import brochure

    # The brochure is rendered in Italian whatever the language active where it is built.
    with translation.override("en"):
        data = brochure.render_pdf(demo)
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages[:4])
    assert "Comune della Spezia" in text
    assert "Training courses" not in text


def test_staff_forms_edit_both_languages_italian_required(client, desk, desk_admin):
    client.force_login(desk_admin)
    url = reverse("desks:manage_closures", args=[desk.slug])
    page = client.get(url).content.decode()
    assert 'name="reason_it"' in page
    assert 'name="reason_en"' in page
    assert "(in inglese, facoltativo)" in page
    day = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    response = client.post(url, {"starts_on": day, "ends_on": day, "reason_it": "", "reason_en": "Closed"})
    assert response.status_code == 200  # Italian is required; what was typed stays
    assert 'value="Closed"' in response.content.decode()
    assert not Closure.objects.exists()
    client.post(url, {"starts_on": day, "ends_on": day, "reason_it": "Inventario", "reason_en": ""})
    closure = Closure.objects.get()
    assert (closure.reason_it, closure.reason_en) == ("Inventario", None)
    english(client)
    # an English page adding a closure still stores the Italian text as Italian
    client.post(url, {"starts_on": day, "ends_on": day, "reason_it": "Sciopero", "reason_en": "Strike"})
    strike = Closure.objects.get(reason_it="Sciopero")
    assert strike.reason_en == "Strike"


def test_english_search_hints_each_find_members(demo):
    for form in (DirectorySearchForm, InstallationSearchForm):
        with translation.override("en"):
            hint = str(form.base_fields["q"].help_text)
        assert hint.startswith("For example: ")
        queries = [q.strip() for q in re.split(r",", hint.removeprefix("For example: "))]
        assert len(queries) >= 3
        for query in queries:
            assert len(directory(demo, text=query)) > 0, query
