"""Demo staff for a desk: fictional people, one shared demo password printed by `make run`."""

from __future__ import annotations

from django.db import transaction

from infolavoro.desks.models import Desk
from infolavoro.network.models import Organization

from .models import Role, RoleAssignment, User

DEMO_PASSWORD = "InfoLavoro-demo-2026"
ADMIN_EMAIL = "admin@infolavoro.example"

CPI = "Centro per l'Impiego della Spezia – Regione Liguria"
CCIAA = "Camera di Commercio Riviere di Liguria"

STAFF = [
    # e-mail, first name, last name, role, affiliation
    ("amministrazione@infolavoro.example", "Paola", "Vannucci", Role.DESK_ADMIN, "Comune della Spezia"),
    ("operatore.cpi1@infolavoro.example", "Giulia", "Ferrando", Role.DESK_OPERATOR, CPI),
    ("operatore.cpi2@infolavoro.example", "Marco", "Bertonati", Role.DESK_OPERATOR, CPI),
    ("operatore.cciaa@infolavoro.example", "Elena", "Castagnola", Role.DESK_OPERATOR, CCIAA),
    ("monitoraggio@regione.example", "Stefano", "Quaglia", Role.MONITORING_VIEWER, "Regione Liguria"),
]
# The second demo desk has its own staff; the Region's viewer sees both desks.
STAFF_BY_DESK = {
    "sarzana": [
        ("amministrazione.sarzana@infolavoro.example", "Lorenzo", "Bonati", Role.DESK_ADMIN, "Comune di Sarzana"),
        ("operatore.sarzana@infolavoro.example", "Silvia", "Cargiolli", Role.DESK_OPERATOR,
         "Centro per l'Impiego di Sarzana – Regione Liguria"),
        ("monitoraggio@regione.example", "Stefano", "Quaglia", Role.MONITORING_VIEWER, "Regione Liguria"),
    ],
}


def _user(email: str, first_name: str, last_name: str, **extra) -> User:
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name, **extra}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


@transaction.atomic
def load(desk: Desk) -> None:
    admin = _user(ADMIN_EMAIL, "Amministratore", "Demo", is_staff=True, is_superuser=True)
    RoleAssignment.objects.get_or_create(user=admin, role=Role.DESK_ADMIN, desk=desk)
    for email, first_name, last_name, role, affiliation in STAFF_BY_DESK.get(desk.slug, STAFF):
        user = _user(email, first_name, last_name)
        RoleAssignment.objects.update_or_create(
            user=user, role=role, desk=desk, organization=None, defaults={"affiliation": affiliation}
        )
    # One editor for each of the first two members (alphabetical), to try the member's side.
    for organization in Organization.objects.filter(desk=desk).order_by("name")[:2]:
        user = _user(f"redazione@{organization.slug}.example", "Redazione", organization.name[:100])
        RoleAssignment.objects.get_or_create(
            user=user, role=Role.MEMBER_EDITOR, desk=desk, organization=organization
        )
