"""Read queries on the network directory."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from infolavoro.desks.models import Desk
from infolavoro.search import selectors as search_index

from . import search
from .models import Organization, Project, Service, TaxonomyTerm, TrainingOpportunity


def _with_details(orgs: QuerySet[Organization]) -> QuerySet[Organization]:
    # Calendars: a service bookable online links to the booking flow at its premises.
    services = Service.objects.filter(is_active=True).prefetch_related("taxonomy_terms", "calendars")
    return orgs.prefetch_related(Prefetch("services", queryset=services), "locations")


def public_organizations(desk: Desk | None) -> QuerySet[Organization]:
    """Active members of a desk's network, with their active services and topics (constant query count)."""
    orgs = Organization.objects.filter(is_active=True)
    orgs = orgs.filter(desk=desk) if desk is not None else orgs.filter(desk__is_active=True).select_related("desk")
    return _with_details(orgs).order_by("name")


# What a result card shows of a member and of its services (and what `search.service_matches` reads): a page
# loads ~60 rows, and building every column (dates, JSON, both languages of six texts) was a quarter of its time.
_SHOWN_ORGANIZATION = ("id", "desk", "name", "slug", "kind", "logo", "description_it", "description_en", "is_active")
_SHOWN_SERVICE = ("id", "organization", "slug", "is_active", "name_it", "name_en", "description_it", "description_en",
                  "audience_it", "audience_en")


def shown_organizations(desk: Desk | None, ids) -> dict:
    """The members of a page of results, by id, with what a result shows: name, kind, description, and their
    active services (`shown_services`, in order), each with its topics' ids and names (`topic_ids`,
    `topic_names`); not the premises or calendars, which only the member's own page shows. Three queries, and
    plain lists rather than Django's prefetch (which builds a related manager and a queryset for each of the
    ~50 services of a page: a third of the page's time). Looked up by primary key only (with the desk's
    condition in SQL, SQLite walks the desk's index: every member of a 10,000-member desk), the desk checked on
    the rows found."""
    found = Organization.objects.filter(pk__in=list(ids), is_active=True).only(*_SHOWN_ORGANIZATION).order_by()
    if desk is None:  # the installation's page names each member's Comune
        found = found.select_related("desk")
    orgs = {o.pk: o for o in found if (o.desk_id == desk.pk if desk is not None else o.desk.is_active)}
    if desk is not None:
        for org in orgs.values():
            org.desk = desk
    services = list(Service.objects.filter(organization_id__in=list(orgs), is_active=True).only(*_SHOWN_SERVICE))
    topics: dict = {}
    for service_id, term_id, name_it, name_en in (
            Service.taxonomy_terms.through.objects.filter(service_id__in=[s.pk for s in services])
            .values_list("service_id", "taxonomyterm_id", "taxonomyterm__name_it", "taxonomyterm__name_en")):
        topics.setdefault(service_id, []).append((term_id, name_it, name_en))
    for org in orgs.values():
        org.shown_services = []
    for service in services:
        found = topics.get(service.pk, [])
        service.topic_ids = {t[0] for t in found}
        service.topic_names = [name for t in found for name in t[1:] if name]
        orgs[service.organization_id].shown_services.append(service)
    return orgs


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


