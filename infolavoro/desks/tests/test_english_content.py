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
from infolavoro.network.models import Location, Organization, Schedule, Service, TaxonomyTerm
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
    # Who a service is for, its requirements, cost and how to access it, the premises' accessibility and directions,
    # the notes on hours: every demo text written in Italian has its English version.
    for model, fields in ((Service, ("audience", "eligibility", "cost", "how_to_access")),
                          (Location, ("accessibility", "transportation")), (Schedule, ("description", "notes"))):
        for name in fields:
            untranslated = model.objects.filter(**{f"{name}_it__gt": "", f"{name}_en": None})
            assert not untranslated.exists(), (model.__name__, name, list(untranslated.values_list(f"{name}_it")))
    assert Service.objects.exclude(audience_it="").count() > 80
    assert Location.objects.exclude(accessibility_it="").count() > 30


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


def test_english_service_page_shows_audience_requirements_cost_access_hours_in_english(client, demo):
    service = Service.objects.select_related("organization").get(slug="corso-di-aiuto-cuoco")
    url = reverse("network:service", args=[demo.slug, service.organization.slug, service.slug])
    italian = client.get(url).content.decode()
    assert "<dd>Disoccupati maggiorenni.</dd>" in italian
    assert 'lang="it"' not in italian.split("<main", 1)[-1]  # Italian pages need no marking
    english(client)
    page = client.get(url).content.decode()
    for text in ("<dd>Unemployed adults.</dd>", "<dd>Aged 18 or over; unemployed.</dd>", "<dd>Free</dd>",
                 "At the office, by appointment: call in the afternoon or write to info@fsriviera.example.",
                 "(by appointment)", "Lift to the first floor; reserved parking spaces in front of the entrance."):
        assert text in page, text
    for text in ("Disoccupati maggiorenni", "Maggiore età", "Gratuito", "su appuntamento", "Ascensore fino"):
        assert text not in page, text
    assert 'lang="it"' not in page.split("<main", 1)[-1]  # everything in these fields is translated
    member = client.get(reverse("network:organization", args=[demo.slug, service.organization.slug]))
    assert "Lift to the first floor" in member.content.decode()
    assert "Ascensore" not in member.content.decode()


def test_an_untranslated_text_on_an_english_page_is_marked_italian_and_escaped(client, desk, organization):
    service = Service.objects.create(organization=organization, name="Sportello <b>prova</b>", slug="prova",
                                     description="Descrizione", audience="Giovani & adulti", cost="")
    service.name_en = "Trial desk"
    service.save()
    location = Location.objects.create(organization=organization, name="Sede", address_1="Via Roma 1",
                                       city="La Spezia", accessibility="Rampa all'ingresso")
    service.locations.add(location)
    Schedule.objects.create(service=service, byday="MO", opens_at=dt.time(9), closes_at=dt.time(12),
                            description="solo il mattino")
    url = reverse("network:service", args=[desk.slug, organization.slug, service.slug])
    english(client)
    page = client.get(url).content.decode()
    assert "<h1>Trial desk</h1>" in page
    assert '<p class="lead"><span lang="it">Descrizione</span></p>' in page
    assert '<dd><span lang="it">Giovani &amp; adulti</span></dd>' in page
    assert '(<span lang="it">solo il mattino</span>)' in page
    assert '<span lang="it">Rampa all&#x27;ingresso</span>' in page
    assert "<dd><span lang=\"it\">Presso la sede del soggetto, su appuntamento.</span></dd>" in page
    assert "<dt>Cost</dt>" not in page  # an empty field is not shown
    member = client.get(reverse("network:organization", args=[desk.slug, organization.slug])).content.decode()
    assert '<p><span lang="it">Descrizione</span></p>' in member
    assert ">Trial desk</a>" in member
    # Italian pages show the same texts unmarked.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "it"
    italian = client.get(url).content.decode()
    assert "<dd>Giovani &amp; adulti</dd>" in italian
    assert "<h1>Sportello &lt;b&gt;prova&lt;/b&gt;</h1>" in italian


def test_member_forms_save_services_premises_and_hours_in_both_languages(client, desk, organization,
                                                                         member_editor):
    client.force_login(member_editor)
    new = reverse("network_manage:new", args=[desk.slug, organization.slug, "servizi"])
    form = client.get(new).content.decode()
    assert 'name="how_to_access_en"' in form
    assert re.search(r'<textarea[^>]*name="audience_en"[^>]*lang="en"|<textarea[^>]*lang="en"[^>]*name="audience_en"',
                     form)
    assert "A chi si rivolge (in inglese, facoltativo)" in form
    response = client.post(new, {
        "name_it": "Orientamento", "name_en": "Guidance", "description_it": "Colloqui", "description_en": "Interviews",
        "audience_it": "Giovani", "audience_en": "Young people", "eligibility_it": "Nessuno", "eligibility_en": "",
        "cost_it": "Gratuito", "cost_en": "Free", "how_to_access_it": "Telefona", "how_to_access_en": "Call us",
        "is_active": "on"})
    assert response.status_code == 302
    service = Service.objects.get(slug="orientamento")
    assert (service.audience_it, service.audience_en, service.eligibility_en, service.cost_en,
            service.how_to_access_en) == ("Giovani", "Young people", None, "Free", "Call us")
    response = client.post(reverse("network_manage:new", args=[desk.slug, organization.slug, "sedi"]), {
        "name": "Sede", "address_1": "Via Roma 1", "city": "La Spezia", "accessibility_it": "Ascensore",
        "accessibility_en": "Lift", "transportation_it": "Autobus 1", "transportation_en": "Bus 1"})
    assert response.status_code == 302
    location = Location.objects.get(organization=organization)
    assert (location.accessibility_it, location.accessibility_en, location.transportation_en) == (
        "Ascensore", "Lift", "Bus 1")
    response = client.post(reverse("network_manage:new", args=[desk.slug, organization.slug, "orari"]), {
        "service": service.pk, "days": ["MO"], "opens_at": "09:00", "closes_at": "12:00",
        "description_it": "su appuntamento", "description_en": "by appointment", "notes_it": "Chiuso ad agosto",
        "notes_en": "Closed in August"})
    assert response.status_code == 302
    schedule = Schedule.objects.get(service=service)
    assert (schedule.description_it, schedule.description_en, schedule.notes_it, schedule.notes_en) == (
        "su appuntamento", "by appointment", "Chiuso ad agosto", "Closed in August")
    english(client)
    page = client.get(reverse("network:service", args=[desk.slug, organization.slug, service.slug])).content.decode()
    for text in ("<dd>Young people</dd>", "<dd>Free</dd>", "<dd>Call us</dd>", "(by appointment)",
                 "Closed in August", "Lift", "Bus 1"):
        assert text in page, text
    assert '<dd><span lang="it">Nessuno</span></dd>' in page
