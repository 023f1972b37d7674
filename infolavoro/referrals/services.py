"""Use cases of referrals: create from a consultation, move through the states. One transaction each."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from infolavoro.accounts.permissions import can
from infolavoro.intake.models import AuditAction, Citizen, Consultation
from infolavoro.intake.services import audit
from infolavoro.network import selectors as network_selectors
from infolavoro.network.models import Service, TaxonomyTerm
from infolavoro.notifications.services import queue_email

from .models import MEMBER_STATES, TRANSITIONS, WAITING_STATES, Referral, ReferralEvent, State


@transaction.atomic
def create_referral(
    consultation: Consultation, service: Service, actor: Any, *, need: TaxonomyTerm | None = None,
    message: str = "", what_to_bring: str = "", now: dt.datetime | None = None,
) -> Referral:
    """Refer the citizen of a consultation to a member's service; e-mail the citizen the member's contacts."""
    citizen: Citizen = consultation.citizen
    if not can(actor, "citizen.change", citizen):
        raise PermissionDenied
    now = now or timezone.now()
    organization = service.organization
    if organization.desk_id != citizen.desk_id or not (service.is_active and organization.is_active):
        raise ValidationError(_("Servizio non disponibile per questo sportello."))
    if not Citizen.objects.filter(pk=citizen.pk, sharing_consent=True).exists():
        raise ValidationError(_("Senza il consenso della persona a condividere i suoi dati non si può inviare "
                                "la segnalazione: raccoglilo nella scheda."))
    if need is not None and need.desk_id != citizen.desk_id:
        raise ValidationError(_("Bisogno sconosciuto."))
    referral = Referral.objects.create(
        desk_id=citizen.desk_id, citizen=citizen, consultation=consultation, service=service,
        organization=organization, need=need, message=message.strip(), what_to_bring=what_to_bring.strip(),
        state=State.SENT, state_changed_at=now, created_by=actor, created_at=now,
    )
    ReferralEvent.objects.create(referral=referral, from_state="", to_state=State.SENT, actor=actor, at=now)
    Citizen.objects.filter(pk=citizen.pk).update(last_activity_at=now)
    audit(citizen, actor, AuditAction.SHARE, f"segnalazione {referral.code} a {organization.name}"[:300], now)
    desk = citizen.desk
    location = organization.locations.first()
    referral.citizen_emailed = False
    if citizen.email:
        queue_email(
            desk=desk, to=[citizen.email], subject=_("Il tuo contatto con %(name)s") % {"name": organization.name},
            template="referrals/email/citizen_referred.txt",
            context={"first_name": citizen.first_name, "organization": organization.name,
                     "service": service.name, "email": organization.email, "phone": organization.phone,
                     "website": organization.website, "address": str(location) if location else "",
                     "how_to_access": service.how_to_access, "what_to_bring": referral.what_to_bring,
                     "desk_name": desk.name, "desk_comune": desk.comune, "desk_phone": desk.phone},
            reply_to=[desk.email] if desk.email else None,
        )
        referral.citizen_emailed = True
        audit(citizen, actor, AuditAction.EMAIL, f"segnalazione {referral.code}", now)
    # The member's editors get a pointer to their inbox, never the citizen's data by e-mail; a member without
    # editors cannot open it, so it is written to at its own address and asked to get in touch with the desk.
    recipients = network_selectors.member_recipients([organization]).get(organization.pk)
    referral.member_can_respond = bool(recipients and recipients.editors)
    if recipients:
        queue_email(
            desk=desk, to=recipients.emails, subject=_("Nuova segnalazione %(code)s") % {"code": referral.code},
            template="referrals/email/member_new.txt",
            context={"code": referral.code, "service": service.name, "desk_name": desk.name,
                     "desk_denomination": desk.denomination, "site_url": settings.SITE_URL,
                     "has_access": recipients.editors,
                     "desk_phone": desk.phone,
                     "inbox_path": reverse("referrals:inbox", kwargs={"desk_slug": desk.slug})},
            reply_to=[desk.email] if desk.email else None,
        )
    return referral


@transaction.atomic
def book_appointment(referral: Referral, start: dt.datetime, actor: Any, *, now: dt.datetime | None = None) -> Referral:
    """Book the citizen into the member's calendar for this referral (the desk does it during the
    consultation). The booking confirmation, with the .ics and the manage link, goes to the citizen."""
    from infolavoro.booking import selectors as booking_selectors
    from infolavoro.booking import services as booking_services

    if not can(actor, "desk.operate", referral):
        raise PermissionDenied
    referral = Referral.objects.select_for_update().select_related("citizen", "service__organization").get(
        pk=referral.pk)
    if referral.booking_id or referral.state not in (State.SENT, State.ACCEPTED):
        raise ValidationError(_("Per questa segnalazione l'appuntamento non si può più fissare da qui."))
    calendar = booking_selectors.calendar_for_service(referral.service)
    if calendar is None:
        raise ValidationError(_("Questo servizio non ha un calendario: l'appuntamento lo fissa il soggetto."))
    citizen = referral.citizen
    # The member is told of the appointment by the booking itself (booking.services, with the referral's code).
    booking = booking_services.book(
        calendar, start=start, reason_code="", first_name=citizen.first_name,
        last_name=citizen.last_name, email=citizen.email, phone=citizen.phone,
        details=f"Segnalazione {referral.code}", privacy_consent=True, actor=actor, now=now,
        referral_code=referral.code,
    )
    referral.booking = booking
    referral.appointment_at = booking.start
    referral.save(update_fields=["booking", "appointment_at"])
    audit(citizen, actor, AuditAction.SHARE,
          f"appuntamento {booking.code} presso {referral.service.organization.name}"[:300], now)
    return referral


@transaction.atomic
def move(
    referral: Referral, to_state: str, actor: Any, *, note: str = "", decline_reason: str = "",
    appointment_at: dt.datetime | None = None, outcome: str = "", now: dt.datetime | None = None,
) -> Referral:
    """Move a referral to `to_state`, recording who and when. The member acts on its own referrals; the desk
    closes them. A concurrent change makes this fail instead of overwriting it."""
    if to_state in MEMBER_STATES:
        allowed = can(actor, "referral.respond", referral)
    else:
        allowed = can(actor, "desk.operate", referral) or can(actor, "referral.respond", referral)
    if not allowed:
        raise PermissionDenied
    return _move(referral, to_state, actor, note=note, decline_reason=decline_reason, appointment_at=appointment_at,
                 outcome=outcome, now=now)


def member_has_access(organization: Any) -> bool:
    """Whether the member can answer its referrals itself: it has an active editor who can log in (the same
    rule that decides whom its e-mails go to, network.selectors.member_recipients)."""
    recipients = network_selectors.member_recipients([organization]).get(organization.pk)
    return bool(recipients and recipients.editors)


@transaction.atomic
def record_for_member(
    referral: Referral, to_state: str, actor: Any, *, note: str = "", decline_reason: str = "",
    appointment_at: dt.datetime | None = None, outcome: str = "", now: dt.datetime | None = None,
) -> Referral:
    """The desk records what a member without a login said on the phone (accepted, declined with the reason,
    appointment set, service given, no-show): the same state machine, with the operator as the actor and the
    event marked as recorded on the member's behalf. A member that can log in answers for itself."""
    if not can(actor, "desk.operate", referral):
        raise PermissionDenied
    if to_state not in MEMBER_STATES:
        raise ValidationError(_("Questo passaggio di stato non è possibile."))
    if member_has_access(referral.organization):
        raise ValidationError(_("%(name)s ha un accesso a InfoLavoro: l'esito lo registra il soggetto.")
                              % {"name": referral.organization.name})
    return _move(referral, to_state, actor, note=note, decline_reason=decline_reason, appointment_at=appointment_at,
                 outcome=outcome, now=now, on_behalf=True)


