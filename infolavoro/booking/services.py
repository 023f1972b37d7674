"""Booking use cases: book, reschedule, cancel, statuses, walk-ins, blocks, reminders.

Each is one transaction. The capacity rule is the database's: a booking takes a free numbered seat of its slot
and the partial unique constraint `booking_one_person_per_seat` refuses a second active booking on it, so
concurrent requests for the last seat cannot both win, on SQLite (serialised IMMEDIATE transactions) as on
PostgreSQL (the unique index makes the loser wait, then fail). The limit of future bookings per mailbox is
counted and enforced under a per-mailbox lock (core.locks.serialise), so simultaneous requests cannot overshoot it.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from infolavoro.accounts.permissions import can
from infolavoro.core.dates import long_date
from infolavoro.core.locks import serialise
from infolavoro.core.validators import validate_phone_number
from infolavoro.desks.hours import WeeklyInterval
from infolavoro.desks.services import validate_weekly_intervals
from infolavoro.notifications.services import queue_email

from . import engine
from .calendar_files import booking_ics
from .models import (
    ACTIVE_STATUSES,
    STATUS_MOVES,
    Booking,
    BookingStatus,
    Calendar,
    CalendarException,
    CalendarInterval,
    Reason,
)

CODE_ALPHABET = "ACDEFHJKLMNPRTUVWXY34679"  # no look-alikes (0/O, 1/I, 5/S, 8/B)
TOKEN_SALT = "infolavoro.booking.manage"
STAFF_STATUSES = (BookingStatus.CHECKED_IN, BookingStatus.COMPLETED, BookingStatus.NO_SHOW)


class SlotUnavailable(Exception):
    """The slot is full, closed, past or beyond the horizon (HTTP 409 in the API)."""


def new_code() -> str:
    """E.g. "KX7R-4MDP": easy to read out on the phone; 24⁸ codes make a collision (which the unique
    constraint would turn into a retry on the next seat) practically impossible."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def manage_token(booking: Booking) -> str:
    """The secret of the citizen's cancel/reschedule link: signed, carries no personal data."""
    return signing.dumps({"b": booking.pk, "c": booking.code}, salt=TOKEN_SALT, compress=True)


def booking_from_token(token: str) -> Booking | None:
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    return (Booking.objects.select_related("calendar__desk", "calendar__service__organization", "reason")
            .filter(pk=data.get("b"), code=data.get("c")).first())


def manage_url(booking: Booking) -> str:
    return settings.SITE_URL + reverse("booking:manage", kwargs={"desk_slug": booking.desk.slug,
                                                                 "token": manage_token(booking)})


def _member_location(calendar: Calendar) -> Any:
    service = calendar.service
    return service.locations.first() or service.organization.locations.first()


def address_of(calendar: Calendar) -> str:
    """The street address of the appointment, once: the desk's office, or the member's premises (the location's
    own name, often just "Sede", adds nothing to the address and is left out)."""
    if calendar.is_desk_calendar:
        desk = calendar.desk
        parts = [desk.address, f"{desk.postal_code} {desk.comune}".strip(), desk.office]
    else:
        location = _member_location(calendar)
        if location is None:
            return ""
        parts = [location.address_1, location.address_2, f"{location.postal_code} {location.city}".strip()]
    seen: list[str] = []
    for part in (p.strip() for p in parts):
        if part and part.casefold() not in {s.casefold() for s in seen}:
            seen.append(part)
    return ", ".join(seen)


def place_of(calendar: Calendar) -> str:
    """Where the appointment is, named once: the desk (or the member) and its address."""
    name = calendar.desk.name if calendar.is_desk_calendar else calendar.service.organization.name
    address = address_of(calendar)
    return f"{name}, {address}" if address else name


def contact_of(calendar: Calendar) -> dict[str, str]:
    """Whom the person asks "per informazioni": the desk for its own calendar; for a member's premises the
    member (its phone, and the service's e-mail or else its own), never the desk's phone."""
    if calendar.is_desk_calendar:
        desk = calendar.desk
        return {"name": desk.name, "phone": desk.phone, "email": desk.email}
    service = calendar.service
    organization = service.organization
    return {"name": organization.name, "phone": organization.phone,
            "email": service.email or organization.email}


