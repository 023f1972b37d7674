"""What members type comes out as text everywhere: no markup stored (an entity-encoded tag is not decoded into a
real one), escaped in pages, and no spreadsheet formula in the open-data CSV (core.exports.safe_cell)."""

import csv
import io
import zipfile

import pytest
from django.urls import reverse

from infolavoro.network import services
from infolavoro.network.models import Service

pytestmark = pytest.mark.django_db
ENCODED_SCRIPT = "Corsi serali &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;gratuiti&lt;/b&gt; & aperti"
FORMULA = '=HYPERLINK("http://evil.example/x","Clicca")'


def test_encoded_tags_are_not_stored_as_markup(member_editor, organization):
    services.update_organization(organization, {"description": ENCODED_SCRIPT}, member_editor)
    organization.refresh_from_db()
    assert organization.description == "Corsi serali  gratuiti & aperti"
    assert "<" not in organization.description


@pytest.mark.parametrize(("typed", "stored"), [
    ("5 > 3 e 2 < 4", "5 > 3 e 2 < 4"),  # comparisons are text, kept
    ("Tom &amp; Jerry", "Tom & Jerry"),
    ("&amp;lt;img src=x onerror=alert(1)&amp;gt;Ciao", "Ciao"),  # doubly encoded
    ("riga\x00uno", "rigauno"),
])
def test_clean_text_leaves_plain_text(typed, stored):
    assert services.clean_text(typed) == stored


def test_hsds_api_page_and_csv_carry_no_markup(client, member_editor, organization):
    services.update_organization(organization, {"description": ENCODED_SCRIPT}, member_editor)
    body = client.get("/api/hsds/organizations", {"desk": organization.desk.slug}).content.decode()
    assert "gratuiti & aperti" in body
    assert "<script" not in body
    assert "alert(1)" not in body
    page = client.get(reverse("network:organization", args=[organization.desk.slug, organization.slug]))
    assert "gratuiti &amp; aperti" in page.content.decode()
    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("network:open_data", args=[organization.desk.slug]))
                                         .content))
    assert "<script" not in archive.read("organizations.csv").decode()


def test_open_data_csv_neutralises_formulas(client, member_editor, organization):
    services.update_organization(organization, {"description": FORMULA}, member_editor)
    Service.objects.create(organization=organization, name="Orientamento", slug="o", description="@SUM(1+1)")
    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("network:open_data", args=[organization.desk.slug]))
                                         .content))
    (row,) = csv.DictReader(io.StringIO(archive.read("organizations.csv").decode()))
    assert row["description"] == "'" + FORMULA
    assert row["name"] == organization.name
    (service,) = csv.DictReader(io.StringIO(archive.read("services.csv").decode()))
    assert service["description"] == "'@SUM(1+1)"
