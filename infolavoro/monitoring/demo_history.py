"""The demo's past year at a desk: appointments, walk-ins, the people received, their consultations, job-portal
registrations, referrals to the network with the members' answers, and service ratings, from the first day of the
twelfth month back until yesterday; so that the Region's dashboard (by default the last twelve complete months)
shows what a desk's year looks like, for both demo desks.

Plausible, not real: fictional names, no e-mail or phone; the desk's own opening hours, holidays and patron saint
(the booking engine lays the slots out); more people in autumn and winter, few in August; the desk slowly becoming
known. Written in bulk straight to the other apps' tables, like `populations.py` (the services' rules are
tested in their own apps). Seeded random numbers: the same history for the same desk and day (but for the
booking codes, made by the booking app's own `new_code`). Idempotent: nothing is written if the desk already has
a consultation before this month."""

from __future__ import annotations

import datetime as dt
import random
import secrets

from django.db import transaction
from django.utils import timezone

from infolavoro.desks.models import Desk

FIRST_NAMES = ["Alessandro", "Alessia", "Andrea", "Anna", "Antonio", "Beatrice", "Carlo", "Claudia", "Cristina",
               "Daniele", "Emanuele", "Federica", "Filippo", "Gabriele", "Giorgia", "Giovanni", "Ilaria", "Laura",
               "Lorenzo", "Manuela", "Martina", "Massimo", "Michela", "Nicola", "Roberta", "Simone", "Stefania",
               "Valentina", "Vittoria", "Youssef", "Khadija", "Mihaela", "Andrei", "Oksana", "Bilal", "Priya",
               "Mamadou", "Ana", "Luis", "Samira"]
LAST_NAMES = ["Agostini", "Basso", "Bellini", "Bruno", "Caruso", "Cattaneo", "Colombo", "Corsi", "D'Angelo",
              "De Luca", "Di Stefano", "Esposito", "Fabbri", "Farina", "Ferri", "Gentile", "Giordano", "Grasso",
              "Greco", "Leone", "Longo", "Mancini", "Marchetti", "Mariani", "Martini", "Mazza", "Messina",
              "Monti", "Morelli", "Orlando", "Pace", "Palumbo", "Parodi", "Pellegrini", "Piras", "Ricci",
              "Rizzo", "Romano", "Sala", "Santoro", "Serra", "Silvestri", "Testa", "Valente", "Villa", "Vitale",
              "Bouzid", "Ionescu", "Kovalenko", "Diallo", "Garcia", "Singh", "Haddad", "Rossetti", "Sartori"]

# People a week at the desk (appointments, before cancellations) in an average month.
WEEKLY = {"la-spezia": 16}
WEEKLY_OTHER = 7
# Demand by month: busy in autumn and winter, low in August.
SEASON = {1: 1.25, 2: 1.15, 3: 1.05, 4: 0.95, 5: 0.95, 6: 0.9, 7: 0.8, 8: 0.45, 9: 1.2, 10: 1.25, 11: 1.15,
          12: 0.7}
STATUSES = [("completed", 78), ("no_show", 8), ("cancelled", 11), ("cancelled_by_desk", 3)]
REASONS = {"orientamento": 30, "portali": 25, "cv": 20, "formazione": 12, "rete": 8, "altro": 5}
AGE = [("under_25", 18), ("25_34", 27), ("35_49", 30), ("50_64", 20), ("65_plus", 5)]
EMPLOYMENT = [("unemployed", 55), ("first_job", 12), ("employed", 18), ("student", 7), ("inactive", 8)]
EDUCATION = [("none", 4), ("lower_secondary", 24), ("vocational", 18), ("upper_secondary", 36), ("degree", 18)]
CPI = [("yes", 50), ("no", 35), ("unknown", 15)]
SCORES = [(5, 45), (4, 33), (3, 13), (2, 6), (1, 3)]
DECLINED = ["Corso al completo: proposta l'edizione successiva.", "Requisiti di accesso non soddisfatti.",
            "Nessuna disponibilità nel periodo richiesto."]
