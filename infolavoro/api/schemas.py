"""The API's input boundary, one mechanism for every input schema and every error answer.

- `InputSchema`: the base of every request body and query schema. Refuses NUL characters in any text (PostgreSQL
  cannot store them) and unknown shapes are refused by pydantic as usual.
- `model_field(Model, "name")`: a schema field whose maximum length is the model field's, so a limit is written
  once (on the model) and the OpenAPI document shows it (`maxLength`).
- `ErrorOut` / `FieldErrorsOut`: the two error bodies every operation answers with; `field_errors()` turns
  pydantic's errors into `FieldErrorsOut` with Italian messages (see `api.py`'s handler).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from ninja import Field, Schema
from pydantic import field_validator

NUL_MESSAGE = "Il testo contiene caratteri non ammessi."


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, (list, tuple, set)):
        return any(_has_nul(v) for v in value)
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    return False


class InputSchema(Schema):
    """Base of every API input: no NUL character in any field."""

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        if _has_nul(value):
            raise ValueError(NUL_MESSAGE)
        return value


# Text without NUL, said in the OpenAPI document (`pattern`) as well as checked (by the validator above).
NO_NUL = "^[^\\x00]*$"


def text_field(default: Any = ..., **extra: Any) -> Any:
    """A text field of an input schema: no NUL, and whatever limits are given."""
    return Field(default, pattern=NO_NUL, **extra)


def model_field(model: type[models.Model], name: str, default: Any = ..., **extra: Any) -> Any:
    """A text field limited like `model.name` (its max_length), without NUL."""
    field = model._meta.get_field(name)
    max_length = getattr(field, "max_length", None)
    if max_length:
        extra.setdefault("max_length", max_length)
    return text_field(default, **extra)


class ErrorOut(Schema):
    detail: str


class FieldErrorsOut(Schema):
    detail: str
    errors: dict[str, list[str]]


# pydantic error type → Italian message (ctx values filled in).
MESSAGES = {
    "missing": "Campo obbligatorio.",
    "string_too_long": "Il testo è troppo lungo (massimo {max_length} caratteri).",
    "string_pattern_mismatch": NUL_MESSAGE,  # the only pattern of input schemas: NO_NUL
    "string_too_short": "Il testo è troppo corto (minimo {min_length} caratteri).",
    "string_type": "Deve essere un testo.",
    "bool_type": "Deve essere vero o falso.",
    "bool_parsing": "Deve essere vero o falso.",
    "int_type": "Deve essere un numero intero.",
    "int_parsing": "Deve essere un numero intero.",
    "int_from_float": "Deve essere un numero intero.",
    "less_than_equal": "Il valore massimo è {le}.",
    "greater_than_equal": "Il valore minimo è {ge}.",
    "date_type": "Indica una data nel formato AAAA-MM-GG.",
    "date_parsing": "Indica una data nel formato AAAA-MM-GG.",
    "date_from_datetime_parsing": "Indica una data nel formato AAAA-MM-GG.",
    "date_from_datetime_inexact": "Indica una data nel formato AAAA-MM-GG.",
    "datetime_type": "Indica data e ora nel formato AAAA-MM-GGTHH:MM:SS+01:00.",
    "datetime_parsing": "Indica data e ora nel formato AAAA-MM-GGTHH:MM:SS+01:00.",
    "datetime_from_date_parsing": "Indica data e ora nel formato AAAA-MM-GGTHH:MM:SS+01:00.",
    "uuid_type": "Identificativo non valido.",
    "uuid_parsing": "Identificativo non valido.",
    "model_attributes_type": "Dati non validi: serve un oggetto JSON.",
    "model_type": "Dati non validi: serve un oggetto JSON.",
    "dict_type": "Dati non validi: serve un oggetto JSON.",
}


def _message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])
    template = MESSAGES.get(kind)
    if template:
        try:
            return template.format(**ctx)
        except (KeyError, IndexError):
            return template
    return "Valore non valido."


def _field_name(loc: Any) -> str:
    # ninja's locations: ("body", "payload", "first_name"), ("query", "start"), ("path", "slug")...
    parts = [str(p) for p in (loc or ()) if not isinstance(p, int)]
    if parts and parts[0] in {"body", "query", "path", "form", "header", "cookie"}:
        parts = parts[1:]
    if len(parts) > 1 and parts[0] in {"payload", "query", "data", "body"}:
        parts = parts[1:]
    return ".".join(parts) or "__all__"


def field_errors(errors: list[dict[str, Any]]) -> dict[str, Any]:
    """pydantic/ninja errors → the `FieldErrorsOut` body, in Italian."""
    by_field: dict[str, list[str]] = {}
    for error in errors:
        messages = by_field.setdefault(_field_name(error.get("loc")), [])
        message = _message(error)
        if message not in messages:
            messages.append(message)
    return {"detail": "Dati non validi.", "errors": by_field}
