"""The e-mail summary of the job-portal registration: what is queued, and the text the citizen reads."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from infolavoro.intake import services
from infolavoro.intake.models import AuditEntry, Citizen

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(monkeypatch) -> list[dict]:
    """The e-mails written to the real outbox, with their template and context."""
    emails: list[dict] = []
    queue = services.queue_email

    def spy(**kwargs):
        emails.append(kwargs)
        return queue(**kwargs)

    monkeypatch.setattr(services, "queue_email", spy)
    return emails


def test_summary_lists_portals_links_what_to_bring_and_steps_left(client, desk, operator, citizen, consultation,
                                                                  portal, queued):
    services.update_portal_checklist(consultation, portal, ["Accesso con SPID"], False, operator)
    client.force_login(operator)
    response = client.post(reverse("intake:portal_summary", args=[desk.slug, citizen.pk, consultation.pk]),
                           follow=True)
    assert "Riepilogo inviato per e-mail." in response.content.decode()
    (email,) = queued
    assert email["to"] == ["maria.rossi@example.org"]
    assert email["reply_to"] == [desk.email]
    body = render_to_string(email["template"], email["context"])
    assert "Gentile Maria," in body
    assert "SIISL: https://www.siisl.lavoro.gov.it/" in body
    assert "SPID o CIE, codice fiscale" in body
    assert "Curriculum caricato" in body
    assert "Patto firmato" in body
    assert "&#x27;" not in body
    assert "&amp;" not in body
    assert AuditEntry.objects.filter(action="email", citizen_ref=citizen.pk).exists()


def test_no_email_address_or_no_checklist_gives_a_message(client, desk, operator, citizen, consultation, portal,
                                                          queued):
    client.force_login(operator)
    url = reverse("intake:portal_summary", args=[desk.slug, citizen.pk, consultation.pk])
    assert "spunta prima la checklist" in client.post(url, follow=True).content.decode()
    Citizen.objects.filter(pk=citizen.pk).update(email="")
    services.update_portal_checklist(consultation, portal, [], False, operator)
    assert "non ha un indirizzo e-mail" in client.post(url, follow=True).content.decode()
    assert not queued


def test_summary_goes_through_the_real_outbox(desk, operator, citizen, consultation, portal, mailoutbox):
    from infolavoro.notifications import services as notifications
    services.update_portal_checklist(consultation, portal, ["Accesso con SPID"], True, operator)
    services.send_portal_summary(consultation, operator)
    notifications.deliver_pending()
    (message,) = mailoutbox
    assert message.to == ["maria.rossi@example.org"]
    assert "https://www.siisl.lavoro.gov.it/" in message.body


def test_printable_summary_without_email_is_logged_and_scoped(client, desk, operator, citizen, consultation, portal,
                                                              other_operator, member_editor):
    Citizen.objects.filter(pk=citizen.pk).update(email="")
    services.update_portal_checklist(consultation, portal, ["Accesso con SPID"], False, operator)
    url = reverse("intake:portal_summary_print", args=[desk.slug, citizen.pk, consultation.pk])
    client.force_login(operator)
    body = client.get(url).content.decode()
    assert "Per Maria" in body
    assert "https://www.siisl.lavoro.gov.it/" in body
    assert "Patto firmato" in body
    assert "Accesso con SPID</li>" not in body  # done steps are not listed as to do
    assert AuditEntry.objects.filter(citizen_ref=citizen.pk, what="riepilogo portali da stampare").count() == 1
    for user in (other_operator, member_editor):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404
