"""Booking API for the Comune's website: the desk with its topics, free slots, and booking.

Status codes: 201 booked; 400 body not JSON-parsable; 409 slot full, closed or past; 415 body not
`application/json`; 422 bad input with field errors (Italian messages), dates outside the bookable days
included; 429 rate-limited; 404 unknown desk.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited
from ninja import Field, Query, Router, Schema, Status

from infolavoro.api.schemas import ErrorOut, FieldErrorsOut, InputSchema, model_field
from infolavoro.desks import selectors as desk_selectors

from . import dates, engine, selectors, services
from .models import Booking, Reason

router = Router(tags=["booking"])
MAX_RANGE_DAYS = 62
BOOK_RATE = "10/h"


class ReasonOut(Schema):
    code: str
    label: str


class IntervalOut(Schema):
    weekday: int = Field(..., description="0 = Monday")
    opens_at: str
    closes_at: str


class DeskOut(Schema):
    slug: str
    name: str
    comune: str
    address: str
    postal_code: str
    office: str
    phone: str
    email: str
    timezone: str
    opening_hours: list[IntervalOut]
    reasons: list[ReasonOut]
    booking_horizon_days: int | None
    slot_minutes: int | None


class SlotOut(Schema):
    start: dt.datetime
    end: dt.datetime
    capacity: int
    available: int


class SlotQuery(InputSchema):
    start: dt.date
    end: dt.date


class BookingIn(InputSchema):
    start: dt.datetime
    reason: str = model_field(Reason, "code", description="A topic's code, from the desk's `reasons`")
    details: str = model_field(Booking, "details", "")
    first_name: str = model_field(Booking, "first_name")
    last_name: str = model_field(Booking, "last_name")
    email: str = model_field(Booking, "email")
    phone: str = model_field(Booking, "phone", "")
    privacy_consent: bool


class BookingOut(Schema):
    code: str
    start: dt.datetime
    end: dt.datetime
    place: str


@router.get("/{slug}", response={200: DeskOut, 404: ErrorOut}, summary="A desk, its hours and booking topics")
def desk_detail(request: HttpRequest, slug: str):
    desk = desk_selectors.desk_by_slug(slug)
    calendar = selectors.desk_calendar(desk)
    weekly = sorted(desk_selectors.weekly_intervals(desk), key=lambda w: (w.weekday, w.opens_at))
    return {
        "slug": desk.slug, "name": desk.name, "comune": desk.comune, "address": desk.address,
        "postal_code": desk.postal_code, "office": desk.office, "phone": desk.phone, "email": desk.email,
        "timezone": desk.timezone,
        "opening_hours": [{"weekday": w.weekday, "opens_at": w.opens_at.strftime("%H:%M"),
                           "closes_at": w.closes_at.strftime("%H:%M")}
                          for w in weekly],
        "reasons": [{"code": r.code, "label": r.label} for r in selectors.reasons(desk)],  # label: falls back to it
        "booking_horizon_days": calendar.horizon_days if calendar else None,
        "slot_minutes": calendar.slot_minutes if calendar else None,
    }


def _outside(allowed: dates.DateRange) -> str:
    return (f"Si possono chiedere le date dal {allowed.first.strftime('%d/%m/%Y')} "
            f"al {allowed.last.strftime('%d/%m/%Y')}.")


@router.get("/{slug}/slots", response={200: list[SlotOut], 404: ErrorOut, 422: FieldErrorsOut},
            summary="Free slots between two dates (inclusive), with UTC offsets")
def slots(request: HttpRequest, slug: str, query: Query[SlotQuery]):
    desk = desk_selectors.desk_by_slug(slug)
    if query.end < query.start or (query.end - query.start).days > MAX_RANGE_DAYS:
        return Status(422, {"detail": "Intervallo di date non valido.", "errors": {
            "end": [f"La data finale deve seguire l'iniziale, entro {MAX_RANGE_DAYS} giorni."]}})
    calendar = selectors.desk_calendar(desk)
    if calendar is None:
        return []
    # Only the bookable days are looked at: a range partly in the past or past the horizon gives what is
    # within it; one wholly outside (year 1, year 9999) gives none.
    allowed = dates.askable(calendar)
    start, end = max(query.start, allowed.first), min(query.end, allowed.last)
    if start > end:
        return []
    return [{"start": s.start, "end": s.end, "capacity": s.capacity, "available": s.available}
            for s in engine.free_slots(calendar, start, end)]


@router.post("/{slug}/bookings", response={201: BookingOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut,
                                           415: ErrorOut, 422: FieldErrorsOut, 429: ErrorOut},
             summary="Book a slot: confirmed at once, e-mail with the code and the manage link")
def create_booking(request: HttpRequest, slug: str, payload: BookingIn):
    desk = desk_selectors.desk_by_slug(slug)
    if is_ratelimited(request, group="booking.api", key="ip", rate=BOOK_RATE, method="POST", increment=True):
        return Status(429, {"detail": "Troppe prenotazioni da questo indirizzo: riprova più tardi."})
    calendar = selectors.desk_calendar(desk)
    if calendar is None:
        return Status(409, {"detail": "Lo sportello non accetta prenotazioni online."})
    if payload.start.tzinfo is None:
        return Status(422, {"detail": "Dati non validi.",
                            "errors": {"start": ["Indica l'orario con il fuso (es. +01:00)."]}})
    allowed = dates.askable(calendar)
    if dates.parse_instant(payload.start.isoformat(), allowed, desk.tz) is None:
        return Status(422, {"detail": "Dati non validi.", "errors": {"start": [_outside(allowed)]}})
    try:
        booking = services.book(
            calendar, start=payload.start, reason_code=payload.reason, details=payload.details,
            first_name=payload.first_name, last_name=payload.last_name, email=payload.email, phone=payload.phone,
            privacy_consent=payload.privacy_consent,
        )
    except ValidationError as error:
        errors = error.message_dict
        return Status(422, {"detail": "Dati non validi.", "errors": errors})
    except services.SlotUnavailable as error:
        return Status(409, {"detail": str(error)})
    return Status(201, {"code": booking.code, "start": booking.start.astimezone(desk.tz),
                        "end": booking.end.astimezone(desk.tz), "place": services.place_of(calendar)})
