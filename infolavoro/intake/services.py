"""Use cases of the listening point: each one transaction, taking the acting user, auditing personal data."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from infolavoro.accounts.permissions import can
from infolavoro.booking import services as booking_services
from infolavoro.core import pdf
from infolavoro.desks.models import Desk
from infolavoro.network.models import TaxonomyTerm
from infolavoro.notifications.services import queue_email

from .models import (
    AuditAction,
    AuditEntry,
    Citizen,
    Consultation,
    JobPortal,
    PortalAssistance,
    SpecialCategoryData,
)
from .selectors import portal_summary_context, settings_for
from .validators import normalise_codice_fiscale

CITIZEN_FIELDS = (
    "first_name", "last_name", "email", "phone", "codice_fiscale", "age_band", "education_level",
    "employment_status", "cpi_registered", "languages", "availability", "driving_licence",
)
CONSULTATION_FIELDS = ("held_at", "reason", "notes", "outcome", "next_steps")


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or timezone.now()


def _check(actor: Any, action: str, obj: Any) -> None:
    if not can(actor, action, obj):
        raise PermissionDenied


def audit(citizen: Citizen, actor: Any, action: str, what: str = "", now: dt.datetime | None = None) -> AuditEntry:
    """Record one access to a citizen's data. `what` names fields or pages, never values."""
    return AuditEntry.objects.create(
        desk_id=citizen.desk_id, citizen_ref=citizen.pk, actor=actor if getattr(actor, "pk", None) else None,
        action=action, what=what[:300], at=_now(now),
    )


@transaction.atomic
def record_access(citizen: Citizen, actor: Any, what: str, action: str = AuditAction.VIEW) -> None:
    """A read of personal data (a page, an export): logged before the data is shown."""
    _check(actor, "citizen.view", citizen)
    audit(citizen, actor, action, what)


@transaction.atomic
def record_list_access(desk: Desk, citizens: Sequence[Citizen], actor: Any, what: str) -> None:
    """A list showing names and contacts: one audit row per citizen shown, in one query."""
    _check(actor, "citizen.view", desk)
    now = timezone.now()
    AuditEntry.objects.bulk_create(
        AuditEntry(desk=desk, citizen_ref=c.pk, actor=actor, action=AuditAction.LIST, what=what, at=now)
        for c in citizens
    )


def _clean_values(data: dict[str, Any]) -> dict[str, Any]:
    values = {name: data[name] for name in CITIZEN_FIELDS if name in data}
    if "codice_fiscale" in values:
        values["codice_fiscale"] = normalise_codice_fiscale(values["codice_fiscale"])
    for name in ("first_name", "last_name", "email", "phone", "languages", "availability"):
        if isinstance(values.get(name), str):
            values[name] = values[name].strip()
    return values


def _check_terms(desk: Desk, terms: Iterable[TaxonomyTerm]) -> list[TaxonomyTerm]:
    terms = list(terms)
    if any(t.desk_id != desk.pk for t in terms):
        raise ValidationError(_("Uno dei bisogni scelti non appartiene a questo sportello."))
    return terms


def _save_citizen(citizen: Citizen) -> None:
    citizen.full_clean(exclude=["interests"])
    try:
        with transaction.atomic():  # a savepoint: a concurrent duplicate becomes a message, not a 500
            citizen.save()
    except IntegrityError as exc:
        raise ValidationError({"codice_fiscale": _("Esiste già una scheda con questo codice fiscale.")}) from exc


SPECIAL_NOTES_SCOPE = "note su salute o disabilità"


def special_terms(terms: Iterable[TaxonomyTerm]) -> list[TaxonomyTerm]:
    """The needs among `terms` that reveal special-category data (GDPR art. 9)."""
    return [t for t in terms if t.special_category]


