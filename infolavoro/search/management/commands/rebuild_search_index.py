"""Rebuilds the search index from the data, on either engine, with a progress bar:

    manage.py rebuild_search_index [--batch 1000]
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from tqdm import tqdm


class Command(BaseCommand):
    help = "Rebuilds the search index of the network directory (PostgreSQL or SQLite)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=1000)

    def handle(self, *args, batch: int, **options):
        from infolavoro.network import search
        from infolavoro.network.models import Organization
        from infolavoro.search import services

        services.clear(search.KIND)
        ids = list(Organization.objects.order_by("pk").values_list("pk", flat=True))
        with tqdm(total=len(ids), unit=" members", file=self.stderr._out,
                  disable=options["verbosity"] == 0) as bar:
            for start in range(0, len(ids), batch):
                chunk = ids[start:start + batch]
                search.index_organizations(chunk)
                bar.update(len(chunk))
        if options["verbosity"]:
            self.stdout.write(f"{len(ids)} members indexed.")
