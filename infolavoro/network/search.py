"""The directory's side of search: what of a member is searched, and with what weight.

A member is one document of the search index (`infolavoro.search`): its name (and acronym) as the title, the
names of its active services and of their topics as keywords, the descriptions as body; so a match in the name
ranks above one in a description. The document is rewritten in the same transaction as any save of the member,
its services or its topics (the receivers below, connected by the app), so the index is never behind the data;
bulk loads call `index_organizations` or `manage.py rebuild_search_index`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from django.db.models.signals import m2m_changed, post_delete, post_save

from infolavoro.search import services as index
from infolavoro.search.engines import Term
from infolavoro.search.text import STOP_WORDS, fold, stem, terms  # noqa: F401 - the directory's text rules

KIND = "organization"


def documents(organization_ids: Iterable) -> list[index.Doc]:
    """The index documents of these members (two queries): the Italian texts, and the English names of services
    and topics, whatever the language of the request that saved them."""
    from .models import Organization, Service

    orgs = list(Organization.objects.filter(pk__in=list(organization_ids))
                .values_list("pk", "desk_id", "name", "alternate_name", "description_it"))
    services: dict = {}
    for org_id, *row in (
            Service.objects.filter(organization__in=[o[0] for o in orgs], is_active=True)
            .order_by("organization_id", "name_it", "pk")
            .values_list("organization_id", "name_it", "name_en", "description_it", "audience_it",
                         "taxonomy_terms__name_it", "taxonomy_terms__name_en")):
        name_it, name_en, description_it, audience, topic_it, topic_en = row
        names, topics, texts, english = services.setdefault(org_id, ({}, {}, {}, {}))
        # The Italian texts keep their weights (names and topics as keywords); the English names of services and
        # topics are body text, so that English words find a member without changing how the Italian search
        # ranks it (English descriptions are not indexed: their many words would outweigh the Italian ones).
        for text, bucket in ((name_it, names), (topic_it, topics), (description_it, texts), (audience, texts),
                             (name_en, english), (topic_en, english)):
            if text:
                bucket[text] = None
    docs = []
    for pk, desk_id, name, alternate, description_it in orgs:
        names, topics, texts, english = services.get(pk, ({}, {}, {}, {}))
        body = [description_it or "", *texts, *english]
        docs.append(index.Doc(pk, desk_id, f"{name} {alternate}".strip(), " ".join([*names, *topics]),
                              " ".join(t for t in body if t)))
    return docs


def index_organizations(organization_ids: Iterable) -> int:
    return index.index(KIND, documents(organization_ids))


@lru_cache(maxsize=20_000)
def _stems(text: str) -> tuple[str, ...]:
    """The distinct stems of a service's text, sorted, kept while the text is the same: every page of results
    stems the services it shows, and folding and stemming them each time was a third of a search's CPU."""
    return tuple(sorted(set(terms(text))))


def _has_prefix(stems: tuple[str, ...], prefix: str) -> bool:
    """Some stem starts with `prefix`: the first stem not below it, in the sorted stems."""
    i = bisect_left(stems, prefix)
    return i < len(stems) and stems[i].startswith(prefix)


def service_matches(service, query_terms: list[Term]) -> bool:
    """A service matches when some term matches its name, description or topics (prefixes of stems). The
    service comes from `selectors.shown_organizations`, with its topics' names in `topic_names`."""
    texts = [service.name_it, service.name_en, service.description_it, service.description_en, service.audience,
             *service.topic_names]
    stems = _stems(" ".join(text for text in texts if text))
    return any(all(_has_prefix(stems, part) for part in alternative)
               for term in query_terms for alternative in term.alternatives)


# --- Keeping the index current, in the transaction of the change -------------------------------------------

def _organization_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_organizations([instance.pk])


def _organization_deleted(sender, instance, **kwargs):
    index.remove(KIND, [instance.pk])


def _service_changed(sender, instance, raw=False, **kwargs):
    from .models import Organization

    if not raw and Organization.objects.filter(pk=instance.organization_id).exists():
        index_organizations([instance.organization_id])


def _topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    from .models import Service, TaxonomyTerm

    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, TaxonomyTerm) or reverse:
        org_ids = set(Service.objects.filter(pk__in=pk_set or []).values_list("organization_id", flat=True))
    else:
        org_ids = {instance.organization_id}
    index_organizations(org_ids)


def _topic_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        index_organizations(set(instance.services.values_list("organization_id", flat=True)))


def connect() -> None:
    from .models import Organization, Service, TaxonomyTerm

    post_save.connect(_organization_saved, sender=Organization, dispatch_uid="search-org-saved")
    post_delete.connect(_organization_deleted, sender=Organization, dispatch_uid="search-org-deleted")
    post_save.connect(_service_changed, sender=Service, dispatch_uid="search-service-saved")
    post_delete.connect(_service_changed, sender=Service, dispatch_uid="search-service-deleted")
    m2m_changed.connect(_topics_changed, sender=Service.taxonomy_terms.through, dispatch_uid="search-topics")
    post_save.connect(_topic_saved, sender=TaxonomyTerm, dispatch_uid="search-topic-saved")
