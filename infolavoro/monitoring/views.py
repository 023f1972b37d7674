"""The monitoring dashboard and its exports: thin views over `selectors`."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.gzip import gzip_page

from . import charts, exports, selectors
from .forms import PeriodForm
from .indicators import REGISTRY, Period


def _form(request, desks):
    data = request.GET.copy()
    if "start" not in data and "end" not in data:
        default = selectors.default_period(timezone.localdate())
        data.update({"start": default.start.isoformat(), "end": default.end.isoformat(), "grain": default.grain})
    data.setdefault("grain", "month")
    return PeriodForm(data, desks=desks)


def _desks(request):
    desks = selectors.visible_desks(request.user)
    if not desks:
        raise Http404
    return desks


@login_required
def dashboard(request):
    desks = _desks(request)
    form = _form(request, desks)
    context = {"form": form, "desks": desks}
    if form.is_valid():
        chosen, period = form.chosen_desks(), form.period()
        cache: dict = {}  # one request's reads, shared by the figures and the desks' comparison
        sections = selectors.indicators(chosen, period, cache=cache)
        query = request.GET.urlencode()
        # The charts are images the browser fetches apart (drawing one costs tens of milliseconds): the page
        # carries the figures, the tables and each chart's text alternative.
        for section in sections:
            for result in section.results:
                if result.indicator.code in CHARTED:
                    result.chart_url = reverse("monitoring:chart", args=[result.indicator.code]) + "?" + query
                    result.alt = charts.describe(result)
        comparison = selectors.comparison(chosen, period, cache=cache) if len(chosen) > 1 else None
        if comparison:
            for result in comparison.results:
                result.chart_url = (reverse("monitoring:chart", args=[result.indicator.code]) + "?" + query
                                    + "&confronto=1")
                result.alt = charts.describe(result)
        context.update(chosen=chosen, period=period, sections=sections, comparison=comparison,
                       query=query,
                       headlines=[r for s in sections for r in s.results if r.indicator.code in HEADLINES])
    return render(request, "monitoring/dashboard.html", context)


# Charts for the trends and breakdowns worth a picture; every other indicator is a table (drawing costs ~50 ms).
CHARTED = ("access.appointments", "access.channel", "access.lead_days", "access.days_to_first_free_slot",
           "people.served", "people.new_returning",
           "people.age_band", "people.employment", "service.consultations_by_need", "network.referrals_by_member",
           "network.acceptance_rate", "labour.vacancies", "labour.proposals", "labour.hires_by_sector",
           "labour.hires_by_occupation", "labour.days_to_hire", "satisfaction.ratings", "satisfaction.score")
HEADLINES = ("access.appointments", "people.served", "service.consultations_by_reason",
             "network.referrals_by_member", "network.acceptance_rate", "satisfaction.score")


@login_required
@gzip_page  # its text is drawn as shapes (a fifth of the size once compressed); it holds no secret to guess
def chart(request, code: str):
    """One indicator's chart as an SVG image, drawn from the same published figures as the page's table."""
    desks = _desks(request)
    form = _form(request, desks)
    compared = bool(request.GET.get("confronto"))
    if code not in (selectors.COMPARED if compared else CHARTED) or not form.is_valid():
        raise Http404
    chosen, period = form.chosen_desks(), form.period()
    if compared:
        found = list(selectors.comparison(chosen, period, [code]).results)
        uid = "cmp-" + code.replace(".", "-")
    else:
        found = [r for s in selectors.indicators(chosen, period, [code]) for r in s.results]
        uid = code.replace(".", "-")
    if not found:
        raise Http404
    svg = charts.chart(found[0], uid)
    svg = svg.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ', 1) if "xmlns=" not in svg else svg
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "private, max-age=600"
    return response


@login_required
def export(request, code: str, fmt: str):
    desks = _desks(request)
    form = _form(request, desks)
    if not form.is_valid():
        return render(request, "monitoring/dashboard.html", {"form": form, "desks": desks}, status=400)
    chosen, period = form.chosen_desks(), form.period()
    if code == "confronto":
        results = selectors.comparison(chosen, period).results
    elif code == "tutto":
        results = [r for s in selectors.indicators(chosen, period) for r in s.results]
    elif code in REGISTRY:
        results = [r for s in selectors.indicators(chosen, period, [code]) for r in s.results]
    else:
        raise Http404
    name = f"infolavoro-{slugify(code)}-{period.first:%Y%m%d}-{period.end:%Y%m%d}"
    if fmt == "csv":
        response = HttpResponse(exports.csv_bytes(results), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(exports.xlsx_bytes(results), content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
def monthly_report(request, desk_slug: str, year: int, month: int):
    desks = _desks(request)
    desk = next((d for d in desks if d.slug == desk_slug), None)
    if desk is None or not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise Http404
    from .services import report_context

    pdf = exports.pdf_bytes(report_context(desk, year, month))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="infolavoro-{desk.slug}-{year}-{month:02d}.pdf"'
    return response


def month_period(year: int, month: int) -> Period:
    first = dt.date(year, month, 1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return Period(first, last, "month")
