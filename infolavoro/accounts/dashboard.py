"""The staff home's "at a glance" line for each role: what is waiting today, read through each app's selectors
(imported here, not at module level: accounts sits below the apps it summarises)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from .models import Role, RoleAssignment


@dataclass(frozen=True)
class Item:
    text: str
    url: str
    attention: bool  # something is waiting for this person


def glance(user: Any, role: RoleAssignment) -> list[Item]:
    from infolavoro.booking import selectors as booking
    from infolavoro.booking.models import BookingStatus
    from infolavoro.network import selectors as network
    from infolavoro.referrals import selectors as referrals
    from infolavoro.referrals.models import State

    desk, items = role.desk, []
    if role.role in (Role.DESK_OPERATOR, Role.DESK_ADMIN):
        calendar = booking.desk_calendar(desk)
        if calendar is not None:
            today = timezone.localtime(timezone.now(), desk.tz).date()
            waiting = sum(b.status == BookingStatus.BOOKED for b in booking.agenda(calendar, today))
            items.append(Item(ngettext("%(n)d persona da ricevere oggi", "%(n)d persone da ricevere oggi", waiting)
                              % {"n": waiting}, reverse("booking_staff:agenda", args=[desk.slug]), bool(waiting)))
        overdue = referrals.overdue(user, desk).count()
        items.append(Item(ngettext("%(n)d segnalazione ferma da troppi giorni",
                                   "%(n)d segnalazioni ferme da troppi giorni", overdue) % {"n": overdue},
                          reverse("referrals:desk_list", args=[desk.slug]), bool(overdue)))
    if role.role in (Role.DESK_OPERATOR, Role.DESK_ADMIN, Role.EMPLOYER_CONTACT):
        from infolavoro.labour import selectors as labour
        from infolavoro.labour.models import ProposalState, VacancyState

        if role.role == Role.EMPLOYER_CONTACT:
            new = labour.proposals(user, desk, ProposalState.PROPOSED).count()
            items.append(Item(ngettext("%(n)d candidatura proposta da vedere", "%(n)d candidature proposte da vedere",
                                       new) % {"n": new}, reverse("labour:proposals", args=[desk.slug]), bool(new)))
        else:
            review = labour.vacancies(user, desk, VacancyState.IN_REVIEW).count()
            items.append(Item(ngettext("%(n)d offerta di lavoro in attesa di revisione",
                                       "%(n)d offerte di lavoro in attesa di revisione",
                                       review) % {"n": review},
                              reverse("labour:index", args=[desk.slug]) + "?stato=in_review", bool(review)))
    if role.role == Role.DESK_ADMIN:
        changes = network.review_queue(desk).count()
        items.append(Item(ngettext("%(n)d modifica della rete da rivedere", "%(n)d modifiche della rete da rivedere",
                                   changes) % {"n": changes},
                          reverse("network_manage:review", args=[desk.slug]), bool(changes)))
    if role.role == Role.MEMBER_EDITOR and role.organization is not None:
        new = referrals.inbox(user, desk).filter(organization=role.organization, state=State.SENT).count()
        items.append(Item(ngettext("%(n)d segnalazione da accettare o rifiutare",
                                   "%(n)d segnalazioni da accettare o rifiutare", new) % {"n": new},
                          reverse("referrals:inbox", args=[desk.slug]), bool(new)))
        stale = len(network.stale_entries(desk).get(role.organization.pk, []))
        items.append(Item(ngettext("%(n)d informazione da verificare", "%(n)d informazioni da verificare", stale)
                          % {"n": stale},
                          reverse("network_manage:organization", args=[desk.slug, role.organization.slug]),
                          bool(stale)))
    return items
