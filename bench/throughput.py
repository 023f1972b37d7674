"""Throughput of the public directory: gunicorn (3 sync workers, production settings: DEBUG off, the Redis cache
of production on db 7, compressed manifest static files) under `wrk -t2 -c20` for ~20 s per URL, and the CPU
cost of each URL measured in this process (the Django test client, the same settings, `time.process_time()`
over N replays: honest on a machine others are loading, where wrk's req/s are not).

    .venv/bin/python bench/throughput.py                      # demo desk in a SQLite file, all URLs
    .venv/bin/python bench/throughput.py --duration 5 --replays 50 --no-wrk
    .venv/bin/python bench/throughput.py --profile index      # cProfile of the in-process replay of one URL
    PUBLIC_PAGE_CACHE=0 .venv/bin/python bench/throughput.py  # every page rendered (no public page cache)

Prints, per URL: status, req/s, latency p50/p99 under load, non-2xx responses, CPU ms and SQL queries per
request. BENCH_SQLITE_PATH keeps the database between runs (default /tmp/infolavoro-throughput.sqlite3);
REDIS_URL overrides the cache (default redis://127.0.0.1:6379/7, flushed at the start).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WRK = shutil.which("wrk") or "/usr/bin/wrk"
sys.path.insert(0, str(ROOT))
ENV = {
    "DJANGO_SETTINGS_MODULE": "infolavoro.settings",
    "DEBUG": "0",
    "SECRET_KEY": "bench-throughput-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_HSTS_SECONDS": "0",
    "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/7"),
    "CACHE_KEY_PREFIX": "bench-throughput",
    "SQLITE_PATH": os.environ.get("BENCH_SQLITE_PATH",
                                  str(Path(tempfile.gettempdir()) / "infolavoro-throughput.sqlite3")),
}
os.environ.update(ENV)
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402


def prepare() -> dict[str, str]:
    """The demo desk, migrated and loaded; static files collected; the cache emptied. Returns the URLs."""
    from infolavoro.desks import demo as desks_demo
    from infolavoro.network import demo as network_demo
    from infolavoro.network.models import Organization

    call_command("migrate", verbosity=0)
    desk = desks_demo.load()
    network_demo.load(desk)
    call_command("collectstatic", interactive=False, verbosity=0)
    cache.clear()
    member = Organization.objects.filter(desk=desk, is_active=True).order_by("slug").first()
    return {
        "home": f"/{desk.slug}/",
        "index": f"/{desk.slug}/rete/",
        "search": f"/{desk.slug}/rete/?q=corsi+di+formazione",
        "member": f"/{desk.slug}/rete/{member.slug}/",
    }


def cpu(url: str, replays: int) -> tuple[int, float, int]:
    """Status, CPU ms per request and SQL queries per request of this URL, replayed in this process."""
    client = Client()
    for _ in range(3):  # warm up: imports, template loading, the connection, and caches filled
        response = client.get(url)
    queries = []  # (not CaptureQueriesContext: each request resets the query log when it starts)
    with connection.execute_wrapper(lambda execute, sql, *a: queries.append(sql) or execute(sql, *a)):
        client.get(url)
    started = time.process_time()
    for _ in range(replays):
        client.get(url)
    return response.status_code, (time.process_time() - started) * 1000 / replays, len(queries)


def profile(url: str, replays: int) -> None:
    import cProfile
    import pstats

    client = Client()
    for _ in range(3):
        client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(replays):
        client.get(url)
    profiler.disable()
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(45)
    stats.sort_stats("tottime").print_stats(25)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not start")


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def wrk(url: str, duration: int, connections: int) -> dict:
    command = [WRK, "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603 - ours
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    parsed = {k: _ms(*re.fullmatch(r"([\d.]+)(us|ms|s|m)", v).groups()) for k, v in latency.items()}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50": parsed.get("50", 0),
            "p99": parsed.get("99", 0), "non2xx": int(errors.group(1)) if errors else 0}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=20, help="seconds of wrk per URL")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--replays", type=int, default=200, help="in-process requests per URL for the CPU time")
    parser.add_argument("--no-wrk", action="store_true", help="only the in-process CPU time")
    parser.add_argument("--profile", metavar="URL_NAME", help="cProfile the in-process replay of this URL")
    parser.add_argument("--only", nargs="*", help="these URL names only (home index search member)")
    args = parser.parse_args(argv)
    urls = prepare()
    if args.only:
        urls = {k: v for k, v in urls.items() if k in args.only}
    if args.profile:
        profile(urls[args.profile], args.replays)
        return
    load = os.getloadavg()
    print(f"public directory throughput: gunicorn {args.workers} sync workers, wrk -t2 -c{args.connections} "
          f"{args.duration} s per URL; DEBUG off, Redis cache; SQLite demo desk; "
          f"load average {load[0]:.2f} on {os.cpu_count()} cores at the start", flush=True)
    costs = {name: cpu(url, args.replays) for name, url in urls.items()}
    results = {}
    if not args.no_wrk:
        port = _free_port()
        server = subprocess.Popen(  # noqa: S603 - our arguments
            [str(ROOT / ".venv/bin/gunicorn"), "infolavoro.wsgi", "-w", str(args.workers), "-b", f"127.0.0.1:{port}",
             "--log-level", "warning"], cwd=ROOT, env={**os.environ, **ENV})
        try:
            _wait(port)
            for name, url in urls.items():
                warm = [WRK, "-t1", "-c3", "-d1s", f"http://127.0.0.1:{port}{url}"]  # every worker warm
                subprocess.run(warm, capture_output=True, check=True)  # noqa: S603 - our arguments
                results[name] = wrk(f"http://127.0.0.1:{port}{url}", args.duration, args.connections)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"  {'URL':8} {'status':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8} "
          f"{'CPU ms/req':>11} {'queries':>8}")
    for name, url in urls.items():
        status, ms, queries = costs[name]
        r = results.get(name)
        load_figures = (f"{r['rps']:8.1f} {r['p50']:8.1f} {r['p99']:8.1f} {r['non2xx']:8}" if r
                        else f"{'-':>8} {'-':>8} {'-':>8} {'-':>8}")
        print(f"  {name:8} {status:6} {load_figures} {ms:11.1f} {queries:8}   {url}")
    print(f"  CPU ms/req: {args.replays} in-process replays of each URL (test client, warm), process time; "
          f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main(sys.argv[1:])
