"""Formula injection: one function makes every CSV/XLSX cell safe; numbers and phone numbers stay as they are."""

import csv
import io

import pytest

from infolavoro.core.exports import csv_text, safe_cell


@pytest.mark.parametrize("value", ["=1+1", '=HYPERLINK("http://x","y")', "+SUM(A1)", "-2+3+cmd|' /C calc'!A0",
                                   "@SUM(A1)", "\t=1", "\r=1", "-", "+"])
def test_formula_starts_get_an_apostrophe(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Ente", "", "-12.5", "+39 0187 727248", "+39 (0187) 72.72.48", "2026-12-09",
                                   "a=b", 42, -3, None, 1.5])
def test_text_numbers_and_phones_unchanged(value):
    assert safe_cell(value) == value


def test_csv_text_applies_it_to_every_cell():
    text = csv_text(["a", "b"], [{"a": "=1+1", "b": "ok", "extra": "ignored"}])
    assert list(csv.reader(io.StringIO(text))) == [["a", "b"], ["'=1+1", "ok"]]
