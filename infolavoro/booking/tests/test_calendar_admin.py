"""Staff manage calendars: intervals with capacity (no overlaps, end after start), rules, members' own
calendars, the desk's topics."""

import datetime as dt

import pytest
from django.urls import reverse

from infolavoro.booking.models import Calendar, Reason

pytestmark = pytest.mark.django_db


def interval_data(rows, **settings):
    data = {"slot_minutes": 30, "buffer_minutes": 0, "min_notice_hours": 24, "horizon_days": 60,
            "max_future_bookings_per_email": 3, "is_active": "on", "i-TOTAL_FORMS": len(rows),
            "i-INITIAL_FORMS": 0, "i-MIN_NUM_FORMS": 0, "i-MAX_NUM_FORMS": 1000, **settings}
    for n, (weekday, opens, closes, capacity) in enumerate(rows):
        data.update({f"i-{n}-weekday": weekday, f"i-{n}-opens_at": opens, f"i-{n}-closes_at": closes,
                     f"i-{n}-capacity": capacity})
    return data


def test_admin_sets_intervals_with_capacity(client, desk_admin, calendar):
    client.force_login(desk_admin)
    url = reverse("booking_staff:calendar", args=["la-spezia", calendar.pk])
    response = client.post(url, interval_data([(1, "08:30", "12:00", 2), (1, "14:30", "17:30", 1)],
                                              slot_minutes=20))
    assert response.status_code == 302
    assert sorted(calendar.intervals.values_list("weekday", "opens_at", "closes_at", "capacity")) == [
        (1, dt.time(8, 30), dt.time(12, 0), 2), (1, dt.time(14, 30), dt.time(17, 30), 1)]
    calendar.refresh_from_db()
    assert calendar.slot_minutes == 20


@pytest.mark.parametrize(("rows", "message"), [
    ([(1, "08:30", "12:00", 1), (1, "11:00", "13:00", 1)], "si sovrappongono"),
    ([(1, "12:00", "08:30", 1)], "successivo"),
    ([(1, "08:30", "12:00", 0)], "Almeno una persona"),
])
def test_bad_intervals_keep_the_input(client, desk_admin, calendar, rows, message):
    before = list(calendar.intervals.values_list("weekday", "opens_at"))
    client.force_login(desk_admin)
    response = client.post(reverse("booking_staff:calendar", args=["la-spezia", calendar.pk]), interval_data(rows))
    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    assert 'value="08:30"' in content or 'value="12:00"' in content
    assert list(calendar.intervals.values_list("weekday", "opens_at")) == before


def test_member_editor_opens_and_runs_their_own_calendar_only(client, member_editor, calendar, service):
    client.force_login(member_editor)
    page = client.get(reverse("booking_staff:calendars", args=["la-spezia"]))
    assert service.name in page.content.decode()
    client.post(reverse("booking_staff:calendars", args=["la-spezia"]), {"service": service.pk})
    own = Calendar.objects.get(service=service)
    response = client.post(reverse("booking_staff:calendar", args=["la-spezia", own.pk]),
                           interval_data([(0, "09:00", "12:00", 1)]))
    assert response.status_code == 302
    assert own.intervals.count() == 1
    # The desk's calendar is not theirs.
    assert client.get(reverse("booking_staff:calendar", args=["la-spezia", calendar.pk])).status_code == 404
    assert client.get(reverse("booking_staff:reasons", args=["la-spezia"])).status_code == 404


def test_operator_cannot_manage_calendars(client, operator, calendar):
    client.force_login(operator)
    assert client.get(reverse("booking_staff:calendar", args=["la-spezia", calendar.pk])).status_code == 404


def test_admin_renames_reorders_and_deactivates_topics(client, desk_admin, reasons):
    client.force_login(desk_admin)
    url = reverse("booking_staff:reasons", args=["la-spezia"])
    rows = list(Reason.objects.filter(desk=reasons.first().desk).values("code", "label", "position", "is_active"))
    data = {"r-TOTAL_FORMS": len(rows) + 1, "r-INITIAL_FORMS": len(rows), "r-MIN_NUM_FORMS": 0,
            "r-MAX_NUM_FORMS": 1000}
    for n, row in enumerate(rows):
        data.update({f"r-{n}-code": row["code"], f"r-{n}-label": row["label"], f"r-{n}-position": n})
        if row["code"] != "altro":
            data[f"r-{n}-is_active"] = "on"
    data.update({f"r-{len(rows)}-code": "lingua", f"r-{len(rows)}-label": "Corsi di italiano",
                 f"r-{len(rows)}-position": 9, f"r-{len(rows)}-is_active": "on"})
    assert client.post(url, data).status_code == 302
    assert not Reason.objects.get(code="altro").is_active
    assert Reason.objects.get(code="lingua").label == "Corsi di italiano"