def _special_consent_error(terms: Sequence[TaxonomyTerm]) -> ValidationError:
    if not terms:
        return ValidationError(
            {"special_consent": _("Per registrare dati su salute o disabilità serve il consenso esplicito.")})
    names = ", ".join(f"«{t.name}»" for t in terms)
    return ValidationError({"special_consent": _(
        "Per registrare %(names)s (dato particolare: salute, disabilità) serve il consenso esplicito della persona: "
        "spunta il consenso oppure togli la voce.") % {"names": names}})


def _require_special_consent(citizen: Citizen, terms: Sequence[TaxonomyTerm], consent: bool | None, actor: Any,
                             now: dt.datetime, *, notes: bool = False) -> str:
    """The one rule for special-category data: stored only with the person's explicit consent, recorded with
    what it covers, when and who recorded it. `consent` is the box ticked now (None: not asked). Call it before
    writing the data (the database triggers check the consent is there). Returns what changed, for the audit."""
    covered = [t.name for t in terms] + ([SPECIAL_NOTES_SCOPE] if notes else [])
    if not covered:
        return ""
    if consent is False or (consent is None and citizen.special_consent_at is None):
        raise _special_consent_error(terms)  # the box unticked, or never given
    scope = [part for part in citizen.special_consent_scope.split("; ") if part]
    scope += [name for name in covered if name not in scope]
    new_scope = "; ".join(scope)[:300]
    if citizen.special_consent_at is not None and new_scope == citizen.special_consent_scope:
        return ""
    if citizen.special_consent_at is None or consent:
        citizen.special_consent_at = now
        citizen.special_consent_by = actor if getattr(actor, "pk", None) else None
    citizen.special_consent_scope = new_scope
    Citizen.objects.filter(pk=citizen.pk).update(special_consent_at=citizen.special_consent_at,
                                                 special_consent_by=citizen.special_consent_by,
                                                 special_consent_scope=new_scope)
    return "consenso dati particolari"


def _withdraw_special_consent(citizen: Citizen) -> str:
    """Consent withdrawn: the special-category data it covered goes (notes, and the flagged needs on the record
    and in past consultations), then the consent record itself."""
    if citizen.special_consent_at is None:
        return ""
    citizen.interests.through.objects.filter(citizen=citizen, taxonomyterm__special_category=True).delete()
    Consultation.needs.through.objects.filter(consultation__citizen=citizen,
                                              taxonomyterm__special_category=True).delete()
    SpecialCategoryData.objects.filter(citizen=citizen).delete()
    citizen.special_consent_at, citizen.special_consent_by, citizen.special_consent_scope = None, None, ""
    Citizen.objects.filter(pk=citizen.pk).update(special_consent_at=None, special_consent_by=None,
                                                 special_consent_scope="")
    return "consenso dati particolari revocato, dati particolari cancellati"


def _set_special(citizen: Citizen, notes: str, explicit_consent: bool, actor: Any, now: dt.datetime) -> str:
    """Create, update or drop the special-category data; return what changed for the audit log."""
    notes = (notes or "").strip()
    existing = SpecialCategoryData.objects.filter(citizen=citizen).first()
    if not notes:
        if existing:
            existing.delete()
            return "special"
        return ""
    if not settings_for(citizen.desk).special_categories_enabled:
        raise ValidationError(_("Questo sportello non raccoglie dati particolari (salute, disabilità)."))
    if not explicit_consent:
        raise ValidationError(
            {"special_consent": _("Per registrare dati su salute o disabilità serve il consenso esplicito.")}
        )
    if existing:
        if existing.notes == notes:
            return ""
        existing.notes = notes
        existing.recorded_by = actor
        existing.save()
    else:
        SpecialCategoryData.objects.create(citizen=citizen, notes=notes, explicit_consent_at=now, recorded_by=actor)
    return "special"


