"""Validators shared by several apps."""

from __future__ import annotations

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def parse_phone_number(value: str, region: str = "IT") -> phonenumbers.PhoneNumber:
    """Parse an Italian or international phone number; raise ValidationError in Italian when invalid."""
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(_("Numero di telefono non valido."), code="invalid_phone") from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("Numero di telefono non valido."), code="invalid_phone")
    return number


def validate_phone_number(value: str) -> None:
    parse_phone_number(value)


def format_phone_number(value: str) -> str:
    """National format for Italian numbers (0187 727248), international for the others."""
    try:
        number = parse_phone_number(value)
    except ValidationError:
        return value
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 39
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, fmt)


def phone_number_uri(value: str) -> str:
    """tel: URI in E.164, for links that dial."""
    try:
        number = parse_phone_number(value)
    except ValidationError:
        return ""
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_key(value: str) -> str:
    """The same number however it was written ("+39 333 123 4567", "333-1234567", "0039 3331234567"): E.164 when
    it parses, otherwise its digits. For matching, not for display."""
    try:
        return phonenumbers.format_number(phonenumbers.parse(value, "IT"), phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return "".join(c for c in value if c.isdigit())


def single_line(value: object) -> str:
    """The text on one line: every run of whitespace (line breaks, tabs, U+2028…) becomes one space. For e-mail
    subjects and other header-like values built from names."""
    return " ".join(str(value).split())


LINE_BREAKS = frozenset("\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029")  # what str.splitlines() breaks on


def validate_single_line(value: str) -> None:
    """Names and titles are one line: a line break in a name would break every e-mail subject built from it."""
    if any(c in LINE_BREAKS for c in value or ""):
        raise ValidationError(_("Scrivi il nome su una sola riga, senza andare a capo."), code="single_line")
