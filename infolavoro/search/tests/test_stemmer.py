"""Stemming runs in C (PyStemmer, which snowballstemmer uses when installed) with the very stems of the pure-Python
Snowball: the index and the queries never disagree whichever is installed."""

from __future__ import annotations

from snowballstemmer.italian_stemmer import ItalianStemmer

from infolavoro.search import text

WORDS = ["lavoratori", "lavoro", "lavorare", "disoccupazione", "disoccupato", "formazione", "formativi",
         "curriculum", "assistenza", "familiare", "badanti", "carrellista", "muletto", "ricollocazione",
         "apprendistato", "elettricista", "stranieri", "italiano", "tirocinio", "tirocini", "sicurezza", "cantieri",
         "stagionale", "attività", "città", "perché", "orientamento"]


def test_the_c_stemmer_is_used_and_gives_the_same_stems():
    import Stemmer

    assert isinstance(text._stemmer, Stemmer.Stemmer)
    pure = ItalianStemmer()
    for word in WORDS:
        folded = text.fold(word)
        assert text.stem(folded) == pure.stemWord(folded), word
    assert text.terms("Lavoratori e lavoro") == ["lavor", "lavor"]
