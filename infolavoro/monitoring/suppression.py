"""The one cell-suppression function. Every figure that counts people goes through `suppress` before any page,
chart, export or API shows it.

Primary suppression hides every cell with 0 < value < threshold. Secondary suppression then hides more cells
until no line of the table (a row with its total, a column with its total, the line of totals) has exactly one
hidden cell, so that no hidden cell is the difference between a published total and published cells. The hidden
cells are chosen smallest first, which loses the least information. Zeros are published (they reveal nobody).

Published tables are always slices of canonical tables (see `indicators.py`): the same cell is hidden in every
request whatever its period, so that comparing neighbouring periods recovers nothing either.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from infolavoro.desks.models import MIN_CELL_SIZE_FLOOR, Desk

# The one setting is the desk's `min_cell_size` (default 5, never below 3, the Italian official statistics'
# minimum, a check constraint on the desk); these are its floor and default, read from there.
MIN_THRESHOLD = MIN_CELL_SIZE_FLOOR
DEFAULT_THRESHOLD = Desk._meta.get_field("min_cell_size").default


def effective_threshold(value: int | None) -> int:
    """The desk's setting, never below the official minimum."""
    return max(MIN_THRESHOLD, value or DEFAULT_THRESHOLD)


@dataclass(frozen=True)
class Cell:
    value: int | None  # None when hidden
    primary: bool = False  # hidden because it is small
    secondary: bool = False  # hidden so that a small one cannot be worked out

    @property
    def hidden(self) -> bool:
        return self.value is None


@lru_cache(maxsize=4096)
def _cell(value: int) -> Cell:
    """A published cell: immutable, so one per value serves every table (a year by week is ~25,000 cells)."""
    return Cell(value)


_PRIMARY = Cell(None, primary=True)
_SECONDARY = Cell(None, secondary=True)


@dataclass(frozen=True)
class Table:
    """A suppressed table: rows x columns of cells, with row totals, column totals and the grand total
    (each None when the table does not publish it)."""

    cells: list[list[Cell]]
    row_totals: list[Cell] | None
    column_totals: list[Cell] | None
    total: Cell | None
    threshold: int


def suppress(values: list[list[int]], threshold: int, *, row_totals: list[int] | None = None,
             column_totals: list[int] | None = None, total: int | None = None) -> Table:
    """Suppress a table of counts. Totals are passed when they are published; for additive counts they are the
    sums of the cells, for counts of distinct people they are counted apart (and may be less than the sum)."""
    threshold = effective_threshold(threshold)
    n_rows = len(values)
    n_cols = len(values[0]) if values else 0
    # The grid with its margins: index n_cols is the row-total column, n_rows the column-total row.
    grid: dict[tuple[int, int], int] = {}
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            grid[r, c] = value
    if row_totals is not None:
        for r, value in enumerate(row_totals):
            grid[r, n_cols] = value
    if column_totals is not None:
        for c, value in enumerate(column_totals):
            grid[n_rows, c] = value
        if row_totals is not None and total is not None:
            grid[n_rows, n_cols] = total
    hidden: dict[tuple[int, int], str] = {
        key: "primary" for key, value in grid.items() if 0 < value < threshold
    }
    # Lines whose members add up (for distinct counts, the column totals still bound their cells).
    lines: list[list[tuple[int, int]]] = []
    if row_totals is not None:
        lines += [[(r, c) for c in range(n_cols + 1) if (r, c) in grid] for r in range(n_rows + 1)]
    if column_totals is not None:
        lines += [[(r, c) for r in range(n_rows + 1) if (r, c) in grid] for c in range(n_cols + 1)]
    lines = [line for line in lines if len(line) > 1]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(key in hidden for key in line) != 1:
                continue
            candidates = [key for key in line if key not in hidden]
            # Prefer an inner cell that is not zero, smallest first; a total only when nothing else is left.
            inner = [k for k in candidates if k[0] < n_rows and k[1] < n_cols]
            pool = [k for k in inner if grid[k] > 0] or inner or candidates
            choice = min(pool, key=lambda k: (grid[k], k))
            hidden[choice] = "secondary"
            changed = True

    def cell(key: tuple[int, int]) -> Cell:
        kind = hidden.get(key)
        if kind is None:
            return _cell(grid[key])
        return _PRIMARY if kind == "primary" else _SECONDARY

    return Table(
        cells=[[cell((r, c)) for c in range(n_cols)] for r in range(n_rows)],
        row_totals=[cell((r, n_cols)) for r in range(n_rows)] if row_totals is not None else None,
        column_totals=[cell((n_rows, c)) for c in range(n_cols)] if column_totals is not None else None,
        total=cell((n_rows, n_cols)) if (n_rows, n_cols) in grid else None,
        threshold=threshold,
    )


def suppress_share(numerator: int, denominator: int, threshold: int) -> float | None:
    """A rate is published only when neither its part nor the rest is a small group (else, with the published
    denominator, it would give the small count away)."""
    threshold = effective_threshold(threshold)
    if denominator < threshold or 0 < numerator < threshold or 0 < denominator - numerator < threshold:
        return None
    return numerator / denominator


def suppress_mean(mean: float | None, count: int, threshold: int) -> float | None:
    """An average is published only over at least `threshold` people or events."""
    if mean is None or count < effective_threshold(threshold):
        return None
    return mean
