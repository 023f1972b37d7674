"""Fixtures shared by every app's tests: a desk with the seed's hours, a second desk, and one user per role."""

from __future__ import annotations

import datetime as dt

import pytest

from infolavoro.accounts.models import Role, RoleAssignment, User
from infolavoro.desks.models import Desk, OpeningInterval
from infolavoro.network.models import Organization, OrganizationKind

PASSWORD = "a-Long-test-password-2026"


def make_desk(slug: str = "la-spezia", comune: str = "La Spezia", **extra) -> Desk:
    desk = Desk.objects.create(
        slug=slug, name="InfoLavoro", comune=comune, address="Piazza Europa 1", postal_code="19124",
        office="Piano terra", phone="0187 727248", email="infolavoro@comune.sp.it", holiday_subdivision="SP",
        **extra,
    )
    hours = [(1, "08:30", "12:00"), (1, "14:30", "17:30"), (2, "08:30", "12:00"), (3, "08:30", "12:00"),
             (4, "08:30", "12:00")]
    OpeningInterval.objects.bulk_create(
        OpeningInterval(desk=desk, weekday=d, opens_at=dt.time.fromisoformat(o), closes_at=dt.time.fromisoformat(c))
        for d, o, c in hours
    )
    return desk


def make_user(email: str, role: str | None = None, desk: Desk | None = None, organization=None) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD)
    if role:
        RoleAssignment.objects.create(user=user, role=role, desk=desk, organization=organization)
    return user


@pytest.fixture
def desk(db) -> Desk:
    return make_desk()


@pytest.fixture
def other_desk(db) -> Desk:
    return make_desk(slug="sarzana", comune="Sarzana")


@pytest.fixture
def organization(desk) -> Organization:
    return Organization.objects.create(desk=desk, name="Ente Formazione Golfo", slug="ente-formazione-golfo",
                                       kind=OrganizationKind.TRAINING_BODY)


@pytest.fixture
def other_organization(desk) -> Organization:
    return Organization.objects.create(desk=desk, name="Associazione Il Ponte", slug="il-ponte",
                                       kind=OrganizationKind.ASSOCIATION)


@pytest.fixture
def operator(desk) -> User:
    return make_user("operatore@example.org", Role.DESK_OPERATOR, desk)


@pytest.fixture
def desk_admin(desk) -> User:
    return make_user("admin@example.org", Role.DESK_ADMIN, desk)


@pytest.fixture
def member_editor(desk, organization) -> User:
    return make_user("redazione@example.org", Role.MEMBER_EDITOR, desk, organization)


@pytest.fixture
def monitoring_viewer(desk) -> User:
    return make_user("regione@example.org", Role.MONITORING_VIEWER, desk)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashing costs ~0.3 s a user; tests do not need its strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _local_cache(request, settings):
    """Each test a fresh local-memory cache (query counts stay those of the code, not of the cache table);
    tests of the shared cache itself are marked `shared_cache` and keep the configured one."""
    if request.node.get_closest_marker("shared_cache") is None:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                       "LOCATION": request.node.nodeid}}
