"""Read queries on the outbox."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import OutboxMessage, OutboxState


def undelivered(desk) -> QuerySet[OutboxMessage]:
    """The desk's e-mails not yet delivered, oldest first (for the administrators)."""
    return OutboxMessage.objects.filter(desk=desk).exclude(state=OutboxState.SENT).order_by("created_at")
