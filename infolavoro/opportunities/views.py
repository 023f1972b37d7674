"""The desk's opportunities page: current training opportunities and start-up projects across the network."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from infolavoro.network import selectors as network_selectors


def index(request: HttpRequest, desk_slug: str) -> HttpResponse:
    trainings, startups = network_selectors.desk_opportunities(request.desk)
    return render(request, "opportunities/index.html", {"trainings": trainings, "startups": startups})
