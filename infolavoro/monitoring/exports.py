"""CSV and XLSX of every table, and the monthly PDF report."""

from __future__ import annotations

import csv
import io

from django.template.loader import render_to_string

from infolavoro.core import pdf

from .indicators import Result
from .tables import grid

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value):
    """Text a spreadsheet would run as a formula is made inert with a leading apostrophe (OWASP CSV injection).
    Numbers stay numbers. (Swap for the shared helper when it lands: same signature.)"""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _rows(result: Result) -> list[list]:
    header, rows = grid(result)
    title = [f"{result.indicator.name} ({result.indicator.unit})"]
    note = [result.indicator.definition]
    return [title, note, header, *rows]


def csv_bytes(results: list[Result]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for n, result in enumerate(results):
        if n:
            writer.writerow([])
        for row in _rows(result):
            writer.writerow([neutralise(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel reads the accents right


def xlsx_bytes(results: list[Result]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for result in results:
        name = result.indicator.code.replace(".", " ")[:31]
        while name in used:
            name = name[:28] + f"_{len(used)}"
        used.add(name)
        sheet = book.create_sheet(name)
        for row in _rows(result):
            sheet.append([neutralise(v) for v in row])
        sheet["A1"].font = Font(bold=True)
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 40
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pdf_bytes(context: dict) -> bytes:
    html = render_to_string("monitoring/report.html", context)
    return pdf.render(html)
