"""The PostgreSQL path of the scale build (bench/_search_scale.py): the members, their locations, services,
service-location and service-topic links and their search documents written with COPY (psycopg's
`cursor.copy()`), a transaction per batch. Each generated row is a copy of a row of the La Spezia demo desk
(every column, translations included) with new keys; each desk gets a copy of the demo desk's topics, and the
services link to their own desk's topics. The search documents are written as `network.search.documents` writes
them; PostgreSQL computes their `vector` (a generated column) as they are copied. The GIN index on the vectors
is dropped during the load and built once at the end (much faster than keeping it current row by row).

Resumable: desks and members already there are kept (members are numbered `m-<i>`), the rest are added.
"""

from __future__ import annotations

import time
import uuid

from django.db import connection, transaction
from django.utils import timezone


def _values(obj) -> dict:
    """Every column of this saved row as the database stores it."""
    return {f.column: f.get_db_prep_save(getattr(obj, f.attname), connection) for f in obj._meta.concrete_fields}


class _Copy:
    """Rows for one table, written with one COPY."""

    def __init__(self, table: str, columns: list[str]):
        self.table, self.columns, self.rows = table, columns, []

    def add(self, values: dict) -> None:
        self.rows.append(tuple(values[c] for c in self.columns))

    def write(self, cursor) -> None:
        cols = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        with cursor.copy(f"COPY {connection.ops.quote_name(self.table)} ({cols}) FROM STDIN") as copy:
            for row in self.rows:
                copy.write_row(row)
        self.rows = []


def _columns(model) -> list[str]:
    return [f.column for f in model._meta.concrete_fields if not f.auto_created or not f.primary_key]


def _topics(template, desk_ids: list[int]) -> dict:
    """Each desk's copy of the demo desk's topics (created where missing): {(desk id, code): topic id}."""
    from infolavoro.network.models import TaxonomyTerm

    terms = list(TaxonomyTerm.objects.filter(desk=template).order_by("pk"))
    have = set(TaxonomyTerm.objects.filter(desk_id__in=desk_ids).values_list("desk_id", flat=True).distinct())
    code_of = {t.pk: t.code for t in terms}
    table = _Copy(TaxonomyTerm._meta.db_table, _columns(TaxonomyTerm))
    missing = [d for d in desk_ids if d not in have]
    with transaction.atomic():
        for desk_id in missing:
            ids = {t.pk: uuid.uuid4() for t in terms}
            for t in terms:
                row = _values(t)
                row.update(id=ids[t.pk], desk_id=desk_id, parent_id=ids.get(t.parent_id))
                table.add(row)
        with connection.connection.cursor() as cursor:
            table.write(cursor)
    ids = {(d, c): pk for d, c, pk in TaxonomyTerm.objects.filter(desk_id__in=desk_ids)
           .values_list("desk_id", "code", "pk").iterator(chunk_size=20_000)}
    return {"ids": ids, "code_of": code_of, "created": len(missing) * len(terms)}


