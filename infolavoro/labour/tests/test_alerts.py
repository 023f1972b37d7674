from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from infolavoro.labour import services
from infolavoro.labour.models import AlertSubscription
from infolavoro.notifications.models import OutboxMessage

from .conftest import publish

pytestmark = pytest.mark.django_db


def _link(message, name):
    return next(line.split("http://testserver")[-1].strip() if "testserver" in line else
                line[line.index("/"):].strip() for line in message.body.splitlines() if f"/avvisi/{name}/" in line)


def test_double_opt_in_daily_digest_and_one_click_unsubscribe(client, desk, employer, operator, taxonomy, settings):
    settings.SITE_URL = ""
    url = reverse("jobs:alert", args=[desk.slug]) + "?q=carrellista&gruppo=8"
    assert client.post(url, {"email": "Persona@Example.org", "privacy": "on"}).status_code == 200
    subscription = AlertSubscription.objects.get()
    assert subscription.filters == {"gruppo": "8", "q": "carrellista"}
    assert subscription.confirmed_at is None
    confirm = OutboxMessage.objects.get(template="labour/email/alert_confirm.txt")
    publish(employer, operator, taxonomy["carrellista"])
    assert services.send_alert_digests() == 0  # not confirmed: nothing is sent
    confirm_url = _link(confirm, "conferma")
    assert client.get(confirm_url).status_code == 200  # a GET (mail scanners) confirms nothing
    client.post(confirm_url)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    AlertSubscription.objects.update(last_sent_at=timezone.now() - dt.timedelta(days=1))
    assert services.send_alert_digests() == 1
    digest = OutboxMessage.objects.get(template="labour/email/alert_digest.txt")
    assert "Carrellista turni" in digest.body
    assert services.send_alert_digests() == 0  # nothing new since
    client.post(_link(digest, "cancella"))
    assert not AlertSubscription.objects.exists()


def test_bad_tokens_are_harmless(client, desk):
    assert client.get(reverse("jobs:alert_confirm", args=[desk.slug, "forged"])).status_code == 404
    assert client.post(reverse("jobs:alert_unsubscribe", args=[desk.slug, "forged"])).status_code == 200
    assert client.post(reverse("jobs:alert", args=[desk.slug]), {"email": "not-an-email\x00"}).status_code == 200