def member_reason(desk: Any) -> Reason | None:
    """The desk's topic under which appointments at a member's premises are counted (the person is not asked:
    the member's service is the topic): "rete" when the desk has it, else "altro", else its first topic."""
    reasons = {r.code: r for r in Reason.objects.filter(desk=desk, is_active=True)}
    return reasons.get("rete") or reasons.get("altro") or next(
        iter(sorted(reasons.values(), key=lambda r: (r.position, r.label))), None)


def _is_staff(actor: Any, calendar: Calendar) -> bool:
    if actor is None:
        return False
    if not can(actor, "calendar.agenda", calendar):
        raise PermissionDenied
    return True


def _require_staff(actor: Any, calendar: Calendar) -> None:
    if actor is None or not can(actor, "calendar.agenda", calendar):
        raise PermissionDenied


def _check_contacts(*, first_name: str, last_name: str, email: str, phone: str, privacy_consent: bool,
                    staff: bool) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not first_name.strip():
        errors["first_name"] = [_("Scrivi il nome.")]
    if not last_name.strip():
        errors["last_name"] = [_("Scrivi il cognome.")]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = [_("L'indirizzo e-mail non è valido: controlla di averlo scritto per intero.")]
    elif not staff:
        errors["email"] = [_("Scrivi il tuo indirizzo e-mail: ti invieremo la conferma.")]
    if phone:
        try:
            validate_phone_number(phone)
        except ValidationError as error:
            errors["phone"] = list(error.messages)
    elif staff and not email:
        errors["phone"] = [_("Serve almeno un recapito: telefono o e-mail.")]
    if not staff and not privacy_consent:
        errors["privacy_consent"] = [_("Per prenotare devi dichiarare di aver letto l'informativa sulla privacy.")]
    return errors


def _take_seat(calendar: Calendar, start: dt.datetime, now: dt.datetime, *, enforce_notice: bool,
               write: Any) -> engine.Slot:
    """Find the slot at `start` and run `write(slot, seat)` on a free seat inside a savepoint; a seat taken
    meanwhile by another transaction makes the database refuse the write, and the next seat is tried."""
    slot = engine.slot_at(calendar, start, now, enforce_notice=enforce_notice)
    if slot is None:
        raise SlotUnavailable(_("Questo orario non è prenotabile: scegline un altro."))
    taken = set(Booking.objects.filter(calendar=calendar, start=slot.start, status__in=ACTIVE_STATUSES,
                                       seat__isnull=False).values_list("seat", flat=True))
    for seat in range(1, slot.capacity + 1):
        if seat in taken:
            continue
        try:
            with transaction.atomic():
                write(slot, seat)
            return slot
        except IntegrityError:
            continue
    raise SlotUnavailable(_("Questo orario è stato appena occupato: scegline un altro."))


def _email(booking: Booking, template: str, subject: str, *, method: str = "REQUEST", **extra: Any) -> None:
    """Tell the person (when there is an address) and, for an appointment at a member's premises, the member."""
    desk = booking.desk
    calendar = booking.calendar
    when = long_date(timezone.localtime(booking.start, desk.tz), with_time=True)
    ics = booking_ics(booking, method=method)
    if booking.email:
        context = {
            "booking": booking, "place": place_of(calendar), "manage_url": manage_url(booking), "when": when,
            "contact": contact_of(calendar), "desk": desk, **extra,
        }
        queue_email(desk=desk, to=[booking.email], subject=subject, template=template, context=context,
                    attachments=[("appuntamento.ics", ics, "text/calendar")],
                    reply_to=[desk.email] if desk.email else None)
    if not calendar.is_desk_calendar:
        _email_member(booking, template.rsplit("/", 1)[-1].removesuffix(".txt"), when, ics, **extra)


MEMBER_SUBJECTS = {
    "confirmation": _lazy("Nuovo appuntamento presso di voi: %(service)s, %(when)s"),
    "rescheduled": _lazy("Appuntamento spostato: %(service)s, %(when)s"),
    "cancelled": _lazy("Appuntamento annullato: %(service)s, %(when)s"),
}


