"""Each desk's synonyms: what citizens type and what the directory calls it. Desks start from DEFAULTS; the
desk's administrators edit them (one line each: `cv = curriculum`). Cached per desk, invalidated on save."""

from __future__ import annotations

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from infolavoro.desks import public_cache

from . import text
from .models import Synonym

# The list, plus the English words and everyday names citizens use for the network's services.
DEFAULTS: list[tuple[str, str]] = [
    ("badante", "assistenza familiare, assistenza domiciliare, operatore socio sanitario, oss"),
    ("cv", "curriculum"),
    ("muletto", "carrellista, mezzi di sollevamento, logistica"),
    ("ho perso il lavoro", "disoccupazione, naspi, ricollocazione"),
    ("perso il lavoro", "disoccupazione, naspi, ricollocazione"),
    ("licenziato", "disoccupazione, naspi, ricollocazione, licenziamento"),
    ("senza lavoro", "disoccupazione, naspi, ricollocazione"),
    ("disoccupato", "disoccupazione, naspi"),
    ("partita iva", "lavoro autonomo, avvio d'impresa, partita iva"),
    ("job", "offerte di lavoro, preselezione, bacheca del lavoro"),
    ("cpi", "centro per l'impiego"),
    ("work", "lavoro"),
    ("course", "corso"),
    ("english", "inglese"),
    ("italian", "italiano"),
    ("computer", "informatica, competenze digitali"),
    ("internship", "tirocinio"),
    ("disabile", "disabilita, collocamento mirato"),
    ("carcere", "detenzione, detenuti"),
    ("mamma", "maternita, donne"),
    ("rider", "piattaforme digitali, consegna"),
    ("pensione", "pensione, previdenziali"),
    ("aprire un'attivita", "avviare un'attivita, nuova impresa, avvio d'impresa"),
    ("cameriere", "sala e bar, ristorazione, stagione turistica"),
    ("giardiniere", "manutenzione del verde, giardinaggio"),
    ("muratore", "operaio edile, muratura"),
    ("idraulico", "idraulici"),
    ("elettricista", "elettricisti"),
    ("cuoco", "cuoco, cucina"),
    ("pasticcere", "pasticceria"),
    ("marittimo", "marittimi, gente di mare"),
    ("navi", "navi, navali, nautica, bordo"),
    ("anziani", "anziani, assistenza domiciliare, residenze per anziani"),
]
MAX_ALTERNATIVES = 10
CACHE_KEY = "search:synonyms:{}"


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(text.terms(phrase))


def for_desk(desk_id) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """{phrase stems: [alternative stems, ...]} of a desk (the defaults without a desk or without rows)."""
    key = CACHE_KEY.format(desk_id)
    found = cache.get(key)
    if found is None:
        rows = list(Synonym.objects.filter(desk_id=desk_id).values_list("phrase", "alternatives")) if desk_id else []
        found = compile_rows(rows or DEFAULTS)
        cache.set(key, found, 3600)
    return found


def compile_rows(rows) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    compiled: dict = {}
    for phrase, alternatives in rows:
        stems = _key(phrase)
        if not stems:
            continue
        alts = [a for a in (_key(part) for part in alternatives.split(",")) if a][:MAX_ALTERNATIVES]
        if alts:
            compiled[stems] = alts
    return compiled


def as_lines(desk_id) -> str:
    rows = list(Synonym.objects.filter(desk_id=desk_id).values_list("phrase", "alternatives")) or DEFAULTS
    return "\n".join(f"{phrase} = {alternatives}" for phrase, alternatives in rows)


def parse_lines(value: str) -> list[tuple[str, str]]:
    """`phrase = alt, alt` lines → rows; a clear Italian message for the first bad line."""
    rows: dict[str, str] = {}
    for number, line in enumerate(value.replace("\x00", "").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        phrase, sep, alternatives = line.partition("=")
        phrase, alternatives = " ".join(phrase.split()).lower(), " ".join(alternatives.split())
        if not sep or not _key(phrase) or not any(_key(a) for a in alternatives.split(",")):
            raise ValidationError(_("Riga %(n)d: scrivi «parole cercate = significato, altro significato».")
                                  % {"n": number})
        if len(phrase) > 100 or len(alternatives) > 300:
            raise ValidationError(_("Riga %(n)d: troppo lunga (al massimo 100 caratteri prima di «=» e 300 dopo).")
                                  % {"n": number})
        rows[phrase] = alternatives
    if len(rows) > 500:
        raise ValidationError(_("Al massimo 500 sinonimi."))
    return list(rows.items())


def save(desk, value: str, actor) -> int:
    """Replaces the desk's synonyms with the lines given (desk administrators only)."""
    from infolavoro.accounts.permissions import can

    if not can(actor, "desk.administer", desk):
        raise PermissionError
    rows = parse_lines(value)
    with transaction.atomic():
        public_cache.bump(desk.pk)  # the search results change
        Synonym.objects.filter(desk=desk).delete()
        Synonym.objects.bulk_create([Synonym(desk=desk, phrase=p, alternatives=a) for p, a in rows])
        cache.delete(CACHE_KEY.format(desk.pk))
        transaction.on_commit(lambda: cache.delete(CACHE_KEY.format(desk.pk)))
    return len(rows)
