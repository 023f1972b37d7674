"""Reading a network to import: the HSDS tabular ZIP InfoLavoro exports (network/tabular.py), or the simple
spreadsheet template (one sheet per table, Italian column names) as XLSX, as a ZIP or folder of CSV files, or a
single CSV of members.

This module only reads and checks: it turns the file into a `Plan` (plain records, rows rejected with the
reason) and never writes. `network.services.import_network` applies a plan in one transaction.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.text import slugify
from django.utils.translation import gettext as _

from infolavoro.core.exports import FORMULA_STARTS
from infolavoro.core.validators import validate_phone_number

from .models import OrganizationKind, Project

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000

# The spreadsheet template: sheet → columns. Columns ending in `_en` are the optional English versions of the
# column before the suffix (empty: English pages show the Italian text); a sheet without them keeps the English
# versions already stored. The first columns of each sheet are required (REQUIRED).
TEMPLATE: dict[str, list[str]] = {
    "bisogni": ["codice", "nome", "descrizione", "nome_en", "descrizione_en", "dati_particolari"],
    "soggetti": ["codice", "nome", "tipo", "sigla", "descrizione", "email", "sito", "telefono", "come_accedere",
                 "ultima_verifica", "descrizione_en", "come_accedere_en"],
    "sedi": ["soggetto", "nome", "indirizzo", "citta", "piano_ufficio", "cap", "provincia", "accessibilita",
             "come_arrivare", "accessibilita_en", "come_arrivare_en"],
    "servizi": ["soggetto", "nome", "descrizione", "codice", "a_chi_si_rivolge", "requisiti", "costo",
                "come_accedere", "bisogni", "lingue", "sedi", "email", "sito", "ultima_verifica", "nome_en",
                "descrizione_en", "a_chi_si_rivolge_en", "requisiti_en", "costo_en", "come_accedere_en"],
    "orari": ["soggetto", "servizio", "giorni", "dalle", "alle", "descrizione", "descrizione_en"],
    "contatti": ["soggetto", "nome", "ruolo", "email", "telefono"],
    "corsi": ["soggetto", "titolo", "inizio", "fine", "codice", "servizio", "descrizione", "scadenza_iscrizioni",
              "sede", "costo", "posti", "requisiti", "come_iscriversi", "bisogni", "ultima_verifica"],
    "progetti": ["soggetto", "titolo", "codice", "tipo", "descrizione", "inizio", "fine", "finanziato_da", "sito",
                 "bisogni", "ultima_verifica"],
}
REQUIRED: dict[str, list[str]] = {
    "bisogni": ["codice", "nome"], "soggetti": ["nome", "tipo"], "sedi": ["soggetto", "nome", "indirizzo", "citta"],
    "servizi": ["soggetto", "nome", "descrizione"], "orari": ["soggetto", "servizio", "giorni", "dalle", "alle"],
    "contatti": ["soggetto", "nome"], "corsi": ["soggetto", "titolo", "inizio", "fine"],
    "progetti": ["soggetto", "titolo"],
}
HSDS_REQUIRED: dict[str, list[str]] = {"organizations": ["id", "name"], "services": ["id", "organization_id", "name"]}
HSDS_OPTIONAL = ["locations", "addresses", "accessibility", "service_at_locations", "schedules", "contacts",
                 "phones", "languages", "taxonomy_terms", "attributes", "translations"]

DAYS = {"MO": "MO", "TU": "TU", "WE": "WE", "TH": "TH", "FR": "FR", "SA": "SA", "SU": "SU",
        "LUN": "MO", "MAR": "TU", "MER": "WE", "GIO": "TH", "VEN": "FR", "SAB": "SA", "DOM": "SU"}
DAY_ORDER = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class ImportFileError(Exception):
    """The file as a whole cannot be read (format, encoding, columns): nothing is imported."""


@dataclass
class Rejection:
    sheet: str
    row: int  # the spreadsheet's row number (the header is row 1)
    reason: str


@dataclass
class Tables:
    kind: str  # "hsds" or "template"
    sheets: dict[str, list[dict[str, str]]]


@dataclass
class Plan:
    """What an import would write, as plain records keyed by their slugs, and what it rejected."""

    kind: str
    terms: list[dict[str, Any]] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    locations: list[dict[str, Any]] = field(default_factory=list)
    services: list[dict[str, Any]] = field(default_factory=list)
    schedules: list[dict[str, Any]] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    trainings: list[dict[str, Any]] = field(default_factory=list)
    projects: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    def reject(self, sheet: str, row: int, reason: str) -> None:
        self.rejected.append(Rejection(sheet, row, reason))


# --- reading files ---------------------------------------------------------------------------------------------

def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            raise ImportFileError(_("Il file %(name)s contiene caratteri non validi (NUL): non è un CSV di testo.")
                                  % {"name": name})
        return text
    raise ImportFileError(_("Il file %(name)s non è in una codifica leggibile: salvalo come CSV UTF-8.")
                          % {"name": name})


def _csv_rows(data: bytes, name: str) -> list[dict[str, str]]:
    text = _decode(data, name)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return []
    except csv.Error as exc:
        raise ImportFileError(_("Il file %(name)s non è un CSV valido: %(error)s") % {"name": name, "error": exc}) \
            from None
    rows = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                rows.append({})  # keep numbering: an empty line is skipped later
                continue
            rows.append({key: (_restore(values[i].strip()) if i < len(values) else "")
                         for i, key in enumerate(header) if key})
            if len(rows) > MAX_ROWS:
                raise ImportFileError(_("Il file %(name)s ha più di %(max)s righe.") % {"name": name, "max": MAX_ROWS})
    except csv.Error as exc:
        raise ImportFileError(_("Il file %(name)s non è un CSV valido: %(error)s") % {"name": name, "error": exc}) \
            from None
    rows.insert(0, {"__header__": ",".join(header)})
    return rows


def _xlsx_sheets(data: bytes) -> dict[str, list[dict[str, str]]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        raise ImportFileError(_("Il file non è un foglio di calcolo XLSX leggibile.")) from None
    sheets: dict[str, list[dict[str, str]]] = {}
    for sheet in workbook.worksheets:
        values = sheet.iter_rows(values_only=True)
        try:
            header = [str(h).strip().lower() if h is not None else "" for h in next(values)]
        except StopIteration:
            continue
        rows: list[dict[str, str]] = [{"__header__": ",".join(header)}]
        for row in values:
            if len(rows) > MAX_ROWS:
                raise ImportFileError(_("Il foglio %(name)s ha più di %(max)s righe.")
                                      % {"name": sheet.title, "max": MAX_ROWS})
            cells = {key: _cell(row[i] if i < len(row) else None) for i, key in enumerate(header) if key}
            rows.append(cells if any(cells.values()) else {})
        sheets[sheet.title.strip().lower()] = rows
    workbook.close()
    return sheets


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _restore(str(value).strip())


def _restore(text: str) -> str:
    """Exports write text a spreadsheet would run as a formula behind an apostrophe (core.exports.safe_cell):
    read it back as the text it was."""
    if text[:1] == "'" and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


def _classify(sheets: dict[str, list[dict[str, str]]]) -> Tables:
    if "organizations" in sheets:
        return Tables("hsds", sheets)
    if "soggetti" in sheets:
        return Tables("template", sheets)
    raise ImportFileError(_(
        "Non riconosco il formato: serve l'archivio HSDS esportato da InfoLavoro (con organizations.csv) "
        "oppure il modello di foglio di calcolo (con il foglio «soggetti»)."))


def read_upload(name: str, data: bytes) -> Tables:
    """An uploaded file: .zip (HSDS export or template CSVs), .xlsx (template) or .csv (the members' sheet)."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(_("Il file è troppo grande (massimo 10 MB)."))
    lower = name.lower()
    if lower.endswith(".xlsx"):
        return _classify(_xlsx_sheets(data))
    if lower.endswith(".zip"):
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = {Path(info.filename).stem.lower(): info for info in archive.infolist()
                       if info.filename.lower().endswith(".csv") and not info.is_dir()}
            if sum(info.file_size for info in members.values()) > 10 * MAX_FILE_BYTES:
                raise ImportFileError(_("L'archivio è troppo grande una volta decompresso."))
            return _classify({stem: _csv_rows(archive.read(info), info.filename) for stem, info in members.items()})
        except zipfile.BadZipFile:
            raise ImportFileError(_("L'archivio ZIP è danneggiato o non è un archivio ZIP.")) from None
    if lower.endswith(".csv"):
        return _classify({"soggetti": _csv_rows(data, name)})
    raise ImportFileError(_("Formato non supportato: carica un file .xlsx, .csv o .zip."))


def read_path(path: Path) -> Tables:
    """A file, or a folder of CSV files (how the demo's network is kept)."""
    if path.is_dir():
        return _classify({p.stem.lower(): _csv_rows(p.read_bytes(), p.name) for p in sorted(path.glob("*.csv"))})
    if not path.exists():
        raise ImportFileError(_("Il file %(name)s non esiste.") % {"name": path})
    return read_upload(path.name, path.read_bytes())


# --- checking rows ---------------------------------------------------------------------------------------------

def _check_header(sheet: str, rows: list[dict[str, str]], required: list[str], known: list[str] | None) -> None:
    header = rows[0].get("__header__", "").split(",") if rows else []
    missing = [c for c in required if c not in header]
    if missing:
        raise ImportFileError(_("Nel foglio «%(sheet)s» mancano le colonne: %(columns)s.")
                              % {"sheet": sheet, "columns": ", ".join(missing)})
    unknown = [c for c in header if c and known is not None and c not in known]
    if unknown:
        raise ImportFileError(_("Nel foglio «%(sheet)s» ci sono colonne che non conosco: %(columns)s. "
                                "Le colonne del modello sono: %(known)s.")
                              % {"sheet": sheet, "columns": ", ".join(unknown), "known": ", ".join(known or [])})


def _body(rows: list[dict[str, str]]):
    """(row number, row) for each non-empty data row; the header is row 1."""
    for number, row in enumerate(rows[1:], start=2):
        if row:
            yield number, row


class RowError(Exception):
    pass


YES = {"sì", "si", "s", "x", "yes", "y", "1", "vero", "true"}
NO = {"", "no", "n", "0", "falso", "false"}


def _yes(value: str) -> bool:
    """A yes/no cell ("sì", "x", "no", empty)."""
    value = value.strip().lower()
    if value in YES | NO:
        return value in YES
    raise RowError(_("«%(value)s» non è sì o no.") % {"value": value[:20]})


def _date(value: str, label: str, shift: dt.timedelta) -> dt.date | None:
    if not value:
        return None
    value = value[:10]
    for parse in (dt.date.fromisoformat, lambda v: dt.datetime.strptime(v, "%d/%m/%Y").date()):
        try:
            return parse(value) + shift
        except (ValueError, OverflowError):
            continue
    raise RowError(_("%(label)s: data non valida «%(value)s» (usa AAAA-MM-GG o GG/MM/AAAA).")
                   % {"label": label, "value": value})


def _time(value: str, label: str) -> dt.time:
    try:
        return dt.time.fromisoformat(value.replace(".", ":")[:8])
    except ValueError:
        raise RowError(_("%(label)s: ora non valida «%(value)s» (usa HH:MM).") % {"label": label, "value": value}) \
            from None


def _text(row: dict[str, str], key: str, limit: int | None = None, label: str | None = None) -> str:
    value = (row.get(key) or "").replace("\x00", "").strip()
    if limit and len(value) > limit:
        raise RowError(_("%(label)s: al massimo %(limit)s caratteri (ne ha %(n)s).")
                       % {"label": label or key, "limit": limit, "n": len(value)})
    return value


def _bilingual(row: dict[str, str], column: str, field: str, limit: int, label: str | None = None) -> dict[str, Any]:
    """`field_it` from the column, and `field_en` from `column_en` when the sheet has that column."""
    values: dict[str, Any] = {f"{field}_it": _text(row, column, limit, label)}
    if f"{column}_en" in row:
        values[f"{field}_en"] = _text(row, f"{column}_en", limit, f"{label or column}_en") or None
    return values


def _how_to_access(row: dict[str, str], member: dict[str, Any]) -> dict[str, Any]:
    """A service's own "come_accedere" (with its English version), else its member's (sheet «soggetti»)."""
    own = _bilingual(row, "come_accedere", "how_to_access", 2000)
    return own if own["how_to_access_it"] else dict(member)


def _email(value: str) -> str:
    if value:
        try:
            EmailValidator()(value)
        except ValidationError:
            raise RowError(_("indirizzo e-mail non valido «%(value)s».") % {"value": value}) from None
    return value


def _url(value: str) -> str:
    if value:
        try:
            URLValidator()(value)
        except ValidationError:
            raise RowError(_("indirizzo web non valido «%(value)s».") % {"value": value}) from None
    return value


def _phone(value: str) -> str:
    if value:
        try:
            validate_phone_number(value)
        except ValidationError:
            raise RowError(_("numero di telefono non valido «%(value)s».") % {"value": value}) from None
    return value


def _kind(value: str) -> str:
    wanted = value.strip().lower()
    for code, label in OrganizationKind.choices:
        if wanted in (code, str(label).lower()):
            return code
    english = {"training body": "training_body", "association": "association", "trade association":
               "trade_association", "union": "union", "trade union": "union", "public body": "public_body"}
    if wanted in english:
        return english[wanted]
    raise RowError(_("tipo «%(value)s» sconosciuto (scegli tra: %(choices)s).")
                   % {"value": value, "choices": ", ".join(str(label) for _c, label in OrganizationKind.choices)})


def _days(value: str) -> str:
    days = []
    for part in value.replace(";", ",").replace(" ", ",").split(","):
        if not part:
            continue
        code = DAYS.get(part.strip().upper()[:3]) or DAYS.get(part.strip().upper()[:2])
        if not code:
            raise RowError(_("giorno «%(value)s» sconosciuto (es. «lun,mer» oppure «MO,WE»).") % {"value": part})
        days.append(code)
    if not days:
        raise RowError(_("indica almeno un giorno."))
    return ",".join(sorted(set(days), key=DAY_ORDER.index))


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.replace(",", ";").split(";") if c.strip()]