def _email_member(booking: Booking, kind: str, when: str, ics: bytes, **extra: Any) -> None:
    """Every booking, change and cancellation on a member's calendar reaches the member: its editors, or its own
    address when it has none (network.selectors.member_recipients, the one rule). Only what it needs to receive
    the person: name, time, service, code; editors find the contacts in their agenda."""
    from infolavoro.network.selectors import member_recipients

    if kind not in MEMBER_SUBJECTS:
        return
    desk = booking.desk
    organization = booking.calendar.service.organization
    recipients = member_recipients([organization]).get(organization.pk)
    if not recipients:
        return
    if "referral_code" not in extra or not extra["referral_code"]:
        referral = booking.referrals.first() if booking.pk else None
        extra["referral_code"] = referral.code if referral else ""
    agenda_path = reverse("booking_staff:agenda", kwargs={"desk_slug": desk.slug})
    queue_email(
        desk=desk, to=recipients.emails,
        subject=str(MEMBER_SUBJECTS[kind]) % {"service": booking.calendar.service.name, "when": when},
        template="booking/email/member_booking.txt",
        context={"booking": booking, "kind": kind, "when": when, "place": place_of(booking.calendar),
                 "organization": organization, "service": booking.calendar.service, "has_access": recipients.editors,
                 "agenda_url": settings.SITE_URL + agenda_path, "desk": desk, **extra},
        attachments=[("appuntamento.ics", ics, "text/calendar")],
        reply_to=[desk.email] if desk.email else None,
    )


def mailbox(email: str) -> str:
    """The mailbox an address delivers to, for counting: lower case, without a sub-address ("maria+2@x.it" and
    "Maria@x.it" are both "maria@x.it")."""
    local, _at, domain = email.strip().lower().rpartition("@")
    return f"{local.split('+', 1)[0]}@{domain}" if local else email.strip().lower()


def _future_bookings_for(email: str, calendar: Calendar, now: dt.datetime) -> int:
    """Future bookings at the desk held by the same mailbox, whatever sub-address they were made with. Addresses
    are stored in lower case (book), so the match is exact and uses the (email, start) index."""
    local, _at, domain = mailbox(email).rpartition("@")
    same_mailbox = Q(email=f"{local}@{domain}") | Q(email__startswith=f"{local}+", email__endswith=f"@{domain}")
    return Booking.objects.filter(same_mailbox, desk=calendar.desk, start__gte=now,
                                  status=BookingStatus.BOOKED).count()


@transaction.atomic
def book(
    calendar: Calendar,
    *,
    start: dt.datetime,
    reason_code: str,
    first_name: str,
    last_name: str,
    email: str = "",
    phone: str = "",
    details: str = "",
    privacy_consent: bool = False,
    actor: Any = None,
    now: dt.datetime | None = None,
    referral_code: str = "",
) -> Booking:
    """Book a slot, complete at once. Staff (actor) may book on behalf of a citizen with less notice and
    without e-mail; the public needs e-mail and the privacy consent, and holds at most N future bookings."""
    now = now or timezone.now()
    staff = _is_staff(actor, calendar)
    email = email.strip().lower()
    phone = phone.strip()
    errors = _check_contacts(first_name=first_name, last_name=last_name, email=email, phone=phone,
                             privacy_consent=privacy_consent, staff=staff)
    reason = Reason.objects.filter(desk=calendar.desk, code=reason_code, is_active=True).first()
    if reason is None and not calendar.is_desk_calendar:
        reason = member_reason(calendar.desk)  # at a member's premises its service is the topic
    if reason is None:
        errors["reason"] = [_("Scegli l'argomento dell'appuntamento.")]
    if len(details) > 2000:
        errors["details"] = [_("Il testo è troppo lungo (massimo 2000 caratteri).")]
    if not errors and email and not staff:
        # Count and insert are one decision: a second request for the same mailbox waits until this one commits.
        serialise(f"booking.limit:{calendar.desk_id}:{mailbox(email)}")
    if not errors and email and not staff and (
        _future_bookings_for(email, calendar, now) >= calendar.max_future_bookings_per_email
    ):
        errors["email"] = [_("Con questo indirizzo hai già %(n)d appuntamenti in programma: annullane uno per "
                             "prenotarne un altro.") % {"n": calendar.max_future_bookings_per_email}]
    if errors:
        raise ValidationError(errors)
    if not calendar.is_active:
        raise SlotUnavailable(_("Questo calendario non accetta prenotazioni."))
    booking = Booking(calendar=calendar, desk=calendar.desk, reason=reason, details=details.strip(),
                      first_name=first_name.strip(), last_name=last_name.strip(), email=email, phone=phone,
                      privacy_consent_at=now if privacy_consent else None, created_by=actor)
    booking.clean_fields(exclude={"calendar", "desk", "reason", "code", "start", "end", "seat", "created_by"})

    def write(slot: engine.Slot, seat: int) -> None:
        booking.start, booking.end, booking.seat = slot.start, slot.end, seat
        booking.code = new_code()
        booking.save(force_insert=True)

    _take_seat(calendar, start, now, enforce_notice=not staff, write=write)
    _email(booking, "booking/email/confirmation.txt",
           _("Appuntamento confermato: %(code)s") % {"code": booking.code}, referral_code=referral_code)
    return booking


