"""Booking fixtures: the La Spezia desk calendar as the article describes it, and a member's calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from infolavoro.booking.models import Calendar, CalendarInterval, Reason
from infolavoro.network.models import Service

ROME = dt.timezone(dt.timedelta(hours=1))  # only for building instants in tests; the engine uses ZoneInfo


def make_calendar(desk, service=None, intervals=((1, "08:30", "12:00", 1), (2, "08:30", "12:00", 1),
                                                 (3, "08:30", "12:00", 1), (4, "08:30", "12:00", 1),
                                                 (1, "14:30", "17:30", 1)), **extra) -> Calendar:
    calendar = Calendar.objects.create(desk=desk, service=service, name=str(service or desk), **extra)
    CalendarInterval.objects.bulk_create(
        CalendarInterval(calendar=calendar, weekday=d, opens_at=dt.time.fromisoformat(o),
                         closes_at=dt.time.fromisoformat(c), capacity=n)
        for d, o, c, n in intervals
    )
    return calendar


@pytest.fixture
def reasons(desk):
    for position, code in enumerate(["orientamento", "portali", "cv", "formazione", "rete", "altro"]):
        Reason.objects.create(desk=desk, code=code, label=code.capitalize(), position=position)
    return Reason.objects.filter(desk=desk)


@pytest.fixture
def calendar(desk, reasons) -> Calendar:
    return make_calendar(desk)


@pytest.fixture
def service(organization):
    return Service.objects.create(organization=organization, name="Orientamento al lavoro", slug="orientamento",
                                  description="Colloqui di orientamento.")


@pytest.fixture
def member_calendar(desk, service, reasons) -> Calendar:
    return make_calendar(desk, service=service, intervals=((0, "09:00", "12:00", 1),), slot_minutes=60)


def citizen(**extra):
    data = {"reason_code": "orientamento", "first_name": "Maria", "last_name": "Rossi",
            "email": "maria.rossi@example.org", "phone": "333 123 4567", "privacy_consent": True}
    data.update(extra)
    return data
