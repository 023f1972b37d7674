"""A Comune adopts InfoLavoro: create_desk + import_network of La Spezia's export, then it books, lists and refers
end to end, and the two desks never see each other's data."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import make_user
from infolavoro.accounts.models import Role
from infolavoro.booking import engine
from infolavoro.booking import services as booking_services
from infolavoro.booking.models import Calendar
from infolavoro.desks import selectors
from infolavoro.desks import services as desk_services
from infolavoro.intake import services as intake_services
from infolavoro.network import demo, importer, tabular
from infolavoro.network import services as network_services
from infolavoro.network.models import Service
from infolavoro.referrals import services as referral_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def sarzana(desk):
    """La Spezia with its demo network; Sarzana created by the adoption path and given La Spezia's export."""
    demo.load(desk)
    new = desk_services.NewDesk(
        name="InfoLavoro", slug="sarzana", comune="Sarzana", address="Piazza Matteotti 1", phone="0187 614100",
        email="infolavoro@comune-sarzana.example", admin_email="admin@comune-sarzana.example",
        admin_first_name="Anna", admin_last_name="Neri", patron_saint="Sant'Andrea", patron_day_month=(30, 11),
        hours=desk_services.parse_weekly_hours("lun 09:00-12:30; gio 09:00-12:30"))
    other = desk_services.create_desk(new, None)
    report = network_services.import_network(other, importer.read_upload("rete.zip", tabular.zip_bytes(desk)), None)
    assert report.applied
    return other


def first_slot(calendar):
    today = dt.date.today()
    slots = engine.free_slots(calendar, today, today + dt.timedelta(days=30))
    return slots[0]


def book(desk, name):
    calendar = Calendar.objects.get(desk=desk, service__isnull=True)
    reason = desk.booking_reasons.order_by("position").first()
    return booking_services.book(calendar, start=first_slot(calendar).start, reason_code=reason.code,
                                 first_name=name, last_name="Prova", email=f"{name.lower()}@example.org",
                                 privacy_consent=True)


def test_new_desk_books_lists_and_refers_and_sees_only_its_own(client, desk, sarzana):
    spezia_operator = make_user("op@spezia.example", Role.DESK_OPERATOR, desk)
    sarzana_operator = make_user("op@sarzana.example", Role.DESK_OPERATOR, sarzana)
    desk.booking_reasons.create(code="orientamento", label="Orientamento")
    spezia_calendar = Calendar.objects.create(desk=desk, name="InfoLavoro – La Spezia")
    for weekday in range(5):
        spezia_calendar.intervals.create(weekday=weekday, opens_at=dt.time(8, 30), closes_at=dt.time(12))

    # Book: each on its own desk.
    ours, theirs = book(sarzana, "Sara"), book(desk, "Luca")
    assert ours.desk == sarzana
    assert theirs.desk == desk

    # List: each agenda shows its own bookings only; the other desk's agenda is a 404.
    day = ours.start.astimezone(sarzana.tz).date().isoformat()
    client.force_login(sarzana_operator)
    page = client.get(reverse("booking_staff:booking", kwargs={"desk_slug": "sarzana", "pk": ours.pk}))
    assert page.status_code == 200
    assert "Sara" in page.content.decode()
    assert client.get(reverse("booking_staff:agenda", kwargs={"desk_slug": "sarzana"}), {"giorno": day}
                      ).status_code == 200
    assert client.get(reverse("booking_staff:agenda", kwargs={"desk_slug": desk.slug})).status_code == 404
    assert client.get(reverse("booking_staff:booking", kwargs={"desk_slug": "sarzana", "pk": theirs.pk})
                      ).status_code == 404

    # Refer: a Sarzana citizen goes to a member of Sarzana's (imported) network, never to La Spezia's.
    citizen = intake_services.create_citizen(sarzana, {"first_name": "Sara", "last_name": "Prova"},
                                             sarzana_operator, privacy_acknowledged=True, sharing_consent=True)
    consultation = intake_services.record_consultation(citizen, {"reason": "Cerca un corso"}, sarzana_operator,
                                                       booking=ours)
    own_service = Service.objects.filter(organization__desk=sarzana).order_by("name").first()
    spezia_service = Service.objects.get(organization__desk=desk, slug=own_service.slug,
                                         organization__slug=own_service.organization.slug)
    referral = referral_services.create_referral(consultation, own_service, sarzana_operator)
    with pytest.raises(ValidationError):
        referral_services.create_referral(consultation, spezia_service, sarzana_operator)

    assert client.get(reverse("referrals:detail", kwargs={"desk_slug": "sarzana", "pk": referral.pk})
                      ).status_code == 200
    assert client.get(reverse("intake:citizen", kwargs={"desk_slug": "sarzana", "pk": citizen.pk})
                      ).status_code == 200
    client.force_login(spezia_operator)
    for name, kwargs in (("referrals:detail", {"pk": referral.pk}), ("intake:citizen", {"pk": citizen.pk}),
                         ("booking_staff:booking", {"pk": ours.pk})):
        assert client.get(reverse(name, kwargs={"desk_slug": desk.slug, **kwargs})).status_code == 404
        assert client.get(reverse(name, kwargs={"desk_slug": "sarzana", **kwargs})).status_code == 404
    listing = client.get(reverse("referrals:desk_list", kwargs={"desk_slug": desk.slug})).content.decode()
    assert "Sara" not in listing
    citizens = client.get(reverse("intake:index", kwargs={"desk_slug": desk.slug}), {"q": "Prova"}).content.decode()
    assert "Sara" not in citizens

    # The public directories stay apart too: same members, but each desk's pages link its own.
    public = client.get(reverse("network:index", kwargs={"desk_slug": "sarzana"})).content.decode()
    assert "/sarzana/rete/" in public
    assert f"/{desk.slug}/rete/" not in public


def test_sarzana_is_closed_on_sant_andrea_and_open_on_san_giuseppe(sarzana):
    calendar = Calendar.objects.get(desk=sarzana, service__isnull=True)
    now = dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC)
    days = {s.start.astimezone(sarzana.tz).date()
            for s in engine.free_slots(calendar, dt.date(2026, 11, 30), dt.date(2026, 12, 3), now)}
    assert dt.date(2026, 11, 30) not in days  # Monday, Sant'Andrea
    assert dt.date(2026, 12, 3) in days
    # La Spezia's patron (San Giuseppe, 19 March) does not close Sarzana.
    assert dt.date(2027, 3, 19) not in selectors.closed_days(sarzana, dt.date(2027, 3, 19), dt.date(2027, 3, 19))
