"""Use cases that change desks: each one a function in one transaction, taking the acting user."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from infolavoro.accounts.permissions import can

from .hours import WeeklyInterval
from .models import Closure, Desk, OpeningInterval, default_denomination


def validate_weekly_intervals(intervals: Sequence[WeeklyInterval]) -> None:
    """End after start, and no two intervals of the same day overlapping or touching."""
    errors = []
    by_day: dict[int, list[WeeklyInterval]] = {}
    for interval in intervals:
        if interval.closes_at <= interval.opens_at:
            errors.append(_("L'orario di chiusura deve essere successivo all'apertura."))
        by_day.setdefault(interval.weekday, []).append(interval)
    for day_intervals in by_day.values():
        ordered = sorted(day_intervals, key=lambda i: i.opens_at)
        for earlier, later in itertools.pairwise(ordered):
            if later.opens_at < earlier.closes_at:
                errors.append(_("Due fasce orarie dello stesso giorno si sovrappongono."))
    if errors:
        raise ValidationError(sorted(set(errors)))


@transaction.atomic
def set_opening_hours(desk: Desk, intervals: Sequence[WeeklyInterval], actor) -> list[OpeningInterval]:
    """Replace the desk's weekly hours with `intervals`."""
    if not can(actor, "desk.administer", desk):
        raise PermissionDenied
    validate_weekly_intervals(intervals)
    OpeningInterval.objects.filter(desk=desk).delete()
    return OpeningInterval.objects.bulk_create(
        OpeningInterval(desk=desk, weekday=i.weekday, opens_at=i.opens_at, closes_at=i.closes_at)
        for i in intervals
    )


@transaction.atomic
def add_closure(desk: Desk, starts_on: dt.date, ends_on: dt.date, reason: str, actor, reason_en: str = "") -> Closure:
    """`reason` in Italian; `reason_en` optional (empty: English pages show the Italian one)."""
    if not can(actor, "desk.administer", desk):
        raise PermissionDenied
    closure = Closure(desk=desk, starts_on=starts_on, ends_on=ends_on, reason_it=reason.strip(),
                      reason_en=reason_en.strip() or None, created_by=actor)
    closure.full_clean()
    closure.save()
    return closure


@transaction.atomic
def remove_closure(closure: Closure, actor) -> None:
    if not can(actor, "desk.administer", closure.desk):
        raise PermissionDenied
    closure.delete()


# --- A new desk for another Comune (create_desk command and the installation administrators' page) --------------