def desk_opportunities(desk: Desk, topic: TaxonomyTerm | None = None, today: dt.date | None = None
                       ) -> tuple[list[TrainingOpportunity], list[Project]]:
    """The network's current training opportunities, those still open for application first (soonest deadline
    first), optionally on one topic; and its start-up projects. Three queries."""
    today = today or timezone.localdate()
    trainings = (current_trainings(today).filter(organization__desk=desk, organization__is_active=True)
                 .select_related("organization").prefetch_related("taxonomy_terms"))
    if topic is not None:
        trainings = trainings.filter(taxonomy_terms=topic)
    trainings = sorted(trainings.order_by(F("application_deadline").asc(nulls_last=True), "starts_on", "title"),
                       key=lambda t: not t.applications_open(today))
    startups = list(current_projects(today).filter(organization__desk=desk, organization__is_active=True,
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
    coverage: int = 0  # how many of the query's terms it matches


class _Match(NamedTuple):  # a tuple: a search makes up to a thousand of them
    organization_id: object
    score: int
    coverage: int = 0


class Directory(Sequence):
    """The members matching a search, ranked, as a lazy sequence of `Hit`: the ranking is the search index's
    (one to three queries whatever the size of the network), and members with their services are loaded only
    for the slice shown, so a page costs the same queries with 33 members or 250,000."""

    def __init__(self, desk: Desk | None, matches: list[_Match], *, total: int | None = None,
                 topic: TaxonomyTerm | None = None, result: search_index.Result | None = None):
        self.desk, self.matches, self.topic = desk, matches, topic
        self.result = result or search_index.Result()
        self.total = len(matches) if total is None else total

    def __len__(self) -> int:
        return len(self.matches)

    def __getitem__(self, index):
        matches = self.matches[index]
        if not isinstance(index, slice):
            return self._hits([matches])[0]
        return self._hits(matches)

    def _hits(self, matches: list[_Match]) -> list[Hit]:
        orgs = shown_organizations(self.desk, [m.organization_id for m in matches])
        hits = []
        for m in matches:
            if m.organization_id not in orgs:  # suspended since the search
                continue
            services = orgs[m.organization_id].shown_services
            if self.topic is not None:
                services = [s for s in services if self.topic.pk in s.topic_ids]
            if self.result.terms:
                services = [s for s in services if search.service_matches(s, self.result.terms)] or services
            hits.append(Hit(orgs[m.organization_id], m.score, services, m.coverage))
        return hits

    def __iter__(self):
        return iter(self[:])


def _near(latitude: float, longitude: float, radius_km: float, via: str = "locations") -> Q:
    """Locations within a square around the point (the circle's box: close enough for "near a place"), or,
    for locations without coordinates, in a Comune whose centroid is within the radius."""
    from .places import comuni_within

    dlat = radius_km / 111.2
    dlon = radius_km / (111.2 * max(math.cos(math.radians(latitude)), 0.01))
    boxed = Q(**{f"{via}__latitude__range": (latitude - dlat, latitude + dlat),
                 f"{via}__longitude__range": (longitude - dlon, longitude + dlon)})
    comuni = Q()
    for name in comuni_within((latitude, longitude), radius_km):
        comuni |= Q(**{f"{via}__city__iexact": name})
    return boxed | (Q(**{f"{via}__latitude__isnull": True}) & comuni) if comuni else boxed


def directory(desk: Desk | None, *, text: str = "", kind: str = "", topic: TaxonomyTerm | None = None,
              comune: str = "", near: tuple[float, float] | None = None, radius_km: float = 20) -> Directory:
    """Members matching the search, the kind, the topic and the place, best first (alphabetical without a
    search). `desk=None`: the whole installation (every active desk). Ranking: one to three queries in the
    search index; then the slice shown: members with services and topics in three."""
    orgs = Organization.objects.filter(is_active=True)
    orgs = orgs.filter(desk=desk) if desk is not None else orgs.filter(desk__is_active=True)
    if kind:
        orgs = orgs.filter(kind=kind)
    if topic is not None:
        orgs = orgs.filter(services__taxonomy_terms=topic, services__is_active=True)
    if comune:
        orgs = orgs.filter(locations__city__iexact=comune)
    if near is not None:
        orgs = orgs.filter(_near(*near, radius_km))
    if text.strip():
        result = search_index.search(text, kind=search.KIND, desk_id=desk.pk if desk is not None else None,
                                     within=orgs.order_by().values("pk"))
        if result.terms:
            return Directory(desk, [_Match(h.object_id, h.score, h.coverage) for h in result.hits],
                             total=result.total, topic=topic, result=result)
    return Directory(desk, [_Match(pk, 0) for pk in orgs.order_by("name", "pk").distinct()
                            .values_list("pk", flat=True)], topic=topic)


class Recipients(NamedTuple):
    emails: list[str]
    editors: bool  # True: the member's editors, who can log in; False: its own address, which cannot


def member_recipients(organizations) -> dict:
    """Who is written to for each member, by organisation id (one query): its active editors; a member without
    any cannot log in, so its own address, asked to answer the desk. Members with neither are left out."""
    from infolavoro.accounts.models import Role, RoleAssignment

    editors: dict = {}
    for org_id, email in RoleAssignment.objects.filter(
            role=Role.MEMBER_EDITOR, is_active=True, organization__in=organizations,
            user__is_active=True).order_by("user__email").values_list("organization_id", "user__email"):
        editors.setdefault(org_id, []).append(email)
    found = {}
    for org in organizations:
        if org.pk in editors:
            found[org.pk] = Recipients(editors[org.pk], True)
        elif org.email:
            found[org.pk] = Recipients([org.email], False)
    return found


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


def location_cities() -> list[str]:
    """The Comuni where active members of active desks have a location (one query)."""
    from .models import Location

    return sorted(set(Location.objects.filter(organization__is_active=True, organization__desk__is_active=True)
                      .values_list("city", flat=True).distinct()))


# --- Aggregates for the monitoring ---


def monitoring_members(desk_ids) -> QuerySet[Organization]:
    """The desks' active members (their reviews feed the "verified in the last 90 days" indicator)."""
    return Organization.objects.filter(desk_id__in=desk_ids, is_active=True)
