from __future__ import annotations

import pytest

from infolavoro.labour.checker import check


@pytest.mark.parametrize(("text", "phrase", "why"), [
    ("Cercasi cameriera max 30 anni, bella presenza", "max 30 anni", "età"),
    ("Cercasi cameriera max 30 anni, bella presenza", "bella presenza", "Aspetto"),
    ("Età compresa tra 18 e 25", "Età compresa tra 18 e 25", "età"),
    ("Requisiti: 20-35 anni", "20-35 anni", "età"),
    ("Cerchiamo giovane dinamico", "giovane", "età"),
    ("Cerchiamo solo donne per reparto", "solo donne", "sesso"),
    ("Sesso: maschile", "Sesso: maschile", "sesso"),
    ("Preferibilmente nubile e senza figli", "nubile", "famiglia"),
    ("Preferibilmente nubile e senza figli", "senza figli", "famiglia"),
    ("Solo cittadinanza italiana", "cittadinanza italiana", "Nazionalità"),
    ("No stranieri", "No stranieri", "Nazionalità"),
])
def test_each_forbidden_requirement_is_flagged_with_its_reason(text, phrase, why):
    flags = check({"description": text})
    matches = [f for f in flags if phrase.lower() in f.phrase.lower()]
    assert matches, flags
    assert why.lower() in matches[0].reason.lower()
    assert matches[0].field == "description"


@pytest.mark.parametrize("text", [
    "Cameriere/a di sala, contratto stagionale, 30 ore settimanali.",
    "Richiesta conoscenza della lingua inglese livello B1 e permesso di lavoro.",
    "Esperienza di almeno 2 anni nella mansione.",
    "Azienda presente sul territorio da 30 anni.",
])
def test_lawful_ads_are_not_flagged(text):
    assert check({"description": text}) == []
