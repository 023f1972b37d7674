"""The staff home says what is waiting: for the desk, today's people still to receive and the referrals stuck
too long; for administrators, the network changes to review; for a member, the referrals to answer and what
is to be verified. Counts are the person's own desk or member only, in a constant number of queries."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from infolavoro.booking import services as booking_services
from infolavoro.booking.models import BookingStatus
from infolavoro.booking.tests.conftest import citizen as booking_data
from infolavoro.booking.tests.conftest import make_calendar
from infolavoro.network.models import ChangeRecord, Organization
from infolavoro.referrals.models import Referral, State

pytestmark = pytest.mark.django_db


@pytest.fixture
def today_bookings(desk):
    """Two people booked at the desk today (one already arrived) and one tomorrow."""
    from infolavoro.booking.models import Reason

    Reason.objects.create(desk=desk, code="orientamento", label="Orientamento")
    everyday = tuple((d, "00:00", "23:30", 5) for d in range(7))
    calendar = make_calendar(desk, intervals=everyday, min_notice_hours=0)
    now = timezone.now()
    local = timezone.localtime(now, desk.tz)
    today_end = local.replace(hour=23, minute=0, second=0, microsecond=0)
    first = booking_services.book(calendar, start=today_end, now=now - dt.timedelta(days=1), **booking_data())
    booking_services.book(calendar, start=today_end, now=now - dt.timedelta(days=1),
                          **booking_data(email="altro@example.org"))
    booking_services.book(calendar, start=today_end + dt.timedelta(days=1), now=now, **booking_data(
        email="domani@example.org"))
    first.status = BookingStatus.CHECKED_IN
    first.save(update_fields=["status"])
    return calendar


def test_operator_sees_the_people_to_receive_today(client, desk, operator, today_bookings):
    client.force_login(operator)
    content = client.get(reverse("accounts:dashboard")).content.decode()
    assert "1 persona da ricevere oggi" in content
    assert "0 segnalazioni ferme da troppi giorni" in content
    assert "da rivedere" not in content  # not an administrator


def test_administrator_sees_the_changes_to_review(client, desk, desk_admin, organization):
    ChangeRecord.objects.create(desk=desk, organization=organization, object_type="organization",
                                object_id=str(organization.pk), object_label=organization.name, action="update",
                                at=timezone.now())
    client.force_login(desk_admin)
    assert "1 modifica della rete da rivedere" in client.get(reverse("accounts:dashboard")).content.decode()


def test_member_sees_its_own_referrals_to_answer_and_what_to_verify(client, desk, operator, member_editor,
                                                                     organization, consultation, service,
                                                                     other_service, django_assert_max_num_queries):
    from infolavoro.referrals import services as referral_services

    referral_services.create_referral(consultation, service, operator)
    referral_services.create_referral(consultation, other_service, operator)  # to another member
    Organization.objects.filter(pk=organization.pk).update(last_reviewed_at=None)
    client.force_login(member_editor)
    with django_assert_max_num_queries(14):
        content = client.get(reverse("accounts:dashboard")).content.decode()
    assert Referral.objects.filter(state=State.SENT).count() == 2
    assert "1 segnalazione da accettare o rifiutare" in content
    from infolavoro.network.selectors import stale_entries

    assert len(stale_entries(desk)[organization.pk]) == 2  # the profile and its service, never reviewed
    assert "2 informazioni da verificare" in content
