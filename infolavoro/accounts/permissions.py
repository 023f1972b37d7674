"""The one permission module: `can(user, action, obj)`.

Every view and API endpoint asks here. Rules are per object: the object is resolved to the desk and, where
it has one, the organisation it belongs to. Selectors use `desk_ids_for` / `organization_ids_for` to scope
querysets, so that objects outside a user's scope are 404s rather than 403s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.http import Http404

from .models import Role, RoleAssignment


@dataclass(frozen=True)
class Grants:
    """The active roles of one user, loaded with a single query and cached on the user object."""

    superuser: bool = False
    desk_roles: frozenset[tuple[str, int]] = field(default_factory=frozenset)
    organizations: frozenset[Any] = field(default_factory=frozenset)  # organisations edited (UUIDs)
    organization_desks: frozenset[int] = field(default_factory=frozenset)  # their desks
    employers: frozenset[Any] = field(default_factory=frozenset)  # employers whose contact this is (UUIDs)

    def has(self, role: str, desk_id: int | None) -> bool:
        return desk_id is not None and (role, desk_id) in self.desk_roles

    def desks_with(self, *roles: str) -> set[int]:
        return {desk_id for role, desk_id in self.desk_roles if role in roles}


def grants_for(user: Any) -> Grants:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Grants()
    cached = getattr(user, "_infolavoro_grants", None)
    if cached is not None:
        return cached
    # A suspended member's (inactive organisation's) editor grants are void everywhere, here and only here.
    rows = RoleAssignment.objects.filter(
        Q(organization__isnull=True) | Q(organization__is_active=True),
        user=user, is_active=True, desk__is_active=True,
    ).values_list("role", "desk_id", "organization_id", "employer_id")
    desk_roles, organizations, organization_desks, employers = set(), set(), set(), set()
    for role, desk_id, organization_id, employer_id in rows:
        if role == Role.EMPLOYER_CONTACT:
            employers.add(employer_id)
        elif role == Role.MEMBER_EDITOR:
            organizations.add(organization_id)
            organization_desks.add(desk_id)
        else:
            desk_roles.add((role, desk_id))
    grants = Grants(
        superuser=user.is_superuser,
        desk_roles=frozenset(desk_roles),
        organizations=frozenset(organizations),
        organization_desks=frozenset(organization_desks),
        employers=frozenset(employers),
    )
    user._infolavoro_grants = grants
    return grants


def forget_grants(user: Any) -> None:
    """Drop the cached grants after a role change within the same request."""
    if hasattr(user, "_infolavoro_grants"):
        del user._infolavoro_grants


def _desk_id(obj: Any) -> int | None:
    from infolavoro.desks.models import Desk

    if isinstance(obj, Desk):
        return obj.pk
    return getattr(obj, "desk_id", None)


def _organization_id(obj: Any) -> Any:
    from infolavoro.network.models import Organization

    if isinstance(obj, Organization):
        return obj.pk
    return getattr(obj, "organization_id", None)


# --- Rules: action name -> predicate(grants, obj). Add new actions here, nowhere else. ---------------

Rule = Callable[[Grants, Any], bool]
RULES: dict[str, Rule] = {}


def rule(action: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        RULES[action] = fn
        return fn

    return register


STAFF_ROLES = (Role.DESK_OPERATOR, Role.DESK_ADMIN)


@rule("desk.operate")
def _operate(g: Grants, obj: Any) -> bool:
    """Agenda, consultations, citizens, referrals from the desk side, booking on behalf."""
    desk_id = _desk_id(obj)
    return any(g.has(role, desk_id) for role in STAFF_ROLES)


@rule("desk.administer")
def _administer(g: Grants, obj: Any) -> bool:
    """Hours, closures, staff, network membership, taxonomy, review queue, desk settings."""
    return g.has(Role.DESK_ADMIN, _desk_id(obj))


@rule("installation.administer")
def _administer_installation(g: Grants, obj: Any) -> bool:
    """Create desks for other Comuni: the installation's administrators only (superusers, checked in `can`)."""
    return False


@rule("organization.edit")
def _edit_organization(g: Grants, obj: Any) -> bool:
    """A member's profile, services, projects and opportunities: its editors and the desk's admins."""
    return _organization_id(obj) in g.organizations or g.has(Role.DESK_ADMIN, _desk_id(obj))


@rule("organization.inbox")
def _member_inbox(g: Grants, obj: Any) -> bool:
    """What is addressed to a member (referrals, its calendar): its editors only, plus desk staff."""
    return _organization_id(obj) in g.organizations or _operate(g, obj)


@rule("monitoring.view")
def _monitor(g: Grants, obj: Any) -> bool:
    """Aggregates only, never personal data."""
    desk_id = _desk_id(obj)
    return g.has(Role.MONITORING_VIEWER, desk_id) or g.has(Role.DESK_ADMIN, desk_id)


