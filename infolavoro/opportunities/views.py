"""The desk's opportunities page: job vacancies, current training opportunities and start-up projects across the
network."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from infolavoro.labour import selectors as labour_selectors
from infolavoro.labour.models import ContractType, WorkingTime
from infolavoro.network import selectors as network_selectors

ISCO_MAJOR_GROUPS = [
    ("1", _("Dirigenti")), ("2", _("Professioni intellettuali e scientifiche")), ("3", _("Professioni tecniche")),
    ("4", _("Impiegati")), ("5", _("Commercio, turismo e servizi alla persona")), ("6", _("Agricoltura e pesca")),
    ("7", _("Artigiani e operai specializzati")), ("8", _("Conduttori di impianti e macchine, autisti")),
    ("9", _("Professioni non qualificate")),
]


class KnownCountPaginator(Paginator):
    """Pages of a query whose count is already known (cached), so paging reads only the page's rows."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.known_count = count

    @property
    def count(self) -> int:
        return self.known_count


def index(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Courses still open for application first; `?tema=<code>` keeps those on one topic (an unknown code shows
    all of them, as links from old printouts may carry one). Vacancies with their own filters, 20 a page."""
    topics = list(network_selectors.topics(request.desk))
    topic = next((t for t in topics if t.code == request.GET.get("tema")), None)
    trainings, startups = network_selectors.desk_opportunities(request.desk, topic=topic)
    filters = {k: request.GET.get(k, "")[:100].replace("\x00", "") for k in labour_selectors.BOARD_FILTERS
               if request.GET.get(k)}
    count, comuni = labour_selectors.board_stats(request.desk, filters)
    page = KnownCountPaginator(labour_selectors.board(request.desk, filters), 20, count=count).get_page(
        request.GET.get("pagina"))
    return render(request, "opportunities/index.html", {
        "trainings": trainings, "startups": startups, "topics": topics, "topic": topic,
        "vacancies": page, "job_filters": filters, "job_query": urlencode(filters),
        "isco_groups": ISCO_MAJOR_GROUPS, "contracts": ContractType.choices, "times": WorkingTime.choices,
        "comuni": comuni})
