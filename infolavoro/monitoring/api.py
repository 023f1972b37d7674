"""Open data: a desk's public monthly figures, suppressed like everything else, under the desk's licence."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from ninja import Router, Schema

from infolavoro.desks.selectors import desk_by_slug

from . import exports, selectors
from .indicators import Period
from .tables import grid

router = Router(tags=["open data"])

PUBLIC = ["access.appointments", "access.walk_ins", "access.channel", "access.days_to_first_free_slot",
          "people.served",
          "service.portal_registrations", "network.referrals_by_state", "network.acceptance_rate",
          "labour.vacancies", "labour.proposals", "labour.hires_by_sector", "labour.hires_by_occupation",
          "labour.days_to_first_proposal", "labour.days_to_hire", "satisfaction.ratings", "satisfaction.score"]


class RowOut(Schema):
    label: str
    values: list[int | float | str]


class IndicatorOut(Schema):
    code: str
    name_it: str
    name_en: str
    definition_it: str
    definition_en: str
    unit_it: str
    columns: list[str]
    rows: list[RowOut]


class OpenDataOut(Schema):
    desk: str
    comune: str
    licence: str
    year: int
    months: list[str]
    min_cell_size: int
    note: str
    indicators: list[IndicatorOut]


def _results(desk, year: int):
    today = timezone.localtime(timezone.now(), desk.tz).date()
    end = min(dt.date(year, 12, 31), today.replace(day=1) - dt.timedelta(days=1))
    if end < dt.date(year, 1, 1):
        return None, []
    period = Period(dt.date(year, 1, 1), end, "month")
    return period, [r for s in selectors.indicators([desk], period, PUBLIC) for r in s.results]


@router.get("/{slug}/open-data/monthly", response=OpenDataOut, url_name="open_data",
            summary="A desk's public monthly figures (open data)",
            description="Monthly figures of one desk for one year (completed months only), with the same cell "
                        "suppression as every page: a string «< N» marks fewer than N people, «ris.» a figure "
                        "hidden so that a small one cannot be worked out. `format=csv` gives the same as CSV. "
                        "Licence: the desk's open-data licence.")
def open_data(request: HttpRequest, slug: str, year: int | None = None,
              format: Literal["json", "csv"] = "json"):  # noqa: A002 - the query parameter's public name
    desk = desk_by_slug(slug)
    today = timezone.localdate()
    year = year if year and 2000 <= year <= today.year else today.year
    with translation.override("it"):
        period, results = _results(desk, year)
        if format == "csv":
            response = HttpResponse(exports.csv_bytes(results), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="infolavoro-{desk.slug}-{year}.csv"'
            response["X-License"] = desk.open_data_licence
            return response
        indicators = []
        for result in results:
            header, rows = grid(result)
            ind = result.indicator
            indicators.append({
                "code": ind.code, "name_it": ind.name_it, "name_en": ind.name_en, "definition_it": ind.definition_it,
                "definition_en": ind.definition_en, "unit_it": ind.unit_it, "columns": header[1:],
                "rows": [{"label": str(row[0]), "values": row[1:]} for row in rows]})
        return {"desk": desk.slug, "comune": desk.comune, "licence": desk.open_data_licence, "year": year,
                "months": period.columns and [c.strftime("%Y-%m") for c in period.columns] if period else [],
                "min_cell_size": selectors.threshold_for([desk]),
                "note": "Cifre aggregate; «< N»: meno di N persone; «ris.»: cifra nascosta per riservatezza.",
                "indicators": indicators}