def build_postgresql(template, desk_ids: list[int], members: int, per_member: int, started: float,
                     batch: int = 5000) -> None:
    from infolavoro.network import search
    from infolavoro.network.models import Location, Organization, Service
    from infolavoro.search import text
    from infolavoro.search.models import Document, Word

    topics = _topics(template, desk_ids)
    print(f"  topics: {topics['created']} copied ({time.perf_counter() - started:.0f} s)", flush=True)
    sources = list(Organization.objects.filter(desk=template).order_by("slug")
                   .prefetch_related("locations", "services__taxonomy_terms"))
    flat = [s for o in sources for s in o.services.all() if s.is_active]
    org_rows = [_values(o) for o in sources]
    loc_rows = [[_values(loc) for loc in o.locations.all()] for o in sources]
    svc_rows = [_values(s) for s in flat]
    svc_topics = [[topics["code_of"][t.pk] for t in s.taxonomy_terms.all()] for s in flat]
    # What each service adds to its member's document (network.search.documents: Italian names and topics as
    # keywords; descriptions, audience and the English names as body).
    svc_text = [({s.name_it: None} if s.name_it else {}, {t.name_it: None for t in s.taxonomy_terms.all() if t.name_it},
                 {x: None for x in (s.description_it, s.audience) if x},
                 {x: None for x in [s.name_en, *(t.name_en for t in s.taxonomy_terms.all())] if x}) for s in flat]
    name_columns = [c for c in ("name", "name_it", "name_en") if c in org_rows[0]]

    org_t = _Copy(Organization._meta.db_table, _columns(Organization))
    loc_t = _Copy(Location._meta.db_table, _columns(Location))
    svc_t = _Copy(Service._meta.db_table, _columns(Service))
    svc_loc = Service.locations.through
    svc_top = Service.taxonomy_terms.through
    svc_loc_t = _Copy(svc_loc._meta.db_table, ["service_id", "location_id"])
    svc_top_t = _Copy(svc_top._meta.db_table, ["service_id", "taxonomyterm_id"])
    doc_t = _Copy(Document._meta.db_table, ["kind", "object_id", "desk_id", "title", "keywords", "body", "updated_at"])

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'search_document' "
                       "AND indexdef ILIKE '%% USING gin %%'")
        gin = cursor.fetchall() or [("search_document_vector",
                                     "CREATE INDEX search_document_vector ON search_document USING gin (vector)")]
        have = Organization.objects.count()
        if have < members:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # as below
            for name, _ in gin:
                cursor.execute(f"DROP INDEX IF EXISTS {connection.ops.quote_name(name)}")

    vocabulary: set[str] = set()
    n, load_started = have, time.perf_counter()
    while n < members:
        now = timezone.now()
        for i in range(n, min(members, n + batch)):
            s = i % len(sources)
            desk_id = desk_ids[i % len(desk_ids)]
            org = dict(org_rows[s], id=uuid.uuid4(), desk_id=desk_id, slug=f"m-{i}", created_at=now, updated_at=now)
            for c in name_columns:
                if org[c]:
                    org[c] = f"{org[c]} {i}"
            org_t.add(org)
            first_location = None
            for loc in loc_rows[s]:
                row = dict(loc, id=uuid.uuid4(), organization_id=org["id"])
                first_location = first_location or row["id"]
                loc_t.add(row)
            names, topic_names, texts, english = {}, {}, {}, {}
            for k in range(per_member):
                j = (i * per_member + k) % len(flat)
                sid = uuid.uuid4()
                svc_t.add(dict(svc_rows[j], id=sid, organization_id=org["id"], slug=f"s{k}", created_at=now,
                               updated_at=now))
                if first_location:
                    svc_loc_t.rows.append((sid, first_location))
                for code in svc_topics[j]:
                    svc_top_t.rows.append((sid, topics["ids"][(desk_id, code)]))
                for bucket, words in zip((names, topic_names, texts, english), svc_text[j], strict=True):
                    bucket.update(words)
            title = f"{org.get('name_it') or org['name']} {org.get('alternate_name', '')}".strip()
            body = " ".join(t for t in [org.get("description_it") or "", *texts, *english] if t)
            doc_t.rows.append((search.KIND, org["id"], desk_id, title, " ".join([*names, *topic_names]), body, now))
            if i < n + len(sources) * 2 and i < len(sources) * 2:  # the vocabulary: the same texts repeat
                vocabulary.update(w for w in text.meaningful(f"{title} {doc_t.rows[-1][4]} {body}")
                                  if len(w) > 2 and not w.isdigit())
        added = len(org_t.rows)
        with transaction.atomic(), connection.connection.cursor() as cursor:
            for table in (org_t, loc_t, svc_t, svc_loc_t, svc_top_t, doc_t):
                table.write(cursor)
        n += added
        elapsed = time.perf_counter() - load_started
        print(f"  members {n:>7} / {members}  ({(n - have) / elapsed:.0f} members/s with services, locations, "
              f"topics and documents; {elapsed:.0f} s)", flush=True)
    if vocabulary:
        Word.objects.bulk_create([Word(word=w) for w in sorted(vocabulary)], ignore_conflicts=True, batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")
        # Inside a transaction that wrote rows (a test's), foreign keys checked at commit would block the index.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for name, definition in gin:
            before = time.perf_counter()
            cursor.execute(definition.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))
            print(f"  index {name}: {time.perf_counter() - before:.0f} s", flush=True)
        cursor.execute("ANALYZE")
    total = time.perf_counter() - load_started
    if n > have:
        print(f"  load: {n - have} members in {total:.0f} s = {(n - have) / total:.0f} members/s "
              f"(COPY, indexes and ANALYZE included)", flush=True)
