"""Anonymise citizens with no activity for their desk's retention period (run daily, e.g. from cron)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser

from infolavoro.intake import services


class Command(BaseCommand):
    help = "Anonymises citizen records with no activity for the desk's retention period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", help="ISO datetime with zone to use as 'now' (for tests and catch-up).")

    def handle(self, *args, **options) -> None:
        now = dt.datetime.fromisoformat(options["now"]) if options.get("now") else None
        if now is not None and now.tzinfo is None:
            raise CommandError("--now needs a time zone, e.g. 2026-01-01T00:00:00+00:00")
        count = services.anonymise_inactive(now)
        self.stdout.write(f"Anonymised: {count}")