@transaction.atomic
def create_citizen(
    desk: Desk, data: dict[str, Any], actor: Any, *, interests: Iterable[TaxonomyTerm] = (),
    privacy_acknowledged: bool, sharing_consent: bool = False, special_notes: str = "",
    special_consent: bool = False, now: dt.datetime | None = None,
) -> Citizen:
    _check(actor, "citizen.change", desk)
    now = _now(now)
    if not privacy_acknowledged:
        raise ValidationError(
            {"privacy_acknowledged": _("Prima di registrare i dati, consegna l'informativa sulla privacy.")}
        )
    citizen = Citizen(desk=desk, created_by=actor, last_activity_at=now, privacy_acknowledged_at=now,
                      sharing_consent=sharing_consent, sharing_consent_changed_at=now if sharing_consent else None,
                      **_clean_values(data))
    terms = _check_terms(desk, interests)
    _save_citizen(citizen)
    changed = ["scheda", "consenso informativa"] + (["consenso condivisione"] if sharing_consent else [])
    consent = _require_special_consent(citizen, special_terms(terms), special_consent, actor, now,
                                       notes=bool((special_notes or "").strip()))
    changed += [consent] if consent else []
    citizen.interests.set(terms)
    if _set_special(citizen, special_notes, special_consent, actor, now):
        changed.append("dati particolari")
    audit(citizen, actor, AuditAction.CREATE, ", ".join(changed), now)
    return citizen


@transaction.atomic
def update_citizen(
    citizen: Citizen, data: dict[str, Any], actor: Any, *, interests: Iterable[TaxonomyTerm] | None = None,
    sharing_consent: bool | None = None, special_notes: str | None = None, special_consent: bool | None = None,
    now: dt.datetime | None = None,
) -> Citizen:
    """Change the record. `special_consent`: the explicit-consent box as ticked now (None: not asked); unticked
    with no special-category data left on the form, it withdraws the consent and erases what it covered."""
    _check(actor, "citizen.change", citizen)
    now = _now(now)
    citizen = Citizen.objects.select_for_update().get(pk=citizen.pk)
    changed = []
    for name, value in _clean_values(data).items():
        if getattr(citizen, name) != value:
            setattr(citizen, name, value)
            changed.append(name)
    if sharing_consent is not None and sharing_consent != citizen.sharing_consent:
        citizen.sharing_consent = sharing_consent
        citizen.sharing_consent_changed_at = now
        changed.append("consenso condivisione " + ("dato" if sharing_consent else "revocato"))
    citizen.last_activity_at = now
    _save_citizen(citizen)
    terms = _check_terms(citizen.desk, interests) if interests is not None else list(citizen.interests.all())
    notes = (special_notes if special_notes is not None
             else getattr(SpecialCategoryData.objects.filter(citizen=citizen).first(), "notes", ""))
    special = special_terms(terms)
    if special_consent is False and not special and not notes.strip():
        withdrawn = _withdraw_special_consent(citizen)
        changed += [withdrawn] if withdrawn else []
    else:
        consent = _require_special_consent(citizen, special, special_consent, actor, now, notes=bool(notes.strip()))
        changed += [consent] if consent else []
    if interests is not None and {t.pk for t in terms} != set(citizen.interests.values_list("pk", flat=True)):
        citizen.interests.set(terms)
        changed.append("interests")
    if special_notes is not None and _set_special(citizen, special_notes,
                                                  citizen.special_consent_at is not None, actor, now):
        changed.append("dati particolari")
    audit(citizen, actor, AuditAction.UPDATE, ", ".join(changed) or "nessuna modifica", now)
    return citizen


