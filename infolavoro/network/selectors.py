"""Read queries on the network directory."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from infolavoro.desks.models import Desk

from . import search
from .models import Organization, Project, Service, TaxonomyTerm, TrainingOpportunity


def public_organizations(desk: Desk) -> QuerySet[Organization]:
    """Active members of a desk's network, with their active services and topics (constant query count)."""
    # Calendars: a service bookable online links to the booking flow at its premises.
    services = Service.objects.filter(is_active=True).prefetch_related("taxonomy_terms", "calendars")
    return (
        Organization.objects.filter(desk=desk, is_active=True)
        .prefetch_related(Prefetch("services", queryset=services), "locations")
        .order_by("name")
    )


def current_trainings(today: dt.date | None = None) -> QuerySet[TrainingOpportunity]:
    """Published training opportunities not yet over."""
    return TrainingOpportunity.objects.filter(is_active=True, ends_on__gte=today or timezone.localdate())


def current_projects(today: dt.date | None = None) -> QuerySet[Project]:
    from django.db.models import Q

    today = today or timezone.localdate()
    return Project.objects.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today), is_active=True)


def public_organization(desk: Desk, slug: str) -> Organization:
    """A member's page: services with schedules, projects, current training, contacts. Constant queries."""
    services = (Service.objects.filter(is_active=True)
                .prefetch_related("taxonomy_terms", "calendars", "schedules"))
    qs = (Organization.objects.filter(desk=desk, is_active=True)
          .prefetch_related(Prefetch("services", queryset=services), "locations", "contacts",
                            Prefetch("projects", queryset=current_projects().order_by("kind", "title")),
                            Prefetch("trainings", queryset=current_trainings().order_by("starts_on"))))
    return get_object_or_404(qs, slug=slug)


def desk_opportunities(desk: Desk) -> tuple[list[TrainingOpportunity], list[Project]]:
    """The network's current training opportunities (soonest deadline first) and start-up projects."""
    trainings = list(current_trainings().filter(organization__desk=desk, organization__is_active=True)
                     .select_related("organization").prefetch_related("taxonomy_terms")
                     .order_by("application_deadline", "starts_on", "title"))
    startups = list(current_projects().filter(organization__desk=desk, organization__is_active=True,
                                              kind=Project.Kind.STARTUP).select_related("organization"))
    return trainings, startups


def public_service(desk: Desk, organization_slug: str, slug: str) -> Service:
    return get_object_or_404(
        Service.objects.filter(organization__desk=desk, organization__is_active=True, is_active=True)
        .select_related("organization").prefetch_related("taxonomy_terms", "locations", "calendars", "schedules",
                                                         "organization__contacts", "organization__locations"),
        organization__slug=organization_slug, slug=slug)


def topics(desk: Desk) -> QuerySet[TaxonomyTerm]:
    return TaxonomyTerm.objects.filter(desk=desk).order_by("position", "name")


def stale_cutoff(desk: Desk, now: dt.datetime | None = None) -> dt.datetime:
    """Entries reviewed before this instant are to be verified (the desk's `stale_after_days`)."""
    return (now or timezone.now()) - dt.timedelta(days=desk.stale_after_days)


def is_stale(entry, desk: Desk, now: dt.datetime | None = None) -> bool:
    """THE staleness rule: never reviewed, or reviewed more than `stale_after_days` ago."""
    reviewed = getattr(entry, "last_reviewed_at", None)
    return reviewed is None or reviewed < stale_cutoff(desk, now)


@dataclass
class Hit:
    organization: Organization
    score: int = 0
    services: list[Service] = field(default_factory=list)  # the services that match the search or topic


def _document(org: Organization) -> search.Weighted:
    services = list(org.services.all())
    return search.Weighted((
        (5, org.name),
        (3, " ".join(s.name for s in services)),
        (3, " ".join(t.name for s in services for t in s.taxonomy_terms.all())),
        (1, org.description + " " + " ".join(f"{s.description} {s.audience}" for s in services)),
    ))


def directory(desk: Desk, *, text: str = "", kind: str = "", topic: TaxonomyTerm | None = None) -> list[Hit]:
    """Members matching the search, the kind and the topic, best first (alphabetical without a search).
    Three queries whatever the number of members."""
    hits = []
    query_terms = search.terms(text)
    for org in public_organizations(desk):
        if kind and org.kind != kind:
            continue
        services = list(org.services.all())
        if topic is not None:
            services = [s for s in services if topic in s.taxonomy_terms.all()]
            if not services:
                continue
        score = 0
        if query_terms:
            score = search.score(query_terms, _document(org))
            if not score:
                continue
            matching = [s for s in services
                        if search.score(query_terms, search.Weighted(((1, f"{s.name} {s.description} "
                                        + " ".join(t.name for t in s.taxonomy_terms.all())),)))]
            services = matching or services
        hits.append(Hit(org, score, services))
    if query_terms:
        hits.sort(key=lambda h: (-h.score, h.organization.name))
    return hits


def stale_entries(desk: Desk, now: dt.datetime | None = None) -> dict:
    """Members' entries not reviewed since the cutoff, by organisation id: [(kind label, title)]. Three queries."""
    from django.db.models import Q

    cutoff = stale_cutoff(desk, now)
    old = Q(last_reviewed_at__isnull=True) | Q(last_reviewed_at__lt=cutoff)
    found: dict = {}
    for org in Organization.objects.filter(old, desk=desk, is_active=True):
        found.setdefault(org.pk, []).append(("profilo", org.name))
    for svc in Service.objects.filter(old, organization__desk=desk, organization__is_active=True, is_active=True):
        found.setdefault(svc.organization_id, []).append(("servizio", svc.name))
    for course in current_trainings().filter(old, organization__desk=desk, organization__is_active=True):
        found.setdefault(course.organization_id, []).append(("corso", course.title))
    return found


def editable_organizations(user, desk: Desk) -> QuerySet[Organization]:
    """The members this user may edit: all of the desk for its administrators, their own for member editors."""
    from infolavoro.accounts.permissions import can, organization_ids_for

    qs = Organization.objects.filter(desk=desk).order_by("name")
    if can(user, "desk.administer", desk):
        return qs
    ids = organization_ids_for(user)
    return qs if ids is None else qs.filter(pk__in=ids, is_active=True)


def review_queue(desk: Desk) -> QuerySet:
    from .models import ChangeRecord

    return (ChangeRecord.objects.filter(desk=desk, reviewed_at__isnull=True)
            .select_related("organization", "actor").order_by("at"))
