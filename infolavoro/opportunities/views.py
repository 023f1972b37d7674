from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def index(request: HttpRequest, desk_slug: str) -> HttpResponse:
    return render(request, "opportunities/index.html")
