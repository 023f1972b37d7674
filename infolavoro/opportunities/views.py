"""The desk's opportunities page: job vacancies, current training opportunities and start-up projects across the
network."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from infolavoro.labour import selectors as labour_selectors
from infolavoro.labour.models import ContractType, WorkingTime
from infolavoro.network import public_cache
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


def network_section(desk: Any, wanted_topic: str) -> tuple[str, dict[str, Any]]:
    """The network's part of the page (courses, those still open for application first, optionally on one topic;
    start-up projects), rendered once per desk, topic and language and kept in the cache under the desk's public
    version (network.public_cache), renewed when the network changes: with 10,000 vacancies beside it, its four
    queries and its rendering were half of the page's time. Returns the HTML and, when it was rendered now, its
    context (else {})."""
    today = timezone.localdate()
    page = (wanted_topic, get_language())
    key = public_cache.key(desk)
    entry = cache.get(key)
    if not isinstance(entry, dict) or entry.get("today") != today.isoformat():
        entry = {"today": today.isoformat(), "pages": {}}
    if (html := entry["pages"].get(page)) is not None:
        return mark_safe(html), {}  # noqa: S308 (rendered by our template, escaped there)
    topics = list(network_selectors.topics(desk))
    topic = next((t for t in topics if t.code == wanted_topic), None)
    trainings, startups = network_selectors.desk_opportunities(desk, topic=topic, today=today)
    context = {"desk": desk, "trainings": trainings, "startups": startups, "topics": topics, "topic": topic}
    html = render_to_string("opportunities/includes/network.html", context)
    if len(entry["pages"]) >= public_cache.MAX_PAGES:
        entry["pages"] = {}
    entry["pages"][page] = str(html)
    cache.set(key, entry, public_cache.CACHE_SECONDS)
    return mark_safe(html), context  # noqa: S308


def index(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Courses still open for application first; `?tema=<code>` keeps those on one topic (an unknown code shows
    all of them, as links from old printouts may carry one). Vacancies with their own filters, 20 a page."""
    section, section_context = network_section(request.desk, request.GET.get("tema", "")[:100])
    filters = {k: request.GET.get(k, "")[:100].replace("\x00", "") for k in labour_selectors.BOARD_FILTERS
               if request.GET.get(k)}
    count, comuni = labour_selectors.board_stats(request.desk, filters)
    page = KnownCountPaginator(labour_selectors.board(request.desk, filters), 20, count=count).get_page(
        request.GET.get("pagina"))
    return render(request, "opportunities/index.html", {
        **section_context, "network_section": section,
        "vacancies": page, "job_filters": filters, "job_query": urlencode(filters),
        "isco_groups": ISCO_MAJOR_GROUPS, "contracts": ContractType.choices, "times": WorkingTime.choices,
        "comuni": comuni})