def _lock(booking: Booking) -> Booking:
    # Lock only the booking row (PostgreSQL refuses FOR UPDATE on the nullable side of the service join).
    return (Booking.objects.select_for_update(of=("self",))
            .select_related("calendar__desk", "calendar__service", "desk", "reason").get(pk=booking.pk))


@transaction.atomic
def reschedule(booking: Booking, new_start: dt.datetime, *, actor: Any = None,
               now: dt.datetime | None = None) -> Booking:
    """Move a future booking to another free slot of the same calendar; the old seat is freed."""
    now = now or timezone.now()
    booking = _lock(booking)
    staff = _is_staff(actor, booking.calendar)
    if booking.status != BookingStatus.BOOKED or booking.start <= now:
        raise SlotUnavailable(_("Questo appuntamento non si può più spostare."))

    def write(slot: engine.Slot, seat: int) -> None:
        Booking.objects.filter(pk=booking.pk).update(start=slot.start, end=slot.end, seat=seat,
                                                     sequence=booking.sequence + 1, reminder_sent_at=None)

    if new_start == booking.start:
        return booking
    _take_seat(booking.calendar, new_start, now, enforce_notice=not staff, write=write)
    booking.refresh_from_db()
    _email(booking, "booking/email/rescheduled.txt",
           _("Appuntamento spostato: %(code)s") % {"code": booking.code})
    return booking


@transaction.atomic
def cancel(booking: Booking, *, actor: Any = None, by_desk: bool = False, reason: str = "",
           now: dt.datetime | None = None) -> Booking:
    """Cancel: by the citizen (through the signed link) before the appointment, or by the desk, which
    must say why; the citizen is told by e-mail either way."""
    now = now or timezone.now()
    booking = _lock(booking)
    if by_desk:
        _require_staff(actor, booking.calendar)
        if not reason.strip():
            raise ValidationError({"cancel_reason": [_("Scrivi il motivo: lo comunichiamo alla persona.")]})
    if booking.status != BookingStatus.BOOKED or (not by_desk and booking.start <= now):
        raise SlotUnavailable(_("Questo appuntamento non si può più annullare."))
    booking.status = BookingStatus.CANCELLED_BY_DESK if by_desk else BookingStatus.CANCELLED
    booking.cancel_reason = reason.strip()[:300]
    booking.cancelled_at = now
    booking.sequence += 1
    booking.save(update_fields=["status", "cancel_reason", "cancelled_at", "sequence", "updated_at"])
    _email(booking, "booking/email/cancelled.txt",
           _("Appuntamento annullato: %(code)s") % {"code": booking.code}, method="CANCEL", by_desk=by_desk)
    return booking


@transaction.atomic
def set_status(booking: Booking, status: str, actor: Any) -> Booking:
    """Check-in, completed, no-show: the desk's record of what happened."""
    booking = _lock(booking)
    _require_staff(actor, booking.calendar)
    if status not in STAFF_STATUSES:
        raise ValidationError(_("Stato non valido."))
    if booking.status not in (BookingStatus.BOOKED, *STAFF_STATUSES):
        raise ValidationError(_("L'appuntamento è annullato."))
    if status != booking.status and status not in STATUS_MOVES[booking.status]:
        raise ValidationError(_("L'esito dell'appuntamento è già registrato."))
    completed_now = status == BookingStatus.COMPLETED and booking.status != BookingStatus.COMPLETED
    booking.status = status
    booking.save(update_fields=["status", "updated_at"])
    if completed_now and booking.email:
        _ask_rating(booking)
    return booking


# --- The service rating (Designers Italia model): anonymous, one per appointment ---

RATING_SALT = "infolavoro.booking.rating"
RATING_VALID = dt.timedelta(days=30)


