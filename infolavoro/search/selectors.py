"""Reading the index: one function, `search`, whatever the database.

The query is understood as people type it: stop words dropped ("vorrei", "cerco", "un"), the desk's synonyms
applied ("cv" also finds "curriculum", "ho perso il lavoro" finds "disoccupazione, NASpI, ricollocazione"),
and a word that finds nothing is corrected when a word of the index is within one or two letters of it
("curriculm" → "curriculum"). Documents matching any term come back, the most terms matched first."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import NamedTuple

from . import synonyms as synonyms_mod
from . import text
from .engines import MAX_RESULTS, Term, engine

MAX_QUERY = 300  # characters read from what was typed
MAX_TERMS = 10


class Hit(NamedTuple):  # a tuple: a search makes up to a thousand of them
    object_id: uuid.UUID
    score: int
    coverage: int  # how many of the query's terms it matches


@dataclass
class Result:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    terms: list[Term] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)  # what was typed and found nothing
    corrected: dict[str, str] = field(default_factory=dict)  # typed → corrected
    approximate: bool = False  # common words only ranked a bounded set: "more than `total`"

    @property
    def understood(self) -> str:
        """The query as searched, corrections applied ("Risultati per «curriculum»")."""
        return " ".join(t.label for t in self.terms)


def parse(typed: str, synonyms: dict) -> list[Term]:
    """The terms of a query: meaningful words, synonym phrases taken as one term (longest phrase first)."""
    words = text.meaningful((typed or "")[:MAX_QUERY])
    stems = [text.stem(w) for w in words]
    longest = max((len(k) for k in synonyms), default=1)
    found, seen, i = [], set(), 0
    while i < len(stems) and len(found) < MAX_TERMS:
        for n in range(min(longest, len(stems) - i), 0, -1):
            key = tuple(stems[i:i + n])
            if key in synonyms:
                alternatives = ([key] if n == 1 else []) + [a for a in synonyms[key] if a != key]
                term = Term(" ".join(words[i:i + n]), tuple(alternatives))
                break
        else:
            n, term = 1, Term(words[i], ((stems[i],),), word=words[i])
        if term.alternatives not in seen:
            seen.add(term.alternatives)
            found.append(term)
        i += n
    return found


def search(typed: str, *, kind: str, desk_id=None, within=None, limit: int = MAX_RESULTS) -> Result:
    """Documents of `kind` (of one desk, or all), optionally only those whose object_id is in the queryset
    `within`, best first. At most three queries: search, typo candidates, search again with corrections."""
    synonyms = synonyms_mod.for_desk(desk_id)
    terms = parse(typed, synonyms)
    if not terms:
        return Result()
    db = engine()
    with db.serial():
        raw = db.run(terms, kind=kind, desk_id=desk_id, within=within, limit=limit)
        missing = [t.word for t, found in zip(terms, raw.found, strict=True) if not found and len(t.word) > 2
                   and not t.word.isdigit()]
        corrected = db.correct(missing) if missing else {}
        if corrected:
            retyped = " ".join(corrected.get(w, w) for w in text.meaningful((typed or "")[:MAX_QUERY]))
            terms = parse(retyped, synonyms)
            raw = db.run(terms, kind=kind, desk_id=desk_id, within=within, limit=limit)
    return Result(
        hits=[Hit._make(row) for row in raw.rows], total=raw.total, terms=terms,
        not_found=[t.label for t, found in zip(terms, raw.found, strict=True) if not found],
        corrected=corrected, approximate=raw.approximate,
    )
