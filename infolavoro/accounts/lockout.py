"""Who a login attempt is for, as the lock-out counts it: the e-mail, trimmed and lower-cased.

Addresses are stored lower-case and looked up case-insensitively, so `Operatore@…` and `operatore@…` are the
same account: axes must count their failures together (AXES_USERNAME_CALLABLE).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings


def normalise_email(value: Any) -> str:
    return str(value or "").strip().lower()


def lockout_username(request: Any, credentials: dict[str, Any] | None) -> str:
    field = settings.AXES_USERNAME_FORM_FIELD
    value = (credentials or {}).get(field)
    if value is None and request is not None:
        value = request.POST.get(field)
    return normalise_email(value)
