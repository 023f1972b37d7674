"""The database cache, with an atomic increment, for the embedded default (no Redis).

Rate limits count with `cache.add` then `cache.incr`. Django's DatabaseCache increments by reading and writing
back through `set()`, so two workers can both read 5 and write 6, and the entry's expiry is reset to the default
timeout. Here the read and the write happen in one transaction that holds the row (`SELECT … FOR UPDATE` on
PostgreSQL; on SQLite the project's IMMEDIATE transactions take the write lock at BEGIN), and only the value is
updated, so the window keeps its expiry. Every worker sharing the database then shares one exact count.
"""

from __future__ import annotations

import base64
import pickle
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction


class AtomicDatabaseCache(DatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        now = datetime.now(UTC).replace(microsecond=0)
        if not settings.USE_TZ:
            now = now.replace(tzinfo=None)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT value FROM {table} WHERE cache_key = %s AND expires > %s{lock}",  # noqa: S608
                [key, connection.ops.adapt_datetimefield_value(now)],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(base64.b64decode(connection.ops.process_clob(row[0]).encode())) + delta  # noqa: S301
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(f"UPDATE {table} SET value = %s WHERE cache_key = %s", [encoded, key])  # noqa: S608
        return value
