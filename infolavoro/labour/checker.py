"""The discriminatory-requirements checker for job ads.

Italian law forbids job ads that select by sex or gender (D.Lgs. 198/2006, art. 27, "Codice delle pari
opportunità"), by age, nationality, ethnic origin, religion, disability or sexual orientation (D.Lgs. 215/2003 and
D.Lgs. 216/2003, on the EU equal-treatment directives), and by marital or family status (D.Lgs. 198/2006, art.
27, c. 1, also by reference to "stato matrimoniale o di famiglia o di gravidanza"). The checker does not decide:
it shows the reviewer each phrase and why, before publication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

AGE = _("Limiti di età: vietati salvo i casi previsti dalla legge (D.Lgs. 216/2003, art. 3).")
SEX = _("Requisiti legati al sesso: vietati (D.Lgs. 198/2006, art. 27). Usa un titolo per entrambi i sessi, "
        "es. «cameriere/a» o «cameriere (m/f)».")
MARITAL = _("Stato civile, famiglia o gravidanza: vietati come requisito (D.Lgs. 198/2006, art. 27).")
LOOKS = _("Aspetto fisico («bella presenza»): requisito non legato alla mansione, discriminatorio "
          "(D.Lgs. 198/2006 e D.Lgs. 215/2003).")
NATIONALITY = _("Nazionalità o origine: vietate come requisito (D.Lgs. 215/2003, art. 2); chiedi invece il "
                "permesso di lavoro o la conoscenza della lingua al livello necessario.")

RULES: list[tuple[re.Pattern[str], object]] = [
    (re.compile(r"\b(?:max|massimo|entro i|non oltre i?|under|sotto i)\s*\d{2}\s*anni\b", re.I), AGE),
    (re.compile(r"\b(?:età|eta)\s*(?:massima|minima|compresa|tra|fra|dai|inferiore|superiore)\b[^.;\n]{0,30}", re.I),
     AGE),
    (re.compile(r"\b\d{2}\s*[-–]\s*\d{2}\s*anni\b", re.I), AGE),
    (re.compile(r"\b(?:giovane|giovani|giovanissim[aoie]|neodiplomat[aoie] giovan[ei])\b", re.I), AGE),
    (re.compile(r"\b(?:solo|preferibilmente|esclusivamente|cercasi|cerchiamo)\s+(?:uomin[ie]|donn[ae]|ragazz[aie]"
                r"|signor[aei]|maschi|femmine|personale (?:maschile|femminile))\b", re.I), SEX),
    (re.compile(r"\bsesso\s*:?\s*(?:maschile|femminile)\b", re.I), SEX),
    (re.compile(r"\b(?:celibe|nubile|non sposat[aoie]|senza figli|senza famiglia|non in gravidanza|single)\b",
                re.I), MARITAL),
    (re.compile(r"\bstato civile\b", re.I), MARITAL),
    (re.compile(r"\b(?:bella|buona|ottima) presenza\b", re.I), LOOKS),
    (re.compile(r"\bpresenza curata\b|\baspetto (?:gradevole|curato)\b", re.I), LOOKS),
    (re.compile(r"\b(?:solo|esclusivamente|preferibilmente)?\s*(?:di )?(?:nazionalità|cittadinanza|origine) "
                r"(?:italiana|europea|comunitaria|straniera)\b", re.I), NATIONALITY),
    (re.compile(r"\b(?:no|niente) stranieri\b|\bsolo italian[ie]\b|\bmadrelingua italian[ao]\b", re.I),
     NATIONALITY),
]


@dataclass(frozen=True)
class Flag:
    field: str
    phrase: str
    reason: str


def check(fields: dict[str, str]) -> list[Flag]:
    """Every suspicious phrase in the given fields (name → text), with the reason, in reading order."""
    flags: list[Flag] = []
    for name, text in fields.items():
        seen: set[tuple[int, int]] = set()
        for pattern, reason in RULES:
            for match in pattern.finditer(text or ""):
                if any(s <= match.start() < e for s, e in seen):
                    continue
                seen.add(match.span())
                flags.append(Flag(name, match.group(0).strip(), str(reason)))
    return flags


def check_vacancy(vacancy) -> list[Flag]:
    return check({"title": vacancy.title, "description": vacancy.description, "how_to_apply": vacancy.how_to_apply})