def rating_token(booking: Booking) -> str:
    return signing.dumps({"d": booking.desk_id, "c": booking.code, "k": booking.calendar_id}, salt=RATING_SALT,
                         compress=True)


def _rating_digest(data: dict) -> str:
    import hashlib
    import hmac

    return hmac.new(settings.SECRET_KEY.encode(), f"rating:{data.get('c')}".encode(), hashlib.sha256).hexdigest()


def rating_link_data(token: str, desk: Any) -> dict | None:
    """What the rating link carries, if it is genuine, of this desk and not too old."""
    try:
        data = signing.loads(token, salt=RATING_SALT, max_age=RATING_VALID)
    except signing.BadSignature:
        return None
    return data if data.get("d") == desk.pk else None


def already_rated(data: dict) -> bool:
    from .models import ServiceRating

    return ServiceRating.objects.filter(token_digest=_rating_digest(data)).exists()


def _ask_rating(booking: Booking) -> None:
    desk = booking.desk
    url = settings.SITE_URL + reverse("booking:rate", kwargs={"desk_slug": desk.slug,
                                                              "token": rating_token(booking)})
    queue_email(desk=desk, to=[booking.email], subject=_("Com'è andata? Valuta il servizio di %(desk)s")
                % {"desk": desk.name}, template="booking/email/rating.txt",
                context={"booking": booking, "rating_url": url, "desk": desk},
                reply_to=[desk.email] if desk.email else None)


@transaction.atomic
def rate(desk: Any, token: str, *, score: Any, comment: str = "", now: dt.datetime | None = None) -> Any:
    """Record an anonymous rating: kept apart from the booking; the link works once."""
    from .models import ServiceRating

    data = rating_link_data(token, desk)
    if data is None:
        raise ValidationError(_("Il link per la valutazione non è valido o è scaduto."))
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = 0
    errors = {}
    if not 1 <= score <= 5:
        errors["score"] = [_("Scegli un valore da 1 a 5.")]
    comment = (comment or "").replace("\x00", "").strip()
    if len(comment) > 1000:
        errors["comment"] = [_("Il testo è troppo lungo (massimo 1000 caratteri).")]
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            return ServiceRating.objects.create(desk=desk, calendar_id=data.get("k"), score=score, comment=comment,
                                                token_digest=_rating_digest(data), rated_at=now or timezone.now())
    except IntegrityError as error:
        raise ValidationError(_("Hai già valutato questo appuntamento: grazie!")) from error


@transaction.atomic
def set_notes(booking: Booking, notes: str, actor: Any) -> Booking:
    booking = _lock(booking)
    _require_staff(actor, booking.calendar)
    booking.notes = notes.strip()[:4000]
    booking.save(update_fields=["notes", "updated_at"])
    return booking


@transaction.atomic
def record_walk_in(calendar: Calendar, *, reason_code: str, first_name: str, last_name: str, actor: Any,
                   email: str = "", phone: str = "", details: str = "", now: dt.datetime | None = None) -> Booking:
    """Someone came without an appointment: recorded as checked in, taking no slot."""
    now = now or timezone.now()
    _require_staff(actor, calendar)
    errors = {k: v for k, v in _check_contacts(first_name=first_name, last_name=last_name, email=email.strip(),
                                                phone=phone.strip(), privacy_consent=True, staff=True).items()
              if k in ("first_name", "last_name", "email") or phone}
    reason = Reason.objects.filter(desk=calendar.desk, code=reason_code, is_active=True).first()
    if reason is None:
        errors["reason"] = [_("Scegli l'argomento dell'appuntamento.")]
    if errors:
        raise ValidationError(errors)
    return Booking.objects.create(
        calendar=calendar, desk=calendar.desk, code=new_code(), start=now,
        end=now + dt.timedelta(minutes=calendar.slot_minutes), seat=None, walk_in=True, reason=reason,
        details=details.strip(), first_name=first_name.strip(), last_name=last_name.strip(),
        email=email.strip().lower(), phone=phone.strip(), status=BookingStatus.CHECKED_IN, created_by=actor,
    )


