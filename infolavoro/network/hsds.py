"""The one place that maps the directory to Open Referral HSDS 3.0 objects (API and open data).

Rows the directory keeps as plain fields (an organisation's phone, a location's address, a service's topics)
become HSDS objects with ids derived deterministically from their parent (UUID 5), so they are stable across
requests and exports.
"""

from __future__ import annotations

import uuid
from typing import Any

from infolavoro.desks.models import Desk

from .models import Location, Organization, Service, TaxonomyTerm

TAXONOMY = "InfoLavoro – bisogni e argomenti"
LANGUAGE_NAMES = {"it": "Italiano", "en": "English", "fr": "Français", "ar": "العربية", "es": "Español",
                  "ro": "Română", "uk": "Українська", "zh": "中文"}


def _child_id(parent: uuid.UUID, kind: str) -> str:
    return str(uuid.uuid5(parent, kind))


def _text(value: str | None) -> str | None:
    return value or None


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """HSDS schemas type optional fields without null: an unknown value is left out."""
    return {key: value for key, value in data.items() if value is not None}


def _it(obj: Any, field: str) -> str:
    """The Italian version of a translated text: HSDS records declare `language: it`, whatever the language
    of the request."""
    return getattr(obj, f"{field}_it", None) or ""


def _en(obj: Any, field: str) -> str:
    return getattr(obj, f"{field}_en", None) or ""


def _translation(table: str, record_id: Any, field: str, value: str) -> dict[str, Any]:
    return {"id": _child_id(uuid.UUID(str(record_id)), f"{field}:en"), "record_table": table,
            "record_id": str(record_id), "field": field, "language": "en", "value": value}


def _joined_english(obj: Any, fields: tuple[str, ...]) -> str:
    """The English of a text HSDS joins from several fields: only when every Italian part has its English."""
    parts = [(_it(obj, f), _en(obj, f)) for f in fields if _it(obj, f)]
    return " ".join(en for _it_text, en in parts) if parts and all(en for _it_text, en in parts) else ""


def english_texts(obj: Any) -> list[dict[str, Any]]:
    """The English versions of the texts of a member (with its premises, services and hours) or a need, each
    pointing at the HSDS record and field it translates: the open data's `translations.csv`."""
    rows: list[tuple[str, Any, str, str]] = []
    if isinstance(obj, TaxonomyTerm):
        rows += [("taxonomy_terms", obj.pk, "name", _en(obj, "name")),
                 ("taxonomy_terms", obj.pk, "description", _en(obj, "description"))]
    else:
        rows.append(("organizations", obj.pk, "description", _en(obj, "description")))
        for loc in obj.locations.all():
            rows += [("locations", loc.pk, "transportation", _en(loc, "transportation")),
                     ("accessibility", _child_id(loc.pk, "accessibility"), "description", _en(loc, "accessibility"))]
        for svc in obj.services.all():
            rows += [("services", svc.pk, "name", _en(svc, "name")),
                     ("services", svc.pk, "description", _en(svc, "description")),
                     ("services", svc.pk, "application_process", _en(svc, "how_to_access")),
                     ("services", svc.pk, "fees_description", _en(svc, "cost")),
                     ("services", svc.pk, "eligibility_description",
                      _joined_english(svc, ("audience", "eligibility")))]
            rows += [("schedules", s.pk, "description", _en(s, "description")) for s in svc.schedules.all()]
    return [_translation(table, pk, field, value) for table, pk, field, value in rows if value]


def taxonomy_term(term: TaxonomyTerm) -> dict[str, Any]:
    return _compact({
        "id": str(term.pk), "code": term.code, "name": _it(term, "name"),
        "description": _it(term, "description") or _it(term, "name"),
        "parent_id": str(term.parent_id) if term.parent_id else None, "taxonomy": TAXONOMY, "language": "it",
    })


def _phone(parent: uuid.UUID, number: str, **links: Any) -> dict[str, Any]:
    return {"id": _child_id(parent, f"phone:{number}"), "number": number, "type": "voice", **links}


