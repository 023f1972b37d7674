"""How long import_network takes: La Spezia's HSDS export (33 members) into a new desk, the same file again (nothing
changes), and a spreadsheet template grown to 330 and 1,000 members (3 services, hours, a contact each). Prints the
time and the number of queries. Builds a throwaway SQLite database (or uses BENCH_DATABASE_URL).

    .venv/bin/python bench/import_network.py
"""

from __future__ import annotations

import time

import _django  # first: sets Django up before infolavoro is imported
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infolavoro.desks.models import Desk
from infolavoro.network import importer, services, tabular, template


def timed(label, desk, tables):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        report = services.import_network(desk, tables, None)
        elapsed = time.perf_counter() - started
    assert report.applied, report.rejected[:3]
    print(f"{label:<48} {elapsed * 1000:8.0f} ms  {len(queries):6d} queries  "
          f"created {sum(report.created.values())}, updated {sum(report.updated.values())}")


def grown(n):
    sheets = {name: [] for name in importer.TEMPLATE}
    sheets["bisogni"] = [{"codice": "orientamento", "nome": "Orientamento"}]
    for i in range(n):
        code = f"soggetto-{i}"
        sheets["soggetti"].append({"codice": code, "nome": f"Soggetto {i}", "tipo": "Associazione",
                                   "email": f"info@s{i}.example", "telefono": "0187 123456"})
        sheets["sedi"].append({"soggetto": code, "nome": "Sede", "indirizzo": f"Via Roma {i}", "citta": "Sarzana"})
        sheets["contatti"].append({"soggetto": code, "nome": "Segreteria", "email": f"info@s{i}.example"})
        for j in range(3):
            sheets["servizi"].append({"soggetto": code, "nome": f"Servizio {j}", "descrizione": "Descrizione.",
                                      "bisogni": "orientamento"})
            sheets["orari"].append({"soggetto": code, "servizio": f"servizio-{j}", "giorni": "lun,mer",
                                    "dalle": "09:00", "alle": "12:30"})
    return importer.read_upload("rete.xlsx", template.workbook_bytes(sheets))


def main():
    spezia = _django.demo_desk()
    zip_bytes = tabular.zip_bytes(spezia)
    for n, slug in enumerate(["copia-1", "copia-2", "copia-3"]):
        desk = Desk.objects.create(slug=slug, name="InfoLavoro", comune="Prova", address="Via 1", phone="0187 727248",
                                   email="a@b.example")
        if n == 0:
            timed("HSDS ZIP of La Spezia (33 members) into a new desk", desk, importer.read_upload("r.zip", zip_bytes))
            timed("the same ZIP again (no change)", desk, importer.read_upload("r.zip", zip_bytes))
        elif n == 1:
            timed("template XLSX, 330 members, 990 services", desk, grown(330))
        else:
            timed("template XLSX, 1,000 members, 3,000 services", desk, grown(1000))


if __name__ == "__main__":
    main()
