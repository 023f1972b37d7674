"""create_desk: the command, the installation administrators' page and the service under both."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from infolavoro.accounts.models import Role, RoleAssignment, User
from infolavoro.booking import engine
from infolavoro.booking.models import Calendar, Reason
from infolavoro.desks import comuni, selectors, services
from infolavoro.desks.models import Desk
from infolavoro.intake.models import JobPortal
from infolavoro.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db

ARGS = ["--comune", "Sarzana", "--name", "InfoLavoro", "--slug", "sarzana", "--address", "Piazza Matteotti 1",
        "--postal-code", "19038", "--phone", "0187 614100", "--email", "infolavoro@comune.sarzana.example",
        "--hours", "lun 09:00-12:30; gio 09:00-12:30 14:30-17:30", "--patron-saint", "Sant'Andrea",
        "--patron-day", "30/11", "--admin-email", "anna.neri@comune.sarzana.example", "--admin-first-name", "Anna",
        "--admin-last-name", "Neri", "--portal", "all", "--min-cell-size", "4", "--no-input"]


def test_comuni_come_from_the_istat_list():
    assert [c.istat_code for c in comuni.find("La Spezia")] == ["011015"]
    assert comuni.find("sarzana")[0].province_code == "SP"
    assert comuni.find("011027")[0].name == "Sarzana"
    assert len(comuni.find("Samone")) == 2  # one in Turin's province, one in Trento's


def test_command_creates_a_bookable_desk_with_its_patron_and_invites_the_admin():
    out = io.StringIO()
    call_command("create_desk", *ARGS, stdout=out)
    desk = Desk.objects.get(slug="sarzana")
    assert "ISTAT 011027" in out.getvalue()
    assert (desk.comune, desk.istat_code, desk.holiday_subdivision) == ("Sarzana", "011027", "SP")
    assert (desk.patron_day, desk.patron_month, desk.min_cell_size) == (30, 11, 4)
    assert desk.opening_intervals.count() == 3
    assert Reason.objects.filter(desk=desk).count() == len(services.DEFAULT_REASONS)
    assert JobPortal.objects.filter(desk=desk).count() == len(services.portal_catalogue())
    admin = RoleAssignment.objects.get(desk=desk, role=Role.DESK_ADMIN)
    assert admin.user.email == "anna.neri@comune.sarzana.example"
    assert any("anna.neri@comune.sarzana.example" in m.to for m in OutboxMessage.objects.all())
    # Closed on its patron's day, open on La Spezia's (19 March 2027 is a Friday: not a Sarzana opening day;
    # Monday 30 November 2026 is, but Sant'Andrea closes it).
    closed = selectors.closed_days(desk, dt.date(2026, 11, 30), dt.date(2026, 11, 30))
    assert dt.date(2026, 11, 30) in closed
    calendar = Calendar.objects.get(desk=desk, service__isnull=True)
    now = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
    slots = engine.free_slots(calendar, dt.date(2026, 11, 30), dt.date(2026, 12, 3), now)
    days = {s.start.astimezone(desk.tz).date() for s in slots}
    assert dt.date(2026, 12, 3) in days  # Thursday
    assert dt.date(2026, 11, 30) not in days  # Sant'Andrea


@pytest.mark.parametrize(("change", "message"), [
    ({"--comune": "Atlantide"}, "Non trovo il Comune"),
    ({"--comune": "Samone"}, "codice ISTAT"),
    ({"--hours": "lun 12:00-09:00"}, "successivo"),
    ({"--hours": "xyz 09:00-12:00"}, "Giorno sconosciuto"),
    ({"--patron-day": "31/04"}, "non valida"),
    ({"--slug": "admin"}, "riservato"),
    ({"--min-cell-size": "2"}, "3"),
    ({"--phone": "telefono"}, "telefono"),
])
def test_command_rejects_bad_input_in_italian_and_writes_nothing(change, message):
    args = list(ARGS)
    for option, value in change.items():
        args[args.index(option) + 1] = value
    with pytest.raises(CommandError, match=message):
        call_command("create_desk", *args)
    assert not Desk.objects.exists()


def test_command_refuses_a_slug_already_taken(desk):
    args = list(ARGS)
    args[args.index("--slug") + 1] = desk.slug
    with pytest.raises(CommandError, match="Esiste già"):
        call_command("create_desk", *args)


def test_command_without_input_names_the_missing_option():
    with pytest.raises(CommandError, match="--name"):
        call_command("create_desk", "--comune", "Sarzana", "--no-input")


def test_only_installation_administrators_may_create_desks(desk, desk_admin):
    new = services.NewDesk(name="InfoLavoro", slug="sarzana", comune="Sarzana", address="Piazza 1",
                           phone="0187 614100", email="a@b.it", admin_email="c@d.it", admin_first_name="C",
                           admin_last_name="D", hours=services.parse_weekly_hours("lun 9-12"))
    with pytest.raises(PermissionDenied):
        services.create_desk(new, desk_admin)
    root = User.objects.create_superuser(email="root@infolavoro.example", password="x")
    assert services.create_desk(new, root).slug == "sarzana"


def page_data(**change):
    data = {"comune": "Sarzana", "name": "InfoLavoro", "slug": "sarzana", "address": "Piazza Matteotti 1",
            "postal_code": "19038", "phone": "0187 614100", "email": "infolavoro@comune.sarzana.example",
            "hours": "lun 09:00-12:30\ngio 09:00-12:30", "patron_saint": "Sant'Andrea", "patron_day": "30/11",
            "reasons": "Primo orientamento\nAltro", "retention_months": "24", "min_cell_size": "5",
            "admin_first_name": "Anna", "admin_last_name": "Neri", "admin_email": "anna@comune.sarzana.example"}
    return data | change


def test_page_is_for_installation_administrators_only(client, desk_admin):
    client.force_login(desk_admin)
    assert client.get(reverse("create_desk")).status_code == 404


def test_page_creates_the_desk_and_keeps_input_on_errors(client):
    root = User.objects.create_superuser(email="root@infolavoro.example", password="x")
    client.force_login(root)
    response = client.get(reverse("create_desk"))
    assert response.status_code == 200
    assert "Il primo amministratore" in response.content.decode()
    response = client.post(reverse("create_desk"), page_data(hours="lun 25:00-26:00", comune="Atlantide"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Non trovo il Comune" in body or "Fascia oraria non valida" in body
    assert "Piazza Matteotti 1" in body  # nothing typed is lost
    assert not Desk.objects.exists()
    response = client.post(reverse("create_desk"), page_data(comune="011027"))
    assert response.status_code == 302
    desk = Desk.objects.get(slug="sarzana")
    assert response.url == reverse("network_manage:import", kwargs={"desk_slug": "sarzana"})
    assert list(Reason.objects.filter(desk=desk).values_list("label", flat=True)) == ["Primo orientamento", "Altro"]


def test_page_handles_nul_bytes_and_year_9999_like_input(client):
    root = User.objects.create_superuser(email="root@infolavoro.example", password="x")
    client.force_login(root)
    response = client.post(reverse("create_desk"), page_data(name="Info\x00Lavoro", patron_day="31/02"))
    assert response.status_code == 400


def test_validation_errors_are_plain_messages():
    with pytest.raises(ValidationError):
        services.parse_weekly_hours("lun 09:00-10:00 09:30-11:00")