@transaction.atomic
def block(calendar: Calendar, date: dt.date, start_time: dt.time | None = None, end_time: dt.time | None = None,
          *, actor: Any, reason: str = "", capacity: int = 0) -> CalendarException:
    """Block a slot or a day (capacity 0), or reduce the capacity of a day. Bookings already made stay:
    the agenda shows them, and staff cancel them one by one if needed (telling each person)."""
    _require_staff(actor, calendar)
    if (start_time is None) != (end_time is None) or (start_time and end_time <= start_time):
        raise ValidationError({"ends_at": [_("L'orario di fine deve essere successivo all'inizio.")]})
    if capacity < 0:
        raise ValidationError({"capacity": [_("Il numero non può essere negativo.")]})
    return CalendarException.objects.create(calendar=calendar, date=date, starts_at=start_time, ends_at=end_time,
                                            capacity=capacity, reason=reason.strip()[:200], created_by=actor)


@transaction.atomic
def unblock(exception: CalendarException, *, actor: Any) -> None:
    _require_staff(actor, exception.calendar)
    exception.delete()


def send_reminders(now: dt.datetime | None = None) -> int:
    """Remind by e-mail everyone booked for tomorrow (local date of each desk). Idempotent: a booking is
    claimed by a conditional update before its e-mail is queued, in one transaction."""
    now = now or timezone.now()
    sent = 0
    candidates = (Booking.objects.filter(status=BookingStatus.BOOKED, reminder_sent_at__isnull=True,
                                         start__gt=now, start__lt=now + dt.timedelta(hours=48))
                  .exclude(email="").select_related("desk", "calendar__desk", "calendar__service", "reason"))
    for booking in candidates:
        tz = booking.desk.tz
        if booking.start.astimezone(tz).date() != now.astimezone(tz).date() + dt.timedelta(days=1):
            continue
        with transaction.atomic():
            if not Booking.objects.filter(pk=booking.pk, reminder_sent_at__isnull=True).update(reminder_sent_at=now):
                continue
            _email(booking, "booking/email/reminder.txt",
                   _("Promemoria: domani il tuo appuntamento %(code)s") % {"code": booking.code})
        sent += 1
    return sent


AGENDA_FROM_HOUR = 14  # local time: the next day's agenda goes out in the afternoon before


def send_member_agendas(now: dt.datetime | None = None) -> int:
    """Hourly, acting once a day: e-mail each member without a login (it cannot open its agenda) the list of
    tomorrow's appointments at its premises, from AGENDA_FROM_HOUR local time. Nothing is sent to a member with no
    appointment; a member is written to at most once per date (MemberAgendaSent). Returns how many were written."""
    from infolavoro.network.selectors import member_recipients

    from .models import MemberAgendaSent

    now = now or timezone.now()
    candidates = (Booking.objects.filter(status=BookingStatus.BOOKED, calendar__service__isnull=False,
                                         start__gt=now, start__lt=now + dt.timedelta(hours=48))
                  .select_related("desk", "calendar__service__organization").order_by("start", "seat"))
    by_organization: dict[Any, list[Booking]] = {}
    for booking in candidates:
        local_now = now.astimezone(booking.desk.tz)
        tomorrow = local_now.date() + dt.timedelta(days=1)
        if local_now.hour < AGENDA_FROM_HOUR or booking.start.astimezone(booking.desk.tz).date() != tomorrow:
            continue
        by_organization.setdefault(booking.calendar.service.organization, []).append(booking)
    if not by_organization:
        return 0
    dates = {now.astimezone(b[0].desk.tz).date() + dt.timedelta(days=1) for b in by_organization.values()}
    already = set(MemberAgendaSent.objects.filter(organization__in=list(by_organization), date__in=dates)
                  .values_list("organization_id", "date"))
    recipients = member_recipients(list(by_organization))
    written = 0
    for organization, bookings in by_organization.items():
        found = recipients.get(organization.pk)
        desk = bookings[0].desk
        date = now.astimezone(desk.tz).date() + dt.timedelta(days=1)
        if found is None or found.editors or (organization.pk, date) in already:
            continue  # editors are told of each booking and see their agenda online
        with transaction.atomic():
            _row, created = MemberAgendaSent.objects.get_or_create(organization=organization, date=date,
                                                                   defaults={"sent_at": now})
            if not created:
                continue
            places: dict[int, str] = {}
            for b in bookings:  # one per calendar, not per row
                if b.calendar_id not in places:
                    places[b.calendar_id] = place_of(b.calendar)
            queue_email(
                desk=desk, to=found.emails,
                subject=_("Appuntamenti di domani presso di voi: %(n)d") % {"n": len(bookings)},
                template="booking/email/member_agenda.txt", reply_to=[desk.email] if desk.email else None,
                context={"organization": organization, "date": long_date(date), "desk": desk, "rows": [
                    {"time": timezone.localtime(b.start, desk.tz).strftime("%H:%M"), "code": b.code,
                     "name": f"{b.first_name} {b.last_name}", "service": b.calendar.service.name,
                     "place": places[b.calendar_id]} for b in bookings]},
            )
        written += 1
    return written


