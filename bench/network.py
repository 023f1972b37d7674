"""How fast the public directory answers: the network index, a search, a topic filter, a member's page and the
HSDS API, with the 33 demo members and then with the network grown to 330 and 1,000 members (the search ranks
in Python, so its cost grows with the network); then the brochure PDF rendered cold. Builds a throwaway SQLite
database (or uses BENCH_DATABASE_URL), prints the figures.

    .venv/bin/python bench/network.py
"""

from __future__ import annotations

import os
import statistics
import time
import uuid

import _django  # first: sets Django up before infolavoro is imported
from django.core.cache import cache
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

from infolavoro.network import brochure
from infolavoro.network.models import Organization, Service, TaxonomyTerm

RUNS = 7
PAGES = [
    ("index", "/la-spezia/rete/"),
    ("search 'corsi di formazione'", "/la-spezia/rete/?q=corsi+di+formazione"),
    ("search 'lavoratori stranieri'", "/la-spezia/rete/?q=lavoratori+stranieri"),
    ("topic filter + page 2", "/la-spezia/rete/?tema=corsi-formazione&pagina=2"),
    ("member page", None),
    ("HSDS services, 50 per page", "/api/hsds/services?per_page=50"),
]


def grow(desk, total: int) -> None:
    """Copies of the demo members (with their services and topics) until the network has `total` members."""
    originals = list(Organization.objects.filter(desk=desk).exclude(slug__startswith="copia-")
                     .order_by("name").prefetch_related("services__taxonomy_terms"))
    n = Organization.objects.filter(desk=desk).count()
    while n < total:
        source = originals[n % len(originals)]
        services = list(source.services.all())
        copy = Organization.objects.get(pk=source.pk)
        copy.pk, copy._state.adding = uuid.uuid4(), True
        copy.slug = f"copia-{n}"
        copy.name = f"{source.name} ({n})"
        copy.save()
        for service in services:
            terms = list(service.taxonomy_terms.all())
            service.pk, service._state.adding = uuid.uuid4(), True
            service.organization = copy
            service.save()
            service.taxonomy_terms.set(terms)
        n += 1


def measure(client: Client, url: str) -> tuple[float, int]:
    runs = []
    for _ in range(RUNS):
        cache.clear()
        reset_queries()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        runs.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(runs) * 1000, len(queries)


def main() -> None:
    desk = _django.demo_desk()
    client = Client()
    member = Organization.objects.filter(desk=desk).order_by("name").first()
    print(f"database: {connection.vendor}; median of {RUNS} runs, cache cleared before each")
    for total in [int(n) for n in os.environ.get("BENCH_MEMBERS", "33,330,1000").split(",")]:
        grow(desk, total)
        print(f"\n{Organization.objects.filter(desk=desk).count()} members, "
              f"{Service.objects.filter(organization__desk=desk).count()} services, "
              f"{TaxonomyTerm.objects.filter(desk=desk).count()} topics")
        for label, url in PAGES:
            url = url or f"/la-spezia/rete/{member.slug}/"
            ms, queries = measure(client, url)
            print(f"  {label:32} {ms:7.1f} ms  {queries:3d} queries")
        if total == 33:
            started = time.perf_counter()
            pdf = brochure.render_pdf(desk)
            print(f"  {'brochure PDF, cold':32} {(time.perf_counter() - started):7.1f} s   {len(pdf) // 1024} KiB")


if __name__ == "__main__":
    main()
