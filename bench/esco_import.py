"""How long `import_esco` takes, and how much memory it uses, on an ESCO download of the real size.

The real download cannot be fetched from these machines, so this writes one in the official CSV format (the columns
of `labour/tests/fixtures/esco`), at the size of ESCO v1.2 in one language: 619 ISCO groups, 3,039 occupations,
13,939 skills, 126,051 occupation–skill relations, with several alternative labels per concept (one per line inside
the cell) and descriptions of a few hundred characters. Each import runs in a child process
(`manage.py import_esco`), so its peak memory (max RSS, Django included) is its own; the second run must change
nothing. Targets of issue 11: under a minute and under 300 MB.

    .venv/bin/python bench/esco_import.py                # throwaway SQLite database
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_esco .venv/bin/python bench/esco_import.py
"""

from __future__ import annotations

import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _django  # noqa: F401 (first: sets Django up before infolavoro is imported)
from django.core.management import call_command

from infolavoro.labour.models import IscoGroup, Occupation, OccupationSkill, Skill

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"isco": 619, "occupations": 3039, "skills": 13939, "relations": 126051}
WORDS = ("gestire", "operare", "controllare", "assistere", "pianificare", "sicurezza", "cantiere", "porto", "nave",
         "turismo", "cliente", "magazzino", "merci", "cucina", "sala", "vendita", "cura", "persona", "anziani",
         "impianti", "elettrici", "software", "dati", "contabilità", "documenti", "qualità", "manutenzione",
         "attrezzature", "norme", "procedure", "comunicare", "lingua", "straniera")
ESCO = "http://data.europa.eu/esco"


def text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def write_download(folder: Path) -> None:
    rng = random.Random(2026)
    groups = [f"{1000 + i * 14}"[:4] for i in range(SIZES["isco"])]
    with (folder / "ISCOGroups_it.csv").open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["conceptType", "conceptUri", "code", "preferredLabel", "altLabels", "inScheme", "description"])
        for code in groups:
            out.writerow(
                [
                    "ISCOGroup",
                    f"{ESCO}/isco/C{code}",
                    code,
                    text(rng, 4)[:-1],
                    "",
                    f"{ESCO}/concept-scheme/isco",
                    text(rng, 30),
                ]
            )
    with (folder / "occupations_it.csv").open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(
            [
                "conceptType",
                "conceptUri",
                "iscoGroup",
                "preferredLabel",
                "altLabels",
                "hiddenLabels",
                "status",
                "modifiedDate",
                "regulatedProfessionNote",
                "scopeNote",
                "definition",
                "inScheme",
                "description",
                "code",
            ]
        )
        for i in range(SIZES["occupations"]):
            group = rng.choice(groups)
            alt = "\n".join(f"{text(rng, 3)[:-1]} {i}-{j}" for j in range(rng.randint(2, 8)))
            out.writerow(
                [
                    "Occupation",
                    f"{ESCO}/occupation/bench-{i}",
                    group,
                    f"{text(rng, 3)[:-1]} {i}",
                    alt,
                    "",
                    "released",
                    "2024-01-01",
                    "",
                    "",
                    "",
                    "",
                    text(rng, 45),
                    f"{group}.{i}",
                ]
            )
    with (folder / "skills_it.csv").open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(
            [
                "conceptType",
                "conceptUri",
                "skillType",
                "reuseLevel",
                "preferredLabel",
                "altLabels",
                "hiddenLabels",
                "status",
                "modifiedDate",
                "scopeNote",
                "definition",
                "inScheme",
                "description",
            ]
        )
        for i in range(SIZES["skills"]):
            alt = "\n".join(f"{text(rng, 3)[:-1]} {i}-{j}" for j in range(rng.randint(1, 6)))
            out.writerow(
                [
                    "KnowledgeSkillCompetence",
                    f"{ESCO}/skill/bench-{i}",
                    rng.choice(["skill/competence", "knowledge"]),
                    rng.choice(["transversal", "cross-sector", "sector-specific", "occupation-specific"]),
                    f"{text(rng, 4)[:-1]} {i}",
                    alt,
                    "",
                    "released",
                    "",
                    "",
                    "",
                    "",
                    text(rng, 30),
                ]
            )
    with (folder / "occupationSkillRelations_it.csv").open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["occupationUri", "relationType", "skillType", "skillUri"])
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < SIZES["relations"]:
            pairs.add((rng.randrange(SIZES["occupations"]), rng.randrange(SIZES["skills"])))
        for occupation, skill in sorted(pairs):
            out.writerow(
                [
                    f"{ESCO}/occupation/bench-{occupation}",
                    rng.choice(["essential", "optional"]),
                    "skill/competence",
                    f"{ESCO}/skill/bench-{skill}",
                ]
            )


def counts() -> tuple[int, int, int, int]:
    return (
        IscoGroup.objects.count(),
        Occupation.objects.count(),
        Skill.objects.count(),
        OccupationSkill.objects.count(),
    )


def run_import(folder: Path) -> tuple[float, float, float, str]:
    """Seconds (wall), seconds of CPU and peak MB of a child process running the command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    command = [sys.executable, str(ROOT / "manage.py"), "import_esco", str(folder), "--no-progress"]
    done = subprocess.run(  # noqa: S603 (our own manage.py)
        command,
        env=os.environ.copy(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, done.stdout.strip().splitlines()[-1]


def main() -> None:
    call_command("migrate", verbosity=0)
    with tempfile.TemporaryDirectory(prefix="esco-") as tmp:
        folder = Path(tmp)
        write_download(folder)
        size = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
        print(f"download written: {size:.1f} MB, sizes {SIZES}")
        for label in ("first import", "same files again"):
            wall, cpu, peak, last = run_import(folder)
            print(
                f"{label:<18} {wall:6.1f} s wall  {cpu:6.1f} s CPU  peak {peak:5.0f} MB  "
                f"rows (ISCO, occupations, skills, relations) {counts()}  [{last}]"
            )


if __name__ == "__main__":
    main()
