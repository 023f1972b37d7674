"""Demo appointments: the desk's calendar as the article describes it, calendars at ten members' premises,
the desk's reasons and some fictional bookings. Idempotent."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from infolavoro.desks.models import Desk
from infolavoro.network.models import Service

from . import engine
from .models import Booking, BookingStatus, Calendar, CalendarInterval, Reason
from .services import new_code

REASONS = [  # code, Italian, English
    ("orientamento", "Primo orientamento", "First guidance"),
    ("portali", "Aiuto per la registrazione ai portali del lavoro", "Help registering on the job portals"),
    ("cv", "Curriculum vitae e colloquio di lavoro", "CV and job interview"),
    ("formazione", "Informazioni su corsi e formazione", "Information on courses and training"),
    ("rete", "Informazioni sui servizi della Rete per il lavoro", "Information on the Network for work's services"),
    ("altro", "Altro", "Other"),
]
# Tue–Fri 08:30–12:00 with two operators, Tue 14:30–17:30 with one (the article's hours).
DESK_INTERVALS = [(1, "08:30", "12:00", 2), (2, "08:30", "12:00", 2), (3, "08:30", "12:00", 2),
                  (4, "08:30", "12:00", 2), (1, "14:30", "17:30", 1)]
MEMBER_PATTERNS = [
    [(0, "09:00", "12:00", 1), (2, "14:00", "17:00", 1)],
    [(1, "09:30", "12:30", 1), (3, "09:30", "12:30", 1)],
    [(2, "15:00", "18:00", 2)],
    [(0, "14:30", "17:30", 1), (4, "09:00", "12:00", 1)],
]
FIRST_NAMES = ["Luca", "Giulia", "Ahmed", "Sara", "Marco", "Elena", "Ioana", "Davide", "Fatima", "Paolo",
               "Chiara", "Omar", "Francesca", "Matteo", "Aurora"]
LAST_NAMES = ["Bianchi", "Ferrari", "Benali", "Russo", "Galli", "Conti", "Popescu", "Moretti", "Zanetti",
              "Lombardi", "Barbieri", "El Idrissi", "Fontana", "Rinaldi", "Costa"]


def _time(value: str) -> dt.time:
    return dt.time.fromisoformat(value)


def _intervals(calendar: Calendar, pattern) -> None:
    CalendarInterval.objects.bulk_create(
        CalendarInterval(calendar=calendar, weekday=d, opens_at=_time(o), closes_at=_time(c), capacity=n)
        for d, o, c, n in pattern
    )


def _fill(calendar: Calendar, reasons: list[Reason], rng: random.Random, count: int) -> None:
    """Book about every third free slot ahead, and a few past appointments with their outcome."""
    today = timezone.localdate()
    now = timezone.now()
    slots = engine.free_slots(calendar, today, today + dt.timedelta(days=30), now)
    taken: set[dt.datetime] = set()
    for slot in slots[::3][:count]:
        _create(calendar, slot.start, slot.end, rng.choice(reasons), rng, BookingStatus.BOOKED)
        taken.add(slot.start)
    past_day = today - dt.timedelta(days=1)
    past = []
    while len(past) < count // 2 and past_day > today - dt.timedelta(days=30):
        past += engine.slots_for(rules=engine.rules_of(calendar), intervals=[
            engine.Interval(i.weekday, i.opens_at, i.closes_at, i.capacity) for i in calendar.intervals.all()],
            closed={}, exceptions=[], taken={}, tz=calendar.desk.tz, start=past_day, end=past_day,
            now=now - dt.timedelta(days=60), enforce_notice=False)[::2]
        past_day -= dt.timedelta(days=1)
    for slot in past[: count // 2]:
        status = rng.choice([BookingStatus.COMPLETED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW])
        _create(calendar, slot.start, slot.end, rng.choice(reasons), rng, status)


def _create(calendar, start, end, reason, rng, status) -> None:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    Booking.objects.create(
        calendar=calendar, desk=calendar.desk, code=new_code(), start=start, end=end, seat=1, reason=reason,
        details="", first_name=first, last_name=last,
        email=f"{first}.{last}".lower().replace(" ", "") + "@example.org", phone="",
        privacy_consent_at=timezone.now(), status=status,
    )


def load(desk: Desk) -> None:
    for position, (code, label, label_en) in enumerate(REASONS):
        Reason.objects.update_or_create(desk=desk, code=code, defaults={"label_it": label, "label_en": label_en,
                                                                        "position": position})
    if Calendar.objects.filter(desk=desk).exists():
        return
    rng = random.Random(2026)
    reasons = list(Reason.objects.filter(desk=desk))
    calendar = Calendar.objects.create(desk=desk, name=f"{desk.name} – {desk.comune}", slot_minutes=30)
    # La Spezia's two operators as the article says; another desk receives one person at a time in its hours.
    _intervals(calendar, DESK_INTERVALS if desk.slug == "la-spezia" else [
        (i.weekday, f"{i.opens_at:%H:%M}", f"{i.closes_at:%H:%M}", 1) for i in desk.opening_intervals.all()])
    _fill(calendar, reasons, rng, 24)
    services = (Service.objects.filter(organization__desk=desk, organization__is_active=True, is_active=True)
                .select_related("organization").order_by("organization__name", "name"))
    seen = set()
    for service in services:
        if service.organization_id in seen or len(seen) >= 10:
            continue
        seen.add(service.organization_id)
        member = Calendar.objects.create(desk=desk, service=service, name=f"{service.organization.name} – "
                                         f"{service.name}"[:200], slot_minutes=45, min_notice_hours=24)
        _intervals(member, MEMBER_PATTERNS[len(seen) % len(MEMBER_PATTERNS)])
        _fill(member, reasons, rng, 4)
