"""The one suppression function, on tables built by hand: nothing under the threshold survives, and no hidden
cell is the difference between a published total and published cells."""

from __future__ import annotations

import itertools

import pytest

from infolavoro.monitoring.suppression import Table, effective_threshold, suppress, suppress_mean, suppress_share


def lines_of(table: Table) -> list[list]:
    """Every line an attacker can subtract along: rows with their totals, columns with theirs."""
    lines = []
    for r, row in enumerate(table.cells):
        lines.append(row + ([table.row_totals[r]] if table.row_totals else []))
    if table.column_totals:
        lines.append(table.column_totals + ([table.total] if table.total else []))
        for c in range(len(table.cells[0])):
            lines.append([row[c] for row in table.cells] + [table.column_totals[c]])
    if table.row_totals:
        lines.append(table.row_totals + ([table.total] if table.total else []))
    return lines


def assert_safe(table: Table, values: list[list[int]]) -> None:
    threshold = table.threshold
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            if 0 < value < threshold:
                assert table.cells[r][c].hidden
                assert table.cells[r][c].primary
            if not table.cells[r][c].hidden:
                assert table.cells[r][c].value == value
    for line in lines_of(table):
        assert sum(cell.hidden for cell in line) != 1, "one hidden cell in a line is its total minus the others"


def test_threshold_is_never_below_three():
    assert effective_threshold(1) == 3
    assert effective_threshold(None) == 5
    assert effective_threshold(10) == 10


def test_a_single_small_cell_takes_a_partner_in_its_row_and_column():
    values = [[10, 2, 30], [12, 15, 40]]
    table = suppress(values, 5, row_totals=[sum(r) for r in values], column_totals=[22, 17, 70], total=109)
    assert table.cells[0][1].primary
    hidden = {(r, c) for r in range(2) for c in range(3) if table.cells[r][c].hidden}
    # the classic rectangle: two in the row, two in the column
    assert len(hidden) == 4
    assert_safe(table, values)


def test_zeros_are_published_and_big_cells_untouched():
    values = [[0, 0, 50], [7, 8, 9]]
    table = suppress(values, 5, row_totals=[50, 24], column_totals=[7, 8, 59], total=74)
    assert [c.value for c in table.cells[0]] == [0, 0, 50]
    assert [c.value for c in table.cells[1]] == [7, 8, 9]


def test_a_small_total_is_hidden_with_its_cells():
    values = [[1, 1, 0], [20, 30, 40]]
    table = suppress(values, 5, row_totals=[2, 90], column_totals=[21, 31, 40], total=92)
    assert table.row_totals[0].hidden
    assert_safe(table, values)


@pytest.mark.parametrize("threshold", [3, 5, 8])
def test_every_small_table_is_safe(threshold):
    """All 3x3 tables over a few values: nothing under the threshold is published or recoverable by
    subtraction along any line."""
    palette = [0, 1, 2, threshold, 9]
    for flat in itertools.islice(itertools.product(palette, repeat=6), 0, None, 7):
        values = [list(flat[:3]), list(flat[3:])]
        cols = [sum(c) for c in zip(*values, strict=True)]
        table = suppress(values, threshold, row_totals=[sum(r) for r in values], column_totals=cols,
                         total=sum(cols))
        assert_safe(table, values)


def test_rates_and_means_need_enough_people():
    assert suppress_share(2, 40, 5) is None  # the 2 could be worked out from the published 40
    assert suppress_share(38, 40, 5) is None  # the 2 others likewise
    assert suppress_share(20, 40, 5) == 0.5
    assert suppress_mean(4.2, 4, 5) is None
    assert suppress_mean(4.2, 5, 5) == 4.2
