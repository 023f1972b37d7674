"""Indicators on purpose-built populations: right figures, small groups hidden everywhere, whatever the period."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from infolavoro.monitoring import populations as pop
from infolavoro.monitoring.indicators import REGISTRY, Period, _grouped, compute
from infolavoro.network.models import Service

ROME = zoneinfo.ZoneInfo("Europe/Rome")


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=ROME)


def run(code, desk, start, end, grain="month", threshold=5):
    period = Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end), grain)
    return compute(REGISTRY[code], [desk.pk], period, ROME, threshold)


def shown(result):
    """Every figure a page would show, as (row, column) -> value (None if hidden)."""
    out = {(row.key, col): cell.value for row in result.rows for col, cell in zip(result.columns, row.cells,
                                                                                   strict=True)}
    out.update({(row.key, "total"): row.total.value for row in result.rows if row.total is not None})
    if result.column_totals:
        out.update({("total", col): c.value for col, c in zip(result.columns, result.column_totals, strict=True)})
    return out


@pytest.fixture
def walk_ins(desk):
    # January 12, February 3 (small), March 9.
    pop.bookings(desk, [at("2026-01-05")] * 12, walk_in=True)
    pop.bookings(desk, [at("2026-02-10")] * 3, walk_in=True)
    pop.bookings(desk, [at("2026-03-03")] * 9, walk_in=True)


def test_counts_by_month_hide_the_small_month_and_a_partner(walk_ins, desk):
    result = run("access.walk_ins", desk, "2026-01-01", "2026-03-31")
    figures = shown(result)
    assert figures["all", "2026-02"] is None
    assert result.rows[0].cells[1].primary
    # with the year's total published, one more month is hidden, so February is not 24 - 12 - 9
    assert sum(v is None for k, v in figures.items() if k[1] != "total") >= 2
    assert result.total is None or result.total.value is None or figures["all", "2026-01"] is None


def test_no_period_recovers_a_hidden_month(walk_ins, desk):
    """Every window, every grain: each published figure is either a canonical cell or a sum of published
    cells, so February's 3 never appears and is never a difference of two published figures."""
    published = []
    months = ["2026-01-01", "2026-02-01", "2026-03-01"]
    ends = ["2026-01-31", "2026-02-28", "2026-03-31"]
    for i, start in enumerate(months):
        for end in ends[i:]:
            for grain in ("month", "quarter", "year"):
                result = run("access.walk_ins", desk, start, end, grain)
                for value in shown(result).values():
                    assert value != 3
                    if value is not None:
                        published.append(value)
                if result.total is not None and result.total.value is not None:
                    published.append(result.total.value)
    assert 3 not in {a - b for a in published for b in published}


def test_people_by_age_band_never_show_a_small_band(desk):
    young = pop.citizens(desk, 7, age_band="under_25")
    old = pop.citizens(desk, 2, age_band="65_plus")
    pop.consultations(young + old, at("2026-04-14"))
    result = run("people.age_band", desk, "2026-04-01", "2026-04-30")
    figures = shown(result)
    assert figures["65_plus", "2026-04"] is None
    # 9 people in April with 7 young shown would give the 2 away: one more band is hidden.
    assert figures["under_25", "2026-04"] is None or figures["total", "2026-04"] is None


def test_new_and_returning_people(desk):
    people = pop.citizens(desk, 12)
    pop.consultations(people, at("2026-01-10"))
    pop.consultations(people[:6], at("2026-02-10"))
    pop.consultations(pop.citizens(desk, 6), at("2026-02-11"))
    figures = shown(run("people.new_returning", desk, "2026-01-01", "2026-02-28"))
    assert figures["new", "2026-01"] == 12
    assert figures["returning", "2026-01"] == 0
    assert figures["new", "2026-02"] == 6
    assert figures["returning", "2026-02"] == 6


