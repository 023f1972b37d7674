"""Retention: records with no activity for the desk's period are anonymised; statistics survive. Frozen clock."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from infolavoro.intake import services
from infolavoro.intake.models import AuditEntry, Citizen, Consultation, IntakeSettings, SpecialCategoryData
from infolavoro.intake.tasks import anonymise_inactive_citizens
from infolavoro.referrals import services as referral_services
from infolavoro.referrals.models import Referral, ReferralEvent

from .conftest import make_citizen

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2024, 1, 15, 9, 0, tzinfo=dt.UTC)


def test_old_records_are_anonymised_and_recent_ones_kept(desk, operator, member_editor, terms, service):
    IntakeSettings.objects.create(desk=desk, special_categories_enabled=True)
    old = services.create_citizen(desk, {"first_name": "Anna", "last_name": "Neri", "email": "anna@example.org",
                                         "codice_fiscale": "RSSMRA85T10A562S", "age_band": "50_64"}, operator,
                                  privacy_acknowledged=True, sharing_consent=True, special_notes="Diabete",
                                  special_consent=True, now=T0)
    consultation = services.record_consultation(old, {"reason": "Orientamento", "notes": "Nota privata"}, operator,
                                                needs=[terms["formazione"]], now=T0)
    referral = referral_services.create_referral(consultation, service, operator, message="Dettagli", now=T0)
    referral_services.move(referral, "declined", member_editor, decline_reason="Anna non ha la patente", now=T0)
    recent = make_citizen(desk, operator)
    recent.last_activity_at = T0 + dt.timedelta(days=400)
    recent.save()

    # 24 months less a day: nothing happens.
    assert services.anonymise_inactive(now=T0 + dt.timedelta(days=730)) == 0
    assert services.anonymise_inactive(now=T0 + dt.timedelta(days=732)) == 1

    old.refresh_from_db()
    assert old.anonymised_at
    assert (old.first_name, old.last_name, old.email, old.codice_fiscale) == ("", "", "", "")
    assert old.age_band == "50_64"  # aggregate statistics survive
    assert not SpecialCategoryData.objects.exists()
    consultation = Consultation.objects.get(citizen=old)
    assert consultation.notes == ""
    assert consultation.reason == "—"
    assert list(consultation.needs.all()) == [terms["formazione"]]
    referral = Referral.objects.get(citizen=old)
    assert referral.message == ""
    assert referral.state == "declined"  # the loop's statistics survive
    assert referral.decline_reason == "—"
    assert not ReferralEvent.objects.filter(referral=referral).exclude(note="").exists()
    assert Citizen.objects.get(pk=recent.pk).first_name == "Maria"
    assert AuditEntry.objects.filter(citizen_ref=old.pk, action="anonymise", actor=None).exists()
    # Running again changes nothing.
    assert services.anonymise_inactive(now=T0 + dt.timedelta(days=800)) == 0


def test_retention_period_is_the_desks(desk, operator):
    desk.retention_months = 6
    desk.save()
    citizen = make_citizen(desk, operator)
    Citizen.objects.filter(pk=citizen.pk).update(last_activity_at=T0)
    assert services.anonymise_inactive(now=T0 + dt.timedelta(days=150)) == 0
    assert services.anonymise_inactive(now=T0 + dt.timedelta(days=190)) == 1


def test_activity_resets_the_clock(desk, operator):
    citizen = make_citizen(desk, operator)
    Citizen.objects.filter(pk=citizen.pk).update(last_activity_at=T0)
    services.record_consultation(citizen, {"reason": "Ritorno"}, operator, now=T0 + dt.timedelta(days=700))
    assert services.anonymise_inactive(now=T0 + dt.timedelta(days=740)) == 0


def test_command_and_task_run_the_same_use_case(desk, operator, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    citizen = make_citizen(desk, operator)
    Citizen.objects.filter(pk=citizen.pk).update(last_activity_at=T0)
    call_command("anonymise_inactive_citizens", "--now", "2025-01-01T00:00:00+00:00")
    assert not Citizen.objects.get().anonymised_at
    call_command("anonymise_inactive_citizens", "--now", "2026-02-01T00:00:00+00:00")
    assert Citizen.objects.get().anonymised_at
    second = make_citizen(desk, operator, first_name="Paolo")
    Citizen.objects.filter(pk=second.pk).update(last_activity_at=T0)
    result = anonymise_inactive_citizens.enqueue()
    assert result.return_value == 1
