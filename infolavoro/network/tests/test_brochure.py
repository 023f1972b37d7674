"""The brochure: every member with a QR code to its page, an index by need, hours from the data; a real PDF
from the command and the download (cached until the data change)."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

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


def test_download_is_cached_until_the_data_change(client, desk, small_network, monkeypatch):
    cache.clear()
    calls = []
    real = brochure.render_pdf
    monkeypatch.setattr(brochure, "render_pdf", lambda d, now=None: calls.append(d) or real(d, now))
    url = reverse("network:brochure", args=["la-spezia"])
    first = client.get(url)
    assert first["Content-Type"] == "application/pdf"
    client.get(url)
    assert len(calls) == 1
    Organization.objects.filter(slug="ente-0").update(description="Nuova")
    org = Organization.objects.get(slug="ente-0")
    org.save()  # bumps updated_at
    client.get(url)
    assert len(calls) == 2