def _move(referral: Referral, to_state: str, actor: Any, *, note: str, decline_reason: str,
          appointment_at: dt.datetime | None, outcome: str, now: dt.datetime | None,
          on_behalf: bool = False) -> Referral:
    if to_state not in TRANSITIONS.get(referral.state, ()):
        raise ValidationError(_("Questo passaggio di stato non è possibile."))
    now = now or timezone.now()
    changes: dict[str, Any] = {"state": to_state, "state_changed_at": now}
    if to_state == State.DECLINED:
        if not decline_reason.strip():
            raise ValidationError({"decline_reason": _("Indica il motivo del rifiuto.")})
        changes["decline_reason"] = decline_reason.strip()
    if to_state == State.APPOINTMENT_SET:
        if referral.booking_id:
            # Booked in the member's calendar by the desk: the booking is the appointment (moved in the agenda).
            appointment_at = referral.booking.start
        if appointment_at is None:
            raise ValidationError({"appointment_at": _("Indica data e ora dell'appuntamento.")})
        changes["appointment_at"] = appointment_at
    if outcome.strip():
        changes["outcome"] = outcome.strip()
    updated = Referral.objects.filter(pk=referral.pk, state=referral.state).update(**changes)
    if not updated:
        raise ValidationError(_("La segnalazione è stata appena modificata da qualcun altro: ricarica la pagina."))
    ReferralEvent.objects.create(referral=referral, from_state=referral.state, to_state=to_state, actor=actor,
                                 at=now, note=(note or decline_reason or outcome).strip()[:300],
                                 on_behalf_of_member=on_behalf)
    Citizen.objects.filter(pk=referral.citizen_id).update(last_activity_at=now)
    referral.refresh_from_db()
    return referral


