"""Demo of the listening point: a few fictional people met at the desk (from past demo appointments), their
consultations, and referrals to the first network members in every state of the loop. Idempotent."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from infolavoro.booking.models import Booking, BookingStatus
from infolavoro.desks.models import Desk
from infolavoro.intake.models import Citizen, Consultation
from infolavoro.network.models import Organization

from .models import Referral, ReferralEvent, State

# (from-state path, decline reason, outcome): every referral starts SENT.
PATHS = [
    ([], "", ""),
    ([State.ACCEPTED], "", ""),
    ([State.ACCEPTED, State.SERVED], "", "Iscritta al corso; inizio a gennaio."),
    ([State.DECLINED], "Corso al completo: proposta l'edizione successiva.", ""),
    ([State.ACCEPTED, State.NO_SHOW], "", ""),
]


def load(desk: Desk) -> None:
    if Citizen.objects.filter(desk=desk).exists():
        return
    now = timezone.now()
    past = list(Booking.objects.filter(desk=desk, calendar__service__isnull=True, status=BookingStatus.COMPLETED)
                .select_related("reason").order_by("start")[:len(PATHS)])
    members = list(Organization.objects.filter(desk=desk, is_active=True).prefetch_related("services")
                   .order_by("name")[:2])
    if not past or not members:
        return
    for n, booking in enumerate(past):
        citizen = Citizen.objects.create(
            desk=desk, first_name=booking.first_name, last_name=booking.last_name, email=booking.email,
            phone=booking.phone, privacy_acknowledged_at=booking.start, sharing_consent=True,
            sharing_consent_changed_at=booking.start, last_activity_at=booking.start,
            age_band=["25_34", "35_49", "under_25", "50_64", "25_34"][n % 5],
            employment_status=["unemployed", "first_job", "unemployed", "employed", "unemployed"][n % 5],
        )
        consultation = Consultation.objects.create(
            desk=desk, citizen=citizen, held_at=booking.start, reason=booking.reason.label, booking=booking,
            notes="Colloquio di orientamento.", next_steps="Contattare il soggetto indicato.",
        )
        organization = members[n % len(members)]
        service = organization.services.all()[0]
        path, decline_reason, outcome = PATHS[n]
        when = booking.start + dt.timedelta(hours=1)
        referral = Referral.objects.create(
            desk=desk, citizen=citizen, consultation=consultation, service=service, organization=organization,
            message="Persona interessata al servizio, disponibile al mattino.", what_to_bring="Documento e CV",
            state=State.SENT, state_changed_at=when, created_at=when,
        )
        ReferralEvent.objects.create(referral=referral, from_state="", to_state=State.SENT, at=when)
        state = State.SENT
        for step, next_state in enumerate(path, start=1):
            at = min(when + dt.timedelta(days=step * 2), now)
            ReferralEvent.objects.create(referral=referral, from_state=state, to_state=next_state, at=at)
            state = next_state
            referral.state, referral.state_changed_at = state, at
        referral.decline_reason = decline_reason
        referral.outcome = outcome
        referral.save()
