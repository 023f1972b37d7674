"""Read queries for the listening point, always scoped to the desk and checked with `require`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from infolavoro.accounts.permissions import require
from infolavoro.core.validators import phone_key
from infolavoro.desks.models import Desk
from infolavoro.network.models import TaxonomyTerm

from .models import AuditEntry, Citizen, Consultation, IntakeSettings, JobPortal, PortalAssistance


def settings_for(desk: Desk) -> IntakeSettings:
    settings, _created = IntakeSettings.objects.get_or_create(desk=desk)
    return settings


def taxonomy_terms(desk: Desk) -> QuerySet[TaxonomyTerm]:
    return TaxonomyTerm.objects.filter(desk=desk).order_by("position", "name")


def citizens(user: Any, desk: Desk, query: str = "") -> QuerySet[Citizen]:
    """Live (not anonymised) citizens of the desk, most recently active first, optionally searched."""
    require(user, "citizen.view", desk)
    qs = Citizen.objects.filter(desk=desk, anonymised_at__isnull=True)
    query = query.strip()
    if query:
        condition = Q()
        for word in query.split():
            condition &= (Q(first_name__icontains=word) | Q(last_name__icontains=word)
                          | Q(email__icontains=word) | Q(codice_fiscale__iexact=word) | Q(phone__icontains=word))
        qs = qs.filter(condition)
    return qs.annotate(consultation_count=Count("consultations")).order_by("-last_activity_at")


def citizen(user: Any, desk: Desk, pk: Any) -> Citizen:
    """One live citizen of the desk, or 404 (also when the user may not see it)."""
    found = get_object_or_404(Citizen.objects.select_related("desk"), pk=pk, desk=desk, anonymised_at__isnull=True)
    require(user, "citizen.view", found)
    return found


def citizen_history(citizen: Citizen) -> list[Consultation]:
    """Every consultation with its operator, needs, portal checklists and referrals, in a constant number of
    queries."""
    from infolavoro.referrals.models import Referral

    referrals = Referral.objects.select_related("service", "organization").order_by("created_at")
    portal_help = PortalAssistance.objects.select_related("portal")
    return list(
        citizen.consultations.select_related("operator")
        .prefetch_related("needs", Prefetch("portal_help", queryset=portal_help),
                          Prefetch("referrals", queryset=referrals))
        .order_by("-held_at")
    )


def consultation(user: Any, desk: Desk, citizen_pk: Any, pk: Any) -> Consultation:
    found = get_object_or_404(
        Consultation.objects.select_related("citizen", "operator"),
        pk=pk, citizen_id=citizen_pk, desk=desk, citizen__anonymised_at__isnull=True,
    )
    require(user, "citizen.view", found.citizen)
    return found


def portals(desk: Desk, active_only: bool = True) -> QuerySet[JobPortal]:
    qs = JobPortal.objects.filter(desk=desk)
    return qs.filter(is_active=True) if active_only else qs


def audit_log(user: Any, desk: Desk, citizen_ref: Any = None, since: dt.datetime | None = None,
              code: str = "") -> QuerySet[AuditEntry]:
    """The desk's access log; `code` is a record's short code (the first 8 hex digits of its id)."""
    require(user, "audit.view", desk)
    qs = AuditEntry.objects.filter(desk=desk).select_related("actor")
    if citizen_ref:
        qs = qs.filter(citizen_ref=citizen_ref)
    if code:
        qs = qs.filter(citizen_ref__startswith=code.lower())
    if since:
        qs = qs.filter(at__gte=since)
    return qs


def consultation_by_pk(user: Any, desk: Desk, pk: Any) -> Consultation:
    found = get_object_or_404(Consultation.objects.select_related("citizen__desk", "operator"),
                              pk=pk, desk=desk, citizen__anonymised_at__isnull=True)
    require(user, "citizen.view", found.citizen)
    return found


def portal_summary_context(consultation: Consultation) -> dict[str, Any]:
    """What the citizen takes home about the portals worked on: links, what to bring, steps left, next steps.
    The same data feeds the e-mail and the printable page."""
    citizen, desk = consultation.citizen, consultation.citizen.desk
    help_rows = list(consultation.portal_help.select_related("portal"))
    return {
        "citizen_first_name": citizen.first_name, "desk_name": desk.name, "desk_comune": desk.comune,
        "desk_phone": desk.phone, "desk_email": desk.email, "next_steps": consultation.next_steps,
        "portals": [{"name": h.portal.name, "url": h.portal.url, "what_to_bring": h.portal.what_to_bring,
                     "next_steps": h.portal.next_steps, "completed": h.completed,
                     "todo": [s for s in h.portal.steps if s not in h.done_steps]} for h in help_rows],
    }


def booking_for_intake(user: Any, desk: Desk, booking_id: Any) -> Any:
    """An appointment of the desk's agenda that this user may open a consultation for (404 otherwise)."""
    from infolavoro.booking.models import Booking

    booking = get_object_or_404(Booking.objects.select_related("reason", "calendar__service"), pk=booking_id,
                                desk=desk)
    require(user, "citizen.change", desk)
    return booking


def citizen_for_booking(desk: Desk, booking: Any) -> Citizen | None:
    """The record of the person who booked, matched on e-mail (any case) or phone (however it was spaced),
    never on name alone."""
    match = Q()
    if booking.email:
        match |= Q(email__iexact=booking.email)
    phone = phone_key(booking.phone or "")
    if len(phone) >= 6:
        # Narrow in the database on the last two digits, compare the whole numbers here.
        match |= Q(phone__endswith=phone[-2:])
    if not match:
        return None
    candidates = Citizen.objects.filter(match, desk=desk, anonymised_at__isnull=True).order_by("-last_activity_at")
    email = (booking.email or "").casefold()
    for citizen in candidates:
        if (email and citizen.email.casefold() == email) or (
                len(phone) >= 6 and phone_key(citizen.phone) == phone):
            return citizen
    return None


# --- Aggregates for the monitoring (no personal field is ever read from these) ---


def monitoring_consultations(desk_ids) -> QuerySet[Consultation]:
    return Consultation.objects.filter(desk_id__in=desk_ids)


def monitoring_portal_registrations(desk_ids) -> QuerySet:
    """Job-portal registrations completed with the desk's help."""
    return PortalAssistance.objects.filter(consultation__desk_id__in=desk_ids, completed=True)


def monitoring_first_consultation(citizen_path: str = "citizen"):
    """The first consultation of the row's citizen (at `citizen_path`), as a subquery: new or returning person,
    people hired within months of their first consultation."""
    from django.db.models import OuterRef, Subquery

    # The earliest by the (citizen, held_at) index: one index entry per row asked, not all the person's rows.
    return Subquery(Consultation.objects.filter(citizen=OuterRef(citizen_path)).order_by("held_at")
                    .values("held_at")[:1])
