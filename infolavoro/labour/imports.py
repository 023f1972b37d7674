"""Import of vacancies from the CSV template or from schema.org JobPosting JSON (one object or a list), for one
employer. All or nothing: every row is checked first; if any row is wrong nothing is saved and the report says
which row and why."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import selectors, services
from .models import ContractType, Occupation, Relation, Skill, WorkingTime

CSV_COLUMNS = ["titolo", "professione", "descrizione", "contratto", "orario", "ore_settimanali", "comune",
               "indirizzo", "posti", "retribuzione_min", "retribuzione_max", "pubblicazione", "scadenza",
               "come_candidarsi"]
MAX_ROWS = 1000
EMPLOYMENT_TO_CONTRACT = {"TEMPORARY": ContractType.FIXED_TERM, "INTERN": ContractType.TRAINEESHIP,
                          "PER_DIEM": ContractType.OCCASIONAL, "FULL_TIME": ContractType.PERMANENT,
                          "PART_TIME": ContractType.PERMANENT, "CONTRACTOR": ContractType.OCCASIONAL}


@dataclass
class ImportReport:
    rows: list[tuple[int, str, str]] = field(default_factory=list)  # (row, title, "ok" or the error)
    saved: int = 0

    @property
    def ok(self) -> bool:
        return all(status == "ok" for _n, _t, status in self.rows)


def csv_template() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerow(["Carrellista", "carrellista", "Movimentazione merci in magazzino.", "determinato", "full", "40",
                     "La Spezia", "Via del Porto 1", "1", "22000", "26000", "2026-12-01", "2026-12-31",
                     "Inviare il curriculum a personale@azienda.example"])
    return out.getvalue()


def _date(value: str, name: str) -> dt.date | None:
    value = (value or "").strip()[:10]
    if not value:
        return None
    try:
        date = dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError(_("%(name)s: data non valida (AAAA-MM-GG).") % {"name": name}) from exc
    if not 2000 <= date.year <= 2100:
        raise ValidationError(_("%(name)s: anno fuori intervallo.") % {"name": name})
    return date


def _int(value: Any, name: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(float(str(value).replace(",", ".")))
    except ValueError as exc:
        raise ValidationError(_("%(name)s: non è un numero.") % {"name": name}) from exc
    if not 0 <= number <= 10_000_000:
        raise ValidationError(_("%(name)s: valore fuori intervallo.") % {"name": name})
    return number


def _occupation(text: str, desk: Any) -> Occupation:
    text = (text or "").strip()
    occupation = (Occupation.objects.filter(uri=text).first() if text.startswith("http")
                  else selectors.resolve_occupation(text, desk))
    if occupation is None:
        raise ValidationError(_("professione sconosciuta: «%(t)s».") % {"t": text[:80]})
    return occupation


def _from_csv(row: dict[str, str], desk: Any) -> dict[str, Any]:
    contract = (row.get("contratto") or "").strip().lower()
    if contract not in ContractType.values:
        raise ValidationError(_("contratto sconosciuto: «%(c)s».") % {"c": contract[:40]})
    time = (row.get("orario") or "full").strip().lower()
    if time not in WorkingTime.values:
        raise ValidationError(_("orario: «full» o «part»."))
    return {
        "title": (row.get("titolo") or "").strip()[:200], "occupation": _occupation(row.get("professione", ""), desk),
        "description": (row.get("descrizione") or "").strip(), "contract_type": contract, "working_time": time,
        "hours_per_week": _int(row.get("ore_settimanali"), "ore_settimanali"),
        "comune": (row.get("comune") or "").strip()[:100], "address": (row.get("indirizzo") or "").strip()[:200],
        "openings": _int(row.get("posti"), "posti") or 1,
        "salary_min": _int(row.get("retribuzione_min"), "retribuzione_min"),
        "salary_max": _int(row.get("retribuzione_max"), "retribuzione_max"),
        "published_on": _date(row.get("pubblicazione", ""), "pubblicazione"),
        "expires_on": _date(row.get("scadenza", ""), "scadenza"),
        "how_to_apply": (row.get("come_candidarsi") or "").strip(),
    }


def _jobposting_occupation(item: dict[str, Any], desk: Any) -> Occupation:
    """From relevantOccupation (its ESCO URI or name), else the title, else a unique ISCO code."""
    relevant = item.get("relevantOccupation")
    candidates = []
    if isinstance(relevant, dict):
        candidates += [str(relevant.get("sameAs") or ""), str(relevant.get("name") or "")]
    candidates.append(str(item.get("title") or ""))
    for text in candidates:
        if text:
            try:
                return _occupation(text, desk)
            except ValidationError:
                continue
    code = str(item.get("occupationalCategory") or "").strip()
    matches = list(Occupation.objects.filter(isco_code=code)[:2]) if code.isdigit() else []
    if len(matches) == 1:
        return matches[0]
    raise ValidationError(_("professione sconosciuta: «%(t)s».") % {"t": (candidates[0] or code)[:80]})


def _from_jobposting(item: dict[str, Any], desk: Any) -> dict[str, Any]:
    if not isinstance(item, dict) or item.get("@type") != "JobPosting":
        raise ValidationError(_("non è un oggetto JobPosting."))
    location = item.get("jobLocation") or {}
    if isinstance(location, list):
        location = location[0] if location else {}
    address = (location.get("address") or {}) if isinstance(location, dict) else {}
    types = item.get("employmentType") or []
    types = [types] if isinstance(types, str) else list(types)
    contract = next((EMPLOYMENT_TO_CONTRACT[t] for t in types if t in EMPLOYMENT_TO_CONTRACT and t not in
                     ("FULL_TIME", "PART_TIME")), ContractType.PERMANENT)
    salary = ((item.get("baseSalary") or {}).get("value") or {}) if isinstance(item.get("baseSalary"), dict) else {}
    contact = item.get("applicationContact") or {}
    occupation = _jobposting_occupation(item, desk)
    return {
        "title": str(item.get("title") or "").strip()[:200], "occupation": occupation,
        "description": str(item.get("description") or "").strip(), "contract_type": contract,
        "working_time": WorkingTime.PART if "PART_TIME" in types else WorkingTime.FULL,
        "comune": str(address.get("addressLocality") or "").strip()[:100],
        "address": str(address.get("streetAddress") or "").strip()[:200],
        "openings": _int(item.get("totalJobOpenings"), "totalJobOpenings") or 1,
        "salary_min": _int(salary.get("minValue"), "minValue") if isinstance(salary, dict) else None,
        "salary_max": _int(salary.get("maxValue"), "maxValue") if isinstance(salary, dict) else None,
        "published_on": _date(str(item.get("datePosted") or ""), "datePosted"),
        "expires_on": _date(str(item.get("validThrough") or ""), "validThrough"),
        "how_to_apply": str((contact.get("description") if isinstance(contact, dict) else "") or
                            item.get("url") or "").strip() or _("Rivolgersi allo sportello."),
    }


def _required(values: dict[str, Any]) -> None:
    missing = [name for name in ("title", "description", "comune", "how_to_apply") if not values.get(name)]
    if missing:
        raise ValidationError(_("campi mancanti: %(f)s.") % {"f": ", ".join(missing)})


def parse(content: bytes, filename: str, desk: Any) -> tuple[list[dict[str, Any] | None], ImportReport]:
    report = ImportReport()
    try:
        text = content.decode("utf-8-sig").replace("\x00", "")
    except UnicodeDecodeError:
        report.rows.append((0, "", _("Il file non è in UTF-8.")))
        return [], report
    if filename.lower().endswith(".json"):
        try:
            data = json.loads(text)
        except ValueError:
            report.rows.append((0, "", _("JSON non valido.")))
            return [], report
        items, convert = (data if isinstance(data, list) else [data]), _from_jobposting
    else:
        items, convert = list(csv.DictReader(io.StringIO(text))), _from_csv
    if len(items) > MAX_ROWS:
        report.rows.append((0, "", _("Troppe righe: al massimo %(n)d per file.") % {"n": MAX_ROWS}))
        return [], report
    parsed: list[dict[str, Any] | None] = []
    for n, item in enumerate(items, start=1):
        title = str(item.get("titolo") or item.get("title") or "")[:80] if isinstance(item, dict) else ""
        try:
            values = convert(item, desk)
            _required(values)
            services._vacancy_values(values)
        except ValidationError as exc:
            report.rows.append((n, title, " ".join(exc.messages)))
            parsed.append(None)
        else:
            report.rows.append((n, title, "ok"))
            parsed.append(values)
    return parsed, report


@transaction.atomic
def import_vacancies(employer: Any, content: bytes, filename: str, actor: Any) -> ImportReport:
    """Drafts for the employer, one per row, only if every row is valid (the desk then reviews them)."""
    parsed, report = parse(content, filename, employer.desk)
    if not report.ok or not parsed:
        return report
    for values in parsed:
        occupation = values["occupation"]
        essential = list(Skill.objects.filter(occupation_links__occupation=occupation,
                                              occupation_links__relation=Relation.ESSENTIAL))
        services.save_vacancy(employer, values, actor, essential=essential)
        report.saved += 1
    return report
