"""A member's name with a line break (stored before names were validated, or typed into a form) never blocks the
citizen's e-mail: names are single-line when entered, and every subject is made one line in the outbox."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from infolavoro.network import services as network_services
from infolavoro.notifications.models import OutboxMessage, OutboxState
from infolavoro.notifications.services import deliver_pending
from infolavoro.referrals import services

pytestmark = pytest.mark.django_db


def test_referral_email_goes_out_with_a_member_name_holding_a_line_break(consultation, service, operator):
    organization = service.organization
    type(organization).objects.filter(pk=organization.pk).update(name="Ente Formazione\r\nBcc: evil@example.org")
    service.refresh_from_db()
    services.create_referral(consultation, service, operator)
    assert deliver_pending() == 2
    assert not OutboxMessage.objects.exclude(state=OutboxState.SENT).exists()
    to_citizen = next(m for m in mail.outbox if m.to == [consultation.citizen.email])
    assert to_citizen.subject == "Il tuo contatto con Ente Formazione Bcc: evil@example.org"
    assert to_citizen.bcc == []
    assert "\n" not in to_citizen.message()["Subject"]


@pytest.mark.parametrize("name", ["Ente\nFormazione", "Ente\rFormazione", "Ente\u2028Formazione"])
def test_names_are_single_line(member_editor, organization, name):
    with pytest.raises(ValidationError) as error:
        network_services.update_organization(organization, {"name": name}, member_editor)
    assert "una sola riga" in str(error.value)
    organization.refresh_from_db()
    assert organization.name == "Ente Formazione Golfo"


def test_the_edit_form_says_so_and_keeps_the_input(client, member_editor, organization):
    from django.urls import reverse

    client.force_login(member_editor)
    url = reverse("network_manage:organization", args=[organization.desk.slug, organization.slug])
    form = client.get(url).context["form"]
    data = {name: ("" if value is None else value) for name, value in form.initial.items()
            if name in form.fields and name != "logo"}
    data["name"] = "Ente\r\nFormazione"
    data["description_it"] = "Testo scritto da non perdere"
    response = client.post(url, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "una sola riga" in content
    assert "Testo scritto da non perdere" in content
