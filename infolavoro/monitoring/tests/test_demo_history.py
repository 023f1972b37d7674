"""The demo's past year: both desks have twelve complete months of plausible activity behind them, so the Region's
dashboard (by default the last twelve complete months) shows real figures for each; loading twice adds nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from infolavoro.booking.models import Booking, ServiceRating
from infolavoro.desks.models import Desk
from infolavoro.intake.models import Citizen, Consultation, PortalAssistance
from infolavoro.monitoring import selectors
from infolavoro.referrals.models import Referral

pytestmark = pytest.mark.django_db
MODELS = (Booking, Citizen, Consultation, PortalAssistance, Referral, ServiceRating)


def test_a_year_behind_both_demo_desks_shown_by_the_dashboard(client):
    call_command("seed_demo", stdout=io.StringIO())
    counts = {m.__name__: m.objects.count() for m in MODELS}
    call_command("seed_demo", stdout=io.StringIO())
    assert {m.__name__: m.objects.count() for m in MODELS} == counts  # idempotent

    period = selectors.default_period(timezone.localdate())
    desks = list(Desk.objects.filter(slug__in=["la-spezia", "sarzana"]).order_by("slug"))
    for desk in desks:
        held = Consultation.objects.filter(desk=desk, held_at__date__gte=period.start, held_at__date__lte=period.end)
        assert held.dates("held_at", "month").count() == 12, desk.slug  # every month of the default period
        # a record is made for who was received: cancelled and missed appointments have no consultation
        assert not Booking.objects.filter(desk=desk, status__in=["cancelled", "no_show"],
                                          consultations__isnull=False).exists()
        statuses = dict(Booking.objects.filter(desk=desk, start__date__lt=period.end).values_list("status")
                        .annotate(n=Count("pk")))
        assert statuses["completed"] > statuses["no_show"] > 0
        assert statuses["cancelled"] > 0
    assert Referral.objects.filter(state="declined").exclude(decline_reason="").exists()

    compared = selectors.comparison(desks, period)
    served = next(r for r in compared.results if r.indicator.code == "people.served")
    for row in served.rows:  # one per desk, real figures in most months (small ones hidden)
        published = [c.value for c in row.cells if c.value is not None]
        assert len(published) >= 10, row.label
        assert min(published) > 0, row.label

    from infolavoro.accounts.models import User

    client.force_login(User.objects.get(email="monitoraggio@regione.example"))
    page = client.get("/monitoraggio/")
    assert page.status_code == 200
    assert "La Spezia" in page.content.decode()
    assert "Sarzana" in page.content.decode()

