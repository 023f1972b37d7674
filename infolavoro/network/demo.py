"""The demo networks: data files in the spreadsheet template, loaded through the one import service.

`demo_data/<desk slug>/` holds one CSV per sheet (see network/importer.py): what a Comune's staff edit in a
spreadsheet, without touching code. The public bodies named in the 2018 article keep their names; every other member
is fictional, and so are house numbers, e-mail addresses (.example), websites and phone numbers. No real person is
named.

Dates in the files are written for the week of REFERENCE_MONDAY; loading moves them by whole weeks to the current
week, so courses stay in the coming months and on the weekdays they were planned for, and the members last reviewed
more than 90 days ago stay the same three. Loading twice changes nothing (rows are matched on their codes).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.utils import timezone

from infolavoro.desks.models import Desk

from . import importer, services

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"
REFERENCE_MONDAY = dt.date(2026, 11, 23)


def date_shift_days(today: dt.date | None = None) -> int:
    """Whole weeks from the files' reference week to the current one (weekdays are kept)."""
    today = today or timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    return (monday - REFERENCE_MONDAY).days


def load(desk: Desk, today: dt.date | None = None) -> services.ImportReport:
    folder = DEMO_DATA / desk.slug
    if not folder.is_dir():
        return services.ImportReport()
    report = services.import_network(desk, importer.read_path(folder), None,
                                     date_shift_days=date_shift_days(today))
    if not report.applied:
        problems = "; ".join(f"{r.sheet} riga {r.row}: {r.reason}" for r in report.rejected)
        raise importer.ImportFileError(f"Demo network of {desk.slug} not loaded: {problems}")
    return report
