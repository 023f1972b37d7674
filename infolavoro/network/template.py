"""The spreadsheet template, written: a desk's network (or an empty template) as XLSX or as a folder of CSV files,
in exactly the columns `network.importer` reads, so what is downloaded can be edited and imported again."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.db.models import Prefetch

from infolavoro.core.exports import csv_text, safe_cell

from .importer import TEMPLATE
from .models import Organization, Project, Service, TaxonomyTerm, TrainingOpportunity

HELP = {
    "bisogni": "Un bisogno o argomento per riga: codice (minuscole e trattini), nome, descrizione; nome_en e "
               "descrizione_en: la versione inglese (facoltativa).",
    "soggetti": "Un soggetto della rete per riga. tipo: Ente di formazione, Associazione, Associazione di "
                "categoria, Sindacato, Ente pubblico. ultima_verifica: AAAA-MM-GG. descrizione_en, come_accedere_en: "
                "la versione inglese (facoltativa).",
    "sedi": "Le sedi dei soggetti: soggetto è il codice (o il nome) del soggetto. accessibilita_en, "
            "come_arrivare_en: la versione inglese (facoltativa).",
    "servizi": "bisogni: codici separati da «;». sedi: nomi delle sedi separati da «;» (vuoto: tutte). "
               "lingue: codici ISO separati da «;», es. it;en. Le colonne che finiscono in _en (nome_en, "
               "descrizione_en, a_chi_si_rivolge_en, requisiti_en, costo_en, come_accedere_en): la versione "
               "inglese (facoltativa; vuota: le pagine in inglese mostrano l'italiano).",
    "orari": "giorni: es. lun,mer oppure MO,WE. dalle/alle: HH:MM. descrizione_en: la versione inglese "
             "(facoltativa).",
    "contatti": "Persone o uffici da contattare presso il soggetto.",
    "corsi": "Opportunità formative con date (AAAA-MM-GG); servizio: il nome o il codice del servizio.",
    "progetti": "tipo: Progetto in corso, oppure Progetto di avvio d'impresa.",
}


def _date(value: Any) -> str:
    return value.isoformat() if value else ""


def _day(value: Any, tz: Any) -> str:
    return value.astimezone(tz).date().isoformat() if value else ""


def _own_access(service: Service, common: tuple[str, str]) -> dict[str, str]:
    """A service's "come_accedere" columns: empty when it is its member's (written once, on the member's row)."""
    own = (service.how_to_access_it or "", service.how_to_access_en or "")
    return dict(zip(("come_accedere", "come_accedere_en"), ("", "") if own == common else own, strict=True))


def sheets(desk: Any) -> dict[str, list[dict[str, Any]]]:
    """The desk's network in the template's sheets (its active members; a fixed number of queries)."""
    tz = desk.tz
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TEMPLATE}
    for term in TaxonomyTerm.objects.filter(desk=desk).order_by("position", "name_it"):
        out["bisogni"].append({"codice": term.code, "nome": term.name_it, "descrizione": term.description_it or "",
                               "nome_en": term.name_en or "", "descrizione_en": term.description_en or ""})
    services = Service.objects.order_by("name_it").prefetch_related("taxonomy_terms", "locations", "schedules")
    organizations = (Organization.objects.filter(desk=desk).order_by("name").prefetch_related(
        "locations", "contacts", Prefetch("services", queryset=services),
        Prefetch("trainings", queryset=TrainingOpportunity.objects.order_by("starts_on", "title")
                 .select_related("service").prefetch_related("taxonomy_terms")),
        Prefetch("projects", queryset=Project.objects.order_by("title").prefetch_related("taxonomy_terms"))))
    for org in organizations:
        # How to access, in both languages: the most common among the member's services goes on its row.
        access = [(s.how_to_access_it or "", s.how_to_access_en or "") for s in org.services.all()]
        common_access = max(sorted(set(access)), key=access.count) if access else ("", "")
        out["soggetti"].append({
            "codice": org.slug, "nome": org.name, "tipo": org.get_kind_display(), "sigla": org.alternate_name,
            "descrizione": org.description_it or "", "descrizione_en": org.description_en or "",
            "email": org.email, "sito": org.website, "telefono": org.phone,
            "come_accedere": common_access[0], "come_accedere_en": common_access[1],
            "ultima_verifica": _day(org.last_reviewed_at, tz)})
        locations = list(org.locations.all())
        for loc in locations:
            out["sedi"].append({
                "soggetto": org.slug, "nome": loc.name, "indirizzo": loc.address_1, "citta": loc.city,
                "piano_ufficio": loc.address_2, "cap": loc.postal_code, "provincia": loc.state_province,
                "accessibilita": loc.accessibility_it or "", "come_arrivare": loc.transportation_it or "",
                "accessibilita_en": loc.accessibility_en or "", "come_arrivare_en": loc.transportation_en or ""})
        for svc in org.services.all():
            svc_locations = [loc.name for loc in svc.locations.all()]
            out["servizi"].append({
                "soggetto": org.slug, "nome": svc.name_it, "descrizione": svc.description_it, "codice": svc.slug,
                "nome_en": svc.name_en or "", "descrizione_en": svc.description_en or "",
                "a_chi_si_rivolge": svc.audience_it or "", "requisiti": svc.eligibility_it or "",
                "costo": svc.cost_it or "", "a_chi_si_rivolge_en": svc.audience_en or "",
                "requisiti_en": svc.eligibility_en or "", "costo_en": svc.cost_en or "",
                **_own_access(svc, common_access),
                "bisogni": ";".join(t.code for t in svc.taxonomy_terms.all()), "lingue": ";".join(svc.languages),
                "sedi": "" if len(svc_locations) == len(locations) else ";".join(svc_locations),
                "email": svc.email, "sito": svc.url,
                "ultima_verifica": "" if svc.last_reviewed_at == org.last_reviewed_at
                else _day(svc.last_reviewed_at, tz)})
            for schedule in svc.schedules.all():
                out["orari"].append({
                    "soggetto": org.slug, "servizio": svc.slug, "giorni": schedule.byday,
                    "dalle": schedule.opens_at.strftime("%H:%M"), "alle": schedule.closes_at.strftime("%H:%M"),
                    "descrizione": schedule.description_it or "", "descrizione_en": schedule.description_en or ""})
        for contact in org.contacts.all():
            out["contatti"].append({"soggetto": org.slug, "nome": contact.name, "ruolo": contact.title,
                                    "email": contact.email, "telefono": contact.phone})
        for course in org.trainings.all():
            out["corsi"].append({
                "soggetto": org.slug, "titolo": course.title, "inizio": _date(course.starts_on),
                "fine": _date(course.ends_on), "codice": course.slug,
                "servizio": course.service.slug if course.service else "", "descrizione": course.description,
                "scadenza_iscrizioni": _date(course.application_deadline), "sede": course.place,
                "costo": course.cost, "posti": course.seats or "", "requisiti": course.requirements,
                "come_iscriversi": course.how_to_apply,
                "bisogni": ";".join(t.code for t in course.taxonomy_terms.all()),
                "ultima_verifica": "" if course.last_reviewed_at == org.last_reviewed_at
                else _day(course.last_reviewed_at, tz)})
        for project in org.projects.all():
            out["progetti"].append({
                "soggetto": org.slug, "titolo": project.title, "codice": project.slug,
                "tipo": project.get_kind_display(), "descrizione": project.description,
                "inizio": _date(project.starts_on), "fine": _date(project.ends_on), "finanziato_da": project.funded_by,
                "sito": project.url, "bisogni": ";".join(t.code for t in project.taxonomy_terms.all()),
                "ultima_verifica": "" if project.last_reviewed_at == org.last_reviewed_at
                else _day(project.last_reviewed_at, tz)})
    return out


def write_csv_folder(data: dict[str, list[dict[str, Any]]], folder: Path) -> None:
    """One UTF-8 CSV per sheet (how the demo's network is kept in the repository: readable diffs)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, columns in TEMPLATE.items():
        (folder / f"{name}.csv").write_text(csv_text(columns, data.get(name, [])), encoding="utf-8")


def workbook_bytes(data: dict[str, list[dict[str, Any]]] | None = None) -> bytes:
    """The template as XLSX: one sheet per table, a header row, the rows (none for the empty template)."""
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, columns in TEMPLATE.items():
        sheet = workbook.create_sheet(name)
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in (data or {}).get(name, []):
            sheet.append([safe_cell(row.get(column, "")) for column in columns])
        sheet.freeze_panes = "A2"
        for index, column in enumerate(columns, start=1):
            sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width = max(14, min(40, len(column) + 4))
    notes = workbook.create_sheet("istruzioni")
    notes.append(["foglio", "come compilarlo"])
    for name, text in HELP.items():
        notes.append([name, text])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
