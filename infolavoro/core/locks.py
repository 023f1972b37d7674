"""Serialising a decision across concurrent transactions, on either database.

`serialise(key)` inside a transaction makes every other transaction that asks for the same key wait until this
one ends: on PostgreSQL a transaction-scoped advisory lock on a 64-bit hash of the key; on SQLite nothing is
needed, because every transaction starts `IMMEDIATE` (settings.py) and writers already take turns. Use it when
a rule counts rows and then inserts one (a limit per person), which no unique constraint can express.
"""

from __future__ import annotations

import hashlib

from django.db import connection


def lock_id(key: str) -> int:
    """A signed 64-bit integer from the key (collisions only make two unrelated decisions wait for each other)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)


def serialise(key: str) -> None:
    if not connection.in_atomic_block:
        raise RuntimeError("serialise() holds its lock until the transaction ends: call it inside one")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_id(key)])
