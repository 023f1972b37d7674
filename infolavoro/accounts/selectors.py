"""Read queries about staff users and their roles."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import RoleAssignment


def active_roles(user) -> QuerySet[RoleAssignment]:
    return (
        RoleAssignment.objects.filter(user=user, is_active=True, desk__is_active=True)
        .select_related("desk", "organization", "employer")
        .order_by("desk__name", "role")
    )


def desk_staff(desk) -> QuerySet[RoleAssignment]:
    """Everyone holding a role on the desk, member editors included, active first."""
    return (
        RoleAssignment.objects.filter(desk=desk)
        .select_related("user", "organization")
        .order_by("-is_active", "role", "user__last_name", "user__first_name")
    )
