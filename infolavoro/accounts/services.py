"""Use cases on staff: invite a person to a role on a desk, end a role."""

from __future__ import annotations

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from infolavoro.desks.models import Desk

from .models import Role, RoleAssignment, User
from .permissions import can

# Roles a desk administrator hands out from the staff page; member editors are invited from the network pages.
DESK_STAFF_ROLES = (Role.DESK_OPERATOR, Role.DESK_ADMIN, Role.MONITORING_VIEWER)


def password_setup_path(user: User) -> str:
    """A one-time link to choose a password (Django's reset token: invalid once the password changes)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})


@transaction.atomic
def invite_staff(
    desk: Desk,
    *,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    affiliation: str,
    actor: User,
) -> RoleAssignment:
    """Give a person a role on the desk; a new person gets an e-mail with a link to choose a password."""
    if not can(actor, "desk.administer", desk):
        raise PermissionDenied
    if role not in DESK_STAFF_ROLES:
        raise ValidationError({"role": _("Ruolo non valido.")})
    return _grant(desk, email=email, first_name=first_name, last_name=last_name, role=role,
                  affiliation=affiliation, organization=None)


@transaction.atomic
def invite_member_editor(organization, *, email: str, first_name: str, last_name: str, actor: User
                         ) -> RoleAssignment:
    """A desk administrator invites someone to keep a network member's data current."""
    desk = organization.desk
    if not can(actor, "desk.administer", desk):
        raise PermissionDenied
    return _grant(desk, email=email, first_name=first_name, last_name=last_name, role=Role.MEMBER_EDITOR,
                  affiliation=organization.name[:200], organization=organization)


def invite_first_admin(desk: Desk, *, email: str, first_name: str, last_name: str) -> RoleAssignment:
    """The first administrator of a new desk. Only `desks.services.create_desk` calls it, inside its own check
    (an installation administrator, or the command line)."""
    return _grant(desk, email=email, first_name=first_name, last_name=last_name, role=Role.DESK_ADMIN,
                  affiliation=desk.denomination[:200], organization=None)


def _grant(desk: Desk, *, email: str, first_name: str, last_name: str, role: str, affiliation: str,
           organization, employer=None) -> RoleAssignment:
    """Create the user if new, give (or give back) the role, and e-mail the one-time link or the login."""
    from django.conf import settings

    from infolavoro.notifications.services import queue_email

    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User(email=email, first_name=first_name.strip(), last_name=last_name.strip())
        user.set_unusable_password()
        user.save()
    assignment, new_role = RoleAssignment.objects.get_or_create(
        user=user, role=role, desk=desk, organization=organization, employer=employer,
        defaults={"affiliation": affiliation.strip()},
    )
    if not new_role:
        if assignment.is_active:
            raise ValidationError({"email": _("Questa persona ha già questo ruolo nello sportello.")})
        assignment.is_active = True
        assignment.affiliation = affiliation.strip() or assignment.affiliation
        assignment.save(update_fields=["is_active", "affiliation"])
    context = {
        "desk": desk,
        "user": user,
        "role": assignment.get_role_display(),
        "new_account": created,
        "link": settings.SITE_URL + (password_setup_path(user) if created else reverse("accounts:login")),
    }
    queue_email(desk=desk, to=[user.email], subject=_("InfoLavoro: accesso all'area riservata"),
                template="accounts/email/invitation.txt", context=context)
    return assignment


@transaction.atomic
def end_role(assignment: RoleAssignment, actor: User) -> None:
    """Deactivate a role (kept for the record). An administrator cannot remove their own admin role."""
    if not can(actor, "desk.administer", assignment.desk):
        raise PermissionDenied
    if assignment.user_id == actor.pk and assignment.role == Role.DESK_ADMIN:
        raise ValidationError(_("Non puoi togliere a te stesso il ruolo di amministratore."))
    assignment.is_active = False
    assignment.save(update_fields=["is_active"])