def test_free_text_reasons_that_are_rare_go_into_other(desk):
    people = pop.citizens(desk, 14)
    pop.consultations(people[:10], at("2026-05-05"), reason="Curriculum")
    pop.consultations(people[10:12], at("2026-05-06"), reason="Mario Rossi, caso delicato")
    pop.consultations(people[12:], at("2026-05-07"), reason="Tirocinio")
    result = run("service.consultations_by_reason", desk, "2026-05-01", "2026-05-31")
    labels = {row.label for row in result.rows}
    assert "Mario Rossi, caso delicato" not in labels
    assert "Tirocinio" not in labels
    assert "Curriculum" in labels


def test_rates_come_only_from_published_counts(desk, organization):
    service = Service.objects.create(organization=organization, name="Corso", slug="corso", description="x")
    people = pop.citizens(desk, 24)
    sent = pop.referrals(people, service, at("2026-03-02"), state="accepted")
    pop.answers(sent[:20], "accepted", dt.timedelta(days=2))
    pop.answers(sent[20:], "declined", dt.timedelta(days=4))
    rate = run("network.acceptance_rate", desk, "2026-03-01", "2026-03-31")
    assert rate.mean_total is None  # 4 declined: the rate would give them away
    pop.answers(pop.referrals(pop.citizens(desk, 6), service, at("2026-03-03")), "declined", dt.timedelta(days=1))
    rate = run("network.acceptance_rate", desk, "2026-03-01", "2026-03-31")
    assert rate.mean_total == pytest.approx(100 * 20 / 30)
    days = run("network.answer_days", desk, "2026-03-01", "2026-03-31")
    assert days.mean_total == pytest.approx((20 * 2 + 4 * 4 + 6 * 1) / 30)


def test_ratings_and_average(desk):
    pop.ratings(desk, [5] * 6 + [4] * 5 + [1] * 2, at("2026-06-15"))
    result = run("satisfaction.ratings", desk, "2026-06-01", "2026-06-30")
    figures = shown(result)
    assert figures["5", "2026-06"] == 6
    assert figures["1", "2026-06"] is None
    score = run("satisfaction.score", desk, "2026-06-01", "2026-06-30")
    assert score.mean_total == pytest.approx((30 + 20 + 2) / 13)


def test_lead_days_on_this_database(desk):
    pop.bookings(desk, [at("2026-02-02", 9)] * 6, lead=dt.timedelta(days=4))
    result = run("access.lead_days", desk, "2026-02-01", "2026-02-28")
    assert result.mean_total == pytest.approx(4)


def test_weeks_across_new_year_and_leap_day(desk):
    pop.bookings(desk, [at("2024-02-29")] * 6, walk_in=True)
    pop.bookings(desk, [at("2025-12-30")] * 7, walk_in=True)
    result = run("access.walk_ins", desk, "2024-02-26", "2024-03-03", "week")
    assert shown(result)["all", "2024-S09"] == 6
    result = run("access.walk_ins", desk, "2025-12-29", "2026-01-04", "week")
    assert result.columns == ["2026-S01"]
    assert shown(result)["all", "2026-S01"] == 7


def test_dst_night_counts_in_its_local_month(desk):
    # 31 March 2024, 01:30 UTC is 03:30 in Rome, after the clocks went forward: March, not April.
    pop.bookings(desk, [dt.datetime(2024, 3, 31, 21, 30, tzinfo=dt.UTC)] * 5, walk_in=True)  # 23:30 local
    figures = shown(run("access.walk_ins", desk, "2024-03-01", "2024-04-30"))
    assert figures["all", "2024-03"] == 5
    assert figures["all", "2024-04"] == 0


def test_one_row_per_desk_for_the_comparison(desk, other_desk):
    pop.bookings(desk, [at("2026-01-05")] * 8, walk_in=True)
    pop.bookings(other_desk, [at("2026-01-06")] * 6, walk_in=True)
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 1, 31), "month")
    result = compute(REGISTRY["access.walk_ins"], [desk.pk, other_desk.pk], period, ROME, 5,
                     desk_labels={desk.pk: "La Spezia", other_desk.pk: "Sarzana"})
    assert [(r.label, r.cells[0].value) for r in result.rows] == [("La Spezia", 8), ("Sarzana", 6)]


