"""What the citizen and the member receive when a referral is sent."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from infolavoro.referrals import services

pytestmark = pytest.mark.django_db


def test_citizen_gets_the_members_contacts_and_what_to_bring(referral, sent_emails):
    to_citizen, to_member = sent_emails
    body = render_to_string(to_citizen["template"], to_citizen["context"])
    assert "Gentile Maria," in body
    assert "Ente Formazione Golfo" in body
    assert "«Corso di saldatura»" in body
    assert "Via Roma 1" in body
    assert "0187 123456" in body
    assert "segreteria@ente.example" in body
    assert "Cosa portare: Documento d'identità" in body  # plain text, not escaped
    member_body = render_to_string(to_member["template"], to_member["context"])
    assert referral.code in member_body
    assert "Maria" not in member_body


def test_the_members_editors_get_the_link_to_their_inbox(consultation, service, operator, member_editor,
                                                        sent_emails):
    referral = services.create_referral(consultation, service, operator)
    to_member = sent_emails[-1]
    assert to_member["to"] == [member_editor.email]
    body = render_to_string(to_member["template"], to_member["context"])
    assert "/la-spezia/segnalazioni/ricevute/" in body
    assert referral.member_can_respond


def test_a_member_without_editors_is_written_to_at_its_address_and_asked_to_call(referral, sent_emails):
    to_member = sent_emails[-1]
    assert to_member["to"] == ["segreteria@ente.example"]
    body = render_to_string(to_member["template"], to_member["context"])
    assert "/segnalazioni/ricevute/" not in body  # it has no login to open it with
    assert "rispondete a questa e-mail per chiederlo" in body
    assert not referral.member_can_respond


def test_no_citizen_email_means_only_the_member_is_told(consultation, service, operator, sent_emails):
    consultation.citizen.email = ""
    consultation.citizen.save()
    services.create_referral(consultation, service, operator)
    assert [e["to"] for e in sent_emails] == [["segreteria@ente.example"]]


def test_referral_emails_go_through_the_real_outbox(consultation, service, operator, mailoutbox):
    from infolavoro.notifications import services as notifications
    services.create_referral(consultation, service, operator, what_to_bring="CV")
    notifications.deliver_pending()
    assert sorted(m.to[0] for m in mailoutbox) == ["maria.rossi@example.org", "segreteria@ente.example"]