def anonymise(bookings: Any) -> int:
    """Strip the identity and free text of these bookings; dates, calendars, topics and statuses stay for the
    statistics. Used when a citizen's data are erased and when bookings pass the desk's retention period."""
    return bookings.update(first_name="", last_name="", email="", phone="", details="", notes="",
                           cancel_reason="", privacy_consent_at=None)


def anonymise_old_bookings(now: dt.datetime | None = None) -> int:
    """Daily: anonymise bookings that ended more than the desk's retention period ago. One update per desk."""
    from dateutil.relativedelta import relativedelta

    from infolavoro.desks.models import Desk

    now = now or timezone.now()
    count = 0
    for desk in Desk.objects.all():
        cutoff = now - relativedelta(months=desk.retention_months)
        count += anonymise(Booking.objects.filter(desk=desk, end__lt=cutoff).exclude(first_name="", last_name=""))
    return count


# --- Staff manage calendars ---------------------------------------------------------------------------


def _require_manage(actor: Any, calendar: Calendar) -> None:
    if actor is None or not can(actor, "calendar.manage", calendar):
        raise PermissionDenied


@transaction.atomic
def configure_calendar(calendar: Calendar, *, settings: dict[str, Any],
                       intervals: Sequence[tuple[WeeklyInterval, int]], actor: Any) -> Calendar:
    """Replace a calendar's rules (slot length, buffer, notice, horizon, limit per e-mail, active) and its
    weekly intervals with their capacity. The overlap rule is the desk hours' one (desks.services)."""
    _require_manage(actor, calendar)
    validate_weekly_intervals([interval for interval, _capacity in intervals])
    if any(capacity < 1 for _interval, capacity in intervals):
        raise ValidationError(_("Ogni fascia deve ricevere almeno una persona."))
    for name in ("slot_minutes", "buffer_minutes", "min_notice_hours", "horizon_days",
                 "max_future_bookings_per_email", "is_active"):
        if name in settings:
            setattr(calendar, name, settings[name])
    calendar.full_clean()
    calendar.save()
    CalendarInterval.objects.filter(calendar=calendar).delete()
    CalendarInterval.objects.bulk_create(
        CalendarInterval(calendar=calendar, weekday=i.weekday, opens_at=i.opens_at, closes_at=i.closes_at,
                         capacity=capacity)
        for i, capacity in intervals
    )
    return calendar


@transaction.atomic
def open_calendar(service: Any, actor: Any) -> Calendar:
    """Give a member's service a calendar (empty: its editors then set the weekly intervals)."""
    calendar = Calendar(desk=service.organization.desk, service=service,
                        name=f"{service.organization.name} – {service.name}"[:200])
    _require_manage(actor, calendar)
    existing = Calendar.objects.filter(service=service).first()
    if existing:
        return existing
    calendar.save()
    return calendar


@transaction.atomic
def save_reasons(desk: Any, rows: Sequence[dict[str, Any]], actor: Any) -> None:
    """Add, rename, reorder or deactivate the desk's topics. Codes are kept (the API uses them); a topic in
    use is never deleted, only deactivated."""
    if not can(actor, "desk.administer", desk):
        raise PermissionDenied
    codes = [row["code"] for row in rows]
    if len(codes) != len(set(codes)):
        raise ValidationError(_("Due argomenti hanno lo stesso codice."))
    if not any(row.get("is_active", True) for row in rows):
        raise ValidationError(_("Serve almeno un argomento attivo."))
    for position, row in enumerate(rows):
        labels = {"label_it": row["label"].strip()}
        if "label_en" in row:  # the English version: empty falls back to Italian
            labels["label_en"] = (row["label_en"] or "").strip() or None
        Reason.objects.update_or_create(desk=desk, code=row["code"], defaults={
            **labels, "position": row.get("position", position), "is_active": row.get("is_active", True)})
