"""Member editors keep their premises (address, accessibility), contacts (phones, e-mails) and service hours (HSDS
schedules) current: live at once, in the history and the review queue like the rest; another member's are 404."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import make_user
from infolavoro.accounts.models import Role
from infolavoro.network import services
from infolavoro.network.models import ChangeRecord, Contact, Location, Schedule, Service

pytestmark = pytest.mark.django_db


def new_url(org, kind):
    return reverse("network_manage:new", args=["la-spezia", org.slug, kind])


def edit_url(org, kind, pk):
    return reverse("network_manage:edit", args=["la-spezia", org.slug, kind, pk])


@pytest.fixture
def service(organization):
    return Service.objects.create(organization=organization, name="Orientamento", slug="orientamento",
                                  description="Colloqui.")


@pytest.fixture
def location(organization):
    return Location.objects.create(organization=organization, name="Sede", address_1="Via Roma 1", city="La Spezia",
                                   postal_code="19121")


LOCATION = {"name": "Sede di Sarzana", "address_1": "Via Mazzini 3", "address_2": "primo piano",
            "postal_code": "19038", "city": "Sarzana", "state_province": "SP",
            "accessibility_it": "Ingresso senza gradini, ascensore", "transportation_it": "Bus 2"}


def test_editor_adds_and_corrects_premises_live_and_in_the_review_queue(client, member_editor, organization,
                                                                         desk_admin):
    client.force_login(member_editor)
    assert client.post(new_url(organization, "sedi"), LOCATION).status_code == 302
    location = organization.locations.get()
    assert location.accessibility == "Ingresso senza gradini, ascensore"
    public = client.get(reverse("network:organization", args=["la-spezia", organization.slug])).content.decode()
    assert "Via Mazzini 3" in public
    assert "Ingresso senza gradini, ascensore" in public
    response = client.post(edit_url(organization, "sedi", location.pk),
                           {**LOCATION, "accessibility_it": "Rampa all'ingresso laterale"})
    assert response.status_code == 302
    update = ChangeRecord.objects.get(object_type="location", action=ChangeRecord.Action.UPDATE)
    assert update.changes["accessibilità della sede [it]"] == ["Ingresso senza gradini, ascensore",
                                                            "Rampa all'ingresso laterale"]
    assert update.reviewed_at is None
    assert update.actor == member_editor
    client.force_login(desk_admin)
    queue = client.get(reverse("network_manage:review", args=["la-spezia"])).content.decode()
    assert "Rampa all&#x27;ingresso laterale" in queue


def test_editor_keeps_contacts_current(client, member_editor, organization, service, other_organization):
    client.force_login(member_editor)
    url = new_url(organization, "contatti")
    response = client.post(url, {"name": "Segreteria", "phone": "", "email": ""})
    assert response.status_code == 200
    assert "almeno un telefono o un indirizzo e-mail" in response.content.decode()
    assert "Segreteria" in response.content.decode()  # nothing typed is lost
    other = Service.objects.create(organization=other_organization, name="Altro", slug="altro", description="x")
    response = client.post(url, {"name": "Segreteria", "phone": "0187 555111", "service": other.pk})
    assert response.status_code == 200  # another member's service is not a choice
    assert not Contact.objects.exists()
    assert client.post(url, {"name": "Segreteria", "phone": "0187 555111", "service": service.pk}).status_code == 302
    contact = Contact.objects.get()
    assert (contact.organization, contact.service, contact.phone) == (organization, service, "0187 555111")
    assert ChangeRecord.objects.filter(object_type="contact", action="create").exists()
    # No longer current: removed, and the history keeps it.
    assert client.post(edit_url(organization, "contatti", contact.pk), {"remove": "1"}).status_code == 302
    assert not Contact.objects.exists()
    assert ChangeRecord.objects.get(object_type="contact", action="delete").changes == {"nome o ufficio":
                                                                                         ["Segreteria", ""]}


def test_editor_sets_service_hours_as_an_hsds_schedule(client, member_editor, organization, service):
    client.force_login(member_editor)
    url = new_url(organization, "orari")
    data = {"service": service.pk, "days": ["WE", "MO"], "opens_at": "12:00", "closes_at": "09:00"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "successivo all&#x27;apertura" in response.content.decode()
    assert client.post(url, {**data, "closes_at": "13:00"}).status_code == 302
    schedule = Schedule.objects.get()
    assert (schedule.service, schedule.byday, schedule.freq) == (service, "MO,WE", "WEEKLY")
    page = client.get(reverse("network:service", args=["la-spezia", organization.slug, service.slug]))
    assert "12:00" in page.content.decode()
    response = client.post(edit_url(organization, "orari", schedule.pk),
                           {**data, "days": ["FR"], "closes_at": "13:30"})
    assert response.status_code == 302
    record = ChangeRecord.objects.get(object_type="schedule", action="update")
    assert record.changes["giorni"] == ["MO,WE", "FR"]
    assert client.post(url, {"days": ["MO"], "opens_at": "09:00", "closes_at": "10:00"}).status_code == 200


def test_bad_input_is_an_italian_message_not_a_500(client, member_editor, organization):
    client.force_login(member_editor)
    response = client.post(new_url(organization, "sedi"), {**LOCATION, "name": "Sede\x00", "postal_code": "1" * 50,
                                                           "city": "x" * 500})
    assert response.status_code == 200
    assert not Location.objects.exists()
    response = client.post(new_url(organization, "orari"), {"days": ["XX"], "opens_at": "25:99",
                                                            "closes_at": "", "valid_from": "9999-99-99"})
    assert response.status_code == 200


@pytest.mark.parametrize("kind", ["sedi", "contatti", "orari"])
def test_another_members_objects_are_404_for_every_method(client, desk, organization, other_organization, kind):
    other_location = Location.objects.create(organization=other_organization, name="Altra", address_1="Via X 1",
                                             city="La Spezia")
    other_service = Service.objects.create(organization=other_organization, name="Altro", slug="altro",
                                           description="x")
    objects = {
        "sedi": other_location,
        "contatti": Contact.objects.create(organization=other_organization, name="Altro", phone="0187 111222"),
        "orari": Schedule.objects.create(service=other_service, byday="MO", opens_at="09:00", closes_at="12:00"),
    }
    target = objects[kind]
    editor = make_user("redattore@ente.example.org", Role.MEMBER_EDITOR, desk, organization)
    client.force_login(editor)
    # Through the editor's own member's URL, and through the other member's URL.
    for org in (organization, other_organization):
        url = edit_url(org, kind, target.pk)
        assert client.get(url).status_code == 404
        assert client.post(url, {"remove": "1"}).status_code == 404
        assert client.post(url, {"name": "Preso", "address_1": "Via Y", "city": "Z", "phone": "0187 000000",
                                 "days": ["MO"], "opens_at": "08:00", "closes_at": "09:00"}).status_code == 404
    assert client.get(new_url(other_organization, kind)).status_code == 404
    assert type(target).objects.filter(pk=target.pk).exists()
    client.logout()
    assert client.get(edit_url(organization, kind, target.pk)).status_code == 302  # to the login


def test_the_services_refuse_another_members_objects(member_editor, organization, other_organization, location):
    other_service = Service.objects.create(organization=other_organization, name="Altro", slug="altro",
                                           description="x")
    other_location = Location.objects.create(organization=other_organization, name="Altra", address_1="Via X 1",
                                             city="La Spezia")
    with pytest.raises(PermissionDenied):
        services.save_location(organization, other_location, {"name": "Mia"}, member_editor)
    with pytest.raises(ValidationError):
        services.save_contact(organization, None, {"name": "X", "phone": "0187 111222", "service": other_service},
                              member_editor)
    schedule = Schedule.objects.create(location=other_location, byday="MO", opens_at="09:00", closes_at="12:00")
    with pytest.raises(PermissionDenied):
        services.save_schedule(organization, schedule, {"byday": "TU"}, member_editor)
    with pytest.raises(PermissionDenied):
        services.delete_entry(organization, schedule, "schedule", member_editor)
    with pytest.raises(PermissionDenied):
        services.save_location(other_organization, None, {"name": "Mia", "address_1": "Via", "city": "SP"},
                               member_editor)  # not its member
