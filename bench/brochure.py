"""The brochure download (issue 9, item 17): how long a request for opuscolo.pdf takes when no file is built yet,
when the last build is current, and right after a change; and how long the background build takes (the time a
request used to spend rendering). Demo desk with its 33 members; media in a throwaway folder."""

from __future__ import annotations

import os
import statistics
import tempfile
import time

os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="infolavoro-bench-media-")

import _django  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402

from infolavoro.network import brochure  # noqa: E402
from infolavoro.network.models import Organization  # noqa: E402

RUNS = 20
URL = "/la-spezia/rete/opuscolo.pdf"


def measure(client: Client, expected: int) -> float:
    runs = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(URL)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        runs.append(time.perf_counter() - started)
        assert response.status_code == expected, response.status_code
    return statistics.median(runs) * 1000


def main() -> None:
    desk = _django.demo_desk()
    client = Client()
    cache.clear()
    print(f"median of {RUNS} requests for {URL}")
    print(f"  {'nothing built yet (503 page)':34} {measure(client, 503):8.1f} ms")
    started = time.perf_counter()
    brochure.build(desk)
    print(f"  {'background build (worker)':34} {(time.perf_counter() - started) * 1000:8.1f} ms")
    print(f"  {'current file served':34} {measure(client, 200):8.1f} ms")
    member = Organization.objects.filter(desk=desk).first()
    member.description += " (aggiornato)"
    member.save()
    print(f"  {'after a change (last file served)':34} {measure(client, 200):8.1f} ms")


if __name__ == "__main__":
    main()
