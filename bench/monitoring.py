"""How fast the monitoring dashboard answers for a year of a busy desk (50,000 bookings, 20,000 consultations,
10,000 referrals) alone, and for 20 desks together (the busy one and 19 with a tenth of its volume each), with a
year of hourly first-free-slot readings per desk (175,200 for the 20). Prints, cold (cache cleared before each run;
medians of 5): the figures (all indicators, suppressed) counted live from the rows (before) and read from the
pre-aggregate with the open month counted live (after); the page (figures and tables; the charts are images the
browser fetches apart) and one chart image; and the queries per request. Beside the wall time: the CPU time of this
process (the machine is shared, so wall time carries other people's load; on SQLite the CPU time includes the
queries, which run in-process) and the time spent in queries as the driver saw it (on PostgreSQL the server's work
plus the round trips). Builds a throwaway SQLite database (or BENCH_DATABASE_URL); BENCH_SQLITE_PATH keeps it.

    BENCH_SQLITE_PATH=/tmp/mon.sqlite3 .venv/bin/python bench/monitoring.py
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/infolavoro_bench .venv/bin/python bench/monitoring.py
"""

from __future__ import annotations

import datetime as dt
import random
import re
import statistics
import time
import zoneinfo

import _django  # first: sets Django up before infolavoro is imported
from _yardstick import yardstick
from django.core.cache import cache
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

from infolavoro.accounts.models import Role, RoleAssignment, User
from infolavoro.desks.models import Desk
from infolavoro.monitoring import populations as pop
from infolavoro.monitoring import selectors
from infolavoro.monitoring.indicators import REGISTRY, Period, refresh_figures
from infolavoro.monitoring.models import Figure, FigureCoverage
from infolavoro.network.models import Organization, Service

ROME = zoneinfo.ZoneInfo("Europe/Rome")
RUNS = 5
YEAR = 2025
rng = random.Random(12)


def moments(n: int) -> list[dt.datetime]:
    start = dt.datetime(YEAR, 1, 1, 8, tzinfo=ROME)
    return sorted(start + dt.timedelta(days=rng.randrange(365), minutes=30 * rng.randrange(16)) for _ in range(n))


def fill(desk: Desk, scale: float) -> None:
    statuses = ["completed"] * 7 + ["no_show", "cancelled", "cancelled_by_desk"]
    times = moments(int(50_000 * scale))
    for n, status in enumerate(sorted(set(statuses))):
        share = [t for i, t in enumerate(times) if statuses[i % len(statuses)] == status]
        pop.bookings(desk, share, status=status, seat_from=1 + 1000 * n)
    people = pop.citizens(desk, int(8_000 * scale), age_band="25_34", employment_status="unemployed")
    bands = ["under_25", "35_49", "50_64", "65_plus"]
    for i, band in enumerate(bands):
        type(people[0]).objects.filter(pk__in=[p.pk for p in people[i::5]]).update(age_band=band)
    visits = [people[rng.randrange(len(people))] for _ in range(int(20_000 * scale))]
    pop.consultations(visits, moments(len(visits)), reason=rng.choice(["Curriculum", "Portali", "Orientamento"]))
    organization = Organization.objects.create(desk=desk, name=f"Ente {desk.slug}", slug="ente", kind="association")
    service = Service.objects.create(organization=organization, name="Corso", slug="corso", description="x")
    sent = pop.referrals(visits[: int(10_000 * scale)], service, moments(int(10_000 * scale)), state="accepted")
    pop.answers(sent, "accepted", dt.timedelta(days=3))
    pop.ratings(desk, [rng.randint(2, 5) for _ in range(int(3_000 * scale))], dt.datetime(YEAR, 6, 1, tzinfo=ROME))


class Timing(float):
    """A wall-time median in ms that also carries the CPU time of this process (`time.process_time`, what the
    Python side costs whatever the load of the shared machine) and the time spent waiting on the database (the sum
    of the queries' times as the driver saw them: on PostgreSQL the server's work plus the round trips)."""

    cpu: float
    db: float

    def __format__(self, spec: str) -> str:
        return f"{format(float(self), spec)} ms wall, {self.cpu:6.1f} ms CPU, {self.db:6.1f} ms in queries"


def readings(desks: list[Desk]) -> None:
    """The hourly first-free-slot readings of the year for every desk (8,760 each), if not there yet."""
    from infolavoro.monitoring.models import FreeSlotSnapshot

    if FreeSlotSnapshot.objects.exists():
        return
    start = dt.datetime(YEAR, 1, 1, tzinfo=dt.UTC)
    for desk in desks:
        rows = []
        for n in range(365 * 24):
            taken = start + dt.timedelta(hours=n)
            wait = None if rng.random() < 0.02 else rng.uniform(0.5, 9)
            rows.append(FreeSlotSnapshot(desk=desk, taken_at=taken, hour=taken, days=wait, first_free_slot=None
                                         if wait is None else taken + dt.timedelta(days=wait)))
        FreeSlotSnapshot.objects.bulk_create(rows, batch_size=2000)


