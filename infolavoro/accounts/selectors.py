"""Read queries about staff users and their roles."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import RoleAssignment


def active_roles(user) -> QuerySet[RoleAssignment]:
    return (
        RoleAssignment.objects.filter(user=user, is_active=True, desk__is_active=True)
        .select_related("desk", "organization")
        .order_by("desk__name", "role")
    )
