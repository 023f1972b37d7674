"""Open vacancies of a desk: list (with the board's filters) and detail, as JSON and as schema.org JobPosting."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from infolavoro.desks import selectors as desk_selectors

from . import selectors
from .jobposting import to_jobposting, vacancy_url

router = Router(tags=["vacancies"])


class VacancyOut(Schema):
    id: uuid.UUID
    url: str
    title: str
    employer: str
    occupation: str
    occupation_uri: str
    isco_code: str
    comune: str
    remote: str
    contract_type: str
    working_time: str
    hours_per_week: int | None
    salary_min: int | None
    salary_max: int | None
    openings: int
    published_on: dt.date
    expires_on: dt.date


class VacancyDetailOut(VacancyOut):
    description: str
    how_to_apply: str
    essential_skills: list[str]
    optional_skills: list[str]
    languages: dict[str, str]
    licences: list[str]
    education_eqf: int | None
    experience_months: int


class BoardQuery(Schema):
    q: str = Field("", max_length=100, description="Words in the title, occupation or a local synonym")
    gruppo: str = Field("", max_length=1, description="ISCO-08 major group (1–9)")
    comune: str = Field("", max_length=100)
    contratto: str = Field("", max_length=20)
    orario: str = Field("", max_length=4, description="full or part")
    scadenza: str = Field("", max_length=4, description="expiring within this many days")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=1_000_000)


class ErrorOut(Schema):
    detail: str


def _out(v: Any, desk: Any) -> dict[str, Any]:
    return {"id": v.pk, "url": vacancy_url(v, desk), "title": v.title, "employer": v.employer.name,
            "occupation": v.occupation.preferred_label, "occupation_uri": v.occupation.uri, "isco_code": v.isco_code,
            "comune": v.comune, "remote": v.remote, "contract_type": v.contract_type,
            "working_time": v.working_time, "hours_per_week": v.hours_per_week, "salary_min": v.salary_min,
            "salary_max": v.salary_max, "openings": v.openings, "published_on": v.published_on,
            "expires_on": v.expires_on}


@router.get("/{slug}/vacancies", response={200: list[VacancyOut], 404: ErrorOut},
            summary="Open job vacancies of a desk, newest first")
def vacancy_list(request: HttpRequest, slug: str, query: Query[BoardQuery]):
    desk = desk_selectors.desk_by_slug(slug)
    filters = {k: v.replace("\x00", "") for k, v in query.dict().items() if k in selectors.BOARD_FILTERS and v}
    rows = selectors.board(desk, filters)[query.offset:query.offset + query.limit]
    return [_out(v, desk) for v in rows]


def _vacancy(slug: str, pk: uuid.UUID):
    desk = desk_selectors.desk_by_slug(slug)
    return desk, selectors.public_vacancy(desk, pk)


@router.get("/{slug}/vacancies/{pk}", response={200: VacancyDetailOut, 404: ErrorOut}, summary="An open vacancy")
def vacancy_detail(request: HttpRequest, slug: str, pk: uuid.UUID):
    desk, v = _vacancy(slug, pk)
    return {**_out(v, desk), "description": v.description, "how_to_apply": v.how_to_apply,
            "essential_skills": [s.preferred_label for s in v.essential_skills.all()],
            "optional_skills": [s.preferred_label for s in v.optional_skills.all()],
            "languages": v.languages or {}, "licences": v.licences or [], "education_eqf": v.education_eqf,
            "experience_months": v.experience_months}


@router.get("/{slug}/vacancies/{pk}/jobposting", response={200: dict, 404: ErrorOut},
            summary="An open vacancy as schema.org JobPosting (JSON-LD)")
def vacancy_jobposting(request: HttpRequest, slug: str, pk: uuid.UUID):
    _desk, v = _vacancy(slug, pk)
    return to_jobposting(v)