@transaction.atomic
def record_consultation(
    citizen: Citizen, data: dict[str, Any], actor: Any, *, needs: Iterable[TaxonomyTerm] = (),
    booking: Any = None, special_consent: bool | None = None, now: dt.datetime | None = None,
) -> Consultation:
    """Record a meeting. When it is the citizen's appointment from the agenda, the booking is linked and,
    if still open, marked as completed."""
    _check(actor, "citizen.change", citizen)
    now = _now(now)
    values = {name: data[name] for name in CONSULTATION_FIELDS if name in data}
    values.setdefault("held_at", now)
    if booking is not None:
        from infolavoro.booking.models import BookingStatus

        if booking.desk_id != citizen.desk_id:
            raise ValidationError(_("Appuntamento di un altro sportello."))
        if booking.status in (BookingStatus.BOOKED, BookingStatus.CHECKED_IN):
            booking_services.set_status(booking, BookingStatus.COMPLETED, actor)
    terms = _check_terms(citizen.desk, needs)
    citizen = Citizen.objects.select_for_update().get(pk=citizen.pk)
    consent = _require_special_consent(citizen, special_terms(terms), special_consent, actor, now)
    if consent:
        audit(citizen, actor, AuditAction.UPDATE, consent, now)
    consultation = Consultation(desk_id=citizen.desk_id, citizen=citizen, operator=actor, booking=booking, **values)
    consultation.full_clean(exclude=["needs"])
    consultation.save()
    consultation.needs.set(terms)
    Citizen.objects.filter(pk=citizen.pk).update(last_activity_at=now)
    audit(citizen, actor, AuditAction.CREATE, "colloquio", now)
    return consultation


@transaction.atomic
def update_portal_checklist(
    consultation: Consultation, portal: JobPortal, done_steps: Sequence[str], completed: bool, actor: Any,
    now: dt.datetime | None = None,
) -> PortalAssistance:
    citizen = consultation.citizen
    _check(actor, "citizen.change", citizen)
    if portal.desk_id != consultation.desk_id:
        raise ValidationError(_("Portale sconosciuto."))
    steps = portal.steps
    done = [step for step in steps if step in set(done_steps)]
    assistance, _created = PortalAssistance.objects.update_or_create(
        consultation=consultation, portal=portal, defaults={"done_steps": done, "completed": completed}
    )
    Citizen.objects.filter(pk=citizen.pk).update(last_activity_at=_now(now))
    audit(citizen, actor, AuditAction.UPDATE, f"checklist portale {portal.name}", now)
    return assistance


@transaction.atomic
def send_portal_summary(consultation: Consultation, actor: Any) -> None:
    """E-mail the citizen the portals worked on, with links, what to bring and next steps."""
    citizen = consultation.citizen
    _check(actor, "citizen.change", citizen)
    if not citizen.email:
        raise ValidationError(_("La persona non ha un indirizzo e-mail: aggiungilo alla scheda per inviare il "
                                "riepilogo."))
    context = portal_summary_context(consultation)
    if not context["portals"]:
        raise ValidationError(_("Nessun portale lavorato in questo colloquio: spunta prima la checklist."))
    desk = citizen.desk
    queue_email(
        desk=desk, to=[citizen.email], subject=_("Il riepilogo della registrazione ai portali del lavoro"),
        template="intake/email/portal_summary.txt", context=context,
        reply_to=[desk.email] if desk.email else None,
    )
    audit(citizen, actor, AuditAction.EMAIL, "riepilogo portali")


# --- Rights of the data subject -------------------------------------------------------------------