# --- booking ---


@rule("calendar.agenda")
def _calendar_agenda(g: Grants, obj: Any) -> bool:
    """A calendar's appointments (or one of them): desk staff for every calendar of the desk, a member's
    editors for the calendars at their own premises."""
    return _operate(g, obj) or (
        _organization_id(obj) is not None and _organization_id(obj) in g.organizations
        and _desk_id(obj) in g.organization_desks
    )


@rule("calendar.manage")
def _calendar_manage(g: Grants, obj: Any) -> bool:
    """Opening, capacity, exceptions of a calendar: desk admins; a member's editors for their own calendars."""
    return g.has(Role.DESK_ADMIN, _desk_id(obj)) or (
        _organization_id(obj) is not None and _organization_id(obj) in g.organizations
        and _desk_id(obj) in g.organization_desks
    )


# --- intake and referrals ---


@rule("citizen.view")
def _view_citizen(g: Grants, obj: Any) -> bool:
    """A citizen's record (and consultations): operators and admins of the citizen's desk only."""
    return _operate(g, obj)


@rule("citizen.change")
def _change_citizen(g: Grants, obj: Any) -> bool:
    """Edit, consult, refer, export and erase: operators and admins of the citizen's desk."""
    return _operate(g, obj)


@rule("referral.view")
def _view_referral(g: Grants, obj: Any) -> bool:
    """Desk staff see every referral of their desk; member editors only those addressed to their member."""
    return _operate(g, obj) or (
        _organization_id(obj) in g.organizations and _desk_id(obj) in g.organization_desks
    )


@rule("referral.respond")
def _respond_referral(g: Grants, obj: Any) -> bool:
    """Accept, decline, set the appointment, record the outcome: the addressed member's editors."""
    return _organization_id(obj) in g.organizations and _desk_id(obj) in g.organization_desks


@rule("audit.view")
def _view_audit(g: Grants, obj: Any) -> bool:
    """The log of accesses to personal data: desk administrators."""
    return _administer(g, obj)


# --- labour ---


def _employer_id(obj: Any) -> Any:
    from infolavoro.labour.models import Employer

    if isinstance(obj, Employer):
        return obj.pk
    return getattr(obj, "employer_id", None)


@rule("employer.manage")
def _manage_employer(g: Grants, obj: Any) -> bool:
    """An employer, its vacancies and the proposals it received: its own contacts, and the desk's staff."""
    return _employer_id(obj) in g.employers or _operate(g, obj)


@rule("employer.contact")
def _employer_contact(g: Grants, obj: Any) -> bool:
    """What only the employer records (a proposal's outcome): its own contacts."""
    return _employer_id(obj) is not None and _employer_id(obj) in g.employers


def can(user: Any, action: str, obj: Any) -> bool:
    """May `user` do `action` on `obj`? Unknown actions are a programming error, not a silent no."""
    try:
        predicate = RULES[action]
    except KeyError as exc:
        raise ValueError(f"Unknown permission action: {action}") from exc
    grants = grants_for(user)
    if grants.superuser:
        return True
    return predicate(grants, obj)


def require(user: Any, action: str, obj: Any) -> None:
    """Raise 404 (not 403) so that objects outside the user's scope do not reveal they exist."""
    if not can(user, action, obj):
        raise Http404


def desk_ids_for(user: Any, action: str) -> set[int] | None:
    """Desk ids where the user may do a desk-level action; None means every desk (superuser)."""
    grants = grants_for(user)
    if grants.superuser:
        return None
    roles = {
        "desk.operate": STAFF_ROLES,
        "desk.administer": (Role.DESK_ADMIN,),
        "monitoring.view": (Role.MONITORING_VIEWER, Role.DESK_ADMIN),
    }[action]
    return grants.desks_with(*roles)


def employer_ids_for(user: Any) -> set[Any] | None:
    """Employers the user is a contact of; None means every one (superuser)."""
    grants = grants_for(user)
    if grants.superuser:
        return None
    return set(grants.employers)


def organization_ids_for(user: Any) -> set[Any] | None:
    """Organisations the user edits as a member editor; None means every one (superuser)."""
    grants = grants_for(user)
    if grants.superuser:
        return None
    return set(grants.organizations)


def edits_member_on(user: Any, desk: Any) -> bool:
    """Is the user the editor of (at least) one member of this desk? (Not true of superusers by default.)"""
    return desk is not None and desk.pk in grants_for(user).organization_desks


def is_employer_contact(user: Any) -> bool:
    """Is the user the contact of (at least) one employer?"""
    return bool(grants_for(user).employers)


def staff_desk_ids(user: Any) -> set[int]:
    """Every desk where the user holds any role (to choose a desk for pages that have none in their URL)."""
    grants = grants_for(user)
    return {desk_id for _, desk_id in grants.desk_roles} | set(grants.organization_desks)
