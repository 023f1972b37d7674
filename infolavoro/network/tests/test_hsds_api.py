"""The HSDS 3.0 API profile: every response validates against the compiled Open Referral schemas (formats
checked: UUIDs, URIs, dates), the Page envelope is right, all 33 demo members are there, queries are constant."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from jsonschema import Draft202012Validator, FormatChecker

SCHEMAS = Path(__file__).parent / "hsds_schemas"
pytestmark = pytest.mark.django_db


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((SCHEMAS / f"{name}.json").read_text()), format_checker=FormatChecker())


def assert_valid(name: str, instance: dict) -> None:
    errors = sorted(validator(name).iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def assert_page(body: dict) -> None:
    assert set(body) == {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty",
                         "contents"}
    assert body["size"] == len(body["contents"])


@pytest.fixture
def demo(db):
    import io

    call_command("seed_demo", stdout=io.StringIO())


def all_pages(client, path, **params):
    items, page = [], 1
    while True:
        body = client.get(path, {**params, "page": page, "per_page": 10}).json()
        assert_page(body)
        items += body["contents"]
        if body["last_page"]:
            return items, body
        page += 1


def test_all_33_members_as_valid_hsds_organizations(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        first = client.get("/api/hsds/organizations", {"desk": "la-spezia", "per_page": 10}).json()
    assert (first["total_items"], first["total_pages"], first["first_page"], first["last_page"]) == (33, 4, True,
                                                                                                   False)
    organizations, last = all_pages(client, "/api/hsds/organizations", desk="la-spezia")
    assert len({o["id"] for o in organizations}) == 33
    assert last["page_number"] == 4
    for item in organizations:
        assert_valid("organization_list", item)
    with django_assert_max_num_queries(6):
        full = client.get(f"/api/hsds/organizations/{organizations[0]['id']}").json()
    assert_valid("organization", full)
    assert full["services"]
    for item in organizations:
        assert_valid("organization", client.get(f"/api/hsds/organizations/{item['id']}").json())


def test_services_and_their_details_validate(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        body = client.get("/api/hsds/services", {"desk": "la-spezia", "per_page": 50}).json()
    assert body["total_items"] >= 66
    for item in body["contents"]:
        assert_valid("service_list", item)
    detail = client.get(f"/api/hsds/services/{body['contents'][0]['id']}").json()
    assert_valid("service", detail)
    assert detail["service_at_locations"][0]["location"]["addresses"][0]["country"] == "IT"


def test_taxonomy_terms_and_filter_by_term(client, demo):
    body = client.get("/api/hsds/taxonomy_terms", {"desk": "la-spezia", "per_page": 100}).json()
    assert_page(body)
    for item in body["contents"]:
        assert_valid("taxonomy_term", item)
    term = body["contents"][0]
    services = client.get("/api/hsds/services", {"taxonomy_term_id": term["id"], "per_page": 100}).json()
    for item in services["contents"]:
        detail = client.get(f"/api/hsds/services/{item['id']}").json()
        assert term["id"] in [a["taxonomy_term_id"] for a in detail["attributes"]]


def test_unknown_ids_are_404_and_bad_ids_422(client, demo):
    assert client.get("/api/hsds/organizations/00000000-0000-0000-0000-000000000000").status_code == 404
    assert client.get("/api/hsds/services/not-a-uuid").status_code == 422


def test_empty_result_is_an_empty_page(client, demo):
    body = client.get("/api/hsds/organizations", {"desk": "nessuno"}).json()
    assert (body["total_items"], body["empty"], body["contents"]) == (0, True, [])


def test_openapi_document_is_valid_openapi(client):
    from openapi_spec_validator import validate

    document = client.get("/api/openapi.json").json()
    assert {"/api/hsds/organizations", "/api/hsds/services/{service_id}", "/api/hsds/taxonomy_terms",
            "/api/v1/desks/{slug}/slots", "/api/v1/desks/{slug}/bookings"} <= set(document["paths"])
    validate(document)  # raises on any violation of the OpenAPI specification
