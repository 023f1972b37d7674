"""Search quality and speed of the directory.

Quality: the labelled queries of `bench/search_queries.json` (as citizens type them) against the La Spezia demo
network; prints MRR (rank of the first expected member) and recall@5. Runs on the database in use: SQLite by
default, PostgreSQL with BENCH_DATABASE_URL=postgres://... (the same script, the other engine).

    .venv/bin/python bench/search.py quality [-v]
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/il_bench .venv/bin/python bench/search.py quality
    .venv/bin/python bench/search.py scale --desks 1 --members 10000 --services-per-member 4
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import _django  # first: sets Django up before infolavoro is imported
from django.db import connection

QUERIES = Path(__file__).with_name("search_queries.json")


def quality(verbose: bool) -> None:
    from infolavoro.network.selectors import directory

    desk = _django.demo_desk()
    queries = json.loads(QUERIES.read_text())["queries"]
    reciprocal, recalls, times = [], [], []
    for item in queries:
        started = time.perf_counter()
        hits = directory(desk, text=item["q"])
        top = [h.organization.slug for h in hits[:10]]
        times.append(time.perf_counter() - started)
        expected = item["expected"]
        rank = next((i + 1 for i, slug in enumerate(top) if slug in expected), None)
        reciprocal.append(1 / rank if rank else 0.0)
        recalls.append(len(set(top[:5]) & set(expected)) / len(expected))
        if verbose:
            print(f"  {item['q']!r:45} rank {rank or '-':>2}  recall@5 {recalls[-1]:.2f}  top: {top[:3]}")
    print(f"database: {connection.vendor}; {len(queries)} labelled queries")
    print(f"  MRR        {statistics.mean(reciprocal):.3f}")
    print(f"  recall@5   {statistics.mean(recalls):.3f}")
    print(f"  answered   {sum(1 for r in reciprocal if r)}/{len(queries)} with an expected member in the first 10")
    print(f"  median     {statistics.median(times) * 1000:.1f} ms per query (33 members)")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["quality", "scale"])
    parser.add_argument("-v", "--verbose", action="store_true")
    args, rest = parser.parse_known_args(argv)
    if args.what == "quality":
        quality(args.verbose)
    else:
        from _search_scale import scale

        scale(rest)


if __name__ == "__main__":
    main(sys.argv[1:])
