"""The pre-aggregate (`Figure`, filled by the refresh task): the dashboard's figures are the same whether counted
live or read from it, the open bucket is always live, and a year is read with a constant number of queries."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infolavoro.monitoring import populations as pop
from infolavoro.monitoring import selectors
from infolavoro.monitoring.indicators import REGISTRY, Period, refresh_figures
from infolavoro.monitoring.models import Figure, FigureCoverage

ROME = zoneinfo.ZoneInfo("Europe/Rome")
TODAY = dt.date(2026, 3, 15)
pytestmark = pytest.mark.django_db


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=ROME)


def everything(desk, grain="month"):
    """Every figure of every indicator, as a page would show it."""
    sections = selectors.indicators([desk], Period(dt.date(2025, 11, 1), dt.date(2026, 3, 31), grain))
    out = {}
    for section in sections:
        for r in section.results:
            out[r.indicator.code] = (
                [[c.value for c in row.cells] for row in r.rows], [c.value for c in r.column_totals or []],
                r.total.value if r.total else None, r.means, r.mean_total, r.snapshot)
    return out


@pytest.fixture
def population(desk):
    people = pop.citizens(desk, 40, age_band="25_34")
    pop.consultations(people[:30], [at("2025-12-03")] * 30)
    pop.consultations(people[10:40], [at("2026-01-12")] * 30, reason="Curriculum")
    pop.consultations(people[:7], [at("2026-02-20")] * 7)
    pop.bookings(desk, [at("2026-01-08")] * 9)
    pop.bookings(desk, [at("2026-02-09")] * 12, status="no_show")
    pop.bookings(desk, [at("2025-12-09")] * 3, walk_in=True)
    pop.ratings(desk, [4, 5, 5, 3, 4, 5], at("2026-02-02"))
    return people


@pytest.mark.parametrize("grain", ["week", "month", "quarter", "year"])
def test_stored_figures_equal_live_ones(desk, population, grain):
    live = everything(desk, grain)
    assert refresh_figures([desk], TODAY) > 0
    assert FigureCoverage.objects.get(desk=desk, grain="month").covered_to == dt.date(2026, 3, 1)
    assert everything(desk, grain) == live


def test_the_open_month_is_counted_live_and_a_closed_one_at_the_next_refresh(desk, population):
    refresh_figures([desk], TODAY)
    served = REGISTRY["people.served"]
    before = everything(desk)[served.code]
    pop.consultations(population[30:40], [at("2026-03-02")] * 10)  # the open month
    pop.consultations(population[30:40], [at("2026-02-25")] * 10)  # a closed month, recorded late
    after = everything(desk)[served.code]
    assert after[0][0][4] == 10  # March: live
    assert after[0][0][3] == before[0][0][3] == 7  # February: as stored
    refresh_figures([desk], TODAY)
    assert everything(desk)[served.code][0][0][3] == 17


def test_a_year_read_from_the_preaggregate_takes_a_constant_number_of_queries(desk, population):
    refresh_figures([desk], TODAY)
    period = Period(dt.date(2025, 4, 1), dt.date(2026, 3, 31), "month")
    with CaptureQueriesContext(connection) as small:
        selectors.indicators([desk], period)
    pop.bookings(desk, [at("2025-06-10")] * 40)
    pop.consultations(pop.citizens(desk, 60), [at("2025-07-01")] * 60, reason="Altro motivo")
    refresh_figures([desk], TODAY)
    with CaptureQueriesContext(connection) as large:
        selectors.indicators([desk], period)
    assert len(large.captured_queries) == len(small.captured_queries)
    # each counted indicator: the coverage, the stored figures and the open bucket (twice for distinct people)
    counted = [i for i in REGISTRY.values() if i.kind in ("count", "distinct", "mean")]
    assert len(large.captured_queries) <= 5 * len(counted) + 5
    assert Figure.objects.filter(desk=desk).exists()
