"""Spreadsheet-safe exports: the one place that neutralises formula injection ("CSV injection") in every CSV and
XLSX the project writes. A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a
formula by spreadsheet programs; it is written with a leading apostrophe, so it shows as the text it is.
Plain numbers and phone numbers ("-12.5", "+39 0187 727248") have no letters to call a function with and stay
as they are. XLSX writers pass each value through `safe_cell` too (openpyxl would store "=..." as a formula)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_OR_PHONE = re.compile(r"[+-]?\d[\d ().,/-]*\Z")


def safe_cell(value: Any) -> Any:
    """The value a spreadsheet will show as text, never evaluate. Non-text values are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER_OR_PHONE.match(value):
        return "'" + value
    return value


def safe_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {key: safe_cell(value) for key, value in row.items()}


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """A CSV document (header + rows, `\\n` line ends) with every cell made safe; keys not in columns ignored."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(safe_row(row) for row in rows)
    return text.getvalue()
