"""The directory as HSDS tabular open data: a ZIP of CSV files (one per HSDS table) and a datapackage.json
with the licence. Built from the same objects as the API (network/hsds.py), flattened."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from infolavoro.core.exports import csv_text
from infolavoro.desks.models import Desk

from . import hsds
from .models import Organization, Service, TaxonomyTerm

# table → columns (HSDS 3.0 field names); nested values are written to their own tables.
TABLES: dict[str, list[str]] = {
    "organizations": ["id", "name", "alternate_name", "description", "email", "website", "legal_status"],
    "services": ["id", "organization_id", "name", "description", "url", "email", "status", "application_process",
                 "fees_description", "eligibility_description", "assured_date", "last_modified"],
    "locations": ["id", "location_type", "organization_id", "name", "transportation", "latitude", "longitude"],
    "addresses": ["id", "location_id", "address_1", "city", "state_province", "postal_code", "country",
                  "address_type"],
    "accessibility": ["id", "location_id", "description"],
    "service_at_locations": ["id", "service_id", "location_id"],
    "schedules": ["id", "service_id", "freq", "byday", "opens_at", "closes_at", "valid_from", "valid_to",
                  "description"],
    "contacts": ["id", "organization_id", "name", "title", "email"],
    "phones": ["id", "organization_id", "service_id", "contact_id", "number", "type"],
    "languages": ["id", "service_id", "name", "code"],
    "taxonomy_terms": ["id", "code", "name", "description", "parent_id", "taxonomy", "language"],
    "attributes": ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity"],
}
# Not an HSDS table: the English versions of the directory's texts, one row per text, pointing at the HSDS record
# and field they translate (HSDS readers ignore the file; InfoLavoro's import reads it back).
TRANSLATIONS = ["id", "record_table", "record_id", "field", "language", "value"]
LICENCES = {"CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
            "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
            "IODL-2.0": "https://www.dati.gov.it/iodl/2.0/"}


def rows(desk: Desk) -> dict[str, list[dict[str, Any]]]:
    """The HSDS tables (TABLES), and `translations`: the English texts (TRANSLATIONS)."""
    services = (Service.objects.filter(is_active=True).select_related("organization")
                .prefetch_related("taxonomy_terms", "locations", "schedules"))
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    english: list[dict[str, Any]] = []
    for org in (Organization.objects.filter(desk=desk, is_active=True)
                .prefetch_related("locations", "contacts", Prefetch("services", queryset=services)).order_by("name")):
        data = hsds.organization(org)
        tables["organizations"].append(data)
        english += hsds.english_texts(org)
        tables["phones"] += data.get("phones", [])
        for contact in data.get("contacts", []):
            tables["contacts"].append(contact)
            tables["phones"] += contact.get("phones", [])
        for location in data.get("locations", []):
            tables["locations"].append(location)
            tables["addresses"] += location.get("addresses", [])
            tables["accessibility"] += location.get("accessibility", [])
        for svc in org.services.all():
            service = hsds.service(svc, with_organization=False)
            tables["services"].append(service)
            tables["attributes"] += service.get("attributes", [])
            tables["schedules"] += service.get("schedules", [])
            tables["languages"] += service.get("languages", [])
            tables["service_at_locations"] += service.get("service_at_locations", [])
            tables["phones"] += service.get("phones", [])
    terms = list(TaxonomyTerm.objects.filter(desk=desk).order_by("position", "name_it"))
    tables["taxonomy_terms"] = [hsds.taxonomy_term(t) for t in terms]
    for term in terms:
        english += hsds.english_texts(term)
    tables["translations"] = english
    return tables


def datapackage(desk: Desk) -> dict[str, Any]:
    licence = desk.open_data_licence
    return {
        "name": f"infolavoro-{desk.slug}-rete", "profile": "tabular-data-package",
        "title": f"Rete per il lavoro – {desk.name}, {desk.comune}",
        "description": "Open Referral HSDS 3.0 tabular export of the network directory.",
        "homepage": settings.SITE_URL + reverse("network:index", kwargs={"desk_slug": desk.slug}),
        "created": timezone.now().isoformat(timespec="seconds"),
        "licenses": [{"name": licence, "path": LICENCES.get(licence, "")}],
        "resources": [{"name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
                       "encoding": "utf-8", "schema": {"fields": [{"name": c} for c in columns]}}
                      for name, columns in TABLES.items()]
        + [{"name": "translations", "path": "translations.csv", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": "InfoLavoro extension, not an HSDS table: the English versions of the texts above "
                           "(record_table and record_id: the HSDS record; field: the HSDS field; language: en).",
            "schema": {"fields": [{"name": c} for c in TRANSLATIONS]}}],
    }


def zip_bytes(desk: Desk) -> bytes:
    tables = rows(desk)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, columns in TABLES.items():
            archive.writestr(f"{name}.csv", csv_text(columns, tables[name]))
        archive.writestr("translations.csv", csv_text(TRANSLATIONS, tables["translations"]))
        archive.writestr("datapackage.json", json.dumps(datapackage(desk), ensure_ascii=False, indent=2))
        archive.writestr("LICENSE.txt", f"{desk.open_data_licence} {LICENCES.get(desk.open_data_licence, '')}\n"
                                        f"© {desk.comune} e soggetti della Rete per il lavoro\n")
    return buffer.getvalue()
