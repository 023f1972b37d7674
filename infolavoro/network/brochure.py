"""The printed brochure of the network, made from the live data with WeasyPrint: cover with the desk, its
hours and contacts; an index by need; one section per member with services, projects, training and
contacts, and a QR code to its always-current page; the printing date on every page."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Count, Max, Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from infolavoro.core.pdf import render as render_tagged_pdf
from infolavoro.desks import selectors as desk_selectors
from infolavoro.desks.models import Desk

from . import selectors
from .models import Organization, Service

FONT = "fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-{}.ttf"


def qr_svg(url: str, title: str) -> str:
    """An SVG QR code (vector: sharp when printed) whose <title> is its text alternative: WeasyPrint makes it the
    Figure's /Alt in the tagged PDF, browsers and screen readers read it as the image's name."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=1)
    buffer = io.BytesIO()
    image.save(buffer)
    # One SVG per member in the same document: no ids to collide.
    svg = buffer.getvalue().decode().split("?>", 1)[-1].replace(' id="qr-path"', "")
    opening_end = svg.index(">") + 1
    return f'{svg[:opening_end - 1]} role="img">' f"<title>{escape(title)}</title>{svg[opening_end:]}"


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
        member.qr = qr_svg(url, gettext("Codice QR della pagina sempre aggiornata di %(name)s: %(url)s")
                           % {"name": member.name, "url": url})
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
    with translation.override("it"):
        html = render_to_string("network/brochure/brochure.html", context(desk, now))
    return render_tagged_pdf(html, base_url=settings.SITE_URL)


def version(desk: Desk) -> str:
    """Changes whenever the directory does, and every day (the cover's hours, closures and printing date): the
    brochure is rebuilt when it changes."""
    stamp = Organization.objects.filter(desk=desk).aggregate(
        n=Count("id"), org=Max("updated_at"), svc=Max("services__updated_at"), tr=Max("trainings__updated_at"),
        pr=Max("projects__updated_at"))
    return f"{desk.pk}:{timezone.localdate()}:" + ":".join(str(v) for v in stamp.values())


# The brochure is never rendered in a request (20 s of WeasyPrint would hold a worker): a background task builds
# it into the media storage every worker shares, and the download serves the last good file.
STORE = "brochures"


def _paths(desk: Desk) -> tuple[Path, Path]:
    folder = Path(default_storage.path(STORE))
    return folder / f"{desk.slug}-{desk.pk}.pdf", folder / f"{desk.slug}-{desk.pk}.json"


def built_version(desk: Desk) -> str:
    """The data version of the stored file ("" when there is none)."""
    pdf, meta = _paths(desk)
    try:
        return json.loads(meta.read_text())["version"] if pdf.is_file() else ""
    except (OSError, ValueError, KeyError):
        return ""


def _write_atomically(path: Path, content: bytes) -> None:
    """Readers in other workers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as handle:
        handle.write(content)
    os.replace(handle.name, path)


def build(desk: Desk) -> str:
    """Render the brochure and store it with its data version (read first: a change made while rendering
    leaves the file stale, so it is built again). In the background only (tasks.rebuild_brochure)."""
    current = version(desk)
    pdf = render_pdf(desk)
    pdf_path, meta_path = _paths(desk)
    _write_atomically(pdf_path, pdf)
    _write_atomically(meta_path, json.dumps({"version": current, "built_at": timezone.now().isoformat()}).encode())
    return current


def request_build(desk: Desk, current: str | None = None) -> None:
    """Ask a worker to build the brochure once per data version (the shared cache dedupes requests)."""
    from .tasks import rebuild_brochure

    current = current or version(desk)
    if cache.add("brochure-queued:" + hashlib.sha256(current.encode()).hexdigest(), True, 600):
        transaction.on_commit(lambda: rebuild_brochure.enqueue(desk.pk))


def latest(desk: Desk) -> Path | None:
    """The last good brochure for download (None when none has been built yet); a stale one is served while a
    fresh one is requested. Two cheap queries and no rendering."""
    current = version(desk)
    if built_version(desk) != current:
        request_build(desk, current)
    pdf, _meta = _paths(desk)
    return pdf if pdf.is_file() else None
