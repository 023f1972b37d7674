"""Validation of employer identifiers (python-stdnum) and ATECO codes (the `ateco` package, offline)."""

from __future__ import annotations

import functools

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.it import codicefiscale, iva


def normalise_tax_code(value: str) -> str:
    """An 11-digit partita IVA or a 16-character codice fiscale (sole traders), compacted and checked."""
    raw = (value or "").replace("\x00", "").strip().upper().replace(" ", "")
    if raw.startswith("IT") and len(raw) == 13:
        raw = raw[2:]
    if len(raw) == 11 and raw.isdigit():
        if iva.is_valid(raw):
            return raw
        raise ValidationError(_("Partita IVA non valida: controlla le 11 cifre."), code="invalid_vat")
    if len(raw) == 16:
        if codicefiscale.is_valid(raw):
            return raw
        raise ValidationError(_("Codice fiscale non valido."), code="invalid_cf")
    raise ValidationError(_("Indica una partita IVA (11 cifre) o un codice fiscale (16 caratteri)."),
                          code="invalid_tax_code")


@functools.lru_cache(maxsize=512)
def _ateco_node(code: str):
    import ateco

    try:
        return ateco.lookup(code)
    except Exception:  # noqa: BLE001 - the library raises on malformed input; treat as unknown
        return None


def validate_ateco(value: str) -> str:
    code = (value or "").strip()
    if not code:
        return ""
    if len(code) > 10 or _ateco_node(code) is None:
        raise ValidationError(_("Codice ATECO sconosciuto (es. 52.24 o 55.10)."), code="invalid_ateco")
    return code


def ateco_title(code: str) -> str:
    node = _ateco_node(code) if code else None
    return node.title if node else ""
