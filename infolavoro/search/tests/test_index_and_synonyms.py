"""The index follows the data in the same transaction; desk administrators edit the synonyms; the rebuild
command rebuilds on either engine."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from infolavoro.network import services
from infolavoro.network.models import Organization, Service
from infolavoro.network.selectors import directory
from infolavoro.search.models import Document, Synonym

pytestmark = pytest.mark.django_db


def names(hits):
    return [h.organization.name for h in hits]


def test_an_edit_updates_the_index_in_its_transaction_and_a_rollback_leaves_it(organization, desk_admin):
    desk = organization.desk
    services.update_organization(organization, {"name": "Officina Saldatori"}, desk_admin)
    assert names(directory(desk, text="saldatori")) == ["Officina Saldatori"]
    seen = []

    def edit_then_fail():
        with transaction.atomic():
            services.update_organization(organization, {"name": "Scuola di Vela"}, desk_admin)
            seen.extend(names(directory(desk, text="vela")))  # inside the transaction
            raise RuntimeError

    with pytest.raises(RuntimeError):
        edit_then_fail()
    assert seen == ["Scuola di Vela"]
    assert names(directory(desk, text="vela")) == []
    assert names(directory(desk, text="saldatori")) == ["Officina Saldatori"]


def test_services_and_topics_reach_the_members_document(desk, organization):
    service = Service.objects.create(organization=organization, name="Sportello badanti", slug="s", description="x")
    assert organization.name in names(directory(desk, text="badanti"))
    service.delete()
    assert names(directory(desk, text="badanti")) == []
    Organization.objects.get(pk=organization.pk).delete()
    assert not Document.objects.filter(object_id=organization.pk).exists()


def test_desk_administrators_edit_the_synonyms_and_search_uses_them(client, desk, organization, desk_admin,
                                                                    operator):
    Service.objects.create(organization=organization, name="Carrellista", slug="c", description="Corso.")
    url = reverse("network_manage:synonyms", args=[desk.slug])
    client.force_login(operator)
    assert client.get(url).status_code == 404  # not theirs: as if it did not exist
    client.force_login(desk_admin)
    page = client.get(url).content.decode()
    assert "badante = assistenza familiare" in page  # the defaults, to start from
    bad = client.post(url, {"lines": "muletto carrellista\nok = bene"})
    assert "Riga 1" in bad.content.decode()
    assert "muletto carrellista" in bad.content.decode()  # kept
    assert client.post(url, {"lines": "# note\nmuletto, forklift = carrellista\n"}).status_code == 302
    assert list(Synonym.objects.filter(desk=desk).values_list("phrase", "alternatives")) == [
        ("muletto, forklift", "carrellista")]
    client.logout()
    assert names(directory(desk, text="muletto forklift")) == [organization.name]
    assert names(directory(desk, text="badante")) == []  # the defaults are replaced by the desk's own list


def test_rebuild_command_rebuilds_the_index(desk, organization, other_desk):
    Document.objects.all().delete()
    assert names(directory(desk, text=organization.name)) == []
    call_command("rebuild_search_index", verbosity=0)
    assert names(directory(desk, text=organization.name)) == [organization.name]
