"""Read queries on referrals: desk staff see their desk's, member editors only those addressed to them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from infolavoro.accounts.permissions import organization_ids_for, require
from infolavoro.desks.models import Desk
from infolavoro.intake.selectors import settings_for
from infolavoro.network.models import Service, TaxonomyTerm

from .models import WAITING_STATES, Referral


def _base() -> QuerySet[Referral]:
    return Referral.objects.select_related("citizen", "service", "organization", "need")


def desk_referrals(user: Any, desk: Desk, state: str = "") -> QuerySet[Referral]:
    require(user, "desk.operate", desk)
    qs = _base().filter(desk=desk)
    return qs.filter(state=state) if state else qs


def overdue_cutoff(desk: Desk, now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - dt.timedelta(days=settings_for(desk).referral_alert_days)


def overdue(user: Any, desk: Desk, now: dt.datetime | None = None) -> QuerySet[Referral]:
    """Referrals still waiting for the member (sent, accepted, appointment set) for more than N days."""
    return desk_referrals(user, desk).filter(
        state__in=WAITING_STATES, state_changed_at__lt=overdue_cutoff(desk, now)
    ).order_by("state_changed_at")


def inbox(user: Any, desk: Desk) -> QuerySet[Referral]:
    """The referrals addressed to the organisations the user edits, and only those."""
    organization_ids = organization_ids_for(user)
    qs = _base().filter(desk=desk)
    if organization_ids is None:
        return qs
    if not organization_ids:
        raise Http404
    return qs.filter(organization_id__in=organization_ids)


def referral(user: Any, desk: Desk, pk: Any) -> Referral:
    found = get_object_or_404(_base().prefetch_related("events__actor"), pk=pk, desk=desk)
    require(user, "referral.view", found)
    return found


def services_for_need(desk: Desk, term: TaxonomyTerm | None) -> QuerySet[Service]:
    """Active services of active members of the desk's network, for a need (all of them if none)."""
    qs = (Service.objects.filter(organization__desk=desk, organization__is_active=True, is_active=True)
          .select_related("organization").order_by("organization__name", "name"))
    if term is not None:
        qs = qs.filter(taxonomy_terms=term)
    return qs


def service(desk: Desk, pk: Any) -> Service:
    return get_object_or_404(services_for_need(desk, None), pk=pk)


# --- Aggregates for the monitoring (no personal field is ever read from these) ---


def monitoring_referrals(desk_ids) -> QuerySet[Referral]:
    return Referral.objects.filter(desk_id__in=desk_ids)


def monitoring_answers(desk_ids) -> QuerySet:
    """The members' answers (accepted or declined), each with the referral's sending time."""
    from .models import ReferralEvent, State

    return ReferralEvent.objects.filter(referral__desk_id__in=desk_ids, from_state=State.SENT,
                                        to_state__in=[State.ACCEPTED, State.DECLINED])
