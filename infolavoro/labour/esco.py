"""Import of the official ESCO CSV download for one language (files `*_it.csv`).

Streaming: each file is read row by row with `csv.DictReader` and written in batches with one bulk upsert
(`bulk_create(update_conflicts=True)`) keyed on the concept URI, so re-running updates and never duplicates and
memory stays bounded by the batch size plus the URI → id maps (about 17,000 short strings for the real files).
Malformed rows are skipped and reported with their file, line and reason.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from django.db import transaction

from .models import IscoGroup, Occupation, OccupationSkill, Relation, Skill, SkillType
from .taxonomy import taxonomy_changed

BATCH = 2000
ISCO_CODE = re.compile(r"^\d{1,4}$")
FILES = ("ISCOGroups", "occupations", "skills", "occupationSkillRelations")


@dataclass
class Report:
    read: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def problem(self, filename: str, line: int, reason: str) -> None:
        self.problems.append(f"{filename}:{line}: {reason}")


def _labels(cell: str) -> str:
    """ESCO puts one alternative label per line inside the cell."""
    return "\n".join(label.strip() for label in (cell or "").splitlines() if label.strip())


def _isco_from_uri(value: str) -> str:
    """`iscoGroup` is a code ("8344") in the CSV; older downloads give the group URI (…/isco/C8344)."""
    value = (value or "").strip()
    return value.rsplit("/", 1)[-1].lstrip("C") if "/" in value else value


def _rows(path: Path, progress: TextIO | None, desc: str) -> Iterator[tuple[int, dict[str, str]]]:
    from tqdm import tqdm

    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        bar = tqdm(desc=desc, unit=" righe", file=progress or sys.stderr, disable=progress is False,
                   mininterval=0.5)
        for row in reader:
            bar.update()
            if None in row:  # more cells than headers
                row.pop(None)
            yield reader.line_num, {k: (v or "").replace("\x00", "") for k, v in row.items() if k}
        bar.close()


def _flush(model: Any, objs: list, unique: list[str], update: list[str]) -> None:
    if objs:
        model.objects.bulk_create(objs, update_conflicts=True, unique_fields=unique, update_fields=update)
        objs.clear()


def find_file(directory: Path, stem: str) -> Path | None:
    matches = sorted(directory.glob(f"{stem}_*.csv")) or sorted(directory.glob(f"{stem}.csv"))
    return matches[0] if matches else None


@transaction.atomic
def import_esco(directory: str | Path, progress: Any = None) -> Report:
    """Load (or update) ISCO groups, occupations, skills and their relations from an ESCO CSV folder."""
    directory = Path(directory)
    report = Report()
    missing = [stem for stem in FILES if find_file(directory, stem) is None]
    if missing:
        raise FileNotFoundError(", ".join(f"{m}_it.csv" for m in missing))

    path = find_file(directory, "ISCOGroups")
    batch: list = []
    count = 0
    for line, row in _rows(path, progress, path.name):
        count += 1
        code, label = row.get("code", "").strip(), row.get("preferredLabel", "").strip()
        if not ISCO_CODE.match(code) or not label:
            report.problem(path.name, line, "codice ISCO o denominazione mancante o non valida")
            continue
        batch.append(IscoGroup(code=code, uri=row.get("conceptUri", "")[:200], label=label[:300]))
        if len(batch) >= BATCH:
            _flush(IscoGroup, batch, ["code"], ["uri", "label"])
    _flush(IscoGroup, batch, ["code"], ["uri", "label"])
    report.read[path.name] = count

    path = find_file(directory, "occupations")
    count = 0
    for line, row in _rows(path, progress, path.name):
        count += 1
        uri, label, isco = row.get("conceptUri", "").strip(), row.get("preferredLabel", "").strip(), \
            _isco_from_uri(row.get("iscoGroup", ""))
        if not uri or not label:
            report.problem(path.name, line, "conceptUri o preferredLabel mancante")
            continue
        if not ISCO_CODE.match(isco) or len(isco) != 4:
            report.problem(path.name, line, f"iscoGroup non valido: {isco[:20]!r}")
            continue
        batch.append(Occupation(uri=uri[:200], isco_code=isco, preferred_label=label[:300],
                                alt_labels=_labels(row.get("altLabels", "")),
                                description=row.get("description", "").strip()))
        if len(batch) >= BATCH:
            _flush(Occupation, batch, ["uri"], ["isco_code", "preferred_label", "alt_labels", "description"])
    _flush(Occupation, batch, ["uri"], ["isco_code", "preferred_label", "alt_labels", "description"])
    report.read[path.name] = count

    path = find_file(directory, "skills")
    count = 0
    skill_fields = ["preferred_label", "alt_labels", "description", "skill_type", "reuse_level"]
    for line, row in _rows(path, progress, path.name):
        count += 1
        uri, label = row.get("conceptUri", "").strip(), row.get("preferredLabel", "").strip()
        skill_type = row.get("skillType", "").strip() or SkillType.SKILL
        if not uri or not label:
            report.problem(path.name, line, "conceptUri o preferredLabel mancante")
            continue
        if skill_type not in SkillType.values:
            report.problem(path.name, line, f"skillType sconosciuto: {skill_type[:30]!r}")
            continue
        batch.append(Skill(uri=uri[:200], preferred_label=label[:300], alt_labels=_labels(row.get("altLabels", "")),
                           description=row.get("description", "").strip(), skill_type=skill_type,
                           reuse_level=row.get("reuseLevel", "").strip()[:30]))
        if len(batch) >= BATCH:
            _flush(Skill, batch, ["uri"], skill_fields)
    _flush(Skill, batch, ["uri"], skill_fields)
    report.read[path.name] = count

    occupation_ids = dict(Occupation.objects.values_list("uri", "pk"))
    skill_ids = dict(Skill.objects.values_list("uri", "pk"))
    path = find_file(directory, "occupationSkillRelations")
    count = 0
    for line, row in _rows(path, progress, path.name):
        count += 1
        occupation_id = occupation_ids.get(row.get("occupationUri", "").strip())
        skill_id = skill_ids.get(row.get("skillUri", "").strip())
        relation = row.get("relationType", "").strip()
        if occupation_id is None or skill_id is None:
            report.problem(path.name, line, "professione o competenza sconosciuta")
            continue
        if relation not in Relation.values:
            report.problem(path.name, line, f"relationType sconosciuto: {relation[:30]!r}")
            continue
        batch.append(OccupationSkill(occupation_id=occupation_id, skill_id=skill_id, relation=relation))
        if len(batch) >= BATCH:
            _flush(OccupationSkill, batch, ["occupation", "skill"], ["relation"])
    _flush(OccupationSkill, batch, ["occupation", "skill"], ["relation"])
    report.read[path.name] = count
    taxonomy_changed()  # every process drops its memo of the taxonomy (bulk writes send no signal)
    return report
