"""One way to turn a result into rows of figures, used by the pages, the exports, the report and the API."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .indicators import Result
from .suppression import Cell


def shown(cell: Cell | None, threshold: int) -> str:
    """How a published cell reads: the figure, «< 5» for a small group, «ris.» for a cell hidden so that a small
    group cannot be worked out."""
    if cell is None:
        return ""
    if cell.value is not None:
        return number_format(cell.value, force_grouping=True)
    return f"< {threshold}" if cell.primary else _("ris.")


def mean_shown(value: float | None, unit: str) -> str:
    if value is None:
        return _("ris.")
    return number_format(value, 1) + ("%" if unit == "%" else "")


def grid(result: Result) -> tuple[list[str], list[list]]:
    """Header and rows; cells are ints, floats or strings (hidden), ready for CSV, XLSX or JSON."""
    t = result.threshold

    def raw(cell: Cell | None):
        if cell is None:
            return ""
        return cell.value if cell.value is not None else shown(cell, t)

    if result.lines is not None:
        unit = result.indicator.unit
        return ["", *result.columns, _("Periodo")], [
            [f"{line.label} ({unit})", *[round(v, 2) if v is not None else "–" for v in [*line.values, line.total]]]
            for line in result.lines]
    if result.kind_is_rate:
        header = ["", *result.columns, _("Periodo")]
        empty = [*(result.mean_empty or [False] * len(result.means)), result.mean_total_empty]
        values = [round(v, 2) if v is not None else "–" if none else _("ris.")
                  for v, none in zip([*result.means, result.mean_total], empty, strict=True)]
        return header, [[result.indicator.unit, *values]]
    if result.snapshot is not None:
        return ["", _("Alla fine del periodo"), str(result.indicator.snapshot_of or _("Totale"))], [
            [result.indicator.name, *result.snapshot]]
    has_totals = any(row.total is not None for row in result.rows)
    header = ["", *result.columns, *([_("Totale")] if has_totals else [])]
    rows = [[row.label, *[raw(c) for c in row.cells], *([raw(row.total)] if has_totals else [])]
            for row in result.rows]
    if result.column_totals is not None and len(result.rows) > 1:
        rows.append([_("Totale"), *[raw(c) for c in result.column_totals], *([raw(result.total)] if has_totals
                                                                           else [])])
    return header, rows
