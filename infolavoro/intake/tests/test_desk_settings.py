"""Desk administrators configure the job portals and the listening point's settings."""

from __future__ import annotations

import pytest
from django.urls import reverse

from infolavoro.intake import demo, services
from infolavoro.intake.models import Citizen, IntakeSettings, JobPortal

from .conftest import VALID_CF, make_citizen

pytestmark = pytest.mark.django_db


def test_admin_adds_and_edits_a_portal(client, desk, desk_admin):
    client.force_login(desk_admin)
    url = reverse("intake:portals", args=[desk.slug])
    data = {"name": "Portale comunale", "url": "portale.example.it", "what_to_bring_it": "SPID",
            "checklist_it": "Accesso\nProfilo", "checklist_en": "Sign in\nProfile", "position": 5, "is_active": "on"}
    assert client.post(url, data).status_code == 302
    portal = JobPortal.objects.get()
    assert portal.url == "https://portale.example.it"
    assert portal.steps == ["Accesso", "Profilo"]
    assert (portal.checklist_en, portal.what_to_bring_en) == ("Sign in\nProfile", None)
    response = client.post(reverse("intake:portal_edit", args=[desk.slug, portal.pk]), {**data, "url": "no spaces"})
    assert response.status_code == 200
    assert 'value="Portale comunale"' in response.content.decode()
    response = client.post(url, data)  # same name again: refused, kept
    assert "Portale comunale" in response.content.decode()
    assert JobPortal.objects.count() == 1


def test_portal_of_another_desk_is_404(client, desk, other_desk, desk_admin):
    portal = JobPortal.objects.create(desk=other_desk, name="X", url="https://x.example", what_to_bring="-",
                                      checklist="a")
    client.force_login(desk_admin)
    assert client.get(reverse("intake:portal_edit", args=[desk.slug, portal.pk])).status_code == 404


def test_admin_changes_settings(client, desk, desk_admin):
    client.force_login(desk_admin)
    url = reverse("intake:settings", args=[desk.slug])
    client.post(url, {"special_categories_enabled": "on", "referral_alert_days": "7"})
    settings = IntakeSettings.objects.get(desk=desk)
    assert settings.special_categories_enabled
    assert settings.referral_alert_days == 7
    response = client.post(url, {"referral_alert_days": "0"})
    assert response.status_code == 200
    assert IntakeSettings.objects.get(desk=desk).referral_alert_days == 7


def test_demo_seeds_the_four_portals_idempotently(desk):
    demo.load(desk)
    demo.load(desk)
    names = list(JobPortal.objects.filter(desk=desk).values_list("name", flat=True))
    assert len(names) == 4
    assert names[0].startswith("SIISL")
    assert "Liguria" in names[1]
    assert not Citizen.objects.exists()  # no demo people


def test_a_duplicate_codice_fiscale_is_a_message_even_when_it_races_past_validation(desk, operator, monkeypatch):
    make_citizen(desk, operator, codice_fiscale=VALID_CF)
    with pytest.raises(services.ValidationError, match="Esiste già"):
        make_citizen(desk, operator, codice_fiscale=VALID_CF, first_name="Altra")
    # Two operators saving at once: validation passed for both, the unique index catches the second.
    monkeypatch.setattr(Citizen, "validate_constraints", lambda self, exclude=None: None)
    with pytest.raises(services.ValidationError, match="Esiste già"):
        make_citizen(desk, operator, codice_fiscale=VALID_CF, first_name="Altra")
    assert Citizen.objects.count() == 1
