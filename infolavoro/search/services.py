"""Writing the index. Callers (a member's edit, a vacancy's edit) pass documents as weighted fields; this runs
inside their transaction, so the index changes with the data or not at all."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import NamedTuple

from django.db import connection, transaction

from . import text
from .engines import engine, forget_frequencies
from .models import Document, Word


class Doc(NamedTuple):
    object_id: uuid.UUID
    desk_id: int | None
    title: str
    keywords: str = ""
    body: str = ""


def _clean(value: str) -> str:
    return (value or "").replace("\x00", " ")


@transaction.atomic
def index(kind: str, docs: Iterable[Doc]) -> int:
    """Adds or replaces these documents of a kind (and their words in the typo vocabulary)."""
    docs = list(docs)
    if not docs:
        return 0
    existing = {d.object_id: d for d in Document.objects.filter(kind=kind, object_id__in=[d.object_id for d in docs])}
    new, changed = [], []
    for doc in docs:
        row = existing.get(doc.object_id) or Document(kind=kind, object_id=doc.object_id)
        row.desk_id, row.title, row.keywords, row.body = doc.desk_id, _clean(doc.title), _clean(doc.keywords), \
            _clean(doc.body)
        (changed if row.pk else new).append(row)
    if changed:
        Document.objects.bulk_update(changed, ["desk", "title", "keywords", "body"], batch_size=500)
    if new:
        Document.objects.bulk_create(new, batch_size=500)
        if connection.vendor == "sqlite" and new[0].pk is None:  # pragma: no cover - old SQLite
            ids = dict(Document.objects.filter(kind=kind, object_id__in=[d.object_id for d in new])
                       .values_list("object_id", "pk"))
            for row in new:
                row.pk = ids[row.object_id]
    rows = changed + new
    with connection.cursor() as cursor:
        engine().write(cursor, [(r.pk, r.title, r.keywords, r.body) for r in rows])
    forget_frequencies()
    vocabulary = {w for r in rows for w in text.meaningful(f"{r.title} {r.keywords} {r.body}")
                  if len(w) > 2 and not w.isdigit()}
    Word.objects.bulk_create([Word(word=w) for w in sorted(vocabulary)], ignore_conflicts=True, batch_size=1000)
    return len(rows)


@transaction.atomic
def remove(kind: str, object_ids: Iterable) -> None:
    docs = Document.objects.filter(kind=kind, object_id__in=list(object_ids))
    ids = list(docs.values_list("pk", flat=True))
    with connection.cursor() as cursor:
        engine().delete(cursor, ids)
    Document.objects.filter(pk__in=ids).delete()


def clear(kind: str) -> None:
    with transaction.atomic():
        ids = list(Document.objects.filter(kind=kind).values_list("pk", flat=True))
        with connection.cursor() as cursor:
            engine().delete(cursor, ids)
        Document.objects.filter(kind=kind).delete()
