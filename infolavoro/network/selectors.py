"""Read queries on the network directory."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from infolavoro.desks.models import Desk

from .models import Organization, Service


def public_organizations(desk: Desk) -> QuerySet[Organization]:
    """Active members of a desk's network, with their active services and topics (constant query count)."""
    # Calendars: a service bookable online links to the booking flow at its premises.
    services = Service.objects.filter(is_active=True).prefetch_related("taxonomy_terms", "calendars")
    return (
        Organization.objects.filter(desk=desk, is_active=True)
        .prefetch_related(Prefetch("services", queryset=services), "locations")
        .order_by("name")
    )


def public_organization(desk: Desk, slug: str) -> Organization:
    return get_object_or_404(public_organizations(desk), slug=slug)
