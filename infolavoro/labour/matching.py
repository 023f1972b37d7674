"""Explainable matching between a person's profile and a vacancy: one scoring function, plain Python.

The same function ranks vacancies for a person and people for a vacancy. It never decides: the operator reads
the reasons and chooses whom to propose (matching for employment is high-risk under the EU AI Act, Annex III).

    score = Σ weight × fulfilment, in 0..100, after the hard filters

Hard filters (a vacancy that fails one is not shown, and the reason is kept):
  - the vacancy is not published, or has expired;
  - a driving licence or the forklift certificate it requires is missing;
  - it requires the right to work in Italy and the person does not have it.

Weighted criteria (WEIGHTS below; each fulfilment is between 0 and 1):
  - occupation (30): the same ESCO occupation 1; another occupation of the same ISCO-08 unit group (4 digits)
    0.67; an occupation related by its skills (ESCO: the share s of skills it has in common with an occupation
    the person looks for, over the smaller of the two skill sets, when s ≥ 0.25) 0.67 × s; of the same
    sub-major group (2 digits) 0.33 (the higher of the last two); 0.8 instead of 1 when the experience in months
    is less than required;
  - essential skills (25): share of the vacancy's essential skills the person has (1 if none are listed);
  - optional skills (10): share of its optional skills (1 if none);
  - languages (10): share of the required languages at the required CEFR level or above (1 if none);
  - place (10): remote work, or the workplace is the person's Comune or one they can reach;
  - availability (5): available now or within 30 days;
  - contract (5): the contract is among the person's preferences (1 if they stated none);
  - education (5): EQF level at least the one required (1 if none required).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext

WEIGHTS = {
    "occupation": 30,
    "essential_skills": 25,
    "optional_skills": 10,
    "languages": 10,
    "place": 10,
    "availability": 5,
    "contract": 5,
    "education": 5,
}
assert sum(WEIGHTS.values()) == 100

def _untranslated(text: str) -> str:
    return text


CEFR = {"A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 6}


@dataclass(frozen=True)
class Candidate:
    key: object
    occupations: dict[int, int]  # occupation id → months of experience
    isco_codes: frozenset[str]
    skills: frozenset[int]
    languages: dict[str, str] = field(default_factory=dict)
    licences: frozenset[str] = frozenset()
    education_eqf: int | None = None
    available_from: dt.date | None = None
    comuni: frozenset[str] = frozenset()  # casefolded: home and reachable Comuni
    contracts: frozenset[str] = frozenset()
    work_permit: bool = True
    # occupation id → share of skills in common with an occupation the person looks for (ESCO), 0.25..1
    related: dict[int, float] = field(default_factory=dict)


RELATED_MIN = 0.25  # below this share of skills in common, two occupations are not related


@dataclass(frozen=True)
class Job:
    key: object
    occupation_id: int
    isco_code: str
    essential: frozenset[int]
    optional: frozenset[int]
    languages: dict[str, str] = field(default_factory=dict)
    licences: frozenset[str] = frozenset()
    education_eqf: int | None = None
    experience_months: int = 0
    comune: str = ""  # casefolded
    remote: str = "no"
    contract_type: str = ""
    work_permit_required: bool = True
    published: bool = True
    expires_on: dt.date | None = None


@dataclass
class Match:
    key: object
    score: int
    met: list[str]
    missed: list[str]
    missing_essential: frozenset[int] = frozenset()
    excluded: str = ""


def score(candidate: Candidate, job: Job, today: dt.date, explain: bool = True) -> Match:
    """Score one (person, vacancy) pair; `excluded` is set when a hard filter fails (score 0). Without `explain`
    the reasons stay untranslated (ranking thousands of pairs, only the shown ones are explained)."""
    _ = gettext if explain else _untranslated
    if not job.published or (job.expires_on is not None and job.expires_on < today):
        return Match(job.key, 0, [], [], excluded=_("offerta non pubblicata o scaduta"))
    missing_licences = job.licences - candidate.licences
    if missing_licences:
        return Match(job.key, 0, [], [], excluded=_("manca la patente o il patentino richiesto: %(l)s")
                     % {"l": ", ".join(sorted(missing_licences))})
    if job.work_permit_required and not candidate.work_permit:
        return Match(job.key, 0, [], [], excluded=_("serve il permesso di lavoro in Italia"))

    met: list[str] = []
    missed: list[str] = []
    total = 0.0

    # Occupation and ISCO group.
    if job.occupation_id in candidate.occupations:
        months = candidate.occupations[job.occupation_id]
        if months >= job.experience_months:
            fulfilment = 1.0
            met.append(_("professione cercata") + (_(", %(m)d mesi di esperienza") % {"m": months} if months else ""))
        else:
            fulfilment = 0.8
            met.append(_("professione cercata"))
            missed.append(_("esperienza: %(m)d mesi su %(r)d richiesti") % {"m": months, "r": job.experience_months})
    elif job.isco_code in candidate.isco_codes:
        fulfilment = 0.67
        met.append(_("professione affine (stesso gruppo ISCO %(c)s)") % {"c": job.isco_code})
    else:
        related = candidate.related.get(job.occupation_id, 0.0)
        by_skills = 0.67 * related if related >= RELATED_MIN else 0.0
        by_group = 0.33 if job.isco_code[:2] in {code[:2] for code in candidate.isco_codes} else 0.0
        if by_skills and by_skills >= by_group:
            fulfilment = by_skills
            met.append(_("professione affine: %(p)d%% delle competenze in comune con quelle cercate")
                       % {"p": round(related * 100)})
        elif by_group:
            fulfilment = by_group
            met.append(_("stesso settore professionale (ISCO %(c)s)") % {"c": job.isco_code[:2]})
        else:
            fulfilment = 0.0
            missed.append(_("professione diversa da quelle cercate"))
    total += WEIGHTS["occupation"] * fulfilment

    # Skills.
    missing_essential = job.essential - candidate.skills
    if job.essential:
        have = len(job.essential) - len(missing_essential)
        total += WEIGHTS["essential_skills"] * have / len(job.essential)
        text = _("competenze essenziali: %(h)d su %(n)d") % {"h": have, "n": len(job.essential)}
        (met if not missing_essential else missed).append(text)
    else:
        total += WEIGHTS["essential_skills"]
    if job.optional:
        have = len(job.optional & candidate.skills)
        total += WEIGHTS["optional_skills"] * have / len(job.optional)
        if have:
            met.append(_("competenze facoltative: %(h)d su %(n)d") % {"h": have, "n": len(job.optional)})
    else:
        total += WEIGHTS["optional_skills"]

    # Languages at the required CEFR level.
    if job.languages:
        ok = [code for code, level in job.languages.items()
              if CEFR.get(candidate.languages.get(code, ""), 0) >= CEFR.get(level, 0)]
        total += WEIGHTS["languages"] * len(ok) / len(job.languages)
        for code, level in sorted(job.languages.items()):
            text = _("lingua %(code)s livello %(level)s") % {"code": code, "level": level}
            (met if code in ok else missed).append(text)
    else:
        total += WEIGHTS["languages"]

    # Place.
    if job.remote == "remote":
        total += WEIGHTS["place"]
        met.append(_("lavoro da remoto"))
    elif job.comune and job.comune in candidate.comuni:
        total += WEIGHTS["place"]
        met.append(_("luogo di lavoro raggiungibile"))
    else:
        missed.append(_("luogo di lavoro fuori dai Comuni indicati"))

    # Availability.
    if candidate.available_from is None or candidate.available_from <= today + dt.timedelta(days=30):
        total += WEIGHTS["availability"]
    else:
        missed.append(_("disponibile solo dal %(d)s") % {"d": candidate.available_from.strftime("%d/%m/%Y")})

    # Contract.
    if not candidate.contracts or job.contract_type in candidate.contracts:
        total += WEIGHTS["contract"]
    else:
        missed.append(_("tipo di contratto non tra quelli graditi"))

    # Education.
    if job.education_eqf is None or (candidate.education_eqf or 0) >= job.education_eqf:
        total += WEIGHTS["education"]
    else:
        missed.append(_("titolo di studio richiesto: EQF %(n)d") % {"n": job.education_eqf})

    return Match(job.key, round(total), met, missed, frozenset(missing_essential))


def rank(candidate: Candidate, jobs: list[Job], today: dt.date, limit: int = 20) -> list[Match]:
    """Vacancies for a person, best first; excluded ones dropped; the first `limit` explained."""
    results = [m for m in (score(candidate, job, today, explain=False) for job in jobs) if not m.excluded]
    results.sort(key=lambda m: (-m.score, str(m.key)))
    by_key = {job.key: job for job in jobs}
    return [score(candidate, by_key[m.key], today) for m in results[:limit]]


def rank_candidates(candidates: list[Candidate], job: Job, today: dt.date, limit: int = 20) -> list[Match]:
    """People for a vacancy, best first (each Match.key is the candidate's key); the first `limit` explained."""
    results = []
    for candidate in candidates:
        match = score(candidate, job, today, explain=False)
        if not match.excluded:
            match.key = candidate.key
            results.append(match)
    results.sort(key=lambda m: (-m.score, str(m.key)))
    by_key = {candidate.key: candidate for candidate in candidates}
    explained = []
    for m in results[:limit]:
        match = score(by_key[m.key], job, today)
        match.key = m.key
        explained.append(match)
    return explained
