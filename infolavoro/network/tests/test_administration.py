"""Desk administrators add members, invite their editors (one-time link), suspend them, manage the needs."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from infolavoro.accounts.models import Role, RoleAssignment, User
from infolavoro.network.models import Organization, Service, TaxonomyTerm
from infolavoro.notifications.services import deliver_pending

pytestmark = pytest.mark.django_db


def test_admin_adds_a_member_and_invites_its_editor_who_sets_a_password(client, desk, desk_admin):
    client.force_login(desk_admin)
    response = client.post(reverse("network_manage:index", args=["la-spezia"]),
                           {"name": "Nuova Cooperativa Sociale", "kind": "association", "email": ""})
    org = Organization.objects.get(name="Nuova Cooperativa Sociale")
    assert response["Location"].endswith(f"/gestione/rete/{org.slug}/")
    client.post(reverse("network_manage:invite", args=["la-spezia", org.slug]),
                {"email": "Redazione@Coop.example", "first_name": "Rita", "last_name": "Neri"})
    editor = User.objects.get(email="redazione@coop.example")
    assert RoleAssignment.objects.filter(user=editor, role=Role.MEMBER_EDITOR, organization=org).exists()
    deliver_pending()
    link = re.search(r"http://\S+/accounts/password/\S+/", mail.outbox[-1].body).group(0)
    assert "/accounts/password/" in link


def test_suspended_member_disappears_and_its_editors_lose_access(client, desk, desk_admin, member_editor,
                                                                organization):
    client.force_login(desk_admin)
    client.post(reverse("network_manage:suspend", args=["la-spezia", organization.slug]), {"suspend": "1"})
    assert client.get(reverse("network:organization", args=["la-spezia", organization.slug])).status_code == 404
    assert organization.name not in client.get(reverse("network:index", args=["la-spezia"])).content.decode()
    client.force_login(member_editor)
    assert client.get(reverse("network_manage:organization", args=["la-spezia", organization.slug])).status_code == 404
    client.force_login(desk_admin)
    client.post(reverse("network_manage:suspend", args=["la-spezia", organization.slug]), {"suspend": "0"})
    assert client.get(reverse("network:organization", args=["la-spezia", organization.slug])).status_code == 200


def terms_post(rows):
    data = {"t-TOTAL_FORMS": len(rows), "t-INITIAL_FORMS": len(rows), "t-MIN_NUM_FORMS": 0, "t-MAX_NUM_FORMS": 1000}
    for n, row in enumerate(rows):
        for key, value in row.items():
            data[f"t-{n}-{key}"] = value
    return data


def test_terms_renamed_and_only_unused_ones_deleted(client, desk, desk_admin, organization):
    used = TaxonomyTerm.objects.create(desk=desk, code="cv", name="CV")
    TaxonomyTerm.objects.create(desk=desk, code="vecchio", name="Vecchio", position=1)
    Service.objects.create(organization=organization, name="CV", slug="cv", description="…").taxonomy_terms.add(used)
    client.force_login(desk_admin)
    url = reverse("network_manage:terms", args=["la-spezia"])
    response = client.post(url, terms_post([{"code": "cv", "name": "Curriculum", "position": 0, "delete": "on"},
                                            {"code": "vecchio", "name": "Vecchio", "position": 1}]))
    assert "è usato" in response.content.decode()
    assert TaxonomyTerm.objects.get(code="cv").name == "CV"  # nothing saved
    client.post(url, terms_post([{"code": "cv", "name": "Curriculum", "position": 0},
                                 {"code": "vecchio", "name": "Vecchio", "position": 1, "delete": "on"}]))
    assert list(TaxonomyTerm.objects.values_list("code", "name")) == [("cv", "Curriculum")]


def test_only_administrators_administer(client, member_editor, operator, organization):
    for user in (member_editor, operator):
        client.force_login(user)
        assert client.get(reverse("network_manage:terms", args=["la-spezia"])).status_code == 404
        assert client.post(reverse("network_manage:suspend", args=["la-spezia", organization.slug]),
                           {"suspend": "1"}).status_code == 404
    assert Organization.objects.get(pk=organization.pk).is_active


def test_terms_have_an_english_version_edited_next_to_the_italian(client, desk, desk_admin):
    TaxonomyTerm.objects.create(desk=desk, code="cv", name="Curriculum")
    client.force_login(desk_admin)
    url = reverse("network_manage:terms", args=["la-spezia"])
    page = client.get(url).content.decode()
    assert 'name="t-0-name_en"' in page
    assert "Nome (in inglese, facoltativo)" in page
    client.post(url, terms_post([{"code": "cv", "name": "Curriculum", "name_en": "CV",
                                  "description": "Scrivere il CV", "description_en": "Writing your CV",
                                  "position": 0}]))
    term = TaxonomyTerm.objects.get(code="cv")
    assert (term.name_it, term.name_en, term.description_en) == ("Curriculum", "CV", "Writing your CV")
    client.post(url, terms_post([{"code": "cv", "name": "Curriculum", "name_en": "", "position": 0}]))
    term.refresh_from_db()
    assert term.name_en is None  # emptied: English pages show the Italian name
    with translation.override("en"):
        assert TaxonomyTerm.objects.get(code="cv").name == "Curriculum"


def test_member_edits_service_and_profile_in_both_languages(client, desk, organization, member_editor):
    client.force_login(member_editor)
    url = reverse("network_manage:organization", args=["la-spezia", organization.slug])
    page = client.get(url).content.decode()
    assert 'name="description_it"' in page
    assert 'name="description_en"' in page
    response = client.post(url, {"name": organization.name, "description_it": "Ente di formazione.",
                                 "description_en": "Training body.", "email": "", "phone": "", "website": ""})
    assert response.status_code == 302
    organization.refresh_from_db()
    assert (organization.description_it, organization.description_en) == ("Ente di formazione.", "Training body.")
    new = reverse("network_manage:new", args=["la-spezia", organization.slug, "servizi"])
    response = client.post(new, {"name_it": "Aiuto CV", "name_en": "CV help", "description_it": "Ti aiutiamo.",
                                 "description_en": "", "cost": "Gratuito", "is_active": "on"})
    assert response.status_code == 302
    service = Service.objects.get(organization=organization)
    assert (service.slug, service.name_it, service.name_en, service.description_en) == (
        "aiuto-cv", "Aiuto CV", "CV help", None)
    response = client.post(new, {"name_it": "", "name_en": "Only English", "description_it": "x", "cost": ""})
    assert response.status_code == 200  # the Italian name is required
    assert 'value="Only English"' in response.content.decode()
