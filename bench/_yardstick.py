"""The machine's speed at a moment, printed beside a bench's figures. The machines are shared and their speed
varies: a fixed Python loop took 34 ms at one moment and 135 ms at another on 2026-11-29. Figures of two runs
compare only beside their yardsticks."""

from __future__ import annotations

import time


def yardstick() -> float:
    """Milliseconds for a fixed piece of pure-Python work (the best of 5); lower is quicker."""
    best = float("inf")
    for _ in range(5):
        started, total = time.perf_counter(), 0
        for i in range(1_000_000):
            total += i
        best = min(best, time.perf_counter() - started)
    return best * 1000