# What the member does with a referral: (steps after «sent», weight). Referrals of the last month may still
# be waiting for the member; older ones have their outcome (the desk's overdue list shows only recent delays).
DONE_PATHS = [(["accepted", "served"], 55), (["declined"], 13), (["accepted", "no_show"], 9),
              (["accepted", "served", "closed"], 23)]
RECENT_PATHS = [*DONE_PATHS, (["accepted"], 14), ([], 8)]


def _pick(rng: random.Random, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def _has_history(desk: Desk, month_start: dt.datetime) -> bool:
    from infolavoro.intake.models import Consultation

    return Consultation.objects.filter(desk=desk, held_at__lt=month_start).exists()


def load(desk: Desk, today: dt.date | None = None) -> int:
    """Write the desk's past year; returns the appointments written (0 if the desk has its history already)."""
    from infolavoro.accounts.models import Role, RoleAssignment
    from infolavoro.booking import engine
    from infolavoro.booking.models import Booking, CalendarInterval, Reason, ServiceRating
    from infolavoro.booking.selectors import desk_calendar
    from infolavoro.booking.services import new_code
    from infolavoro.desks import hours
    from infolavoro.intake.models import Citizen, Consultation, JobPortal, PortalAssistance
    from infolavoro.network.models import Service, TaxonomyTerm
    from infolavoro.referrals.models import Referral, ReferralEvent

    tz = desk.tz
    now = timezone.now()
    today = today or timezone.localtime(now, tz).date()
    this_month = today.replace(day=1)
    start = dt.date(this_month.year - 1, this_month.month, 1)
    end = today - dt.timedelta(days=1)
    calendar = desk_calendar(desk)
    if calendar is None or _has_history(desk, dt.datetime.combine(this_month, dt.time.min, tzinfo=tz)):
        return 0
    rng = random.Random(f"history-{desk.slug}-{today}")
    reasons = {r.code: r for r in Reason.objects.filter(desk=desk)}
    reason_weights = [(code, w) for code, w in REASONS.items() if code in reasons] or [
        (code, 1) for code in reasons]
    portals = list(JobPortal.objects.filter(desk=desk, is_active=True).order_by("position"))
    needs = list(TaxonomyTerm.objects.filter(desk=desk, special_category=False).order_by("position"))
    services = list(Service.objects.filter(organization__desk=desk, organization__is_active=True, is_active=True)
                    .prefetch_related("taxonomy_terms").order_by("organization__name", "name"))
    staff = list(RoleAssignment.objects.filter(desk=desk, role=Role.DESK_OPERATOR).values_list("user_id", flat=True))
    if not reason_weights or not services:
        return 0

    intervals = [engine.Interval(*row) for row in CalendarInterval.objects.filter(calendar=calendar).values_list(
        "weekday", "opens_at", "closes_at", "capacity")]
    rules = engine.rules_of(calendar)
    rules = engine.Rules(rules.slot, rules.buffer, dt.timedelta(0), (end - start).days + 1)
    # Days the demo's own recent appointments use are left to them (a seat is booked once).
    busy = {b.astimezone(tz).date() for b in Booking.objects.filter(
        calendar=calendar, start__gte=dt.datetime.combine(start, dt.time.min, tzinfo=tz)).values_list(
        "start", flat=True)}
    slots = engine.slots_for(rules=rules, intervals=intervals, closed=hours.closure_days(desk.holiday_rule, [],
                                                                                         start, end),
                             exceptions=[], taken={}, tz=tz, start=start, end=end,
                             now=dt.datetime.combine(start, dt.time.min, tzinfo=tz), enforce_notice=False)
    slots = [s for s in slots if s.start.astimezone(tz).date() not in busy]
    seats_a_week = sum(i.capacity * len(_starts(i, rules)) for i in intervals) or 1
    weekly = WEEKLY.get(desk.slug, WEEKLY_OTHER)
    days = (end - start).days + 1

    people: list[Citizen] = []
    last_visit: dict[int, dt.datetime] = {}
    bookings: list[Booking] = []
    created: list[dt.datetime] = []
    for slot in slots:
        local = slot.start.astimezone(tz)
        progress = (local.date() - start).days / days  # the desk becomes known over the year
        chance = weekly / seats_a_week * SEASON[local.month] * (0.8 + 0.4 * progress)
        for seat in range(1, slot.capacity + 1):
            if rng.random() >= chance:
                continue
            status = _pick(rng, STATUSES)
            # a person's record is made when the desk receives them: not for who cancels or does not come
            person = _person(rng, people, last_visit, slot.start, desk) if status == "completed" else Citizen(
                first_name=rng.choice(FIRST_NAMES), last_name=rng.choice(LAST_NAMES))
            lead = dt.timedelta(hours=max(3.0, rng.expovariate(1 / 120)))
            reason = reasons[_pick(rng, reason_weights)]
            staff_made = bool(staff) and rng.random() < 0.35
            bookings.append(Booking(
                calendar=calendar, desk=desk, code=new_code(), start=slot.start, end=slot.end, seat=seat,
                reason=reason, first_name=person.first_name, last_name=person.last_name,
                privacy_consent_at=slot.start - lead, status=status,
                created_by_id=rng.choice(staff) if staff_made else None,
                cancelled_at=slot.start - lead / 2 if status.startswith("cancelled") else None))
            bookings[-1]._person = person
            created.append(slot.start - lead)
    # Walk-ins: about two a week, received between appointments.
    open_days = sorted({s.start.astimezone(tz).date() for s in slots})
    for day in open_days:
        if rng.random() < 0.4 * SEASON[day.month]:
            moment = rng.choice([s.start for s in slots if s.start.astimezone(tz).date() == day])
            person = _person(rng, people, last_visit, moment, desk)
            bookings.append(Booking(
                calendar=calendar, desk=desk, code=new_code(), start=moment + dt.timedelta(minutes=10),
                end=moment + dt.timedelta(minutes=40), seat=None, walk_in=True, reason=reasons[_pick(
                    rng, reason_weights)], first_name=person.first_name, last_name=person.last_name,
                privacy_consent_at=moment, status="completed", created_by_id=rng.choice(staff) if staff else None))
            bookings[-1]._person = person
            created.append(moment + dt.timedelta(minutes=10))

    with transaction.atomic():
        Citizen.objects.bulk_create(people, batch_size=1000)
        Booking.objects.bulk_create(bookings, batch_size=1000)
        for booking, at in zip(bookings, created, strict=True):
            booking.created_at = at
        Booking.objects.bulk_update(bookings, ["created_at"], batch_size=1000)
        held = [b for b in bookings if b.status == "completed"]
        consultations = [Consultation(
            desk=desk, citizen=b._person, held_at=b.start + dt.timedelta(minutes=2), reason=b.reason.label_it,
            booking=b, operator_id=rng.choice(staff) if staff else None) for b in held]
        Consultation.objects.bulk_create(consultations, batch_size=1000)
        through = Consultation.needs.through
        chosen_needs = {c.pk: rng.sample(needs, k=min(len(needs), rng.choice([1, 1, 2]))) for c in consultations}
        through.objects.bulk_create([through(consultation_id=pk, taxonomyterm_id=n.pk)
                                     for pk, chosen in chosen_needs.items() for n in chosen], batch_size=2000)
        assistance = []
        for c, b in zip(consultations, held, strict=True):
            if portals and rng.random() < (0.85 if b.reason.code == "portali" else 0.08):
                assistance.append(PortalAssistance(consultation=c, portal=_pick(rng, [
                    (p, w) for p, w in zip(portals, [45, 30, 10, 15], strict=False)]), completed=rng.random() < 0.8))
        PortalAssistance.objects.bulk_create(assistance, batch_size=1000)
        referrals, events = _referrals(rng, consultations, chosen_needs, services, now)
        Referral.objects.bulk_create(referrals, batch_size=1000)
        ReferralEvent.objects.bulk_create(events, batch_size=2000)
        referred = {r.citizen_id for r in referrals}
        for person in people:
            if person.pk in referred:
                person.sharing_consent, person.sharing_consent_changed_at = True, person.privacy_acknowledged_at
        Citizen.objects.bulk_update([p for p in people if p.pk in referred],
                                    ["sharing_consent", "sharing_consent_changed_at"], batch_size=1000)
        ServiceRating.objects.bulk_create([
            ServiceRating(desk=desk, calendar=calendar, score=_pick(rng, SCORES), token_digest=secrets.token_hex(32),
                          rated_at=min(b.start + dt.timedelta(hours=rng.uniform(2, 48)), now))
            for b in held if not b.walk_in and rng.random() < 0.3], batch_size=1000)
    return len(bookings)


def _starts(interval, rules) -> list[dt.time]:
    """The slot starts of a weekly interval (for its share of a week's seats)."""
    out, cursor = [], dt.datetime.combine(dt.date(2000, 1, 3), interval.opens_at)
    closes = dt.datetime.combine(dt.date(2000, 1, 3), interval.closes_at)
    while cursor + rules.slot <= closes:
        out.append(cursor.time())
        cursor += rules.slot + rules.buffer
    return out


def _person(rng: random.Random, people: list, last_visit: dict, when: dt.datetime, desk: Desk):
    """Someone already received (about two times in five, if their last visit is over a week old), or a new
    person with a profile drawn from plausible shares."""
    from infolavoro.intake.models import Citizen

    if people and rng.random() < 0.4:
        person = rng.choice(people[-150:])
        if last_visit[id(person)] < when - dt.timedelta(days=7):
            person.last_activity_at = last_visit[id(person)] = when
            return person
    person = Citizen(desk=desk, first_name=rng.choice(FIRST_NAMES), last_name=rng.choice(LAST_NAMES),
                     privacy_acknowledged_at=when, last_activity_at=when, age_band=_pick(rng, AGE),
                     employment_status=_pick(rng, EMPLOYMENT), education_level=_pick(rng, EDUCATION),
                     cpi_registered=_pick(rng, CPI))
    people.append(person)
    last_visit[id(person)] = when
    return person


def _referrals(rng, consultations, chosen_needs, services, now):
    """About a third of the consultations send the person to a member's service (one about their need when there
    is one), and the member answers within days, as the loop records it."""
    from infolavoro.referrals.models import Referral, ReferralEvent

    by_need: dict[int, list] = {}
    for service in services:
        for term in service.taxonomy_terms.all():
            by_need.setdefault(term.pk, []).append(service)
    referrals, events = [], []
    for c in consultations:
        if rng.random() >= 0.35:
            continue
        need = rng.choice(chosen_needs[c.pk]) if chosen_needs[c.pk] else None
        service = rng.choice(by_need.get(need.pk if need else -1) or services)
        sent = c.held_at + dt.timedelta(minutes=20)
        age = now - sent
        path = (_pick(rng, DONE_PATHS) if age > dt.timedelta(days=30) else _pick(rng, RECENT_PATHS)
                if age > dt.timedelta(days=10) else rng.choice([[], ["accepted"]]))
        referral = Referral(desk_id=c.desk_id, citizen=c.citizen, consultation=c, service=service,
                            organization_id=service.organization_id, need=need, state="sent", state_changed_at=sent,
                            created_at=sent, created_by_id=c.operator_id)
        events.append(ReferralEvent(referral=referral, from_state="", to_state="sent", at=sent, actor_id=c.operator_id))
        at, state = sent, "sent"
        for step in path:
            at = min(at + dt.timedelta(days=rng.uniform(0.5, 6 if step in ("accepted", "declined") else 20)), now)
            events.append(ReferralEvent(referral=referral, from_state=state, to_state=step, at=at))
            state = step
        referral.state, referral.state_changed_at = state, at
        if state == "declined":
            referral.decline_reason = rng.choice(DECLINED)
        if state in ("served", "closed"):
            referral.outcome = "Servizio erogato."
        referrals.append(referral)
    return referrals, events
