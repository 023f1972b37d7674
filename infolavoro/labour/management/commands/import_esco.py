"""`manage.py import_esco DIR`: load the ESCO CSV download (occupations, skills, relations, ISCO groups)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from infolavoro.labour.esco import import_esco


class Command(BaseCommand):
    help = "Imports (or updates) the ESCO taxonomy from a folder with the CSV download for one language."

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar on stderr.")

    def handle(self, directory: str, no_progress: bool = False, **options) -> None:
        try:
            report = import_esco(directory, progress=False if no_progress else None)
        except FileNotFoundError as exc:
            raise CommandError(f"Mancano i file: {exc}") from exc
        for name, count in report.read.items():
            self.stdout.write(f"{name}: {count} righe lette")
        if report.problems:
            self.stdout.write(self.style.WARNING(f"{len(report.problems)} righe scartate:"))
            for problem in report.problems:
                self.stdout.write(f"  {problem}")
        else:
            self.stdout.write(self.style.SUCCESS("Nessuna riga scartata."))