@pytest.mark.parametrize("code", [c for c, i in REGISTRY.items() if i.kind != "snapshot"])
def test_constant_queries_per_indicator(code, desk, django_assert_max_num_queries):
    pop.bookings(desk, [at("2026-01-05")] * 3, walk_in=True)
    # what the pre-aggregate covers (none here), one grouped query, a second for the distinct people of a column
    for months in (("2026-01-01", "2026-01-31"), ("2024-01-01", "2026-12-31")):
        with django_assert_max_num_queries(3):
            run(code, desk, *months)


def test_a_mean_counted_with_its_count_in_one_query_gives_the_same_figures(desk, django_assert_num_queries):
    pop.ratings(desk, [5, 4, 4, 2, 5, 3], at("2026-01-12"))
    pop.ratings(desk, [1, 5, 5, 4, 4], at("2026-02-03"))
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31), "month")
    alone = compute(REGISTRY["satisfaction.score"], [desk.pk], period, ROME, 5)
    cache: dict = {}
    with django_assert_num_queries(2):  # the coverage, then the ratings by score with the sum of the scores
        counted = compute(REGISTRY["satisfaction.ratings"], [desk.pk], period, ROME, 5, cache=cache)
        together = compute(REGISTRY["satisfaction.score"], [desk.pk], period, ROME, 5, cache=cache)
    assert together.means == alone.means
    assert together.means[:2] == [pytest.approx(23 / 6), pytest.approx(19 / 5)]
    assert together.mean_total == alone.mean_total
    assert counted.total.value == 11


def test_every_profile_band_of_the_same_people_in_one_query(desk, django_assert_num_queries):
    """People served, new and returning, and each profile band count the same people: one query for all six (over
    a materialised list of each person once per desk and bucket), with the figures each gives alone."""
    young = pop.citizens(desk, 7, age_band="under_25", employment_status="unemployed")
    older = pop.citizens(desk, 6, age_band="35_49", education_level="degree", cpi_registered="yes")
    pop.consultations(young, at("2025-12-10"))  # the young ones are returning in January
    pop.consultations(young + older, at("2026-01-12"))
    pop.consultations(young[:4] + older, at("2026-01-20"))  # twice in January: still one person each
    pop.consultations(older, at("2026-02-03"))
    codes = [c for c, i in REGISTRY.items() if c.startswith("people.")]
    assert len(codes) == 6
    start, end = dt.date(2026, 1, 1), dt.date(2026, 3, 1)
    # each indicator's own grouped query (no request memo: how it is counted alone)
    alone = {code: sorted(_grouped(REGISTRY[code], [desk.pk], start, end, "month", ROME)) for code in codes}
    memo: dict = {}
    with django_assert_num_queries(1):
        together = {code: sorted(_grouped(REGISTRY[code], [desk.pk], start, end, "month", ROME, memo))
                    for code in codes}
    assert together == alone
    period = Period(start, dt.date(2026, 2, 28), "month")
    cache: dict = {"codes": codes}
    with django_assert_num_queries(2):  # the coverage, then every band at once
        together = {code: shown(compute(REGISTRY[code], [desk.pk], period, ROME, 5, cache=cache)) for code in codes}
    assert together["people.served"][("all", "2026-01")] == 13
    assert together["people.new_returning"][("new", "2026-01")] == 6
    assert together["people.new_returning"][("returning", "2026-01")] == 7
    assert together["people.age_band"][("under_25", "2026-01")] == 7
    assert together["people.age_band"][("35_49", "2026-02")] == 6
    assert together["people.cpi"][("yes", "2026-02")] == 6
