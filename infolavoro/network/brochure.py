"""The printed brochure of the network, made from the live data with WeasyPrint: cover with the desk, its
hours and contacts; an index by need; one section per member with services, projects, training and
contacts, and a QR code to its always-current page; the printing date on every page."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db.models import Count, Max, Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from infolavoro.desks import selectors as desk_selectors
from infolavoro.desks.models import Desk

from . import selectors
from .models import Organization, Service

FONT = "fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-{}.ttf"


def qr_svg(url: str) -> str:
    """An SVG QR code (vector: sharp when printed)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=1)
    buffer = io.BytesIO()
    image.save(buffer)
    # One SVG per member in the same document: no ids to collide.
    return buffer.getvalue().decode().split("?>", 1)[-1].replace(' id="qr-path"', "")


def _fonts() -> dict[str, str]:
    found = {}
    for weight in ("regular", "600", "700"):
        path = finders.find(FONT.format(weight))
        if path:
            found[weight] = f"file://{path}"
    return found


def _logo_uri(member: Organization) -> str:
    """The member's logo as a file:// URI for WeasyPrint ("" when none or not on a local file system)."""
    if not member.logo:
        return ""
    try:
        path = Path(member.logo.path)
    except NotImplementedError:  # remote storage
        return ""
    return path.as_uri() if path.is_file() else ""


def context(desk: Desk, now: dt.datetime | None = None) -> dict[str, Any]:
    now = now or timezone.now()
    services = Service.objects.filter(is_active=True).prefetch_related("taxonomy_terms", "schedules")
    members = list(
        Organization.objects.filter(desk=desk, is_active=True)
        .prefetch_related(Prefetch("services", queryset=services), "locations", "contacts",
                          Prefetch("projects", queryset=selectors.current_projects().order_by("kind", "title")),
                          Prefetch("trainings", queryset=selectors.current_trainings().order_by("starts_on")))
        .order_by("name")
    )
    for member in members:
        url = settings.SITE_URL + reverse("network:organization", kwargs={"desk_slug": desk.slug,
                                                                         "slug": member.slug})
        member.public_url = url
        member.qr = qr_svg(url)
        member.anchor = f"m-{member.slug}"
        member.logo_src = _logo_uri(member)
    index = []
    for topic in selectors.topics(desk):
        names = [m for m in members if any(topic in s.taxonomy_terms.all() for s in m.services.all())]
        if names:
            index.append((topic, names))
    return {"desk": desk, "members": members, "index": index, "timetable": desk_selectors.timetable(desk, now),
            "printed_on": timezone.localtime(now, desk.tz).date(), "fonts": _fonts(),
            "site_url": settings.SITE_URL + reverse("network:index", kwargs={"desk_slug": desk.slug})}


def render_pdf(desk: Desk, now: dt.datetime | None = None) -> bytes:
    from weasyprint import HTML

    with translation.override("it"):
        html = render_to_string("network/brochure/brochure.html", context(desk, now))
    return HTML(string=html, base_url=settings.SITE_URL).write_pdf()


def version(desk: Desk) -> str:
    """Changes whenever the directory or the desk's hours do: the cache key of the printed brochure."""
    stamp = Organization.objects.filter(desk=desk).aggregate(
        n=Count("id"), org=Max("updated_at"), svc=Max("services__updated_at"), tr=Max("trainings__updated_at"),
        pr=Max("projects__updated_at"))
    return f"{desk.pk}:{timezone.localdate()}:" + ":".join(str(v) for v in stamp.values())


def cached_pdf(desk: Desk) -> bytes:
    """The brochure for download: rendered once per data version and day, then served from the cache."""
    key = "brochure:" + hashlib.sha256(version(desk).encode()).hexdigest()
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(desk)
        cache.set(key, pdf, 24 * 3600)
    return pdf