def location(loc: Location) -> dict[str, Any]:
    return _compact({
        "id": str(loc.pk), "location_type": "physical", "organization_id": str(loc.organization_id),
        "name": loc.name,
        "latitude": float(loc.latitude) if loc.latitude is not None else None,
        "longitude": float(loc.longitude) if loc.longitude is not None else None,
        "transportation": _text(_it(loc, "transportation")),
        "accessibility": ([{"id": _child_id(loc.pk, "accessibility"), "location_id": str(loc.pk),
                            "description": _it(loc, "accessibility")}] if _it(loc, "accessibility") else None),
        "addresses": [{
            "id": _child_id(loc.pk, "address"), "location_id": str(loc.pk), "address_1": loc.address_1,
            "city": loc.city, "state_province": loc.state_province or "SP", "postal_code": loc.postal_code or "",
            "country": loc.country or "IT", "address_type": "physical",
        }],
    })


def _attributes(service: Service) -> list[dict[str, Any]]:
    return [{
        "id": _child_id(service.pk, f"term:{term.pk}"), "link_id": str(service.pk), "link_type": "need",
        "link_entity": "service", "taxonomy_term_id": str(term.pk), "taxonomy_term": taxonomy_term(term),
    } for term in service.taxonomy_terms.all()]


def service(svc: Service, *, full: bool = True, with_organization: bool = True) -> dict[str, Any]:
    """A service; `full` adds the nested objects of /services/{id}."""
    org = svc.organization
    data: dict[str, Any] = {
        "id": str(svc.pk), "organization_id": str(org.pk), "name": _it(svc, "name"),
        "description": _it(svc, "description"),
        "status": "active" if svc.is_active else "inactive",
        "application_process": _text(_it(svc, "how_to_access")), "fees_description": _text(_it(svc, "cost")),
        "eligibility_description": _text(" ".join(p for p in (_it(svc, "audience"), _it(svc, "eligibility")) if p)),
        "email": _text(org.email), "url": _text(org.website),
        "assured_date": svc.last_reviewed_at.date().isoformat() if svc.last_reviewed_at else None,
        "last_modified": svc.updated_at.isoformat(),
    }
    if with_organization:
        data["organization"] = organization(org, full=False)
    if full:
        data["attributes"] = _attributes(svc)
        data["service_at_locations"] = [{
            "id": _child_id(svc.pk, f"at:{loc.pk}"), "service_id": str(svc.pk), "location_id": str(loc.pk),
            "location": location(loc),
        } for loc in svc.locations.all()]
        data["phones"] = ([_phone(svc.pk, org.phone, service_id=str(svc.pk))] if org.phone else [])
        data["languages"] = [{"id": _child_id(svc.pk, f"language:{code}"), "service_id": str(svc.pk),
                              "name": LANGUAGE_NAMES.get(code, code), "code": code}
                             for code in (svc.languages or ["it"])]
        # Local wall-clock times of the desk's zone: a fixed UTC offset would be wrong half of the year.
        data["schedules"] = [_compact({
            "id": str(s.pk), "service_id": str(svc.pk), "freq": s.freq, "byday": s.byday or None,
            "opens_at": s.opens_at.strftime("%H:%M"), "closes_at": s.closes_at.strftime("%H:%M"),
            "valid_from": s.valid_from.isoformat() if s.valid_from else None,
            "valid_to": s.valid_to.isoformat() if s.valid_to else None, "description": _text(_it(s, "description")),
        }) for s in svc.schedules.all()]
    return _compact(data)


def organization(org: Organization, *, full: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": str(org.pk), "name": org.name,
        "description": _it(org, "description") or org.get_kind_display(),
        "email": _text(org.email), "website": _text(org.website), "legal_status": org.get_kind_display(),
    }
    if full:
        data["phones"] = [_phone(org.pk, org.phone, organization_id=str(org.pk))] if org.phone else []
        data["contacts"] = [_compact({
            "id": str(c.pk), "organization_id": str(org.pk), "name": c.name, "title": _text(c.title),
            "email": _text(c.email),
            "phones": [_phone(c.pk, c.phone, contact_id=str(c.pk))] if c.phone else None,
        }) for c in org.contacts.all()]
        data["locations"] = [location(loc) for loc in org.locations.all()]
        data["services"] = [service(s, full=False, with_organization=False) for s in org.services.all()]
    return _compact(data)


def page(items: list[dict[str, Any]], total: int, page_number: int, per_page: int) -> dict[str, Any]:
    """The HSDS API profile's Page envelope."""
    total_pages = max((total + per_page - 1) // per_page, 1)
    return {
        "total_items": total, "total_pages": total_pages, "page_number": page_number, "size": len(items),
        "first_page": page_number == 1, "last_page": page_number >= total_pages, "empty": total == 0,
        "contents": items,
    }


def licence_of(desk: Desk) -> str:
    return desk.open_data_licence
