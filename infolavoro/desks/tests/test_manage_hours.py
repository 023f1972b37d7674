import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from infolavoro.desks import services
from infolavoro.desks.hours import WeeklyInterval
from infolavoro.desks.models import OpeningInterval

T = dt.time.fromisoformat


def test_overlapping_intervals_are_refused():
    with pytest.raises(ValidationError) as exc:
        services.validate_weekly_intervals([WeeklyInterval(1, T("08:30"), T("12:00")),
                                            WeeklyInterval(1, T("11:00"), T("13:00"))])
    assert "sovrappongono" in exc.value.messages[0]


def test_end_before_start_is_refused():
    with pytest.raises(ValidationError):
        services.validate_weekly_intervals([WeeklyInterval(2, T("12:00"), T("08:30"))])


def test_same_times_on_different_days_are_fine():
    services.validate_weekly_intervals([WeeklyInterval(1, T("08:30"), T("12:00")),
                                        WeeklyInterval(2, T("08:30"), T("12:00")),
                                        WeeklyInterval(1, T("12:00"), T("13:00"))])


@pytest.mark.django_db
def test_database_refuses_interval_ending_before_it_starts(desk):
    with pytest.raises(IntegrityError), transaction.atomic():
        OpeningInterval.objects.create(desk=desk, weekday=5, opens_at=T("12:00"), closes_at=T("09:00"))


@pytest.mark.django_db
def test_set_opening_hours_replaces_the_week(desk, desk_admin):
    services.set_opening_hours(desk, [WeeklyInterval(0, T("09:00"), T("13:00"))], desk_admin)
    assert list(desk.opening_intervals.values_list("weekday", "opens_at")) == [(0, T("09:00"))]


@pytest.mark.django_db
def test_operator_cannot_change_hours(desk, operator):
    with pytest.raises(PermissionDenied):
        services.set_opening_hours(desk, [], operator)
    assert desk.opening_intervals.count() == 5


@pytest.mark.django_db
def test_hours_page_saves_valid_input(client, desk, desk_admin):
    client.force_login(desk_admin)
    data = {
        "form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0",
        "form-0-weekday": "0", "form-0-opens_at": "09:00", "form-0-closes_at": "12:30",
        "form-1-weekday": "0", "form-1-opens_at": "14:00", "form-1-closes_at": "16:00",
    }
    response = client.post(reverse("desks:manage_hours", args=[desk.slug]), data)
    assert response.status_code == 302
    assert desk.opening_intervals.count() == 2


@pytest.mark.django_db
def test_hours_page_keeps_input_and_explains_overlap(client, desk, desk_admin):
    client.force_login(desk_admin)
    data = {
        "form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0",
        "form-0-weekday": "0", "form-0-opens_at": "09:00", "form-0-closes_at": "12:30",
        "form-1-weekday": "0", "form-1-opens_at": "11:00", "form-1-closes_at": "16:00",
    }
    response = client.post(reverse("desks:manage_hours", args=[desk.slug]), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "si sovrappongono" in content
    assert 'value="11:00"' in content
    assert desk.opening_intervals.count() == 5  # unchanged


@pytest.mark.django_db
def test_hours_page_is_404_for_operator_and_other_desk_admin(client, desk, operator, other_desk):
    from conftest import make_user
    from infolavoro.accounts.models import Role

    url = reverse("desks:manage_hours", args=[desk.slug])
    client.force_login(operator)
    assert client.get(url).status_code == 404
    client.force_login(make_user("x@example.org", Role.DESK_ADMIN, other_desk))
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_hours_page_asks_anonymous_to_log_in(client, desk):
    response = client.get(reverse("desks:manage_hours", args=[desk.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
