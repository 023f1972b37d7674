"""Staff sessions last a working day with sliding renewal; NUL stripped from query strings; the CSP header."""

import datetime as dt
import time

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from infolavoro.core.middleware import SlidingSessionMiddleware, StripNulQueryMiddleware

pytestmark = pytest.mark.django_db


def _expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_staff_session_lasts_a_working_day_not_two_weeks(client, operator):
    assert 9 * 3600 <= settings.SESSION_COOKIE_AGE <= 10 * 3600
    client.force_login(operator)
    left = (_expiry(client) - timezone.now()).total_seconds()
    assert 9 * 3600 - 60 <= left <= 10 * 3600 + 60


def test_the_session_slides_with_use(client, operator, monkeypatch):
    client.force_login(operator)
    first = _expiry(client)
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 200
    assert _expiry(client) == first  # renewed at most every few minutes: no write on every request
    later = time.time() + settings.SESSION_RENEW_AFTER + 3600
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime.fromtimestamp(later, tz=dt.UTC))
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 200
    assert (_expiry(client) - first).total_seconds() >= 3600  # an hour of work later, an hour more
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE


def test_anonymous_visitors_get_no_session_write(client, desk):
    client.get("/")
    assert not Session.objects.exists()


def test_nul_is_stripped_before_anyone_reads_the_query():
    seen = {}

    def view(request):
        seen.update(request.GET.lists())
        return None

    request = RequestFactory().get("/x", {"search": "a\x00b", "desk": "\x00"})
    assert "%00" in request.META["QUERY_STRING"]
    StripNulQueryMiddleware(view)(request)
    assert seen == {"search": ["ab"], "desk": [""]}


def test_every_page_has_a_strict_content_security_policy(client, desk):
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy
    assert "<script>" not in client.get("/").content.decode()  # no inline script left


def test_sliding_middleware_needs_no_session_for_anonymous(rf):
    request = rf.get("/")
    assert SlidingSessionMiddleware(lambda r: "ok")(request) == "ok"
