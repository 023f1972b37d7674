"""Sets `request.desk` from the desk slug that starts every public URL."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .selectors import desk_by_slug


class CurrentDeskMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.desk = None  # type: ignore[attr-defined]
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        slug = view_kwargs.get("desk_slug")
        if slug:
            request.desk = desk_by_slug(slug)  # type: ignore[attr-defined]  # 404 if unknown
