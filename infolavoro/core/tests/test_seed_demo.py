import datetime as dt

import pytest
from django.core.management import call_command

from infolavoro.accounts.demo import ADMIN_EMAIL, DEMO_PASSWORD
from infolavoro.accounts.models import Role, RoleAssignment, User
from infolavoro.booking.models import Booking
from infolavoro.desks.models import Desk
from infolavoro.network.models import Organization, OrganizationKind, Service
from infolavoro.referrals.models import Referral


@pytest.mark.django_db
def test_seed_demo_loads_la_spezia_as_the_article_describes_it_and_is_idempotent(capsys):
    call_command("seed_demo")
    counts = (Desk.objects.count(), Organization.objects.count(), Service.objects.count(), User.objects.count(),
              RoleAssignment.objects.count())
    call_command("seed_demo")
    assert (Desk.objects.count(), Organization.objects.count(), Service.objects.count(), User.objects.count(),
            RoleAssignment.objects.count()) == counts

    desk = Desk.objects.get(slug="la-spezia")
    assert (desk.phone, desk.email, desk.comune) == ("0187 727248", "infolavoro@comune.sp.it", "La Spezia")
    hours = set(desk.opening_intervals.values_list("weekday", "opens_at", "closes_at"))
    morning = (dt.time(8, 30), dt.time(12, 0))
    assert hours == {(1, *morning), (2, *morning), (3, *morning), (4, *morning), (1, dt.time(14, 30), dt.time(17, 30))}

    members = Organization.objects.filter(desk=desk)
    assert members.count() == 33
    assert set(members.values_list("kind", flat=True)) == set(OrganizationKind.values)
    assert all(o.services.count() >= 2 for o in members.prefetch_related("services"))
    assert members.filter(name__icontains="Centro per l'Impiego").exists()
    assert members.filter(name__icontains="Camera di Commercio").exists()

    affiliations = set(RoleAssignment.objects.filter(role=Role.DESK_OPERATOR).values_list("affiliation", flat=True))
    assert any("Centro per l'Impiego" in a for a in affiliations)
    assert any("Camera di Commercio" in a for a in affiliations)
    assert User.objects.get(email=ADMIN_EMAIL).check_password(DEMO_PASSWORD)
    assert "demo_logins" in capsys.readouterr().out  # where the logins are (make run prints them last)

    # The second desk: its own hours, patron saint, network, staff, bookings and people; the Region sees both.
    sarzana = Desk.objects.get(slug="sarzana")
    assert (sarzana.istat_code, sarzana.patron_saint, sarzana.patron_month, sarzana.patron_day) == (
        "011027", "Sant'Andrea", 11, 30)
    assert set(sarzana.opening_intervals.values_list("weekday", flat=True)) == {0, 2, 3}
    assert Organization.objects.filter(desk=sarzana).count() == 8
    assert not set(Organization.objects.filter(desk=sarzana).values_list("slug", flat=True)) & set(
        members.values_list("slug", flat=True))
    assert Booking.objects.filter(desk=sarzana).exists()
    assert Referral.objects.filter(citizen__desk=sarzana).exists()
    assert not Referral.objects.filter(citizen__desk=sarzana, service__organization__desk=desk).exists()
    viewer_desks = set(RoleAssignment.objects.filter(user__email="monitoraggio@regione.example",
                                                     role=Role.MONITORING_VIEWER).values_list("desk__slug", flat=True))
    assert viewer_desks == {"la-spezia", "sarzana"}
