"""A Comune that is not its province's chief town has its own patron saint; the cell-size floor is 3."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from conftest import make_desk
from infolavoro.desks import hours, selectors


def test_province_code_alone_gives_the_chief_towns_patron():
    spezia = hours.public_holidays(hours.HolidayRule("SP"), dt.date(2026, 3, 19), dt.date(2026, 11, 30))
    assert dt.date(2026, 3, 19) in spezia
    assert dt.date(2026, 11, 30) not in spezia


def test_own_patron_replaces_the_provinces():
    rule = hours.HolidayRule("SP", 11, 30, "Sant'Andrea")
    sarzana = hours.public_holidays(rule, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert sarzana[dt.date(2026, 11, 30)] == "Sant'Andrea"
    assert dt.date(2026, 3, 19) not in sarzana  # San Giuseppe is La Spezia's, not Sarzana's
    assert dt.date(2026, 12, 25) in sarzana  # national holidays stay


def test_patron_on_a_leap_day_only_closes_in_leap_years():
    rule = hours.HolidayRule("", 2, 29, "Patrono bisestile")
    assert dt.date(2028, 2, 29) in hours.public_holidays(rule, dt.date(2028, 2, 1), dt.date(2028, 3, 1))
    assert hours.public_holidays(rule, dt.date(2027, 2, 1), dt.date(2027, 3, 1)) == {}


@pytest.mark.django_db
def test_desk_closed_days_follow_its_patron():
    desk = make_desk("sarzana", "Sarzana", patron_saint="Sant'Andrea",
                     patron_month=11, patron_day=30)
    closed = selectors.closed_days(desk, dt.date(2026, 3, 19), dt.date(2026, 11, 30))
    assert dt.date(2026, 11, 30) in closed
    assert closed[dt.date(2026, 11, 30)].is_public_holiday
    assert dt.date(2026, 3, 19) not in closed


@pytest.mark.django_db
def test_patron_date_must_exist_and_be_complete(desk):
    desk.patron_month, desk.patron_day = 4, 31
    with pytest.raises(ValidationError, match="non esiste"):
        desk.full_clean()
    desk.patron_month, desk.patron_day = 4, None
    with pytest.raises(ValidationError):
        desk.full_clean()


@pytest.mark.django_db
def test_min_cell_size_defaults_to_five_and_never_goes_below_three(desk):
    assert desk.min_cell_size == 5
    desk.min_cell_size = 2
    with pytest.raises(ValidationError):
        desk.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        desk.save(update_fields=["min_cell_size"])
