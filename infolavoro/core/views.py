"""Site-wide views: the list of desks, health check, error pages."""

from __future__ import annotations

import time

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from infolavoro.desks.selectors import active_desks


def root(request: HttpRequest) -> HttpResponse:
    """The installation's front page: the list of desks, or straight to the only one."""
    desks = list(active_desks())
    if len(desks) == 1:
        return redirect(desks[0])
    return render(request, "core/desk_list.html", {"desks": desks})


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database check for load balancers and monitoring; no personal data."""
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = {"ok": True, "vendor": connection.vendor}
    except DatabaseError as exc:
        database = {"ok": False, "vendor": connection.vendor, "error": exc.__class__.__name__}
    database["latency_ms"] = round((time.perf_counter() - started) * 1000, 2)
    status = 200 if database["ok"] else 503
    return JsonResponse({"status": "ok" if database["ok"] else "error", "database": database}, status=status)


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico where a page has no icon link (print views, downloads)."""
    from django.templatetags.static import static

    return redirect(static("infolavoro/favicon.svg"), permanent=True)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors or database: the error may come from there.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)
