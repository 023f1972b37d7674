import time

from django.core.management.base import BaseCommand, CommandError

from infolavoro.desks.models import Desk
from infolavoro.network.brochure import render_pdf


class Command(BaseCommand):
    help = "Print the network's brochure (A4 PDF) from the live data: --desk la-spezia --output rete.pdf"

    def add_arguments(self, parser):
        parser.add_argument("--desk", required=True, help="the desk's slug")
        parser.add_argument("--output", required=True, help="the PDF file to write")

    def handle(self, *args, desk, output, **options):
        try:
            desk_obj = Desk.objects.get(slug=desk)
        except Desk.DoesNotExist as error:
            raise CommandError(f"Sportello sconosciuto: {desk}") from error
        started = time.perf_counter()
        pdf = render_pdf(desk_obj)
        with open(output, "wb") as file:
            file.write(pdf)
        self.stdout.write(f"{output}: {len(pdf) // 1024} KB in {time.perf_counter() - started:.1f} s")
