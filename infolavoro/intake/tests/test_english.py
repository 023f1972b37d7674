"""The staff pages speak English when chosen, including the codice fiscale message."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_citizen_pages_in_english(client, desk, operator, citizen, consultation, service, member_editor):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(operator)
    body = client.get(reverse("intake:citizen", args=[desk.slug, citizen.pk])).content.decode()
    assert "Contacts and profile" in body
    assert "Export all data (JSON and PDF)" in body
    response = client.post(reverse("intake:citizen_new", args=[desk.slug]),
                           {"first_name": "Anna", "last_name": "Neri", "codice_fiscale": "RSSMRA85T10A562X",
                            "privacy_acknowledged": "on"})
    assert "the last check character does not match" in response.content.decode()
    body = client.get(reverse("referrals:new", args=[desk.slug, consultation.pk])).content.decode()
    assert "Send the referral" in body
