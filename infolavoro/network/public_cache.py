"""Network rows saved or deleted anywhere (the editing services, the admin site, a script, the shell, a cascade)
renew their desk's public version (desks.public_cache.bump), the one key of every cached public page: the
directory pages and the opportunities page's network section (courses and start-up projects, rendered once per
desk, version, topic and language). The editing services and the bulk writes that send no signal (the import,
a member's suspension) bump the version themselves, once per transaction.

The section's entry also carries the date (courses end, applications close at midnight) and expires after
CACHE_SECONDS."""

from __future__ import annotations

from typing import Any

from infolavoro.desks.public_cache import bump

CACHE_SECONDS = 300
MAX_PAGES = 200  # entries (topic × language) per desk and version; beyond, the entry starts again (bad codes)


def key(desk: Any) -> str:
    return f"network:opportunities:{desk.pk}:{desk.public_version}"


def _desk_of_entry(instance: Any) -> Any:
    organization = instance._state.fields_cache.get("organization")
    if organization is not None:
        return organization.desk_id
    from .models import Organization

    return Organization.objects.filter(pk=instance.organization_id).values_list("desk_id", flat=True).first()


def _entry_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    desk_id = _desk_of_entry(instance)
    if desk_id is not None:  # None: the member is being deleted, whose own signal renews the desk
        bump(desk_id)


def _desk_owned_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    """A member or a topic (its desk is on the row: no query to find it)."""
    if not raw:
        bump(instance.desk_id)


def _terms_changed(sender, instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        if hasattr(instance, "organization_id"):
            _entry_changed(sender, instance)
        else:  # from the topic's side
            bump(instance.desk_id)


def connect() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from .models import Organization, Project, TaxonomyTerm, TrainingOpportunity

    for model in (TrainingOpportunity, Project):
        post_save.connect(_entry_changed, sender=model, dispatch_uid=f"public-version-saved-{model.__name__}")
        post_delete.connect(_entry_changed, sender=model, dispatch_uid=f"public-version-deleted-{model.__name__}")
    for model in (Organization, TaxonomyTerm):
        post_save.connect(_desk_owned_changed, sender=model, dispatch_uid=f"public-version-saved-{model.__name__}")
        post_delete.connect(_desk_owned_changed, sender=model,
                            dispatch_uid=f"public-version-deleted-{model.__name__}")
    m2m_changed.connect(_terms_changed, sender=TrainingOpportunity.taxonomy_terms.through,
                        dispatch_uid="public-version-topics")