def server_time(fn) -> str:
    """On PostgreSQL: the server's own time for one cold run's queries (each run again under EXPLAIN ANALYZE:
    planning + execution), so that the note can tell the database's work from the round trips and Python."""
    if connection.vendor != "postgresql":
        return ""
    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        fn()
    planning = execution = 0.0
    with connection.cursor() as cursor:
        for query in ctx.captured_queries:
            if not query["sql"].lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query["sql"])
            plan = cursor.fetchone()[0]
            plan = plan[0] if isinstance(plan, list) else plan
            planning += plan.get("Planning Time", 0.0)
            execution += plan.get("Execution Time", 0.0)
    return f"  [server, EXPLAIN ANALYZE: {execution:.1f} ms execution + {planning:.1f} ms planning]"


def timed(fn) -> tuple[Timing, int]:
    samples, cpu, db, queries = [], [], [], 0
    for _ in range(RUNS):
        reset_queries()  # the log keeps 9,000 queries: after the refresh task it would be full
        with CaptureQueriesContext(connection) as ctx:
            t, c = time.perf_counter(), time.process_time()
            fn()
            samples.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        queries = len(ctx.captured_queries)
        db.append(sum(float(q["time"]) for q in ctx.captured_queries) * 1000)
    out = Timing(statistics.median(samples))
    out.cpu, out.db = statistics.median(cpu), statistics.median(db)
    return out, queries


def build() -> tuple[Desk, list[Desk], User]:
    """The population, or the one a previous run left in the same database (BENCH_SQLITE_PATH / a kept
    BENCH_DATABASE_URL), so that a profile before and after a change reads the same rows."""
    found = User.objects.filter(email="regione@example.org").first()
    if found:
        from infolavoro.desks.demo import DESK_SLUG

        busy = Desk.objects.get(slug=DESK_SLUG)
        return busy, list(Desk.objects.filter(slug__startswith="comune-").order_by("slug")), found
    busy = _django.demo_desk()
    t = time.perf_counter()
    fill(busy, 1.0)
    others = []
    for n in range(19):
        desk = Desk.objects.create(slug=f"comune-{n}", name="InfoLavoro", comune=f"Comune {n}", address="Via 1",
                                   phone="0187 000000", email=f"c{n}@example.org")
        fill(desk, 0.1)
        others.append(desk)
    print(f"data built in {time.perf_counter() - t:.0f} s on {connection.vendor}")
    viewer = User.objects.create_user(email="regione@example.org", password="x" * 16)
    for desk in [busy, *others]:
        RoleAssignment.objects.create(user=viewer, role=Role.MONITORING_VIEWER, desk=desk)
    return busy, others, viewer


def main() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    busy, others, viewer = build()
    readings([busy, *others])
    if connection.vendor == "postgresql":
        # What autovacuum does within a minute of a bulk load: the planner's statistics and the visibility map
        # (without them a fresh bench database is planned as if every table were empty).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    from infolavoro.core.startup import settle

    settle()  # as a server process does before serving (infolavoro/wsgi.py)
    print(f"machine yardstick (a fixed Python loop; lower is quicker): {yardstick():.0f} ms before")
    period = Period(dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31), "month")
    client = Client()
    client.force_login(viewer)
    one = f"/monitoraggio/?start={YEAR}-01-01&end={YEAR}-12-31&grain=month&desk={busy.slug}"
    every = f"/monitoraggio/?start={YEAR}-01-01&end={YEAR}-12-31&grain=month"
    all_desks = [busy, *others]
    counted = sum(i.kind in ("count", "distinct", "mean") for i in REGISTRY.values())
    # As on 15 December: January to November from the pre-aggregate, December (the open month) counted live.
    today = dt.date(YEAR, 12, 15)
    cases = (("busy desk", [busy], one), ("20 desks", all_desks, every))
    FigureCoverage.objects.all().delete()
    Figure.objects.all().delete()
    for label, desks, _url in cases:
        cache.clear()
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            t = time.perf_counter()
            selectors.indicators(desks, period)
            live = (time.perf_counter() - t) * 1000
        print(f"{label:10} BEFORE figures cold, all counted live:      {live:7.1f} ms, "
              f"{len(ctx.captured_queries)} queries")
    t = time.perf_counter()
    rows = refresh_figures(all_desks, today)
    print(f"refresh task (all 20 desks): {(time.perf_counter() - t) * 1000:7.1f} ms, {rows} rows")
    for label, desks, url in cases:

        def cold(desks=desks):
            cache.clear()
            selectors.indicators(desks, period)

        ms, q = timed(cold)
        print(f"{label:10} AFTER figures cold (pre-aggregate + open month live): {ms:7.1f} median, {q} queries "
              f"({q / counted:.1f} per counted indicator){server_time(cold)}")
        if len(desks) > 1:
            ms, q = timed(lambda desks=desks: (cache.clear(), selectors.comparison(desks, period)))
            print(f"{label:10} desks side by side, cold:                   {ms:7.1f} median, {q} queries")

        def page(url=url):
            cache.clear()
            assert client.get(url).status_code == 200

        ms, q = timed(page)
        print(f"{label:10} page cold (figures, tables, chart links):   {ms:7.1f} median, {q} queries"
              f"{server_time(page)}")
        first_chart = re.search(r'src="(/monitoraggio/grafico/[^"]+)"', client.get(url).content.decode())
        if first_chart:
            chart_url = first_chart.group(1).replace("&amp;", "&")
            ms, q = timed(lambda chart_url=chart_url: (cache.clear(), client.get(chart_url)))
            print(f"{label:10} one chart image, cold (drawn):              {ms:7.1f} median, {q} queries")
    print(f"machine yardstick: {yardstick():.0f} ms after")


if __name__ == "__main__":
    main()
