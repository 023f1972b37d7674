"""Labour-market indicators on purpose-built populations: vacancies, proposals and their outcomes, hires by sector
and occupation group, within 3 and 6 months of the first consultation, days to the first proposal and to hire;
small groups hidden like every other count."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from infolavoro.monitoring import populations as pop
from infolavoro.monitoring.indicators import REGISTRY, Period, compute

ROME = zoneinfo.ZoneInfo("Europe/Rome")
pytestmark = pytest.mark.django_db


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=ROME)


def run(code, desk, start="2026-01-01", end="2026-03-31", grain="month"):
    period = Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end), grain)
    return compute(REGISTRY[code], [desk.pk], period, ROME, 5)


def row(result, key):
    found = next(r for r in result.rows if r.key == key)
    return [c.value for c in found.cells], found.total.value if found.total else None


@pytest.fixture
def market(desk):
    """January: 8 hotel vacancies (ATECO 55, ISCO 5) published, 10 people proposed for the first, all hired in
    February; 2 building vacancies (ATECO 41, ISCO 7) with 6 people hired. Of the hotel hires, 5 had their first
    consultation in December (within 3 months), 5 a year before (later than 6 months); the 6 builders none.
    5 hotel vacancies filled in February."""
    hotels = pop.vacancies(desk, 8, at("2026-01-05"), ateco="55.10", isco="5120")
    builds = pop.vacancies(desk, 2, at("2026-01-20"), ateco="41.00", isco="7112")
    people = pop.citizens(desk, 16)
    pop.consultations(people[:5], at("2025-12-10"))
    pop.consultations(people[5:10], at("2025-03-10"))
    pop.proposals(hotels[0], people[:10], at("2026-01-15"), outcome="hired", outcome_at=at("2026-02-04"))
    pop.proposals(builds[0], people[10:], at("2026-01-25"), outcome="hired", outcome_at=at("2026-02-09"))
    pop.vacancy_closed(hotels[:5], "filled", at("2026-02-05"))
    return hotels, builds, people


def test_vacancies_published_and_filled_by_month(market, desk):
    result = run("labour.vacancies", desk)
    assert row(result, "published") == ([10, 0, 0], 10)
    assert row(result, "filled") == ([0, 5, 0], 5)


def test_proposals_and_outcomes(market, desk):
    result = run("labour.proposals", desk)
    assert row(result, "proposed") == ([16, 0, 0], 16)
    assert row(result, "interview") == ([0, 16, 0], 16)
    assert row(result, "hired") == ([0, 16, 0], 16)


def test_hires_by_sector_hide_the_small_sector(market, desk):
    assert row(run("labour.hires_by_sector", desk), "I") == ([0, 10, 0], 10)  # accommodation and food service
    assert row(run("labour.hires_by_sector", desk), "F") == ([0, 6, 0], 6)  # construction
    hotels, builds, people = market
    farm = pop.vacancies(desk, 1, at("2026-01-07"), ateco="01.21", isco="6111")
    pop.proposals(farm[0], people[:2], at("2026-01-16"), outcome="hired", outcome_at=at("2026-02-10"))
    result = run("labour.hires_by_sector", desk)
    february = [r.cells[1] for r in result.rows] + [result.column_totals[1]]
    assert row(result, "A")[0][1] is None
    assert next(r for r in result.rows if r.key == "A").cells[1].primary
    assert sum(c.hidden for c in february) >= 2  # a partner hidden too: 2 is not total minus the others
    assert 2 not in [c.value for r in result.rows for c in [*r.cells, r.total]]


def test_hires_by_occupation_group(market, desk):
    result = run("labour.hires_by_occupation", desk)
    assert row(result, "5") == ([0, 10, 0], 10)
    assert row(result, "7") == ([0, 6, 0], 6)


def test_hires_within_three_and_six_months_of_the_first_consultation(market, desk):
    result = run("labour.hires_after_first_consultation", desk)
    assert row(result, "3") == ([0, 5, 0], 5)
    assert row(result, "6") == ([0, 0, 0], 0)
    assert row(result, "later") == ([0, 5, 0], 5)
    assert row(result, "__none__") == ([0, 6, 0], 6)  # hired without a consultation at the desk


def test_days_from_publication_to_first_proposal_and_to_hire(market, desk):
    # 8 hotel vacancies but only one has proposals: the first-proposal mean is over 2 vacancies, hidden
    first = run("labour.days_to_first_proposal", desk)
    assert first.mean_total is None
    hire = run("labour.days_to_hire", desk)
    # 10 hires 30 days after publication, 6 after 20 days
    assert hire.means[1] == pytest.approx((10 * 30 + 6 * 20) / 16, abs=0.1)


def test_open_vacancies_at_the_end_of_the_period(market, desk):
    january = run("labour.open_vacancies", desk, end="2026-01-31")
    assert january.snapshot == (10, 10)
    february = run("labour.open_vacancies", desk, end="2026-02-28")
    assert february.snapshot == (5, 10)  # five filled
