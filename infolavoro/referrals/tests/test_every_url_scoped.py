"""Every URL that names a citizen, a consultation or a referral: an operator of another desk, a member editor
of another member and an anonymous visitor get 404 on GET and POST, and nothing changes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from infolavoro.intake.models import AuditEntry, Citizen, Consultation
from infolavoro.network.models import Organization
from infolavoro.referrals.models import Referral, State

pytestmark = pytest.mark.django_db


def _urls(desk, citizen, consultation, referral) -> list[str]:
    slug, pk, cpk = desk.slug, citizen.pk, consultation.pk
    return [
        reverse("intake:citizen", args=[slug, pk]),
        reverse("intake:citizen_edit", args=[slug, pk]),
        reverse("intake:citizen_export", args=[slug, pk]),
        reverse("intake:citizen_erase", args=[slug, pk]),
        reverse("intake:consultation_new", args=[slug, pk]),
        reverse("intake:consultation", args=[slug, pk, cpk]),
        reverse("intake:portal_summary", args=[slug, pk, cpk]),
        reverse("intake:portal_summary_print", args=[slug, pk, cpk]),
        reverse("referrals:new", args=[slug, cpk]),
        reverse("referrals:detail", args=[slug, referral.pk]),
        reverse("referrals:move", args=[slug, referral.pk]),
        reverse("referrals:book", args=[slug, referral.pk]),
    ]


def _post_only(desk, citizen, consultation, referral) -> set[str]:
    return {reverse("intake:citizen_export", args=[desk.slug, citizen.pk]),
            reverse("intake:portal_summary", args=[desk.slug, citizen.pk, consultation.pk]),
            reverse("referrals:move", args=[desk.slug, referral.pk])}


@pytest.mark.parametrize("who", ["other_desk_operator", "other_member_editor", "suspended_member_editor",
                                 "anonymous"])
def test_outsiders_get_404_everywhere(client, desk, citizen, consultation, referral, other_operator, other_editor,
                                      member_editor, who):
    if who == "suspended_member_editor":  # the addressed member, suspended: its editor's grants are void
        Organization.objects.filter(pk=referral.organization_id).update(is_active=False)
    user = {"other_desk_operator": other_operator, "other_member_editor": other_editor, "anonymous": None,
            "suspended_member_editor": member_editor}[who]
    if user:
        client.force_login(user)
    logged = AuditEntry.objects.count()
    post_only = _post_only(desk, citizen, consultation, referral)
    for url in _urls(desk, citizen, consultation, referral):
        # A POST-only URL may answer 405 to a GET before looking anything up: it says nothing of the record.
        assert client.get(url).status_code in ({404, 405} if url in post_only else {404}), url
        assert client.post(url, {"to_state": State.ACCEPTED, "first_name": "X"}).status_code == 404, url
    assert Citizen.objects.filter(pk=citizen.pk, first_name="Maria").exists()
    assert Consultation.objects.count() == 1
    assert Referral.objects.get().state == State.SENT
    assert AuditEntry.objects.count() == logged  # nothing was read


def test_the_member_editor_reaches_only_the_referral(client, desk, citizen, consultation, referral, member_editor):
    client.force_login(member_editor)
    urls = _urls(desk, citizen, consultation, referral)
    for url in urls:
        expected = 200 if url == reverse("referrals:detail", args=[desk.slug, referral.pk]) else 404
        if url in _post_only(desk, citizen, consultation, referral):
            if "stato" not in url:  # the member's own transitions are tested in test_pages
                assert client.post(url).status_code == 404, url
            continue
        assert client.get(url).status_code == expected, url


def test_a_suspended_members_editor_loses_the_inbox(client, desk, referral, member_editor):
    client.force_login(member_editor)
    inbox = reverse("referrals:inbox", args=[desk.slug])
    assert referral.code in client.get(inbox).content.decode()
    Organization.objects.filter(pk=referral.organization_id).update(is_active=False)
    response = client.get(inbox)
    assert response.status_code == 404
    assert client.get(reverse("referrals:detail", args=[desk.slug, referral.pk])).status_code == 404
