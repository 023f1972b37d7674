"""Public pages of the network: the directory with search and filters, a page per member and per service,
and the "what do you need?" entry points by topic."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from infolavoro.desks.public_cache import cached_page

from . import selectors
from .forms import DirectorySearchForm
from .models import Organization

PER_PAGE = 12


@cached_page(("q", "tipo", "tema", "pagina"))
def index(request: HttpRequest, desk_slug: str) -> HttpResponse:
    desk = request.desk
    topics = list(selectors.topics(desk))
    form = DirectorySearchForm(request.GET or None, topics=topics)
    text = kind = ""
    topic = None
    if form.is_valid():
        text, kind = form.cleaned_data["q"].strip(), form.cleaned_data["tipo"]
        topic = next((t for t in topics if t.code == form.cleaned_data["tema"]), None)
    hits = selectors.directory(desk, text=text, kind=kind, topic=topic)
    page = Paginator(hits, PER_PAGE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "network/index.html", {
        "form": form, "page": page, "hits": page.object_list, "count": hits.total,
        "searching": bool(text or kind or topic), "result": hits.result, "topics": topics,
        "query": query.urlencode(), "topic": topic, "text": text,
    })


@cached_page()
def organization(request: HttpRequest, desk_slug: str, slug: str) -> HttpResponse:
    org = selectors.public_organization(request.desk, slug)
    return render(request, "network/organization.html", {
        "organization": org, "stale": selectors.is_stale(org, request.desk),
    })


LOGO_CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"}


def logo(request: HttpRequest, desk_slug: str, slug: str) -> HttpResponse:
    """An active member's logo, from the media storage shared by all workers. Stored files are named by their
    verified type (network.services.check_logo), so the type sent is the type checked. The URL carries the file's
    name (?v=), so it can be cached for long."""
    org = get_object_or_404(Organization.objects.filter(desk=request.desk, is_active=True).exclude(logo=""),
                            slug=slug)
    content_type = LOGO_CONTENT_TYPES.get(org.logo.name.rsplit(".", 1)[-1].lower())
    if content_type is None:
        raise Http404
    try:
        handle = org.logo.storage.open(org.logo.name, "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


@cached_page()
def service(request: HttpRequest, desk_slug: str, organization_slug: str, slug: str) -> HttpResponse:
    svc = selectors.public_service(request.desk, organization_slug, slug)
    return render(request, "network/service.html", {
        "service": svc, "organization": svc.organization,
        "stale": selectors.is_stale(svc.organization, request.desk),
    })


@cached_page()
def topics(request: HttpRequest, desk_slug: str) -> HttpResponse:
    return render(request, "network/topics.html", {"topics": selectors.topics(request.desk)})


@cached_page()
def topic(request: HttpRequest, desk_slug: str, code: str) -> HttpResponse:
    term = next((t for t in selectors.topics(request.desk) if t.code == code), None)
    if term is None:
        raise Http404
    return render(request, "network/topic.html", {
        "topic": term, "hits": selectors.directory(request.desk, topic=term),
    })


BROCHURE_RETRY_SECONDS = 30


def brochure(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """The printable brochure: the last one built in the background, never rendered here (network.brochure)."""
    from .brochure import latest

    path = latest(request.desk)
    try:
        handle = path.open("rb") if path else None
    except FileNotFoundError:
        handle = None
    if handle is None:  # none built yet: it is being prepared
        response = render(request, "network/brochure_pending.html", {"retry": BROCHURE_RETRY_SECONDS}, status=503)
        response["Retry-After"] = str(BROCHURE_RETRY_SECONDS)
        return response
    response = FileResponse(handle, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="rete-per-il-lavoro-{request.desk.slug}.pdf"'
    response["Cache-Control"] = "no-cache"
    return response


def open_data(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """The directory as HSDS tabular open data (ZIP of CSV files with datapackage.json and the licence)."""
    from .tabular import zip_bytes

    response = HttpResponse(zip_bytes(request.desk), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="rete-per-il-lavoro-{request.desk.slug}-hsds.zip"'
    return response


def installation(request: HttpRequest) -> HttpResponse:
    """Every desk's network in one directory (a Region's installation), by Comune or near a place."""
    from . import places
    from .forms import InstallationSearchForm

    form = InstallationSearchForm(request.GET or None, comuni=selectors.location_cities(),
                                  places=sorted(places.CENTROIDS))
    text = comune = ""
    near, radius = None, 20
    if form.is_valid():
        text, comune = form.cleaned_data["q"].strip(), form.cleaned_data["comune"]
        near = places.centroid(form.cleaned_data["vicino"]) if form.cleaned_data["vicino"] else None
        radius = form.cleaned_data["raggio"] or 20
    hits = selectors.directory(None, text=text, comune=comune, near=near, radius_km=radius)
    page = Paginator(hits, PER_PAGE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "network/installation.html", {
        "form": form, "page": page, "hits": page.object_list, "count": hits.total, "result": hits.result,
        "searching": bool(text or comune or near), "query": query.urlencode(), "text": text,
    })
