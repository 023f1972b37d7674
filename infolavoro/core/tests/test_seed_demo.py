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


@pytest.mark.django_db
def test_seeded_demo_is_plausible_on_both_desks():
    """Issue 10 item 15, on the demo as `make run` seeds it (both desks): courses start and end on weekdays,
    spread over the coming months; services are described as what they are (translations do not speak of a
    level test, a «sportello» is never listed as a course); the need revealing disability is flagged."""
    import re
    from collections import Counter

    from django.utils import timezone

    from infolavoro.network.models import TaxonomyTerm, TrainingOpportunity

    call_command("seed_demo")
    today = timezone.localdate()
    for slug in ("la-spezia", "sarzana"):
        courses = list(TrainingOpportunity.objects.filter(organization__desk__slug=slug).select_related("service"))
        assert len(courses) >= 3, slug
        assert [c for c in courses if c.starts_on.weekday() >= 5 or c.ends_on.weekday() >= 5] == [], slug
        assert all(c.starts_on >= today for c in courses), slug
        starts = sorted(c.starts_on for c in courses)
        assert starts[-1] - starts[0] >= dt.timedelta(days=60), slug  # over the coming months
        assert len(set(starts)) == len(starts), slug  # no bunching on one or two dates
        busiest_month = Counter((d.year, d.month) for d in starts).most_common(1)[0][1]
        assert busiest_month <= max(2, len(starts) // 3), (slug, busiest_month)
        for course in courses:
            names = f"{course.title} {course.service.name if course.service else ''}".lower()
            assert "sportello" not in names, course.title
            assert "tirocini" not in names, course.title
        flagged = TaxonomyTerm.objects.filter(desk__slug=slug, special_category=True)
        assert list(flagged.values_list("code", flat=True)) == ["disabilita-inclusione"], slug

    internships = Service.objects.get(organization__desk__slug="la-spezia",
                                      name="Sportello tirocini e percorsi per le competenze")
    assert not internships.trainings.exists()
    translations = Service.objects.get(organization__desk__slug="la-spezia",
                                       slug="traduzioni-per-il-riconoscimento-dei-titoli")
    text = " ".join([translations.name, translations.description, translations.audience, translations.eligibility,
                     translations.how_to_access, translations.cost]).lower()
    assert not re.search(r"\btest\b|livell|prova|esame", text), text
    assert not translations.trainings.exists()
