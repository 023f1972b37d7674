"""The cache of what the public opportunities page shows of the network (current courses and start-up projects,
rendered once per desk, topic and language): one cache entry per desk, forgotten when the desk's members, their
courses or projects, or its topics change.

Model edits (services, admin, shell) forget it through the signals below; the writes that send no signal
(`import_network`'s bulk writes, a member's suspension) call forget() themselves. The entry also carries the
date (courses end, applications close at midnight) and expires after CACHE_SECONDS, which bounds what a request
that read the database just before a change and stored its page just after can keep showing."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db import transaction

CACHE_SECONDS = 300
MAX_PAGES = 200  # entries (topic × language) per desk; beyond, the entry starts again (a flood of bad codes)


def key(desk_id: Any) -> str:
    return f"network:opportunities:{desk_id}"


def forget(desk_id: Any) -> None:
    """Now and again after the commit, like the board's counts (labour.selectors.forget_board)."""
    cache.delete(key(desk_id))
    transaction.on_commit(lambda: cache.delete(key(desk_id)))


def _desk_of_entry(instance: Any) -> Any:
    organization = instance._state.fields_cache.get("organization")
    if organization is not None:
        return organization.desk_id
    from .models import Organization

    return Organization.objects.filter(pk=instance.organization_id).values_list("desk_id", flat=True).first()


def _entry_changed(sender, instance, **kwargs) -> None:
    desk_id = _desk_of_entry(instance)
    if desk_id is not None:  # None: the member is being deleted, whose own signal forgets the desk
        forget(desk_id)


def _desk_owned_changed(sender, instance, **kwargs) -> None:
    forget(instance.desk_id)


def _terms_changed(sender, instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        if hasattr(instance, "organization_id"):
            _entry_changed(sender, instance)
        else:  # from the topic's side
            forget(instance.desk_id)


def connect() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from .models import Organization, Project, TaxonomyTerm, TrainingOpportunity

    for model in (TrainingOpportunity, Project):
        post_save.connect(_entry_changed, sender=model, dispatch_uid=f"opportunities-saved-{model.__name__}")
        post_delete.connect(_entry_changed, sender=model, dispatch_uid=f"opportunities-deleted-{model.__name__}")
    for model in (Organization, TaxonomyTerm):
        post_save.connect(_desk_owned_changed, sender=model, dispatch_uid=f"opportunities-saved-{model.__name__}")
        post_delete.connect(_desk_owned_changed, sender=model,
                            dispatch_uid=f"opportunities-deleted-{model.__name__}")
    m2m_changed.connect(_terms_changed, sender=TrainingOpportunity.taxonomy_terms.through,
                        dispatch_uid="opportunities-topics")
