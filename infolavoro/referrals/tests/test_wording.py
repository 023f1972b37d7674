"""Italian that reads right: the preposition before the member's name, and "da oggi" instead of "da 0 giorni"."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_citizen_is_referred_to_the_service_of_the_member_without_a_broken_preposition(referral, sent_emails):
    to_citizen, to_member = sent_emails
    body = render_to_string(to_citizen["template"], to_citizen["context"])
    assert "ti abbiamo indirizzato al servizio «Corso di saldatura» dell'ente Ente Formazione Golfo." in body
    assert "indirizzato a Ente" not in body
    member_body = render_to_string(to_member["template"], to_member["context"])
    assert "Lo sportello InfoLavoro del Comune della Spezia vi ha inviato" in member_body
    assert "di La Spezia" not in member_body


def test_a_referral_sent_today_is_in_its_state_since_today(client, referral, operator):
    client.force_login(operator)
    page = client.get(reverse("referrals:detail", args=[referral.desk.slug, referral.pk])).content.decode()
    assert "in questo stato da oggi" in page
    assert "da 0 giorni" not in page


def test_the_overdue_digest_never_says_zero_days():
    body = render_to_string("referrals/email/desk_overdue.txt", {"referrals": [
        {"code": "S-1", "organization": "Ente", "service": "Corso", "state": "inviata", "days": 0},
        {"code": "S-2", "organization": "Ente", "service": "Corso", "state": "inviata", "days": 1},
        {"code": "S-3", "organization": "Ente", "service": "Corso", "state": "inviata", "days": 5}]})
    assert "inviata, da oggi" in body
    assert "inviata, da 1 giorno" in body
    assert "inviata, da 5 giorni" in body
    assert "da 0 giorni" not in body
