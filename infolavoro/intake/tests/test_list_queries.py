"""Hot lists: the citizens list and the referral lists cost the same queries for 1 row or 10."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from infolavoro.intake import services
from infolavoro.intake.models import AuditEntry
from infolavoro.intake.tests.conftest import make_citizen
from infolavoro.referrals import services as referral_services


def _count(client, url: str) -> int:
    client.get(url)  # warm up: the first request after a login creates settings rows and session caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _refer(desk, operator, service, n: int) -> None:
    for i in range(n):
        citizen = make_citizen(desk, operator, first_name=f"Persona{i}", last_name="Prova", email="")
        consultation = services.record_consultation(citizen, {"reason": "Corso"}, operator)
        referral_services.create_referral(consultation, service, operator)


def test_citizens_list_queries_do_not_grow_and_every_row_shown_is_logged(client, desk, operator):
    client.force_login(operator)
    url = reverse("intake:index", args=[desk.slug])
    make_citizen(desk, operator)
    few = _count(client, url)
    for i in range(9):
        make_citizen(desk, operator, first_name=f"Nome{i}", email=f"n{i}@example.org")
    assert _count(client, url) == few
    # Two requests each time (warm-up and counted): 2 × 1 row, then 2 × 10 rows.
    assert AuditEntry.objects.filter(action="list").count() == 2 * 1 + 2 * 10


def test_referral_lists_queries_do_not_grow(client, desk, operator, member_editor, service):
    _refer(desk, operator, service, 1)
    client.force_login(operator)
    desk_url = reverse("referrals:desk_list", args=[desk.slug])
    desk_few = _count(client, desk_url)
    client.force_login(member_editor)
    inbox_url = reverse("referrals:inbox", args=[desk.slug])
    inbox_few = _count(client, inbox_url)
    _refer(desk, operator, service, 9)
    assert _count(client, inbox_url) == inbox_few
    client.force_login(operator)
    assert _count(client, desk_url) == desk_few