DAY_NAMES = {"lun": 0, "mar": 1, "mer": 2, "gio": 3, "ven": 4, "sab": 5, "dom": 6,
             "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
DEFAULT_REASONS = ["Primo orientamento", "Aiuto per la registrazione ai portali del lavoro",
                   "Curriculum vitae e colloquio di lavoro", "Informazioni su corsi e formazione",
                   "Informazioni sui servizi della Rete per il lavoro", "Altro"]


def _clock(text: str) -> dt.time:
    text = text.strip().replace(".", ":")
    return dt.time.fromisoformat((text if ":" in text else f"{text}:00").zfill(5))


def parse_weekly_hours(text: str) -> list[WeeklyInterval]:
    """«mar 08:30-12:00 14:30-17:30; mer 08:30-12:00» (one day per line or separated by «;»)."""
    intervals = []
    for part in text.replace("\n", ";").split(";"):
        words = part.replace("–", "-").split()
        if not words:
            continue
        day = DAY_NAMES.get(words[0].lower()[:3])
        if day is None:
            raise ValidationError(_("Giorno sconosciuto «%(day)s»: scrivi lun, mar, mer, gio, ven, sab o dom.")
                                  % {"day": words[0]})
        if len(words) == 1:
            raise ValidationError(_("Per %(day)s indica almeno una fascia, es. 08:30-12:00.") % {"day": words[0]})
        for span in words[1:]:
            try:
                opens, closes = (_clock(t) for t in span.split("-"))
            except ValueError:
                raise ValidationError(_("Fascia oraria non valida «%(span)s»: scrivi es. 08:30-12:00.")
                                      % {"span": span}) from None
            intervals.append(WeeklyInterval(day, opens, closes))
    validate_weekly_intervals(intervals)
    return intervals


def parse_day_month(text: str) -> tuple[int, int] | None:
    """«30/11» or «30-11» → (30, 11); empty → None."""
    text = text.strip()
    if not text:
        return None
    try:
        day, month = (int(p) for p in text.replace("-", "/").replace(".", "/").split("/")[:2])
        dt.date(2028, month, day)  # a leap year: 29/02 exists
    except ValueError:
        raise ValidationError(_("Data del santo patrono non valida «%(value)s»: scrivi giorno/mese, es. 30/11.")
                              % {"value": text}) from None
    return day, month


@dataclass
class NewDesk:
    """What an installation administrator says about a new desk."""

    name: str
    slug: str
    comune: str  # a Comune's name or ISTAT code
    address: str
    phone: str
    email: str
    admin_email: str
    admin_first_name: str
    admin_last_name: str
    hours: list[WeeklyInterval] = field(default_factory=list)
    postal_code: str = ""
    office: str = ""
    presentation: str = ""
    presentation_en: str = ""  # English versions: empty falls back to Italian
    comune_denomination: str = ""  # empty: "Comune di …" with the right preposition (default_denomination)
    comune_denomination_en: str = ""
    patron_saint: str = ""
    patron_day_month: tuple[int, int] | None = None
    reasons: list[str] = field(default_factory=lambda: list(DEFAULT_REASONS))
    portals: list[str] = field(default_factory=list)  # names from intake's catalogue
    retention_months: int = 24
    min_cell_size: int = 5


def portal_catalogue() -> list[dict]:
    """The job portals a new desk may offer from the start (the national and regional ones, editable later)."""
    from infolavoro.intake.demo import PORTALS

    return PORTALS


@transaction.atomic
def create_desk(new: NewDesk, actor) -> Desk:
    # The texts given without a language are Italian, whatever the language of the page that sent them.
    with translation.override("it"):
        return _create_desk(new, actor)


def _create_desk(new: NewDesk, actor) -> Desk:
    """A desk for another Comune, ready to book: identity, hours, holidays with the patron saint, a bookable desk
    calendar, booking reasons, portals, retention and cell-size settings, and its first administrator invited
    by e-mail. `actor` is an installation administrator (superuser), or None from the command line."""
    from django.utils.text import slugify

    from infolavoro.accounts.services import invite_first_admin
    from infolavoro.booking.models import Calendar, CalendarInterval, Reason
    from infolavoro.intake.models import IntakeSettings, JobPortal

    from . import comuni

    if actor is not None and not can(actor, "installation.administer", None):
        raise PermissionDenied
    matches = comuni.find(new.comune)
    if not matches:
        raise ValidationError({"comune": _("Non trovo il Comune «%(value)s» nell'elenco ISTAT: controlla il nome "
                                           "o scrivi il codice ISTAT (sei cifre).") % {"value": new.comune}})
    if len(matches) > 1:
        raise ValidationError({"comune": _("Ci sono più Comuni chiamati «%(value)s» (%(list)s): scrivi il codice "
                                           "ISTAT.")
                               % {"value": new.comune,
                                  "list": ", ".join(f"{c.province_code} {c.istat_code}" for c in matches)}})
    comune = matches[0]
    if Desk.objects.filter(slug=new.slug).exists():
        raise ValidationError({"slug": _("Esiste già uno sportello con questo indirizzo breve.")})
    patron_day, patron_month = new.patron_day_month or (None, None)
    desk = Desk(name=new.name.strip(), slug=new.slug.strip(), comune=comune.name, istat_code=comune.istat_code,
                address=new.address.strip(), postal_code=new.postal_code.strip(), office=new.office.strip(),
                phone=new.phone.strip(), email=new.email.strip(), presentation_it=new.presentation.strip(),
                presentation_en=new.presentation_en.strip() or None,
                comune_denomination_it=new.comune_denomination.strip() or default_denomination(comune.name),
                comune_denomination_en=new.comune_denomination_en.strip() or None,
                holiday_subdivision=comune.province_code, patron_saint=new.patron_saint.strip(),
                patron_month=patron_month, patron_day=patron_day, retention_months=new.retention_months,
                min_cell_size=new.min_cell_size,
                privacy_controller=f"{new.comune_denomination.strip() or default_denomination(comune.name)}, "
                                   f"{new.address.strip()}"[:200])
    desk.full_clean()
    if not new.hours:
        raise ValidationError({"hours": _("Indica almeno una fascia di apertura settimanale.")})
    validate_weekly_intervals(new.hours)
    desk.save()
    OpeningInterval.objects.bulk_create(OpeningInterval(desk=desk, weekday=i.weekday, opens_at=i.opens_at,
                                                        closes_at=i.closes_at) for i in new.hours)
    calendar = Calendar.objects.create(desk=desk, name=f"{desk.name} – {desk.comune}"[:200], slot_minutes=30)
    CalendarInterval.objects.bulk_create(CalendarInterval(calendar=calendar, weekday=i.weekday, opens_at=i.opens_at,
                                                          closes_at=i.closes_at, capacity=1) for i in new.hours)
    codes: set[str] = set()
    reasons = []
    for position, label in enumerate(r.strip() for r in new.reasons if r.strip()):
        code = slugify(label)[:40].strip("-") or f"argomento-{position}"
        if code in codes:
            continue
        codes.add(code)
        reasons.append(Reason(desk=desk, code=code, label=label[:120], position=position))
    if not reasons:
        raise ValidationError({"reasons": _("Indica almeno un argomento per gli appuntamenti.")})
    Reason.objects.bulk_create(reasons)
    catalogue = {p["name"]: p for p in portal_catalogue()}
    unknown = [name for name in new.portals if name not in catalogue]
    if unknown:
        raise ValidationError({"portals": _("Portali sconosciuti: %(names)s.") % {"names": ", ".join(unknown)}})
    JobPortal.objects.bulk_create(JobPortal(desk=desk, **catalogue[name]) for name in new.portals)
    IntakeSettings.objects.create(desk=desk)
    invite_first_admin(desk, email=new.admin_email, first_name=new.admin_first_name,
                       last_name=new.admin_last_name)
    return desk
