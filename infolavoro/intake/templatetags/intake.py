"""Template helpers of the listening point."""

from __future__ import annotations

from typing import Any

from django import template

from infolavoro.accounts.permissions import can

register = template.Library()


@register.simple_tag(takes_context=True)
def can_do(context: template.Context, action: str, obj: Any) -> bool:
    """`{% can_do "desk.administer" desk as allowed %}`: show links only to those who may follow them."""
    return can(context["request"].user, action, obj)
