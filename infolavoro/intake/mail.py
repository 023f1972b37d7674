"""The one door to the e-mail outbox for intake and referrals (tests replace `queue_email` to inspect what
would be sent)."""

from __future__ import annotations

from typing import Any


def queue_email(**kwargs: Any) -> bool:
    """Write an e-mail to the outbox in the current transaction; True once queued."""
    from infolavoro.notifications.services import queue_email as queue

    queue(**kwargs)
    return True
