"""Days to the first free slot: the hourly snapshot of the desk calendar's first free slot, and the indicator built
on that history (median and mean per desk, readings without a free slot left out, nothing suppressed)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zoneinfo

import pytest
from django.conf import settings as django_settings

from conftest import make_desk
from infolavoro.booking import selectors as booking_selectors
from infolavoro.booking.models import Calendar, CalendarException
from infolavoro.booking.tests.conftest import make_calendar
from infolavoro.monitoring import services, tasks
from infolavoro.monitoring.indicators import REGISTRY, Period, compute, refresh_figures
from infolavoro.monitoring.models import Figure, FreeSlotSnapshot
from infolavoro.monitoring.tables import grid

ROME = zoneinfo.ZoneInfo("Europe/Rome")
pytestmark = pytest.mark.django_db
CODE = "access.days_to_first_free_slot"


def at(y, m, d, hh=12, mm=0):
    return dt.datetime(y, m, d, hh, mm, tzinfo=ROME)


@pytest.fixture
def calendar(desk):
    # Tuesday to Friday 08:30-12:00 and Tuesday 14:30-17:30, one place each; 24 hours' notice, 60 days ahead.
    return make_calendar(desk)


def test_first_free_slot_across_the_autumn_dst_weekend(calendar):
    now = at(2026, 10, 24, 12)  # Saturday, summer time; clocks go back on Sunday 25 October
    first = booking_selectors.first_free_slot(calendar, now)
    assert first == at(2026, 10, 27, 8, 30)  # Tuesday, winter time
    assert services.take_free_slot_snapshots(now) == 1
    snapshot = FreeSlotSnapshot.objects.get()
    assert snapshot.first_free_slot == first
    assert snapshot.taken_at == now
    assert snapshot.hour == dt.datetime(2026, 10, 24, 10, tzinfo=dt.UTC)  # 12:00 CEST is 10:00 UTC
    # 2 days and 20.5 wall-clock hours, plus the hour the clocks went back: 2 days 21.5 hours of real time.
    assert snapshot.days == pytest.approx(2 + 21.5 / 24)


def test_first_free_slot_skips_a_holiday_and_a_blocked_day(calendar):
    # Monday 7 December 2026 at 07:00: 24 hours' notice; Tuesday 8 is the Immacolata, Wednesday 9 is blocked.
    CalendarException.objects.create(calendar=calendar, date=dt.date(2026, 12, 9), capacity=0, reason="Formazione")
    assert booking_selectors.first_free_slot(calendar, at(2026, 12, 7, 7)) == at(2026, 12, 10, 8, 30)


def test_first_free_slot_is_four_queries_whatever_the_horizon(calendar, django_assert_num_queries):
    calendar.horizon_days = 366
    calendar.save()
    calendar = Calendar.objects.select_related("desk").get(pk=calendar.pk)
    with django_assert_num_queries(4):
        assert booking_selectors.first_free_slot(calendar, at(2026, 3, 2, 9)) is not None


def test_no_free_slot_in_the_horizon_is_recorded_as_null_and_not_counted_as_zero(desk, calendar):
    calendar.horizon_days = 3
    calendar.save()
    now = at(2026, 1, 16, 10)  # a Friday: the horizon ends on Monday, and Monday has no hours
    assert booking_selectors.first_free_slot(calendar, now) is None
    services.take_free_slot_snapshots(now)
    empty = FreeSlotSnapshot.objects.get()
    assert empty.first_free_slot is None
    assert empty.days is None
    FreeSlotSnapshot.objects.bulk_create([
        FreeSlotSnapshot(desk=desk, calendar=calendar, taken_at=at(2026, 1, 20, h), hour=at(2026, 1, 20, h),
                         first_free_slot=at(2026, 1, 20, h) + dt.timedelta(days=d), days=d)
        for h, d in ((9, 2.0), (10, 4.0))])
    result = compute(REGISTRY[CODE], [desk.pk], Period(dt.date(2026, 1, 1), dt.date(2026, 1, 31), "month"), ROME, 5)
    median, mean = result.lines
    assert median.values == [3.0]
    assert mean.values == [3.0]


def test_one_snapshot_per_calendar_and_hour_and_none_for_members_premises(desk, calendar, organization):
    from infolavoro.network.models import Service

    service = Service.objects.create(organization=organization, name="Corso", slug="corso", description="x")
    make_calendar(desk, service=service)  # a member's premises: not the desk's waiting time
    other = make_desk("sarzana", "Sarzana")
    make_calendar(other)
    assert services.take_free_slot_snapshots(at(2026, 3, 2, 9, 5)) == 2
    assert services.take_free_slot_snapshots(at(2026, 3, 2, 9, 55)) == 0  # same hour: nothing new
    assert services.take_free_slot_snapshots(at(2026, 3, 2, 10, 5)) == 2
    assert set(FreeSlotSnapshot.objects.values_list("desk_id", flat=True)) == {desk.pk, other.pk}
    assert not FreeSlotSnapshot.objects.filter(calendar__service__isnull=False).exists()


def test_the_task_is_registered_hourly():
    path = "infolavoro.monitoring.tasks.take_free_slot_snapshots"
    assert django_settings.PERIODIC_TASKS[path] == 3600
    assert tasks.take_free_slot_snapshots.module_path == path


def snapshots(desk, readings):
    """(local day, hour, days or None) -> snapshots of the desk."""
    FreeSlotSnapshot.objects.bulk_create([
        FreeSlotSnapshot(desk=desk, taken_at=at(*day, hour), hour=at(*day, hour), days=days,
                         first_free_slot=None if days is None else at(*day, hour) + dt.timedelta(days=days))
        for day, hour, days in readings])


@pytest.fixture
def waits(desk):
    snapshots(desk, [((2026, 1, 5), 9, 1.0), ((2026, 1, 5), 10, 2.0), ((2026, 1, 6), 9, 3.0),
                     ((2026, 1, 31), 23, 10.0),  # 23:00 in Rome on 31 January: January, though February in UTC
                     ((2026, 2, 2), 9, 5.0), ((2026, 2, 2), 10, None)])
    other = make_desk("sarzana", "Sarzana")
    snapshots(other, [((2026, 1, 7), 9, 7.0)])
    return other


def test_median_and_mean_per_month_and_over_the_period(desk, waits, django_assert_num_queries):
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31), "month")
    with django_assert_num_queries(2):  # what the pre-aggregate covers, and one grouped query
        result = compute(REGISTRY[CODE], [desk.pk], period, ROME, 5)
    median, mean = result.lines
    assert median.values == [2.5, 5.0, None]
    assert median.total == 3.75  # the median of the months' medians
    assert mean.values == [4.0, 5.0, None]
    assert mean.total == pytest.approx(4.2)  # the mean of every reading
    assert result.mean_total == 3.75  # the headline: the period's median
    header, rows = grid(result)
    assert header[1:] == ["2026-01", "2026-02", "2026-03", "Periodo"]
    assert rows == [["mediana (giorni)", 2.5, 5.0, "–", 3.75], ["media (giorni)", 4.0, 5.0, "–", 4.2]]
    # stored by the refresh task for the closed buckets, the same figures
    assert refresh_figures([desk], dt.date(2026, 4, 15))
    assert Figure.objects.filter(indicator=CODE, grain="quarter").exists()
    with django_assert_num_queries(2):  # what the pre-aggregate covers, and the stored figures
        stored = compute(REGISTRY[CODE], [desk.pk], period, ROME, 5)
    assert stored.lines == result.lines
    # quarters: over the readings themselves, not an average of months
    quarter = compute(REGISTRY[CODE], [desk.pk], Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31), "quarter"),
                      ROME, 5)
    assert quarter.lines[0].values == [3.0]


def test_several_desks_one_median_and_mean_each(desk, waits):
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 1, 31), "month")
    result = compute(REGISTRY[CODE], [desk.pk, waits.pk], period, ROME, 5)
    assert [(line.label, line.values) for line in result.lines] == [
        ("La Spezia – InfoLavoro: mediana", [2.5]), ("La Spezia – InfoLavoro: media", [4.0]),
        ("Sarzana – InfoLavoro: mediana", [7.0]), ("Sarzana – InfoLavoro: media", [7.0])]


def test_shown_on_the_dashboard_in_exports_and_open_data(client, desk, desk_admin, waits):
    client.force_login(desk_admin)
    query = "?start=2026-01-01&end=2026-02-28&grain=month"
    page = client.get("/monitoraggio/" + query).content.decode()
    assert "Giorni alla prima disponibilità" in page
    assert f'src="/monitoraggio/grafico/{CODE}.svg?' in page
    svg = client.get(f"/monitoraggio/grafico/{CODE}.svg" + query)
    assert svg.status_code == 200
    assert b"<svg" in svg.content
    rows = list(csv.reader(io.StringIO(client.get(f"/monitoraggio/esporta/{CODE}.csv" + query).content
                                       .decode("utf-8-sig")), delimiter=";"))
    assert rows[3] == ["mediana (giorni)", "2.5", "5.0", "3.75"]
    assert client.get(f"/monitoraggio/esporta/{CODE}.xlsx" + query).status_code == 200
    data = client.get(f"/api/v1/desks/{desk.slug}/open-data/monthly?year=2026").json()
    wait = next(i for i in data["indicators"] if i["code"] == CODE)
    assert wait["rows"][0]["values"][:2] == [2.5, 5.0]
    assert "no figure is suppressed" in wait["definition_en"]


def test_demo_history_gives_a_year_of_readings_with_a_trend(desk, calendar):
    from infolavoro.monitoring import demo

    demo.load(desk)
    demo.load(desk)  # idempotent
    assert FreeSlotSnapshot.objects.filter(desk=desk).count() == demo.DAYS * 24
    assert FreeSlotSnapshot.objects.filter(desk=desk, days__isnull=True).exists()
    assert not FreeSlotSnapshot.objects.filter(desk=desk, days__lt=0).exists()
    today = dt.date.today()
    period = Period(dt.date(today.year - 1, today.month, 1), today, "month")
    medians = compute(REGISTRY[CODE], [desk.pk], period, ROME, 5).lines[0].values
    found = [v for v in medians if v is not None]
    assert len(found) >= 12
    assert max(found) - min(found) > 1  # a trend, not a flat line
