"""How text becomes search terms, the same for indexing and for queries and for both engines: lower case,
accents folded ("é" = "e"), words of letters and digits, stop words of everyday Italian (and a few English ones)
dropped, Italian snowball stems ("lavoratori" and "lavoro" both give "lavor")."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

STOP_WORDS = frozenset("""
a ad al alla alle allo ai agli all con da dal dalla dai dagli dallo dei degli del della delle dello di e ed gli i il
in la le lo nei nel nella nelle nello negli o per su sul sulla sui tra fra un una uno che chi come cosa cose
ho hai ha abbiamo avete hanno avere avuto mi ti ci vi si me te sono sei siamo siete essere stato stata stati state
vorrei vorremmo voglio vuoi vuole volevo cerco cerchi cerca cercando cercare trovare trovo posso puoi potrei dove
quando qualcuno qualcosa qualche mio mia miei mie tuo tua tuoi io tu lui lei noi voi loro non ne ma se anche poi
perche perché piu molto molta tanto fare faccio fatto serve servono bisogno ciao buongiorno salve grazie sto sta
c l d s un' the for to of my me and an is am are with looking need want find help please how where can
""".split())  # noqa: SIM905 - a list to read, not to edit word by word
WORD = re.compile(r"[a-z0-9]+")
MAX_WORD = 40  # longer "words" are noise (or an attack): cut
_stemmer = snowballstemmer.stemmer("italian")


def fold(text: str) -> str:
    """Lower case without accents: "Attività" → "attivita"."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded words of a text (stop words included), each cut to MAX_WORD characters."""
    return [w[:MAX_WORD] for w in WORD.findall(fold(text))]


def meaningful(text: str) -> list[str]:
    """The folded words that carry meaning (no stop words, no single letters)."""
    return [w for w in words(text) if w not in STOP_WORDS and len(w) > 1]


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def terms(text: str) -> list[str]:
    """The stems of the meaningful words of a text."""
    return [stem(w) for w in meaningful(text)]


def stemmed(text: str) -> str:
    """A text as the space-separated stems of its meaningful words (what the SQLite index holds)."""
    return " ".join(terms(text))
