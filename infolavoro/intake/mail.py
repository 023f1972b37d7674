"""The one door to the e-mail outbox of the notifications app, shared by intake and referrals."""

from __future__ import annotations

import importlib.util
from typing import Any


def outbox_available() -> bool:
    """Whether the notifications app's outbox is installed (it is developed alongside this app)."""
    return importlib.util.find_spec("infolavoro.notifications.services") is not None


def queue_email(**kwargs: Any) -> bool:
    """Write an e-mail to the outbox in the current transaction. False, and nothing written, without an outbox."""
    if not outbox_available():
        return False
    from infolavoro.notifications.services import queue_email as queue

    queue(**kwargs)
    return True
