"""Names, e-mails and free text typed into the booking flow do not stay in django_session: confirming empties
the draft, an abandoned draft is dropped after DRAFT_TTL and the visitor's session expires with it, and expired
sessions are purged daily."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from infolavoro.booking.views import DRAFT_TTL

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ROME)
SLOT = dt.datetime(2026, 12, 9, 9, 0, tzinfo=ROME)
pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    cache.clear()
    now = {"value": NOW}
    monkeypatch.setattr(timezone, "now", lambda: now["value"])
    return now


def url(name):
    return reverse(f"booking:{name}", args=["la-spezia"])


def fill_in(client, calendar):
    client.post(url("start"), {"calendar": calendar.pk})
    client.post(url("when"), {"giorno": "2026-12-09", "start": SLOT.isoformat()})
    client.post(url("reason"), {"reason": "portali", "details": "Non riesco ad accedere"})
    response = client.post(url("contacts"), {"first_name": "Maria", "last_name": "Rossi", "phone": "",
                                             "email": "maria.rossi@example.org", "privacy_consent": "on"})
    assert response.status_code == 302


def stored_session(client) -> tuple[dict, dt.datetime]:
    row = Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value)
    return row.get_decoded(), row.expire_date


def test_confirming_empties_the_draft(client, calendar, clock):
    fill_in(client, calendar)
    data, _expires = stored_session(client)
    assert data[f"booking:{calendar.desk_id}"]["email"] == "maria.rossi@example.org"
    assert client.post(url("summary")).status_code == 302
    data, _expires = stored_session(client)
    assert data[f"booking:{calendar.desk_id}"] == {}
    assert "Rossi" not in str(data)
    assert "Non riesco" not in str(data)


def test_an_abandoned_draft_expires_with_the_visitors_session(client, calendar, clock):
    fill_in(client, calendar)
    _data, expires = stored_session(client)
    assert expires <= NOW + DRAFT_TTL  # not the two weeks of a default session
    # The person comes back later in a long-lived session (e.g. logged in): the draft is gone anyway.
    clock["value"] = NOW + DRAFT_TTL + dt.timedelta(minutes=1)
    session = client.session
    session.set_expiry(3600 * 24)
    session.save()
    response = client.get(url("summary"))
    assert response.status_code == 302
    data, _expires = stored_session(client)
    assert "Rossi" not in str(data)
    assert "maria.rossi" not in str(data)


def test_expired_sessions_are_purged_by_a_daily_job(client, calendar):
    from infolavoro.core.tasks import clear_expired_sessions

    assert settings.PERIODIC_TASKS["infolavoro.core.tasks.clear_expired_sessions"] == 24 * 3600
    fill_in(client, calendar)
    Session.objects.create(session_key="x" * 32, session_data="{}", expire_date=timezone.now() + dt.timedelta(days=1))
    Session.objects.exclude(session_key="x" * 32).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    clear_expired_sessions.call()
    assert list(Session.objects.values_list("session_key", flat=True)) == ["x" * 32]
