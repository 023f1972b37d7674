from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from infolavoro.desks import selectors as desk_selectors


def start(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """How to get an appointment at the desk."""
    return render(request, "booking/start.html", {"timetable": desk_selectors.timetable(request.desk)})