@transaction.atomic
def record_view(referral: Referral, actor: Any, shows_personal_data: bool) -> None:
    """A page showing a referral: audited when it shows the citizen's data."""
    if not can(actor, "referral.view", referral):
        raise PermissionDenied
    if shows_personal_data:
        audit(referral.citizen, actor, AuditAction.VIEW, f"segnalazione {referral.code}")


def _overdue_by_desk(now: dt.datetime) -> dict[Any, list[Referral]]:
    """Referrals waiting for the member longer than their desk's alert threshold: two queries in all."""
    from infolavoro.intake.models import IntakeSettings

    default_days = IntakeSettings._meta.get_field("referral_alert_days").default
    days = dict(IntakeSettings.objects.values_list("desk_id", "referral_alert_days"))
    desk_ids = Referral.objects.filter(state__in=WAITING_STATES).values_list("desk_id", flat=True).distinct()
    condition = Q(pk__in=[])
    for desk_id in set(desk_ids):
        cutoff = now - dt.timedelta(days=days.get(desk_id, default_days))
        condition |= Q(desk_id=desk_id, state_changed_at__lt=cutoff)
    grouped: dict[Any, list[Referral]] = {}
    overdue = (Referral.objects.filter(condition, state__in=WAITING_STATES)
               .select_related("desk", "organization", "service").order_by("state_changed_at"))
    for referral in overdue:
        grouped.setdefault(referral.desk, []).append(referral)
    return grouped


def send_overdue_digest(now: dt.datetime | None = None) -> int:
    """Scheduled (daily): e-mail each desk the referrals waiting too long for the member. Only codes, members
    and states: no citizen data by e-mail. Returns how many desks were written to."""
    now = now or timezone.now()
    written = 0
    for desk, referrals in _overdue_by_desk(now).items():
        if not desk.email:
            continue
        with transaction.atomic():
            queue_email(
                desk=desk, to=[desk.email],
                subject=_("Segnalazioni in attesa da troppo tempo: %(n)d") % {"n": len(referrals)},
                template="referrals/email/desk_overdue.txt",
                context={"desk_name": desk.name, "site_url": settings.SITE_URL,
                         "list_path": reverse("referrals:desk_list", kwargs={"desk_slug": desk.slug}),
                         "referrals": [{"code": r.code, "organization": r.organization.name,
                                        "service": r.service.name, "state": r.get_state_display(),
                                        "days": (now - r.state_changed_at).days} for r in referrals]},
            )
        written += 1
    return written
