"""What a monitoring viewer or desk administrator may see: the desks in their scope and the indicators for them.
Only aggregates leave this module; every count has been through `suppression.suppress`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from infolavoro.accounts.permissions import desk_ids_for
from infolavoro.desks.models import Desk
from infolavoro.desks.selectors import active_desks

from .indicators import REGISTRY, THEMES, Period, Result, compute, desk_zone
from .suppression import DEFAULT_THRESHOLD, effective_threshold

# The desks' comparison: one figure per desk for each of these.
COMPARED = ("access.appointments", "access.walk_ins", "people.served", "service.consultations_by_reason",
            "network.referrals_by_member", "satisfaction.ratings")


def visible_desks(user: Any) -> list[Desk]:
    ids = desk_ids_for(user, "monitoring.view")
    qs = active_desks() if ids is None else active_desks().filter(pk__in=ids)
    return list(qs.order_by("comune", "name"))


def threshold_for(desks: list[Desk]) -> int:
    """The strictest minimum cell size of the desks shown together: the desk's one setting, `Desk.min_cell_size`."""
    return max((effective_threshold(d.min_cell_size) for d in desks), default=DEFAULT_THRESHOLD)


@dataclass
class Section:
    theme: str
    title: str
    results: list[Result]


@dataclass
class Comparison:
    desks: list[Desk]
    results: list[Result]  # one row per desk


def indicators(desks: list[Desk], period: Period, codes: list[str] | None = None, *,
               cache: dict | None = None) -> list[Section]:
    """`cache`: what one request has read (the coverage, the stored figures of every indicator in one query per
    grain, the grouped rows), shared with `comparison` by passing the same dict."""
    threshold, tz, ids = threshold_for(desks), desk_zone(desks), [d.pk for d in desks]
    cache = cache if cache is not None else {}
    cache.setdefault("codes", [c for c in REGISTRY if codes is None or c in codes])  # stored figures at once
    sections = []
    for theme, title in THEMES.items():
        results = [compute(ind, ids, period, tz, threshold, cache=cache) for ind in REGISTRY.values()
                   if ind.theme == theme and (codes is None or ind.code in codes)]
        if results:
            sections.append(Section(theme, str(title), results))
    return sections


def comparison(desks: list[Desk], period: Period, codes: list[str] | None = None, *,
               cache: dict | None = None) -> Comparison:
    threshold, tz, ids = threshold_for(desks), desk_zone(desks), [d.pk for d in desks]
    labels = {d.pk: f"{d.comune} – {d.name}" for d in desks}
    cache = cache if cache is not None else {}
    cache.setdefault("codes", [c for c in COMPARED if codes is None or c in codes])
    return Comparison(desks, [compute(REGISTRY[code], ids, period, tz, threshold, desk_labels=labels, cache=cache)
                              for code in COMPARED if codes is None or code in codes])


def default_period(today: dt.date) -> Period:
    """The last twelve complete months."""
    end = today.replace(day=1) - dt.timedelta(days=1)
    start = dt.date(end.year - 1, end.month, 1) + dt.timedelta(days=32)
    return Period(start.replace(day=1), end, "month")
