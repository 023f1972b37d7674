"""Print every demo login, desk by desk: `make run` calls it last, just before the server starts, so that the
logins are the last thing on screen. Read from the database, so that it never forgets an account the demo loads.
Only accounts on the reserved `.example` domain (RFC 2606) are listed: demo accounts, never real people."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db.models import Case, IntegerField, Value, When

from infolavoro.accounts.demo import DEMO_PASSWORD
from infolavoro.accounts.models import Role, RoleAssignment

# Most powerful first, as a newcomer would want to try them.
ROLE_ORDER = [Role.DESK_ADMIN, Role.DESK_OPERATOR, Role.MONITORING_VIEWER, Role.MEMBER_EDITOR, Role.EMPLOYER_CONTACT]
# In English, as the README's table of demo logins (a test keeps the two in step).
ROLE_NAMES = {
    Role.DESK_ADMIN: "desk administrator",
    Role.DESK_OPERATOR: "desk operator",
    Role.MONITORING_VIEWER: "monitoring viewer",
    Role.MEMBER_EDITOR: "member editor",
    Role.EMPLOYER_CONTACT: "employer contact",
}


def demo_logins() -> list[tuple[str, list[tuple[str, str]]]]:
    """[(desk heading, [(e-mail, what the account is)])], one query."""
    order = Case(*[When(role=role, then=Value(n)) for n, role in enumerate(ROLE_ORDER)], output_field=IntegerField())
    rows = (
        RoleAssignment.objects.filter(is_active=True, user__is_active=True, user__email__endswith=".example")
        .select_related("desk", "user", "organization", "employer")
        .annotate(role_order=order)
        .order_by("desk__name", "desk__slug", "-user__is_superuser", "role_order", "user__email")
    )
    desks: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        what = ROLE_NAMES[row.role]
        if row.user.is_superuser:
            what = f"superuser, {what}"
        of = row.organization.name if row.organization_id else row.employer.name if row.employer_id else ""
        if of:
            what = f"{what} of {of}"
        if row.affiliation and row.affiliation != of:
            what = f"{what} ({row.affiliation})"
        desks.setdefault(f"{row.desk} – /{row.desk.slug}/", []).append((row.user.email, what))
    return list(desks.items())


class Command(BaseCommand):
    help = "Prints every demo login (accounts on the .example domain), desk by desk, with the shared password."

    def handle(self, *args, **options) -> None:
        logins = demo_logins()
        if not logins:
            self.stdout.write("No demo logins: run `manage.py seed_demo` first.")
            return
        width = max(len(email) for _, rows in logins for email, _ in rows)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Demo logins – every account's password: {DEMO_PASSWORD}"))
        for heading, rows in logins:
            self.stdout.write(self.style.MIGRATE_HEADING(heading))
            for email, what in rows:
                self.stdout.write(f"  {email.ljust(width)}  {what}")
        self.stdout.write("")
