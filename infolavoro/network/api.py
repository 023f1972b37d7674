"""The directory as open data in the Open Referral HSDS 3.0 API profile (read-only, public).

`/api/hsds/organizations`, `/organizations/{id}`, `/services`, `/services/{id}`, `/taxonomy_terms`, paginated
with the profile's Page envelope. Without `desk` the whole installation; `desk=<slug>` narrows to one desk's
network; `comune`, `near` (a Comune) or `lat`/`lon` with `radius_km` narrow by place; `search` on organisations
is the directory's ranked search. Constant queries per page.
"""

from __future__ import annotations

import uuid

from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from infolavoro.api.schemas import InputSchema
from infolavoro.desks.models import Desk

from . import hsds
from .models import Organization, Service, TaxonomyTerm

router = Router(tags=["HSDS open data"])
MAX_PER_PAGE = 100
MAX_PAGE = 10_000  # page × per_page must stay a sane SQL OFFSET


class PageQuery(InputSchema):
    page: int = Field(1, le=MAX_PAGE, description=f"From 1; at most {MAX_PAGE}")
    per_page: int = Field(20, description=f"Items per page, 1 to {MAX_PER_PAGE} (larger values give {MAX_PER_PAGE})")
    desk: str | None = Field(None, max_length=Desk._meta.get_field("slug").max_length,
                             description="A desk's slug: only its network")
    search: str | None = Field(None, max_length=200, description="Words to look for (NUL characters are removed)")
    comune: str | None = Field(None, max_length=120, description="The Comune of a location")
    near: str | None = Field(None, max_length=120, description="A Comune's name: locations around its centroid")
    lat: float | None = Field(None, allow_inf_nan=False, description="Or a point")
    lon: float | None = Field(None, allow_inf_nan=False)
    radius_km: float = Field(20, allow_inf_nan=False)


def _point(query: PageQuery) -> tuple[float, float] | None:
    from .places import centroid

    if query.lat is not None and query.lon is not None and -90 <= query.lat <= 90 and -180 <= query.lon <= 180:
        return (query.lat, query.lon)
    return centroid(query.near) if query.near else None


def _radius(query: PageQuery) -> float:
    return min(max(query.radius_km, 0.1), 500)


class ServiceQuery(PageQuery):
    taxonomy_term_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None


class PageOut(Schema):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool
    contents: list[dict]


def _bounds(query: PageQuery) -> tuple[int, int]:
    per_page = min(max(query.per_page, 1), MAX_PER_PAGE)
    return max(query.page, 1), per_page


def _paged(qs: QuerySet, query: PageQuery, serialise) -> dict:
    page_number, per_page = _bounds(query)
    total = qs.count()
    start = (page_number - 1) * per_page
    return hsds.page([serialise(obj) for obj in qs[start:start + per_page]], total, page_number, per_page)


def _services() -> QuerySet[Service]:
    return (Service.objects.filter(is_active=True, organization__is_active=True, organization__desk__is_active=True)
            .select_related("organization").prefetch_related("taxonomy_terms", "locations", "schedules")
            .order_by("name", "pk"))


def _organizations() -> QuerySet[Organization]:
    services = Service.objects.filter(is_active=True).select_related("organization").order_by("name")
    return (Organization.objects.filter(is_active=True, desk__is_active=True)
            .prefetch_related("locations", "contacts", Prefetch("services", queryset=services)).order_by("name", "pk"))


def _search(qs: QuerySet, text: str | None, *fields: str) -> QuerySet:
    if not text:
        return qs
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": text})
    return qs.filter(condition)


@router.get("/organizations", response=PageOut,
            summary="Organisations of the network (HSDS Page): every desk's, or `desk=<slug>`; ranked `search`, "
                    "`comune`, `near=<Comune>` or `lat`/`lon` within `radius_km`")
def organizations(request: HttpRequest, query: Query[PageQuery]):
    from infolavoro.desks.models import Desk

    from .selectors import directory

    desk = None
    if query.desk:
        desk = Desk.objects.filter(slug=query.desk, is_active=True).first()
        if desk is None:
            return hsds.page([], 0, *_bounds(query))
    point = _point(query)
    if query.near and point is None:
        return hsds.page([], 0, *_bounds(query))
    hits = directory(desk, text=(query.search or "")[:1000], comune=(query.comune or "")[:100], near=point,
                     radius_km=_radius(query))
    page_number, per_page = _bounds(query)
    ids = [m.organization_id for m in hits.matches[(page_number - 1) * per_page:page_number * per_page]]
    orgs = _organizations().in_bulk(ids)
    return hsds.page([hsds.organization(orgs[pk], full=False) for pk in ids if pk in orgs], hits.total,
                     page_number, per_page)


@router.get("/organizations/{organization_id}", response=dict, summary="One organisation, in full (HSDS)")
def organization_detail(request: HttpRequest, organization_id: uuid.UUID):
    return hsds.organization(get_object_or_404(_organizations(), pk=organization_id))


@router.get("/services", response=PageOut, summary="Services of the network (HSDS Page)")
def services(request: HttpRequest, query: Query[ServiceQuery]):
    qs = _services()
    if query.desk:
        qs = qs.filter(organization__desk__slug=query.desk)
    if query.taxonomy_term_id:
        qs = qs.filter(taxonomy_terms=query.taxonomy_term_id)
    if query.organization_id:
        qs = qs.filter(organization_id=query.organization_id)
    if query.comune:
        qs = qs.filter(organization__locations__city__iexact=query.comune[:100]).distinct()
    point = _point(query)
    if point is not None:
        from .selectors import _near

        qs = qs.filter(_near(*point, _radius(query), via="organization__locations")).distinct()
    elif query.near:
        qs = qs.none()
    qs = _search(qs, query.search, "name_it", "name_en", "description_it", "description_en", "organization__name")
    return _paged(qs, query, lambda svc: hsds.service(svc, full=False))


@router.get("/services/{service_id}", response=dict, summary="One service, in full (HSDS)")
def service_detail(request: HttpRequest, service_id: uuid.UUID):
    return hsds.service(get_object_or_404(_services(), pk=service_id))


@router.get("/taxonomy_terms", response=PageOut, summary="Needs and topics (HSDS taxonomy terms)")
def taxonomy_terms(request: HttpRequest, query: Query[PageQuery]):
    qs = TaxonomyTerm.objects.filter(desk__is_active=True).order_by("position", "name", "pk")
    if query.desk:
        qs = qs.filter(desk__slug=query.desk)
    qs = _search(qs, query.search, "name_it", "name_en", "description_it", "description_en")
    return _paged(qs, query, hsds.taxonomy_term)
