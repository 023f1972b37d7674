"""The issue's acceptance, through the API as the Comune's website calls it: for La Spezia, slots only on
Tuesday–Friday mornings and Tuesday afternoons; none on 25 April 2028 (a Tuesday) nor on 19 March 2027 (a Friday,
San Giuseppe); none in the past or past the horizon; UTC offsets right on both sides of the DST changes."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache

ROME = ZoneInfo("Europe/Rome")
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


def freeze(monkeypatch, when: dt.datetime) -> None:
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: when)


def slots(client, start: str, end: str) -> list[dict]:
    response = client.get("/api/v1/desks/la-spezia/slots", {"start": start, "end": end})
    assert response.status_code == 200, response.content
    return response.json()


def local(slot: dict) -> dt.datetime:
    return dt.datetime.fromisoformat(slot["start"]).astimezone(ROME)


def test_only_tuesday_to_friday_mornings_and_tuesday_afternoons(client, calendar, monkeypatch):
    freeze(monkeypatch, dt.datetime(2027, 1, 4, 9, 0, tzinfo=ROME))
    found = slots(client, "2027-01-11", "2027-01-24")
    assert found
    for slot in found:
        start, end = local(slot).time(), dt.datetime.fromisoformat(slot["end"]).astimezone(ROME).time()
        weekday = local(slot).weekday()
        morning = weekday in (1, 2, 3, 4) and dt.time(8, 30) <= start and end <= dt.time(12, 0)
        afternoon = weekday == 1 and dt.time(14, 30) <= start and end <= dt.time(17, 30)
        assert morning or afternoon, slot
    assert any(local(s).weekday() == 1 and local(s).hour >= 14 for s in found)


def test_none_on_patron_saint_2027_nor_liberation_day_2028(client, calendar, monkeypatch):
    freeze(monkeypatch, dt.datetime(2027, 3, 1, 9, 0, tzinfo=ROME))
    days = {local(s).date() for s in slots(client, "2027-03-16", "2027-03-23")}
    assert dt.date(2027, 3, 19) not in days  # Friday, San Giuseppe
    assert {dt.date(2027, 3, 18), dt.date(2027, 3, 23)} <= days
    freeze(monkeypatch, dt.datetime(2028, 4, 1, 9, 0, tzinfo=ROME))
    days = {local(s).date() for s in slots(client, "2028-04-24", "2028-04-28")}
    assert dt.date(2028, 4, 25) not in days  # Tuesday, Liberation Day
    assert dt.date(2028, 4, 26) in days


def test_none_in_the_past_nor_past_the_horizon(client, calendar, monkeypatch):
    now = dt.datetime(2027, 1, 12, 10, 0, tzinfo=ROME)  # a Tuesday morning; 24 h notice, 60 days ahead
    freeze(monkeypatch, now)
    earliest = [local(s) for s in slots(client, "2027-01-05", "2027-01-20")]
    assert min(earliest) == dt.datetime(2027, 1, 13, 10, 0, tzinfo=ROME)  # Wednesday, 24 hours later
    latest = [local(s) for s in slots(client, "2027-03-01", "2027-03-31")]
    assert max(latest).date() == dt.date(2027, 3, 12)  # Friday: the horizon is Saturday 13 March


@pytest.mark.parametrize(("now", "before", "after"), [
    (dt.datetime(2027, 3, 1, 9, tzinfo=ROME), "2027-03-26", "2027-03-30"),  # DST starts Sunday 28 March 2027
    (dt.datetime(2026, 10, 1, 9, tzinfo=ROME), "2026-10-23", "2026-10-27"),  # DST ends Sunday 25 October 2026
])
def test_offsets_on_both_sides_of_the_dst_change(client, calendar, monkeypatch, now, before, after):
    freeze(monkeypatch, now)
    found = slots(client, before, after)
    first = {s["start"][:10]: s["start"] for s in reversed(found)}  # the first slot of each day
    spring = now.month == 3
    assert first[before] == f"{before}T08:30:00{'+01:00' if spring else '+02:00'}"
    assert first[after] == f"{after}T08:30:00{'+02:00' if spring else '+01:00'}"