def _slug(value: str, fallback: str) -> str:
    slug = slugify(value or fallback)[:80].strip("-")
    if not slug:
        raise RowError(_("il nome non contiene lettere o cifre."))
    return slug


def plan_tables(tables: Tables, *, date_shift_days: int = 0, existing_terms: frozenset[str] = frozenset()) -> Plan:
    """Check every row and build the plan. Raises ImportFileError when the file as a whole is unusable.

    `existing_terms`: the desk's own need codes, which the file may use without listing them again."""
    if tables.kind == "hsds":
        return _plan_hsds(tables.sheets)
    return _plan_template(tables.sheets, dt.timedelta(days=date_shift_days), existing_terms)


def _plan_template(sheets: dict[str, list[dict[str, str]]], shift: dt.timedelta,
                   existing_terms: frozenset[str]) -> Plan:
    plan = Plan("template")
    for sheet, columns in TEMPLATE.items():
        if sheet in sheets:
            _check_header(sheet, sheets[sheet], REQUIRED[sheet], columns)
    unknown = sorted(set(sheets) - set(TEMPLATE) - {"istruzioni"})
    if unknown:
        raise ImportFileError(_("Fogli che non conosco: %(sheets)s. I fogli del modello sono: %(known)s.")
                              % {"sheets": ", ".join(unknown), "known": ", ".join(TEMPLATE)})

    def each(sheet: str):
        return _body(sheets.get(sheet, []))

    term_codes: set[str] = set()
    for number, row in each("bisogni"):
        try:
            code = _slug(_text(row, "codice", 60, "codice"), "")
            if code in term_codes:
                raise RowError(_("codice «%(code)s» ripetuto.") % {"code": code})
            term_codes.add(code)
            term = {"code": code, **_bilingual(row, "nome", "name", 120, "nome"),
                    **_bilingual(row, "descrizione", "description", 2000),
                    "position": len(plan.terms) * 10 + 10}
            if "dati_particolari" in row:
                term["special_category"] = _yes(_text(row, "dati_particolari", 10))
            plan.terms.append(term)
        except RowError as exc:
            plan.reject("bisogni", number, str(exc))

    def check_terms(row: dict[str, str]) -> list[str]:
        codes = _codes(row.get("bisogni", ""))
        missing = [c for c in codes if c not in term_codes and c not in existing_terms]
        if missing:
            raise RowError(_("bisogni sconosciuti: %(codes)s (vanno elencati nel foglio «bisogni»).")
                           % {"codes": ", ".join(missing)})
        return codes

    orgs: dict[str, dict[str, Any]] = {}
    names: dict[str, str] = {}
    for number, row in each("soggetti"):
        try:
            name = _text(row, "nome", 200, "nome")
            if not name:
                raise RowError(_("manca il nome."))
            slug = _slug(_text(row, "codice", 80, "codice"), name)
            if slug in orgs:
                raise RowError(_("il soggetto «%(slug)s» compare due volte.") % {"slug": slug})
            org = {"slug": slug, "name": name, "kind": _kind(row.get("tipo", "")),
                   "alternate_name": _text(row, "sigla", 120, "sigla"),
                   **_bilingual(row, "descrizione", "description", 5000),
                   "email": _email(_text(row, "email", 254)),
                   "website": _url(_text(row, "sito", 200)), "phone": _phone(_text(row, "telefono", 32)),
                   "how_to_access": _bilingual(row, "come_accedere", "how_to_access", 2000),
                   "last_reviewed_on": _date(row.get("ultima_verifica", ""), "ultima_verifica", shift)}
            orgs[slug] = org
            names[name.lower()] = slug
            plan.organizations.append(org)
        except RowError as exc:
            plan.reject("soggetti", number, str(exc))

    def org_of(row: dict[str, str]) -> str:
        ref = _text(row, "soggetto")
        slug = ref if ref in orgs else names.get(ref.lower()) or slugify(ref)[:80]
        if slug not in orgs:
            raise RowError(_("il soggetto «%(ref)s» non è nel foglio «soggetti» (o la sua riga è stata scartata).")
                           % {"ref": ref})
        return slug

    locations: dict[tuple[str, str], dict[str, Any]] = {}
    for number, row in each("sedi"):
        try:
            org = org_of(row)
            name = _text(row, "nome", 200, "nome")
            if (org, name) in locations:
                raise RowError(_("la sede «%(name)s» compare due volte per lo stesso soggetto.") % {"name": name})
            province = _text(row, "provincia", 2, "provincia").upper()
            postal = _text(row, "cap", 5, "cap")
            if postal and not postal.isdigit():
                raise RowError(_("CAP non valido «%(value)s».") % {"value": postal})
            location = {"organization": org, "name": name, "address_1": _text(row, "indirizzo", 200, "indirizzo"),
                        "address_2": _text(row, "piano_ufficio", 200), "city": _text(row, "citta", 100, "citta"),
                        "postal_code": postal, "state_province": province,
                        **_bilingual(row, "accessibilita", "accessibility", 2000),
                        **_bilingual(row, "come_arrivare", "transportation", 300)}
            locations[(org, name)] = location
            plan.locations.append(location)
        except RowError as exc:
            plan.reject("sedi", number, str(exc))

    services: dict[tuple[str, str], dict[str, Any]] = {}
    for number, row in each("servizi"):
        try:
            org = org_of(row)
            name = _text(row, "nome", 200, "nome")
            slug = _slug(_text(row, "codice", 80), name)
            if (org, slug) in services:
                raise RowError(_("il servizio «%(name)s» compare due volte per lo stesso soggetto.") % {"name": name})
            location_names = _codes(row.get("sedi", ""))
            for location_name in location_names:
                if (org, location_name) not in locations:
                    raise RowError(_("la sede «%(name)s» non è nel foglio «sedi» per questo soggetto.")
                                   % {"name": location_name})
            service = {"organization": org, "slug": slug, **_bilingual(row, "nome", "name", 200, "nome"),
                       **_bilingual(row, "descrizione", "description", 5000),
                       **_bilingual(row, "a_chi_si_rivolge", "audience", 2000),
                       **_bilingual(row, "requisiti", "eligibility", 2000),
                       **_bilingual(row, "costo", "cost", 200, "costo"),
                       **_how_to_access(row, orgs[org]["how_to_access"]),
                       "terms": check_terms(row), "languages": _codes(row.get("lingue", "")) or ["it"],
                       "locations": location_names or None, "email": _email(_text(row, "email", 254)),
                       "url": _url(_text(row, "sito", 200)),
                       "last_reviewed_on": (_date(row.get("ultima_verifica", ""), "ultima_verifica", shift)
                                            or orgs[org]["last_reviewed_on"])}
            services[(org, slug)] = service
            plan.services.append(service)
        except RowError as exc:
            plan.reject("servizi", number, str(exc))

    def service_of(org: str, ref: str) -> str:
        slug = ref if (org, ref) in services else slugify(ref)[:80].strip("-")
        if (org, slug) not in services:
            raise RowError(_("il servizio «%(ref)s» non è nel foglio «servizi» per questo soggetto.") % {"ref": ref})
        return slug

    for number, row in each("orari"):
        try:
            org = org_of(row)
            opens, closes = _time(row.get("dalle", ""), "dalle"), _time(row.get("alle", ""), "alle")
            if closes <= opens:
                raise RowError(_("l'orario di fine deve essere dopo quello di inizio."))
            plan.schedules.append({"organization": org, "service": service_of(org, _text(row, "servizio")),
                                   "byday": _days(row.get("giorni", "")), "opens_at": opens, "closes_at": closes,
                                   **_bilingual(row, "descrizione", "description", 300)})
        except RowError as exc:
            plan.reject("orari", number, str(exc))

    for number, row in each("contatti"):
        try:
            plan.contacts.append({"organization": org_of(row), "name": _text(row, "nome", 200, "nome"),
                                  "title": _text(row, "ruolo", 200), "email": _email(_text(row, "email", 254)),
                                  "phone": _phone(_text(row, "telefono", 32))})
        except RowError as exc:
            plan.reject("contatti", number, str(exc))

    seen: set[tuple[str, str, str]] = set()
    for number, row in each("corsi"):
        try:
            org = org_of(row)
            title = _text(row, "titolo", 200, "titolo")
            slug = _slug(_text(row, "codice", 80), title)
            if ("corsi", org, slug) in seen:
                raise RowError(_("il corso «%(title)s» compare due volte.") % {"title": title})
            seen.add(("corsi", org, slug))
            starts, ends = _date(row["inizio"], "inizio", shift), _date(row["fine"], "fine", shift)
            if not starts or not ends:
                raise RowError(_("indica la data di inizio e di fine."))
            if ends < starts:
                raise RowError(_("la fine del corso è prima dell'inizio."))
            seats = _text(row, "posti")
            if seats and not seats.isdigit():
                raise RowError(_("posti: serve un numero intero."))
            service_ref = _text(row, "servizio")
            plan.trainings.append({
                "organization": org, "slug": slug, "title": title, "starts_on": starts, "ends_on": ends,
                "service": service_of(org, service_ref) if service_ref else None,
                "description": _text(row, "descrizione", 5000),
                "application_deadline": _date(row.get("scadenza_iscrizioni", ""), "scadenza_iscrizioni", shift),
                "place": _text(row, "sede", 200), "cost": _text(row, "costo", 200) or "Gratuito",
                "seats": int(seats) if seats else None, "requirements": _text(row, "requisiti", 2000),
                "how_to_apply": _text(row, "come_iscriversi", 2000), "terms": check_terms(row),
                "last_reviewed_on": (_date(row.get("ultima_verifica", ""), "ultima_verifica", shift)
                                     or orgs[org]["last_reviewed_on"])})
        except RowError as exc:
            plan.reject("corsi", number, str(exc))

    kinds = {str(label).lower(): code for code, label in Project.Kind.choices} | {c: c for c in Project.Kind.values}
    for number, row in each("progetti"):
        try:
            org = org_of(row)
            title = _text(row, "titolo", 200, "titolo")
            slug = _slug(_text(row, "codice", 80), title)
            if ("progetti", org, slug) in seen:
                raise RowError(_("il progetto «%(title)s» compare due volte.") % {"title": title})
            seen.add(("progetti", org, slug))
            kind = kinds.get(_text(row, "tipo").lower() or Project.Kind.PROJECT)
            if not kind:
                raise RowError(_("tipo di progetto sconosciuto «%(value)s».") % {"value": row.get("tipo")})
            starts = _date(row.get("inizio", ""), "inizio", shift)
            ends = _date(row.get("fine", ""), "fine", shift)
            if starts and ends and ends < starts:
                raise RowError(_("la fine del progetto è prima dell'inizio."))
            plan.projects.append({
                "organization": org, "slug": slug, "title": title, "kind": kind,
                "description": _text(row, "descrizione", 5000), "starts_on": starts, "ends_on": ends,
                "funded_by": _text(row, "finanziato_da", 200), "url": _url(_text(row, "sito", 200)),
                "terms": check_terms(row),
                "last_reviewed_on": (_date(row.get("ultima_verifica", ""), "ultima_verifica", shift)
                                     or orgs[org]["last_reviewed_on"])})
        except RowError as exc:
            plan.reject("progetti", number, str(exc))
    return plan