def citizen_data(citizen: Citizen) -> dict[str, Any]:
    """Everything held about a citizen, as plain data (for the export)."""
    from infolavoro.referrals.models import Referral

    special = SpecialCategoryData.objects.filter(citizen=citizen).first()
    consultations = (citizen.consultations.select_related("operator")
                     .prefetch_related("needs", "portal_help__portal").order_by("held_at"))
    referrals = (Referral.objects.filter(citizen=citizen).select_related("service", "organization")
                 .prefetch_related("events").order_by("created_at"))
    bookings = _bookings_of(citizen).select_related("calendar", "reason").order_by("start")
    return {
        "export_format": "infolavoro-citizen-2",
        "desk": {"name": citizen.desk.name, "comune": citizen.desk.comune,
                 "controller": citizen.desk.privacy_controller, "contact": citizen.desk.privacy_contact},
        "citizen": {
            "id": str(citizen.pk),
            **{name: getattr(citizen, name) for name in CITIZEN_FIELDS},
            "interests": [t.name for t in citizen.interests.all()],
            "privacy_acknowledged_at": citizen.privacy_acknowledged_at,
            "sharing_consent": citizen.sharing_consent,
            "sharing_consent_changed_at": citizen.sharing_consent_changed_at,
            "created_at": citizen.created_at,
            "last_activity_at": citizen.last_activity_at,
            "special_category_consent": (
                {"given_at": citizen.special_consent_at, "covers": citizen.special_consent_scope,
                 "recorded_by": str(citizen.special_consent_by) if citizen.special_consent_by else ""}
                if citizen.special_consent_at else None
            ),
            "special_category_data": (
                {"notes": special.notes, "explicit_consent_at": special.explicit_consent_at} if special else None
            ),
        },
        "consultations": [
            {"held_at": c.held_at, "operator": str(c.operator) if c.operator else "", "reason": c.reason,
             "needs": [t.name for t in c.needs.all()], "notes": c.notes, "outcome": c.outcome,
             "next_steps": c.next_steps,
             "portals": [{"portal": h.portal.name, "done_steps": h.done_steps, "completed": h.completed}
                         for h in c.portal_help.all()]}
            for c in consultations
        ],
        "referrals": [
            {"code": r.code, "organization": r.organization.name, "service": r.service.name,
             "state": r.get_state_display(), "created_at": r.created_at, "message": r.message,
             "decline_reason": r.decline_reason, "appointment_at": r.appointment_at, "outcome": r.outcome,
             "history": [{"from": e.from_state, "to": e.to_state, "at": e.at} for e in r.events.all()]}
            for r in referrals
        ],
        # The same appointments the erasure anonymises: linked to the record, or booked with its e-mail or phone.
        "appointments": [
            {"code": b.code, "calendar": b.calendar.name, "start": b.start, "end": b.end,
             "reason": b.reason.label, "details": b.details, "status": b.get_status_display(),
             "walk_in": b.walk_in, "first_name": b.first_name, "last_name": b.last_name, "email": b.email,
             "phone": b.phone, "privacy_consent_at": b.privacy_consent_at, "notes": b.notes,
             "cancel_reason": b.cancel_reason, "cancelled_at": b.cancelled_at, "created_at": b.created_at}
            for b in bookings
        ],
        **labour_data(citizen),
    }


def labour_data(citizen: Citizen) -> dict[str, Any]:
    from infolavoro.labour.services import citizen_labour_data

    return citizen_labour_data(citizen)


def _render_pdf(data: dict[str, Any]) -> bytes:
    html = render_to_string("intake/export.html", {"data": data})
    return pdf.render(html)


