"""Validation of the Italian codice fiscale (format and check character), including omocodia."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_PATTERN = re.compile(r"^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$")
_ODD = {
    **dict(zip("0123456789", [1, 0, 5, 7, 9, 13, 15, 17, 19, 21], strict=True)),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23],
               strict=True)),
}


def _even(char: str) -> int:
    return int(char) if char.isdigit() else ord(char) - ord("A")


def normalise_codice_fiscale(value: str) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def codice_fiscale_check_char(first15: str) -> str:
    total = sum(_ODD[c] if i % 2 == 0 else _even(c) for i, c in enumerate(first15))
    return chr(ord("A") + total % 26)


def validate_codice_fiscale(value: str) -> None:
    code = normalise_codice_fiscale(value)
    if len(code) != 16:
        raise ValidationError(
            _("Il codice fiscale deve avere 16 caratteri (ne hai scritti %(count)s)."),
            code="cf_length", params={"count": len(code)},
        )
    if not _PATTERN.match(code):
        raise ValidationError(
            _("Il codice fiscale non ha il formato corretto: controlla lettere e cifre."), code="cf_format"
        )
    if codice_fiscale_check_char(code[:15]) != code[15]:
        raise ValidationError(
            _("Il codice fiscale non è valido: l'ultimo carattere di controllo non corrisponde. Controlla di "
              "averlo copiato correttamente."),
            code="cf_checksum",
        )