def _plan_hsds(sheets: dict[str, list[dict[str, str]]]) -> Plan:
    """The HSDS tabular export: ids are the file's own, turned into slugs and names here."""
    plan = Plan("hsds")
    for table, required in HSDS_REQUIRED.items():
        if table not in sheets:
            raise ImportFileError(_("Nell'archivio HSDS manca la tabella %(table)s.csv.") % {"table": table})
        _check_header(table, sheets[table], required, None)

    def rows(table: str):
        return list(_body(sheets.get(table, [])))

    def by(table: str, key: str) -> dict[str, list[dict[str, str]]]:
        index: dict[str, list[dict[str, str]]] = {}
        for _n, row in rows(table):
            index.setdefault(row.get(key, ""), []).append(row)
        return index

    # InfoLavoro's translations.csv (not HSDS): the English texts of the records. Without it the English
    # versions are left as they are.
    has_english = "translations" in sheets
    english_texts = {(row.get("record_table", ""), row.get("record_id", ""), row.get("field", "")): row.get("value", "")
                     for _n, row in rows("translations") if row.get("language", "en") == "en"}

    def english(table: str, record_id: str, pairs: dict[str, tuple[str, int]]) -> dict[str, Any]:
        """`{field_en: text}` from the HSDS fields' English texts (None: none), when the archive has them."""
        if not has_english:
            return {}
        values: dict[str, Any] = {}
        for target, (field_name, limit) in pairs.items():
            text = _text({"v": english_texts.get((table, record_id, field_name), "")}, "v", limit, field_name)
            values[f"{target}_en"] = text or None
        return values

    terms: dict[str, str] = {}
    for number, row in rows("taxonomy_terms"):
        try:
            if row.get("id", "") in terms:
                raise RowError(_("id «%(id)s» ripetuto.") % {"id": row.get("id")})
            code = _slug(_text(row, "code", 60), _text(row, "name"))
            name = _text(row, "name", 120, "name")
            terms[row.get("id", "")] = code
            # HSDS records are Italian here (the export says `language: it`): they fill the Italian versions.
            plan.terms.append({"code": code, "name_it": name,
                               "description_it": "" if row.get("description") == name else _text(row, "description"),
                               **english("taxonomy_terms", row.get("id", ""),
                                         {"name": ("name", 120), "description": ("description", 2000)}),
                               "position": len(plan.terms) * 10 + 10})
        except RowError as exc:
            plan.reject("taxonomy_terms", number, str(exc))

    phones_by_org, phones_by_contact = by("phones", "organization_id"), by("phones", "contact_id")
    addresses, accessibility = by("addresses", "location_id"), by("accessibility", "location_id")
    orgs: dict[str, str] = {}
    slugs: set[str] = set()
    for number, row in rows("organizations"):
        try:
            org_id = row.get("id", "")
            if not org_id or org_id in orgs:
                raise RowError(_("id «%(id)s» mancante o ripetuto.") % {"id": org_id})
            name = _text(row, "name", 200, "name")
            if not name:
                raise RowError(_("manca il nome."))
            slug = base = _slug("", name)
            counter = 2
            while slug in slugs:
                slug, counter = f"{base[:76]}-{counter}", counter + 1
            kind_label = _text(row, "legal_status")
            try:
                kind = _kind(kind_label) if kind_label else OrganizationKind.ASSOCIATION
            except RowError:
                kind = OrganizationKind.ASSOCIATION
            description = _text(row, "description", 5000)
            if description == kind_label:
                description = ""
            phones = [p for p in phones_by_org.get(org_id, []) if not p.get("contact_id") and not p.get("service_id")]
            plan.organizations.append({
                "slug": slug, "name": name, "kind": kind, "alternate_name": _text(row, "alternate_name", 120),
                "description_it": description, "email": _email(_text(row, "email", 254)),
                **english("organizations", org_id, {"description": ("description", 5000)}),
                "website": _url(_text(row, "website", 200)),
                "phone": _phone(phones[0].get("number", "").strip()) if phones else "",
                "how_to_access": {"how_to_access_it": ""},
                "last_reviewed_on": None})
            orgs[org_id] = slug
            slugs.add(slug)
        except RowError as exc:
            plan.reject("organizations", number, str(exc))

    def org_of(row: dict[str, str]) -> str:
        org_id = row.get("organization_id", "")
        if org_id not in orgs:
            raise RowError(_("organization_id «%(id)s» non corrisponde a nessuna organizzazione dell'archivio.")
                           % {"id": org_id})
        return orgs[org_id]

    locations: dict[str, tuple[str, str]] = {}
    for number, row in rows("locations"):
        try:
            org = org_of(row)
            address = (addresses.get(row.get("id", "")) or [{}])[0]
            access = (accessibility.get(row.get("id", "")) or [{}])[0]
            name = _text(row, "name", 200, "name") or _text(address, "address_1")
            location = {"organization": org, "name": name, "address_1": _text(address, "address_1", 200),
                        "address_2": "", "city": _text(address, "city", 100),
                        "postal_code": _text(address, "postal_code", 5),
                        "state_province": _text(address, "state_province", 2).upper(),
                        "accessibility_it": _text(access, "description", 2000),
                        "transportation_it": _text(row, "transportation", 300),
                        **english("locations", row.get("id", ""), {"transportation": ("transportation", 300)}),
                        **english("accessibility", access.get("id", ""), {"accessibility": ("description", 2000)}),
                        "latitude": row.get("latitude") or None, "longitude": row.get("longitude") or None}
            locations[row.get("id", "")] = (org, name)
            plan.locations.append(location)
        except RowError as exc:
            plan.reject("locations", number, str(exc))

    at_locations, attributes, languages = by("service_at_locations", "service_id"), by("attributes", "link_id"), \
        by("languages", "service_id")
    services: dict[str, tuple[str, str]] = {}
    service_slugs: set[tuple[str, str]] = set()
    for number, row in rows("services"):
        try:
            service_id = row.get("id", "")
            if not service_id or service_id in services:
                raise RowError(_("id «%(id)s» mancante o ripetuto.") % {"id": service_id})
            org = org_of(row)
            name = _text(row, "name", 200, "name")
            slug = base = _slug("", name)
            counter = 2
            while (org, slug) in service_slugs:
                slug, counter = f"{base[:76]}-{counter}", counter + 1
            assured = row.get("assured_date", "")
            service = {
                "organization": org, "slug": slug, "name_it": name,
                "description_it": _text(row, "description", 5000),
                "audience_it": "", "eligibility_it": _text(row, "eligibility_description", 2000),
                "cost_it": _text(row, "fees_description", 200),
                "how_to_access_it": _text(row, "application_process", 2000),
                **english("services", service_id, {
                    "name": ("name", 200), "description": ("description", 5000),
                    "eligibility": ("eligibility_description", 2000), "cost": ("fees_description", 200),
                    "how_to_access": ("application_process", 2000)}),
                **({"audience_en": None} if has_english else {}),
                "terms": [terms[a["taxonomy_term_id"]] for a in attributes.get(service_id, [])
                          if a.get("taxonomy_term_id") in terms],
                "languages": [lang.get("code", "") for lang in languages.get(service_id, []) if lang.get("code")]
                or ["it"],
                "locations": [locations[a["location_id"]][1] for a in at_locations.get(service_id, [])
                              if a.get("location_id") in locations],
                "email": "", "url": "", "is_active": row.get("status", "active") != "inactive",
                "last_reviewed_on": _date(assured, "assured_date", dt.timedelta())}
            services[service_id] = (org, slug)
            service_slugs.add((org, slug))
            plan.services.append(service)
        except RowError as exc:
            plan.reject("services", number, str(exc))

    for number, row in rows("schedules"):
        try:
            if row.get("service_id") not in services:
                raise RowError(_("service_id «%(id)s» non corrisponde a nessun servizio dell'archivio.")
                               % {"id": row.get("service_id")})
            org, service = services[row["service_id"]]
            opens, closes = _time(row.get("opens_at", ""), "opens_at"), _time(row.get("closes_at", ""), "closes_at")
            if closes <= opens:
                raise RowError(_("l'orario di fine deve essere dopo quello di inizio."))
            plan.schedules.append({"organization": org, "service": service,
                                   "byday": _days(row.get("byday", "")) if row.get("byday") else "",
                                   "freq": row.get("freq") or "WEEKLY", "opens_at": opens, "closes_at": closes,
                                   "valid_from": _date(row.get("valid_from", ""), "valid_from", dt.timedelta()),
                                   "valid_to": _date(row.get("valid_to", ""), "valid_to", dt.timedelta()),
                                   "description_it": _text(row, "description", 300),
                                   **english("schedules", row.get("id", ""), {"description": ("description", 300)})})
        except RowError as exc:
            plan.reject("schedules", number, str(exc))

    for number, row in rows("contacts"):
        try:
            phones = phones_by_contact.get(row.get("id", ""), [])
            plan.contacts.append({"organization": org_of(row), "name": _text(row, "name", 200, "name"),
                                  "title": _text(row, "title", 200), "email": _email(_text(row, "email", 254)),
                                  "phone": _phone(phones[0].get("number", "").strip()) if phones else ""})
        except RowError as exc:
            plan.reject("contacts", number, str(exc))
    return plan
