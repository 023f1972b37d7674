"""HSDS tabular open data: every CSV column is a field of its HSDS table, ids join up, the licence is stated."""

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).parent / "hsds_schemas"


def hsds_fields() -> dict[str, set[str]]:
    """Field names of each HSDS table, read from the compiled organization and service schemas."""
    org = json.loads((SCHEMAS / "organization.json").read_text())
    svc = json.loads((SCHEMAS / "service.json").read_text())
    term = json.loads((SCHEMAS / "taxonomy_term.json").read_text())
    loc = org["properties"]["locations"]["items"]

    def props(schema):
        return set(schema.get("items", schema)["properties"])

    return {
        "organizations": props(org), "services": props(svc), "locations": props(loc),
        "addresses": props(loc["properties"]["addresses"]), "accessibility": props(loc["properties"]["accessibility"]),
        "service_at_locations": props(svc["properties"]["service_at_locations"]),
        "schedules": props(svc["properties"]["schedules"]), "contacts": props(org["properties"]["contacts"]),
        "phones": props(org["properties"]["phones"]), "languages": props(svc["properties"]["languages"]),
        "taxonomy_terms": set(term["properties"]), "attributes": props(svc["properties"]["attributes"]),
    }


def test_zip_of_hsds_tables_with_licence(client):
    call_command("seed_demo", stdout=io.StringIO())
    response = client.get(reverse("network:open_data", args=["la-spezia"]))
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    fields = hsds_fields()
    tables = {}
    for name in fields:
        reader = csv.DictReader(io.StringIO(archive.read(f"{name}.csv").decode()))
        assert set(reader.fieldnames) <= fields[name], name
        tables[name] = list(reader)
    assert len(tables["organizations"]) == 33
    organization_ids = {row["id"] for row in tables["organizations"]}
    assert {row["organization_id"] for row in tables["services"]} <= organization_ids
    location_ids = {row["id"] for row in tables["locations"]}
    assert {row["location_id"] for row in tables["addresses"]} <= location_ids
    assert tables["schedules"]
    assert tables["attributes"]
    assert tables["taxonomy_terms"]
    package = json.loads(archive.read("datapackage.json"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert "CC-BY-4.0" in archive.read("LICENSE.txt").decode()
