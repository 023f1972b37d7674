"""Candidates for a vacancy: the people in reach of its workplace, read by key on PostgreSQL
(`citizen_id = ANY(ARRAY(...))`) and through the join on SQLite; the same people on both."""

from __future__ import annotations

import pytest

from infolavoro.intake.tests.conftest import make_citizen
from infolavoro.labour import selectors, services
from infolavoro.labour.tests.conftest import publish

pytestmark = pytest.mark.django_db


def person(desk, operator, name, occupation, skills, *, consent=True, **data):
    citizen = make_citizen(desk, operator, first_name=name, email=f"{name.lower()}@example.org")
    services.save_profile(citizen, {"licences": ["B", "muletto"], **data}, operator, occupations={occupation: 12},
                          skills=skills, consent=consent)
    return citizen.pk


def test_people_in_reach_of_the_workplace_by_home_or_mobility(desk, other_desk, operator, employer, taxonomy):
    from conftest import make_user
    from infolavoro.accounts.models import Role

    forklift, care = taxonomy["carrellista"], taxonomy["assistente"]
    vacancy = publish(employer, operator, forklift, comune="Sarzana")
    lives_there = person(desk, operator, "Anna", forklift, [], home_comune="sarzana")
    reaches_it = person(desk, operator, "Bruno", forklift, [], home_comune="Lerici",
                        mobility_comuni="La Spezia\nSarzana")
    too_far = person(desk, operator, "Carla", forklift, [], home_comune="Levanto", mobility_comuni="Levanto")
    person(desk, operator, "Dario", forklift, [], consent=False, home_comune="Sarzana")
    person(desk, operator, "Elena", care, [], home_comune="Sarzana")  # another occupation, unrelated
    other_operator = make_user("op2@example.org", Role.DESK_OPERATOR, other_desk)
    person(other_desk, other_operator, "Franco", forklift, [], home_comune="Sarzana")  # another desk

    assert sorted(selectors._people_in_reach(vacancy, {forklift.pk})) == sorted([lives_there, reaches_it])
    assert selectors._people_in_reach(vacancy, {care.pk, forklift.pk}) != []
    assert selectors._people_in_reach(vacancy, set()) == []
    # The ranking: in reach first (the place criterion), the one too far still proposed (same occupation).
    ranked = [(p.citizen_id, m) for p, m in selectors.ranked_candidates(vacancy)]
    assert {pk for pk, _m in ranked} == {lives_there, reaches_it, too_far}
    assert ranked[-1][0] == too_far
    assert "luogo di lavoro fuori dai Comuni indicati" in ranked[-1][1].missed


def test_people_in_reach_are_capped(desk, operator, employer, taxonomy, monkeypatch):
    forklift = taxonomy["carrellista"]
    vacancy = publish(employer, operator, forklift, comune="Sarzana")
    for n in range(4):
        person(desk, operator, f"Persona{n}", forklift, [], home_comune="Sarzana")
    monkeypatch.setattr(selectors, "PEOPLE_CLOSE_IN_REACH", 3)
    assert len(selectors._people_in_reach(vacancy, {forklift.pk})) == 3
