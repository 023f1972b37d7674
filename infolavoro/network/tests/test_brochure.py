"""The brochure: every member with a QR code to its page, an index by need, hours from the data; a real PDF
from the command; the download serves the last file built in the background, never rendering in the request."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from infolavoro.core.tests.tagged_pdf import assert_tagged_pdf, figure_alternatives, structure_roles
from infolavoro.network import brochure
from infolavoro.network.models import Organization, Service, TaxonomyTerm

pytestmark = pytest.mark.django_db


def test_the_demo_brochure_holds_all_33_members_with_their_qr_codes(settings):
    call_command("seed_demo", stdout=io.StringIO())
    from infolavoro.desks.models import Desk

    desk = Desk.objects.get(slug="la-spezia")
    context = brochure.context(desk)
    assert len(context["members"]) == 33
    for member in context["members"]:
        assert member.public_url == f"{settings.SITE_URL}/la-spezia/rete/{member.slug}/"
        assert member.qr.lstrip().startswith("<svg")
        assert "<path" in member.qr
    assert {topic.code for topic, _ in context["index"]} >= {"orientamento", "corsi-formazione", "stranieri"}
    week = {day.label.lower(): day.intervals for day in context["timetable"].week}
    assert [f"{o:%H:%M}" for o, _ in week["martedì"]] == ["08:30", "14:30"]


@pytest.fixture
def small_network(desk):
    term = TaxonomyTerm.objects.create(desk=desk, code="cv", name="Curriculum")
    for i in range(2):
        org = Organization.objects.create(desk=desk, name=f"Ente {i}", slug=f"ente-{i}", kind="association",
                                          description="Un ente del territorio.")
        Service.objects.create(organization=org, name="Aiuto CV", slug="cv", description="…").taxonomy_terms.add(term)


def test_command_writes_a_pdf(desk, small_network, tmp_path):
    out = tmp_path / "rete.pdf"
    call_command("brochure", desk="la-spezia", output=str(out), stdout=io.StringIO())
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000
    # Tagged (PDF/UA-1): a screen reader gets headings, paragraphs, the language and the title.
    assert_tagged_pdf(pdf, lang="it", title="La Rete per il lavoro – La Spezia")
    assert {"H1", "H2", "P"} <= structure_roles(pdf)
    # Every figure speaks: each member's QR code says whose page it opens and where.
    alternatives = figure_alternatives(pdf)
    assert alternatives
    assert None not in alternatives
    assert any(alt.startswith("Codice QR della pagina sempre aggiornata di") and "/la-spezia/" in alt
               for alt in alternatives)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    return tmp_path


def rebuilds_queued() -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path="infolavoro.network.tasks.rebuild_brochure").count()


def test_the_download_never_renders_and_serves_the_last_good_file(client, desk, small_network, media, monkeypatch,
                                                                 django_capture_on_commit_callbacks):
    from infolavoro.network.tasks import rebuild_brochure

    real = brochure.render_pdf
    rendered = []

    def render_in_background_only(d, now=None):
        assert rendering_allowed, "the brochure was rendered inside a request"
        rendered.append(d)
        return real(d, now)

    monkeypatch.setattr(brochure, "render_pdf", render_in_background_only)
    rendering_allowed = False
    url = reverse("network:brochure", args=["la-spezia"])
    # None built yet: a friendly page, a retry hint, and one build asked for however many people ask.
    with django_capture_on_commit_callbacks(execute=True):
        first, second = client.get(url), client.get(url)
    assert first.status_code == 503
    assert first["Retry-After"] == "30"
    assert "in preparazione" in first.content.decode()
    assert second.status_code == 503
    assert rebuilds_queued() == 1
    assert client.get("/healthz").status_code == 200
    # The worker builds it; from now on the file is served.
    rendering_allowed = True
    assert rebuild_brochure.call(desk.pk) is True
    assert rebuild_brochure.call(desk.pk) is False  # already current: not built twice
    rendering_allowed = False
    pdf = client.get(url)
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    old = b"".join(pdf.streaming_content)
    assert old.startswith(b"%PDF")
    # A change: the member's edit asks for a rebuild; meanwhile the last good file is served at once.
    org = Organization.objects.get(slug="ente-0")
    org.description = "Nuova descrizione"
    with django_capture_on_commit_callbacks(execute=True):
        org.save()
        stale = client.get(url)
    assert stale.status_code == 200
    assert b"".join(stale.streaming_content) == old
    assert rebuilds_queued() == 2
    rendering_allowed = True
    assert rebuild_brochure.call(desk.pk) is True
    assert len(rendered) == 2


def test_member_edits_and_suspensions_ask_for_a_rebuild(desk, small_network, media, desk_admin,
                                                       django_capture_on_commit_callbacks):
    from infolavoro.network import services

    org = Organization.objects.get(slug="ente-0")
    with django_capture_on_commit_callbacks(execute=True):
        services.update_organization(org, {"description": "Aggiornata"}, desk_admin)
    assert rebuilds_queued() == 1
    before = brochure.version(desk)
    with django_capture_on_commit_callbacks(execute=True):
        services.set_suspended(org, True, desk_admin)
    assert rebuilds_queued() == 2
    assert brochure.version(desk) != before


def test_the_periodic_sweep_builds_only_stale_brochures(desk, other_desk, small_network, media):
    from infolavoro.network.tasks import rebuild_stale_brochures

    assert rebuild_stale_brochures.call() == 2
    assert rebuild_stale_brochures.call() == 0
    assert brochure.latest(desk).read_bytes().startswith(b"%PDF")
