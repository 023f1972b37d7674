"""Purpose-built populations for the monitoring's tests and bench: rows written in bulk, straight to the tables
(the services' rules are tested in their own apps; here only the figures matter)."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Iterable

from django.utils import timezone

_codes = itertools.count(1)


def _code() -> str:
    return f"T{next(_codes):07d}-{uuid.uuid4().hex[:2]}"[:12]


def desk_calendar(desk):
    from infolavoro.booking.models import Calendar, Reason

    calendar = Calendar.objects.filter(desk=desk, service__isnull=True).first() or Calendar.objects.create(
        desk=desk, name=str(desk))
    reason = Reason.objects.filter(desk=desk).first() or Reason.objects.create(desk=desk, code="orientamento",
                                                                               label="Orientamento")
    return calendar, reason


def bookings(desk, starts: Iterable[dt.datetime], *, status: str = "completed", walk_in: bool = False,
             created_by=None, lead: dt.timedelta = dt.timedelta(days=3), seat_from: int = 1) -> int:
    from infolavoro.booking.models import Booking

    calendar, reason = desk_calendar(desk)
    seats: dict[dt.datetime, int] = {}
    rows = []
    for start in starts:
        seats[start] = seats.get(start, seat_from - 1) + 1  # one seat each at the same time
        rows.append(Booking(calendar=calendar, desk=desk, code=_code(), start=start,
                            end=start + dt.timedelta(minutes=30), seat=None if walk_in else seats[start],
                            reason=reason, first_name="X", last_name="Y", status=status, walk_in=walk_in,
                            created_by=created_by))
    Booking.objects.bulk_create(rows, batch_size=2000)
    # created_at is auto_now_add: set it afterwards, `lead` before the appointment.
    Booking.objects.filter(pk__in=[b.pk for b in rows]).update(created_at=_minus("start", lead))
    return len(rows)


def _minus(field: str, delta: dt.timedelta):
    from django.db.models import DateTimeField, ExpressionWrapper, F

    return ExpressionWrapper(F(field) - delta, output_field=DateTimeField())


def citizens(desk, count: int, **profile) -> list:
    from infolavoro.intake.models import Citizen

    now = timezone.now()
    rows = [Citizen(desk=desk, first_name="Anna", last_name=f"Prova{i}", privacy_acknowledged_at=now,
                    last_activity_at=now, **profile) for i in range(count)]
    return Citizen.objects.bulk_create(rows, batch_size=2000)


def consultations(people, held_at: dt.datetime | Iterable[dt.datetime], reason: str = "Orientamento",
                  needs=()) -> list:
    from infolavoro.intake.models import Consultation

    times = itertools.repeat(held_at) if isinstance(held_at, dt.datetime) else iter(held_at)
    rows = Consultation.objects.bulk_create(
        [Consultation(desk_id=p.desk_id, citizen=p, held_at=next(times), reason=reason) for p in people],
        batch_size=2000)
    if needs:
        through = Consultation.needs.through
        through.objects.bulk_create([through(consultation_id=c.pk, taxonomyterm_id=n.pk) for c in rows
                                     for n in needs], batch_size=2000)
    return rows


def referrals(people, service, created_at: dt.datetime | Iterable[dt.datetime], state: str = "sent",
              decline_reason: str = "", need=None) -> list:
    from infolavoro.referrals.models import Referral

    times = itertools.repeat(created_at) if isinstance(created_at, dt.datetime) else iter(created_at)
    rows = []
    for person in people:
        at = next(times)
        rows.append(Referral(desk_id=person.desk_id, citizen=person, service=service,
                             organization_id=service.organization_id, need=need, state=state, state_changed_at=at,
                             created_at=at, decline_reason=decline_reason))
    return Referral.objects.bulk_create(rows, batch_size=2000)


def answers(referral_rows, to_state: str, after: dt.timedelta) -> None:
    from infolavoro.referrals.models import ReferralEvent

    ReferralEvent.objects.bulk_create([ReferralEvent(referral=r, from_state="sent", to_state=to_state,
                                                     at=r.created_at + after) for r in referral_rows],
                                      batch_size=2000)


def ratings(desk, scores: Iterable[int], at: dt.datetime) -> None:
    from infolavoro.booking.models import ServiceRating

    ServiceRating.objects.bulk_create([ServiceRating(desk=desk, score=s, rated_at=at,
                                                     token_digest=uuid.uuid4().hex) for s in scores])
