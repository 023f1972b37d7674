"""Load a network into a desk from the HSDS tabular ZIP InfoLavoro exports or from the spreadsheet template."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from infolavoro.desks.models import Desk
from infolavoro.network import importer, services


def report_lines(report: services.ImportReport) -> list[str]:
    """The report in Italian, shared by the command and the upload page's tests."""
    lines = [f"Riga scartata – {r.sheet}, riga {r.row}: {r.reason}" for r in report.rejected]
    for label, counts in (("creati", report.created), ("aggiornati", report.updated)):
        if counts:
            lines.append(f"{label.capitalize()}: " + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())))
    return lines


class Command(BaseCommand):
    help = ("Import a network into a desk, all or nothing: --desk sarzana FILE, where FILE is the HSDS ZIP exported "
            "by InfoLavoro (/<desk>/rete/open-data/), the spreadsheet template (.xlsx), a .zip or folder of its CSV "
            "sheets, or a single CSV of members. Rejected rows are listed with the reason; with any, nothing is "
            "written unless --skip-invalid.")

    def add_arguments(self, parser):
        parser.add_argument("path", help="file (.zip, .xlsx, .csv) or folder of CSV sheets")
        parser.add_argument("--desk", required=True, help="the desk's slug")
        parser.add_argument("--skip-invalid", action="store_true", help="import the valid rows, skip the others")
        parser.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
        parser.add_argument("--shift-days", type=int, default=0,
                            help="move every date of the template by this many days (the demo keeps its dates "
                                 "current this way)")

    def handle(self, *args, path, desk, skip_invalid, dry_run, shift_days, **options):
        try:
            desk_obj = Desk.objects.get(slug=desk)
        except Desk.DoesNotExist:
            raise CommandError(f"Sportello sconosciuto: {desk}") from None
        try:
            tables = importer.read_path(Path(path))
            report = services.import_network(desk_obj, tables, None, skip_invalid=skip_invalid, dry_run=dry_run,
                                             date_shift_days=shift_days)
        except importer.ImportFileError as exc:
            raise CommandError(f"Importazione non eseguita: {exc}") from None
        for line in report_lines(report):
            self.stdout.write(line)
        if report.applied:
            self.stdout.write(self.style.SUCCESS(f"Rete importata in {desk_obj}."))
        elif dry_run and not report.rejected:
            self.stdout.write(self.style.SUCCESS("Controllo superato: il file si può importare."))
        else:
            raise CommandError(f"Importazione non eseguita: {len(report.rejected)} righe scartate. Correggile e "
                               "riprova, oppure usa --skip-invalid per importare solo le righe valide.")