@transaction.atomic
def export_citizen(citizen: Citizen, actor: Any) -> bytes:
    """A ZIP with everything held about the citizen, as JSON and as PDF: one action."""
    _check(actor, "citizen.change", citizen)
    data = citizen_data(citizen)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("dati.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        archive.writestr("dati.pdf", _render_pdf(data))
    audit(citizen, actor, AuditAction.EXPORT, "tutti i dati (JSON e PDF)")
    return buffer.getvalue()


@transaction.atomic
def erase_citizen(citizen: Citizen, actor: Any) -> None:
    """Erase the record and everything attached (consultations, referrals); the audit log keeps the code."""
    _check(actor, "citizen.change", citizen)
    from infolavoro.labour.services import erase_cv_files

    audit(citizen, actor, AuditAction.ERASE, "scheda, colloqui, segnalazioni, appuntamenti, profilo professionale")
    booking_services.anonymise(_bookings_of(citizen))
    erase_cv_files([citizen.pk])
    Citizen.objects.filter(pk=citizen.pk).delete()


def _bookings_of(citizen: Citizen) -> Any:
    """The person's appointments: those linked to their consultations and referrals, and those made with
    their e-mail or phone at this desk."""
    from infolavoro.booking.models import Booking

    match = Q(consultations__citizen=citizen) | Q(referrals__citizen=citizen)
    if citizen.email:
        match |= Q(email__iexact=citizen.email)
    if citizen.phone:
        match |= Q(phone=citizen.phone)
    return Booking.objects.filter(pk__in=Booking.objects.filter(match, desk_id=citizen.desk_id).values("pk"))


def retention_cutoff(desk: Desk, now: dt.datetime) -> dt.datetime:
    return now - relativedelta(months=desk.retention_months)


@transaction.atomic
def _anonymise(desk: Desk, ids: list[Any], now: dt.datetime) -> None:
    """Strip identity and free text, keep what counts (profile bands, needs, consultations, referral states)."""
    from infolavoro.booking.models import Booking
    from infolavoro.referrals.models import Referral, ReferralEvent

    linked = Booking.objects.filter(Q(consultations__citizen_id__in=ids) | Q(referrals__citizen_id__in=ids))
    booking_services.anonymise(Booking.objects.filter(pk__in=linked.values("pk")))
    Citizen.objects.filter(pk__in=ids).update(
        first_name="", last_name="", email="", phone="", codice_fiscale="", languages="", availability="",
        sharing_consent=False, anonymised_at=now,
    )
    SpecialCategoryData.objects.filter(citizen_id__in=ids).delete()
    # Free text may name people, employers, places: it goes; the needs (taxonomy) and dates stay for statistics.
    Consultation.objects.filter(citizen_id__in=ids).update(reason="—", notes="", outcome="", next_steps="")
    referrals = Referral.objects.filter(citizen_id__in=ids)
    referrals.update(message="", outcome="", what_to_bring="")
    referrals.exclude(decline_reason="").update(decline_reason="—")
    ReferralEvent.objects.filter(referral__citizen_id__in=ids).update(note="")
    from infolavoro.labour.services import anonymise_labour_data

    anonymise_labour_data(ids)
    AuditEntry.objects.bulk_create(
        AuditEntry(desk=desk, citizen_ref=pk, actor=None, action=AuditAction.ANONYMISE,
                   what="conservazione scaduta", at=now)
        for pk in ids
    )


def anonymise_inactive(now: dt.datetime | None = None) -> int:
    """Anonymise, on every desk, citizens with no activity for the desk's retention period. Returns how many.

    A few queries per desk, whatever the number of citizens."""
    now = _now(now)
    count = 0
    for desk in Desk.objects.all():
        ids = list(Citizen.objects.filter(
            desk=desk, anonymised_at__isnull=True, last_activity_at__lt=retention_cutoff(desk, now)
        ).values_list("pk", flat=True))
        if ids:
            _anonymise(desk, ids, now)
            count += len(ids)
    return count


# --- Desk configuration ---------------------------------------------------------------------------


@transaction.atomic
def save_portal(desk: Desk, data: dict[str, Any], actor: Any, portal: JobPortal | None = None) -> JobPortal:
    _check(actor, "desk.administer", desk)
    portal = portal or JobPortal(desk=desk)
    if portal.desk_id != desk.pk:
        raise PermissionDenied
    for name in ("name", "url", "what_to_bring", "checklist", "next_steps", "position", "is_active",
                 "what_to_bring_it", "checklist_it", "next_steps_it",  # Italian and English versions
                 "what_to_bring_en", "checklist_en", "next_steps_en"):
        if name in data:
            value = data[name].strip() if isinstance(data[name], str) else data[name]
            setattr(portal, name, None if name.endswith("_en") and not value else value)
    portal.full_clean()
    portal.save()
    return portal


@transaction.atomic
def update_settings(desk: Desk, data: dict[str, Any], actor: Any) -> None:
    _check(actor, "desk.administer", desk)
    settings = settings_for(desk)
    settings.special_categories_enabled = data["special_categories_enabled"]
    settings.referral_alert_days = data["referral_alert_days"]
    settings.full_clean()
    settings.save()
