"""Password reset: a few e-mails an hour to one address, whatever its letter case, and a limit per client."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from conftest import make_user
from infolavoro.accounts.views import RESET_RATE_PER_ADDRESS, RESET_RATE_PER_CLIENT
from infolavoro.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


def _queued_to(address: str) -> int:
    return sum(1 for e in OutboxMessage.objects.all() if address in e.to)


def test_one_address_gets_a_few_emails_an_hour(client, operator):
    per_address = int(RESET_RATE_PER_ADDRESS.split("/")[0])
    for n, variant in enumerate(["operatore@example.org", "Operatore@example.org", "OPERATORE@EXAMPLE.ORG",
                                 "operatore@Example.org", "oPeratore@example.org"]):
        response = client.post(reverse("accounts:password_reset"), {"email": variant},
                               REMOTE_ADDR=f"10.0.0.{n}")  # different clients: only the address limit applies
        assert response.status_code == 302  # the same answer whether sent or not
    assert _queued_to("operatore@example.org") == per_address


def test_one_client_cannot_flood_many_addresses(client):
    per_client = int(RESET_RATE_PER_CLIENT.split("/")[0])
    for n in range(per_client + 2):
        make_user(f"persona{n}@example.org")
    codes = [client.post(reverse("accounts:password_reset"), {"email": f"persona{n}@example.org"}).status_code
             for n in range(per_client + 2)]
    assert codes[:per_client] == [302] * per_client
    assert codes[per_client:] == [429, 429]
    refused = client.post(reverse("accounts:password_reset"), {"email": "persona0@example.org"})
    assert "Troppe richieste" in refused.content.decode()
    assert 'value="persona0@example.org"' in refused.content.decode()  # what was typed is kept
    assert OutboxMessage.objects.count() == per_client
