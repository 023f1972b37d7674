from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors
from .models import OrganizationKind


def index(request: HttpRequest, desk_slug: str) -> HttpResponse:
    organizations = list(selectors.public_organizations(request.desk))
    groups = [
        (label, [o for o in organizations if o.kind == kind])
        for kind, label in OrganizationKind.choices
    ]
    return render(request, "network/index.html", {
        "groups": [(label, members) for label, members in groups if members],
        "count": len(organizations),
    })


def organization(request: HttpRequest, desk_slug: str, slug: str) -> HttpResponse:
    return render(request, "network/organization.html", {
        "organization": selectors.public_organization(request.desk, slug),
    })
