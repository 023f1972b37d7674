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


def vacancies(desk, count: int, published_at: dt.datetime, *, ateco: str = "56.10", isco: str = "5120",
              expires_in: dt.timedelta = dt.timedelta(days=60)) -> list:
    """Published vacancies of one employer, each with its «published» event."""
    from infolavoro.labour.models import Employer, Occupation, Vacancy, VacancyEvent

    occupation, _created = Occupation.objects.get_or_create(
        uri=f"http://data.europa.eu/esco/occupation/test-{isco}", defaults={"isco_code": isco,
                                                                            "preferred_label": f"Prova {isco}"})
    employer = Employer.objects.create(desk=desk, name=f"Datore {ateco}", tax_code=f"T{next(_codes):010d}",
                                       ateco_code=ateco, comune="La Spezia", contact_name="R",
                                       contact_email="r@example.org",
                                       privacy_acknowledged_at=published_at, status="approved")
    rows = Vacancy.objects.bulk_create([
        Vacancy(desk=desk, employer=employer, title="Offerta", occupation=occupation, isco_code=isco,
                description="x", contract_type="determinato", comune="La Spezia", how_to_apply="x",
                published_on=published_at.date(), expires_on=(published_at + expires_in).date(), state="published",
                state_changed_at=published_at, created_at=published_at) for _ in range(count)])
    VacancyEvent.objects.bulk_create([VacancyEvent(vacancy=v, from_state="in_review", to_state="published",
                                                   at=published_at) for v in rows])
    return rows


def vacancy_closed(rows, to_state: str, at: dt.datetime) -> None:
    from infolavoro.labour.models import Vacancy, VacancyEvent

    Vacancy.objects.filter(pk__in=[v.pk for v in rows]).update(state=to_state, state_changed_at=at)
    VacancyEvent.objects.bulk_create([VacancyEvent(vacancy=v, from_state="published", to_state=to_state, at=at)
                                      for v in rows])


def proposals(vacancy, people, created_at: dt.datetime, outcome: str = "", outcome_at: dt.datetime | None = None
              ) -> list:
    """One proposal per person for the vacancy, with its «proposed» event and, if given, its outcome."""
    from infolavoro.labour.models import Proposal, ProposalEvent

    rows = Proposal.objects.bulk_create([
        Proposal(desk_id=vacancy.desk_id, vacancy=vacancy, employer_id=vacancy.employer_id, citizen=p,
                 candidate_agreed_at=created_at, state=outcome or "proposed",
                 state_changed_at=outcome_at or created_at, created_at=created_at) for p in people])
    events = [ProposalEvent(proposal=p, from_state="", to_state="proposed", at=created_at) for p in rows]
    if outcome == "hired":  # through an interview, as the transitions require
        events += [ProposalEvent(proposal=p, from_state="proposed", to_state="interview", at=outcome_at)
                   for p in rows]
    if outcome:
        events += [ProposalEvent(proposal=p, from_state="interview" if outcome == "hired" else "proposed",
                                 to_state=outcome, at=outcome_at) for p in rows]
    ProposalEvent.objects.bulk_create(events)
    return rows
