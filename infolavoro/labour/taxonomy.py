"""A per-process memo of the ESCO taxonomy the matching reads on every call: each occupation's ISCO code, each
occupation's skills and each skill's occupations.

The taxonomy changes rarely (`import_esco`, an administrator editing an occupation, a skill, a relation or a
local synonym), while the matching asked the database for the same rows at every ranking. Each process keeps the
index it built together with the taxonomy version it was built for; the version is a token in the shared cache
(Redis or the cache table in production, so every worker sees it), replaced by `taxonomy_changed()` on every
change: the next matching call of every process sees a token it does not know and rebuilds its index (two
queries). A cache that lost the token (eviction, restart) gets a new one, so a process never keeps an index for
a token it cannot prove current.

Size: the real ESCO (about 3,000 occupations and 120,000 relations) takes a few tens of MB and under a second to
build, once per process and taxonomy version.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "labour:taxonomy-version"


@dataclass(frozen=True)
class TaxonomyIndex:
    version: str
    isco: dict[int, str]  # occupation id → ISCO-08 unit group code
    skills_of: dict[int, frozenset[int]]  # occupation id → its skills (essential and optional)
    occupations_with: dict[int, frozenset[int]]  # skill id → occupations that have it


_memo: TaxonomyIndex | None = None


def _new_version() -> str:
    return uuid.uuid4().hex


def taxonomy_version() -> str:
    """The current taxonomy version, from the shared cache (a new one if the cache has none)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_version(), None)
        version = cache.get(VERSION_KEY)
    return version


def taxonomy_changed() -> None:
    """The taxonomy changed: a new version now, and again after the commit (a process that rebuilt its index
    between the two from rows not yet committed does not keep it)."""
    global _memo
    _memo = None
    cache.set(VERSION_KEY, _new_version(), None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, _new_version(), None))


def index() -> TaxonomyIndex:
    """The taxonomy index of this process, rebuilt when the shared version changed. One cache read; two queries
    when rebuilt."""
    global _memo
    version = taxonomy_version()
    memo = _memo
    if memo is not None and memo.version == version:
        return memo
    from .models import Occupation, OccupationSkill

    isco = dict(Occupation.objects.order_by().values_list("pk", "isco_code"))
    skills_of: dict[int, set[int]] = {}
    occupations_with: dict[int, set[int]] = {}
    for oid, sid in OccupationSkill.objects.order_by().values_list("occupation_id", "skill_id").iterator(
            chunk_size=10_000):
        skills_of.setdefault(oid, set()).add(sid)
        occupations_with.setdefault(sid, set()).add(oid)
    memo = TaxonomyIndex(version=version, isco=isco,
                         skills_of={k: frozenset(v) for k, v in skills_of.items()},
                         occupations_with={k: frozenset(v) for k, v in occupations_with.items()})
    _memo = memo
    return memo


def occupations_in_groups(prefixes: set[str], taxonomy: TaxonomyIndex | None = None) -> dict[int, str]:
    """Occupations whose ISCO code starts with one of the prefixes: id → code."""
    if not prefixes:
        return {}
    found = tuple(sorted(prefixes))
    return {oid: code for oid, code in (taxonomy or index()).isco.items() if code.startswith(found)}


def connect_signals() -> None:
    """Every model edit of the taxonomy (admin, shell, services) changes the version; `import_esco` and other
    bulk writes call taxonomy_changed() themselves (bulk_create sends no signal)."""
    from django.db.models.signals import post_delete, post_save

    from .models import IscoGroup, Occupation, OccupationSkill, Skill, Synonym

    def changed(sender, **kwargs):
        taxonomy_changed()

    for model in (IscoGroup, Occupation, OccupationSkill, Skill, Synonym):
        post_save.connect(changed, sender=model, dispatch_uid=f"labour-taxonomy-save-{model.__name__}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"labour-taxonomy-delete-{model.__name__}")
