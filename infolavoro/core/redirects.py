"""The one way to follow a `next` parameter: only to this site, never off-site (open redirect)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, fallback: str, field: str = "next") -> str:
    """The `next` URL from POST (or GET) when it points to this site, else `fallback`.

    `//evil.example/x`, `https://evil.example/`, `\\\\evil.example` and `javascript:` are refused by
    Django's `url_has_allowed_host_and_scheme`, which the login view also uses.
    """
    candidate = request.POST.get(field) or request.GET.get(field) or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


def redirect_next(request: HttpRequest, fallback: str, field: str = "next") -> HttpResponseRedirect:
    return HttpResponseRedirect(safe_next(request, fallback, field))
