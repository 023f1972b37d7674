"""The desk's opportunities page: current training opportunities and start-up projects across the network."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from infolavoro.network import selectors as network_selectors


def index(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Courses still open for application first; `?tema=<code>` keeps those on one topic (an unknown code shows
    all of them, as links from old printouts may carry one)."""
    topics = list(network_selectors.topics(request.desk))
    topic = next((t for t in topics if t.code == request.GET.get("tema")), None)
    trainings, startups = network_selectors.desk_opportunities(request.desk, topic=topic)
    return render(request, "opportunities/index.html", {
        "trainings": trainings, "startups": startups, "topics": topics, "topic": topic})
