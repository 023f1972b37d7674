"""Role × object: who may reach a citizen's pages. Outside one's scope it is a 404, never a 403."""

from __future__ import annotations

import pytest
from django.urls import reverse

from infolavoro.accounts.permissions import can

pytestmark = pytest.mark.django_db

CITIZEN_PAGES = ["intake:citizen", "intake:citizen_edit", "intake:citizen_erase", "intake:consultation_new"]


@pytest.fixture
def users(operator, desk_admin, member_editor, monitoring_viewer, other_operator, other_editor):
    return {"operator": operator, "desk_admin": desk_admin, "member_editor": member_editor,
            "monitoring_viewer": monitoring_viewer, "other_desk_operator": other_operator,
            "other_member_editor": other_editor, "anonymous": None}


@pytest.mark.parametrize(("role", "expected"), [
    ("operator", 200), ("desk_admin", 200), ("member_editor", 404), ("monitoring_viewer", 404),
    ("other_desk_operator", 404), ("other_member_editor", 404), ("anonymous", 404),
])
@pytest.mark.parametrize("page", CITIZEN_PAGES)
def test_citizen_pages(client, desk, citizen, users, role, expected, page):
    if users[role]:
        client.force_login(users[role])
    response = client.get(reverse(page, args=[desk.slug, citizen.pk]))
    assert response.status_code == expected


def test_anonymous_gets_404_on_a_citizen_and_the_login_page_only_on_lists(client, desk, citizen, consultation):
    for url in [reverse("intake:citizen_export", args=[desk.slug, citizen.pk]),
                reverse("intake:consultation", args=[desk.slug, citizen.pk, consultation.pk]),
                reverse("intake:portal_summary", args=[desk.slug, citizen.pk, consultation.pk])]:
        assert client.post(url).status_code == 404
    response = client.get(reverse("intake:index", args=[desk.slug]))
    assert response.status_code == 302
    assert "/accounts/" in response.url


@pytest.mark.parametrize(("role", "expected"), [
    ("operator", 200), ("member_editor", 404), ("other_desk_operator", 404), ("other_member_editor", 404),
])
def test_consultation_page(client, desk, citizen, consultation, users, role, expected):
    client.force_login(users[role])
    response = client.get(reverse("intake:consultation", args=[desk.slug, citizen.pk, consultation.pk]))
    assert response.status_code == expected


def test_a_citizen_of_another_desk_is_404_even_through_ones_own_desk_url(client, desk, operator,
                                                                        other_desk_citizen):
    client.force_login(operator)
    assert client.get(reverse("intake:citizen", args=[desk.slug, other_desk_citizen.pk])).status_code == 404
    url = reverse("intake:citizen", args=[other_desk_citizen.desk.slug, other_desk_citizen.pk])
    assert client.get(url).status_code == 404


def test_export_and_erase_refused_outside_scope(client, desk, citizen, other_operator, member_editor):
    for user in (other_operator, member_editor):
        client.force_login(user)
        assert client.post(reverse("intake:citizen_export", args=[desk.slug, citizen.pk])).status_code == 404
        assert client.post(reverse("intake:citizen_erase", args=[desk.slug, citizen.pk])).status_code == 404
    assert type(citizen).objects.filter(pk=citizen.pk).exists()


@pytest.mark.parametrize(("role", "expected"), [
    ("operator", 404), ("desk_admin", 200), ("member_editor", 404), ("other_desk_operator", 404),
])
@pytest.mark.parametrize("page", ["intake:audit_log", "intake:portals", "intake:settings"])
def test_admin_pages(client, desk, users, role, expected, page):
    client.force_login(users[role])
    assert client.get(reverse(page, args=[desk.slug])).status_code == expected


def test_rules(citizen, operator, desk_admin, member_editor, other_operator):
    assert can(operator, "citizen.view", citizen)
    assert can(desk_admin, "citizen.change", citizen)
    assert not can(member_editor, "citizen.view", citizen)
    assert not can(other_operator, "citizen.change", citizen)
    assert can(desk_admin, "audit.view", citizen.desk)
    assert not can(operator, "audit.view", citizen.desk)
