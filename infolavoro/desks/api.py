"""Public, read-only description of the desks."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from . import selectors

router = Router(tags=["desks"])


class DeskSummaryOut(Schema):
    slug: str
    name: str
    comune: str
    address: str
    phone: str
    email: str


@router.get("", response=list[DeskSummaryOut], summary="List the desks")
def list_desks(request: HttpRequest):
    return list(selectors.active_desks())
