"""The search at scale (imported by bench/search.py `scale`): builds an installation of N desks, M members and
S services per member (SQLite: bulk_create in batches, no signals, indexed through the real index writer;
PostgreSQL: COPY in batches, bench/_search_copy.py), then times the directory search as a page does it (rank +
the 12 members shown), one desk and the whole installation. Prints p50/p95 and the queries per search.

    .venv/bin/python bench/search.py scale --desks 1 --members 10000                      # SQLite
    BENCH_DATABASE_URL=postgres://... .venv/bin/python bench/search.py scale --desks 8000 --members 250000

On PostgreSQL the rows are written with COPY (bench/_search_copy.py): the full scale (8,000 desks, 250,000
members, 1,000,000 services) loads in minutes instead of the ~26 minutes of bulk_create (~160 members/s).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
import uuid
from pathlib import Path

import _django
from _yardstick import yardstick
from django.db import connection, reset_queries, transaction
from django.test.utils import CaptureQueriesContext

QUERIES = ["corsi di formazione", "curriculum", "ho perso il lavoro", "curriculm", "badante", "patente muletto",
           "partita iva", "corso di italiano per stranieri", "tirocinio", "naspi", "lavoro stagionale",
           "vorrei fare il cv", "apprendistato elettricista", "disoccupazzione", "job", "sicurezza cantiere"]


def _templates(desk) -> list[dict]:
    """The demo desk's members as plain data (name, kind, description, services with their topics): what the
    generated members are copies of."""
    from infolavoro.network.models import Organization

    members = []
    for org in (Organization.objects.filter(desk=desk).order_by("slug")
                .prefetch_related("services__taxonomy_terms")):
        members.append({"name": org.name, "kind": org.kind, "description": org.description, "services": [
            {"name": s.name, "description": s.description, "audience": s.audience,
             "topics": [t.name for t in s.taxonomy_terms.all()]} for s in org.services.all()]})
    return members


def build(desks: int, members: int, per_member: int, batch: int = 5000) -> None:
    """Grows the installation to `desks` desks and `members` members: COPY on PostgreSQL, bulk_create on SQLite."""
    from infolavoro.desks.models import Desk

    started = time.perf_counter()
    template = Desk.objects.get(slug="la-spezia")
    existing = Desk.objects.count()
    new_desks = []
    for i in range(existing, desks):
        d = Desk.objects.get(pk=template.pk)
        d.pk, d._state.adding, d.slug, d.comune = None, True, f"comune-{i}", f"Comune {i}"
        new_desks.append(d)
    Desk.objects.bulk_create(new_desks, batch_size=batch)
    desk_ids = list(Desk.objects.order_by("pk").values_list("pk", flat=True))[:desks]
    print(f"  desks: {len(desk_ids)} ({time.perf_counter() - started:.0f} s)", flush=True)
    if connection.vendor == "postgresql":
        from _search_copy import build_postgresql

        build_postgresql(template, desk_ids, members, per_member, started, batch=batch)
    else:
        _build_sqlite(template, desk_ids, members, per_member, started, batch=batch)


def _build_sqlite(template, desk_ids, members: int, per_member: int, started: float, batch: int) -> None:
    from infolavoro.network import search
    from infolavoro.network.models import Organization, Service
    from infolavoro.search import services as index

    MEMBERS = _templates(template)  # noqa: N806 - a constant for this build
    have = Organization.objects.count()
    services_flat = [(m, s) for m in MEMBERS for s in m["services"]]
    n = have
    while n < members:
        orgs, svcs, docs = [], [], []
        for i in range(n, min(members, n + batch)):
            source = MEMBERS[i % len(MEMBERS)]
            org = Organization(id=uuid.uuid4(), desk_id=desk_ids[i % len(desk_ids)], name=f"{source['name']} {i}",
                               slug=f"m-{i}", kind=source["kind"], description=source["description"])
            orgs.append(org)
            names, texts = [], [source["description"]]
            for k in range(per_member):
                _, item = services_flat[(i * per_member + k) % len(services_flat)]
                svcs.append(Service(id=uuid.uuid4(), organization_id=org.id, name=item["name"], slug=f"s{k}",
                                    description=item["description"], audience=item["audience"]))
                names += [item["name"], *item["topics"]]
                texts += [item["description"], item["audience"]]
            docs.append(index.Doc(org.id, org.desk_id, org.name, " ".join(names), " ".join(texts)))
        with transaction.atomic():
            Organization.objects.bulk_create(orgs, batch_size=batch)
            Service.objects.bulk_create(svcs, batch_size=batch)
            index.index(search.KIND, docs)
        n += len(orgs)
        rate = (n - have) / (time.perf_counter() - started)
        print(f"  members {n:>7} / {members}  ({rate:.0f} members/s with services and index)", flush=True)


def measure(label: str, desk, runs: int) -> None:
    from infolavoro.network.selectors import directory

    before = yardstick()

    times, cpu, counts, slowest = [], [], [], []
    collecting: list[float] = []  # the garbage collector's pauses during the search being timed

    def pauses(phase, info):
        if phase == "start":
            collecting.append(-time.perf_counter())
        else:
            collecting[-1] += time.perf_counter()

    gc.callbacks.append(pauses)
    # imports, connection, caches, a first page of members: what a process does once, not what is measured
    directory(desk, text="orientamento")[:12]
    for _ in range(runs):
        for q in QUERIES:
            reset_queries()  # the log keeps 9,000 queries: after the build it is full, and nothing would be seen
            collecting.clear()
            with CaptureQueriesContext(connection) as queries:
                started, started_cpu = time.perf_counter(), time.process_time()
                hits = directory(desk, text=q)
                shown = hits[:12]
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
            counts.append(len(queries))
            in_queries = sum(float(x["time"]) for x in queries.captured_queries)
            slowest.append((times[-1], q, in_queries, cpu[-1], sum(collecting)))
            assert shown, q
    times.sort()
    cpu.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"  {label:34} p50 {statistics.median(times) * 1000:6.1f} ms   p95 {p95 * 1000:6.1f} ms   "
          f"queries {min(counts)}-{max(counts)}   ({len(times)} searches)")
    # Where the time of the slowest goes: waiting for the database (as the driver saw it), this process's CPU.
    gc.callbacks.remove(pauses)
    print("    slowest: " + "; ".join(f"{q!r} {t * 1000:.0f} ms ({db * 1000:.0f} in queries, {c * 1000:.0f} CPU, "
                                      f"{g * 1000:.0f} collecting garbage)"
                                      for t, q, db, c, g in sorted(slowest, reverse=True)[:3]))
    print(f"    machine yardstick (a fixed Python loop; lower is quicker): {before:.0f} ms before, "
          f"{yardstick():.0f} ms after")
    if connection.vendor == "sqlite":
        # The machine is shared: wall time includes waiting for a core. SQLite runs in this process, so its
        # CPU time is the search's own cost, whatever the others do.
        print(f"  {'  CPU time of this process':34} p50 {statistics.median(cpu) * 1000:6.1f} ms   "
              f"p95 {cpu[int(len(cpu) * 0.95) - 1] * 1000:6.1f} ms")


def scale(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="search.py scale")
    parser.add_argument("--desks", type=int, default=1)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--services-per-member", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--touch", help="a file created when done (the database is ready for someone else)")
    args = parser.parse_args(argv)
    from django.core.cache import cache

    from infolavoro.desks.models import Desk
    from infolavoro.network.models import Organization, Service

    desk = _django.demo_desk()
    cache.clear()
    print(f"database: {connection.vendor}; building {args.desks} desks, {args.members} members, "
          f"{args.services_per_member} services each", flush=True)
    build(args.desks, args.members, args.services_per_member)
    print(f"  built: {Desk.objects.count()} desks, {Organization.objects.count()} members, "
          f"{Service.objects.count()} services", flush=True)
    biggest = Desk.objects.get(pk=desk.pk)
    from infolavoro.core.startup import settle

    settle()  # as a server process does before serving (infolavoro/wsgi.py)
    measure(f"one desk ({Organization.objects.filter(desk=biggest).count()} members)", biggest, args.runs)
    if args.desks > 1:
        measure("whole installation", None, args.runs)
    if args.touch:
        Path(args.touch).touch()
