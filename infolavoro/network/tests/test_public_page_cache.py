"""The public directory pages are cached until an edit: every editing path (a member's editor, a desk
administrator, the import, the synonyms) shows at once on the cached pages in both languages; logged-in visitors
never get a cached page; the version changes in the edit's transaction (a rolled-back edit changes nothing);
a cached page carries each visitor's own CSRF token."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.contrib import messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from infolavoro.desks.models import Desk
from infolavoro.network import services
from infolavoro.network.models import Organization, Service

pytestmark = pytest.mark.django_db


def visitor(language: str = "it", **extra) -> Client:
    client = Client(**extra)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def page(url: str, language: str = "it") -> str:
    response = visitor(language).get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def service(organization):
    return Service.objects.create(organization=organization, name_it="Orientamento al lavoro",
                                  name_en="Job guidance", slug="orientamento", description_it="Colloqui individuali.",
                                  description_en="One-to-one meetings.")


def org_url(organization) -> str:
    return reverse("network:organization", args=[organization.desk.slug, organization.slug])


def service_url(service) -> str:
    return reverse("network:service", args=[service.organization.desk.slug, service.organization.slug, service.slug])


def test_a_second_visit_is_served_from_the_cache(organization, service, django_assert_num_queries):
    url = org_url(organization)
    first = page(url)
    with django_assert_num_queries(1):  # the desk (its version); the page itself from the cache
        second = visitor().get(url).content.decode()
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
    assert strip.sub("", first) == strip.sub("", second)
    assert "Orientamento al lavoro" in second


def test_member_editor_edit_shows_at_once_in_both_languages(client, organization, service, member_editor):
    urls = [org_url(organization), service_url(service)]
    for url in urls:
        assert "Colloqui individuali." in page(url, "it")
        assert "One-to-one meetings." in page(url, "en")
    client.force_login(member_editor)
    edit = reverse("network_manage:edit", args=["la-spezia", organization.slug, "servizi", service.pk])
    response = client.post(edit, {"name_it": "Orientamento al lavoro", "name_en": "Job guidance",
                                  "description_it": "Colloqui su appuntamento.",
                                  "description_en": "Meetings by appointment.", "cost": "Gratuito",
                                  "is_active": "on"})
    assert response.status_code == 302
    for url in urls:
        italian, english = page(url, "it"), page(url, "en")
        assert "Colloqui su appuntamento." in italian
        assert "Colloqui individuali." not in italian
        assert "Meetings by appointment." in english
        assert "One-to-one meetings." not in english


def test_administrator_edit_and_suspension_show_at_once(client, organization, service, desk_admin):
    index = reverse("network:index", args=["la-spezia"])
    assert "Ente Formazione Golfo" in page(index)
    assert "Ente Formazione Golfo" in page(index, "en")
    client.force_login(desk_admin)
    response = client.post(reverse("network_manage:organization", args=["la-spezia", organization.slug]), {
        "name": "Ente Formazione del Golfo", "description_it": "Corsi per adulti.",
        "description_en": "Courses for adults.", "email": "", "phone": "", "website": ""})
    assert response.status_code == 302
    assert "Ente Formazione del Golfo" in page(index)
    assert "Corsi per adulti." in page(org_url(organization))
    assert "Courses for adults." in page(org_url(organization), "en")
    suspended = client.post(reverse("network_manage:suspend", args=["la-spezia", organization.slug]), {"suspend": "1"})
    assert suspended.status_code == 302, suspended.status_code
    organization.refresh_from_db()
    assert not organization.is_active
    assert "Ente Formazione del Golfo" not in page(index)
    assert "Ente Formazione del Golfo" not in page(index, "en")
    assert visitor().get(org_url(organization)).status_code == 404


def test_an_import_shows_at_once_on_the_cached_index(client, desk, desk_admin, organization):
    index = reverse("network:index", args=["la-spezia"])
    assert "Cooperativa Il Ponte" not in page(index)
    assert "Cooperativa Il Ponte" not in page(index, "en")
    client.force_login(desk_admin)
    upload = SimpleUploadedFile("soggetti.csv", b"nome,tipo\nCooperativa Il Ponte,Associazione\n")
    response = client.post(reverse("network_manage:import", args=["la-spezia"]), {"file": upload})
    assert response.status_code == 200
    assert "Cooperativa Il Ponte" in page(index)
    assert "Cooperativa Il Ponte" in page(index, "en")


def test_synonyms_change_the_cached_search_results(client, organization, service, desk_admin):
    search = reverse("network:index", args=["la-spezia"]) + "?q=mentoring"
    assert "Ente Formazione Golfo" not in page(search)
    assert "Ente Formazione Golfo" not in page(search, "en")
    client.force_login(desk_admin)
    response = client.post(reverse("network_manage:synonyms", args=["la-spezia"]),
                           {"lines": "mentoring = orientamento\n"})
    assert response.status_code == 302
    assert "Ente Formazione Golfo" in page(search)
    assert "Ente Formazione Golfo" in page(search, "en")
    # The same search typed differently (spaces) is the same cached page.
    assert "Ente Formazione Golfo" in page(search.replace("mentoring", "+mentoring+"))


def test_confirming_everything_in_bulk_shows_at_once(client, desk, organization, service, member_editor):
    """"The data are up to date" updates the member and all its services in bulk (no per-row save)."""
    old = timezone.now() - dt.timedelta(days=desk.stale_after_days + 1)
    Organization.objects.filter(pk=organization.pk).update(last_reviewed_at=old)
    Service.objects.filter(pk=service.pk).update(last_reviewed_at=old)
    urls = [org_url(organization), service_url(service)]
    for url in urls:
        assert "Informazioni da verificare" in page(url)
        assert "Information to be verified" in page(url, "en")
    client.force_login(member_editor)
    response = client.post(reverse("network_manage:confirm", args=["la-spezia", organization.slug]))
    assert response.status_code == 302
    for url in urls:
        assert "Informazioni da verificare" not in page(url)
        assert "Information to be verified" not in page(url, "en")


def test_logged_in_visitors_get_no_cached_page_and_leave_none(client, organization, service, member_editor):
    url = org_url(organization)
    assert "Accedi" in page(url)
    client.force_login(member_editor)
    own = client.get(url).content.decode()
    assert "Area riservata" in own
    assert "Accedi" not in own
    client.logout()
    client.force_login(member_editor)
    client.get(org_url(organization))
    anonymous = page(url)
    assert "Area riservata" not in anonymous


def test_each_visitor_gets_an_own_working_csrf_token(organization, service):
    url = org_url(organization)
    page(url)  # cached
    tokens = []
    for _ in range(2):
        client = visitor(enforce_csrf_checks=True)
        body = client.get(url).content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        assert "@@" not in token
        assert f'name="next" type="hidden" value="{url}"' in body
        tokens.append(token)
        switched = client.post(reverse("set_language"), {"language": "en", "next": url,
                                                          "csrfmiddlewaretoken": token})
        assert switched.status_code == 302  # the token of the cached page is accepted
    assert tokens[0] != tokens[1]


class Undo(Exception):
    pass


def edit_then_fail(organization, actor, seen: list) -> None:
    with transaction.atomic():
        services.update_organization(organization, {"name": "Nome annullato"}, actor)
        seen.append(Desk.objects.get(pk=organization.desk_id).public_version)
        raise Undo


def test_the_version_changes_in_the_edits_transaction(organization, desk_admin):
    desk_id = organization.desk_id
    before = Desk.objects.get(pk=desk_id).public_version
    seen = []
    with pytest.raises(Undo):
        edit_then_fail(organization, desk_admin, seen)
    assert seen[0] != before  # changed with the data...
    assert Desk.objects.get(pk=desk_id).public_version == before  # ...and rolled back with it
    organization.refresh_from_db()
    with transaction.atomic():
        with pytest.raises(Undo):  # a savepoint rolled back inside a transaction
            edit_then_fail(organization, desk_admin, seen)
        organization.refresh_from_db()
        services.update_organization(organization, {"name": "Nome nuovo"}, desk_admin)
    assert Desk.objects.get(pk=desk_id).public_version not in (before, seen[1])  # the second edit bumped again


def test_a_desk_saved_from_a_stale_copy_gets_a_new_version(desk, organization, desk_admin):
    stale = Desk.objects.get(pk=desk.pk)
    services.update_organization(organization, {"name": "Ente rinominato"}, desk_admin)
    edited = Desk.objects.get(pk=desk.pk).public_version
    stale.phone = "0187 000000"
    stale.save()
    assert Desk.objects.get(pk=desk.pk).public_version not in (edited, stale.public_version)


def test_a_page_with_a_message_is_neither_served_from_nor_stored_in_the_cache(organization, service, rf):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.signed_cookies import SessionStore

    from infolavoro.desks.public_cache import _cacheable

    request = rf.get(org_url(organization))
    request.desk, request.user, request.session = organization.desk, AnonymousUser(), SessionStore()
    request._messages = FallbackStorage(request)
    assert _cacheable(request)
    messages.info(request, "Prenotazione annullata.")
    assert not _cacheable(request)
    assert [str(m) for m in request._messages] == ["Prenotazione annullata."]  # still shown by the page
