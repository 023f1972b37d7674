"""Full-text search of the directory that reads Italian the way people type it: accents are folded
("é" = "e"), words are reduced to their Italian stem (snowball), so "formazione" finds "corsi di formazione"
and "lavoro" finds "lavoratori", and stop words ("di", "per") are ignored.

The matching and ranking run in Python on the desk's members (a network has tens to a few hundred of them),
so they behave the same on SQLite and PostgreSQL and need no index to keep in sync.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

STOP_WORDS = frozenset([
    "a", "ad", "al", "alla", "alle", "allo", "ai", "agli", "all", "con", "da", "dal", "dalla", "dai", "degli",
    "dei", "del", "della", "delle", "dello", "di", "e", "ed", "gli", "i", "il", "in", "la", "le", "lo", "nei",
    "nel", "nella", "o", "per", "su", "sul", "sulla", "tra", "fra", "un", "una", "uno", "che", "chi", "come",
    "cosa",
])
_WORD = re.compile(r"[a-z0-9]+")
_stemmer = snowballstemmer.stemmer("italian")


def fold(text: str) -> str:
    """Lower case without accents: "Attività" → "attivita"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=20_000)
def _stem(word: str) -> str:
    return _stemmer.stemWord(word)


def terms(text: str) -> list[str]:
    """The stems of the meaningful words of a text."""
    return [_stem(w) for w in _WORD.findall(fold(text or "")) if w not in STOP_WORDS and len(w) > 1]


@dataclass(frozen=True)
class Weighted:
    """A document as weighted fields: (weight, text)."""

    fields: tuple[tuple[int, str], ...]


def score(query_terms: Iterable[str], document: Weighted) -> int:
    """0 unless every query term occurs somewhere (prefix of a word); otherwise the sum over the terms of the
    best weight of a field containing it, so a match in the name ranks above one in a description."""
    stems = [(weight, set(terms(text))) for weight, text in document.fields]
    total = 0
    for term in query_terms:
        best = max((weight for weight, words in stems if any(w.startswith(term) for w in words)), default=0)
        if not best:
            return 0
        total += best
    return total
