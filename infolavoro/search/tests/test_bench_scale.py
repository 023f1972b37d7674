"""The scale bench (`bench/search.py scale`) builds its installation from the demo desk and searches it: run
here at a tiny size so it cannot silently break again (it imported a list the demo no longer has)."""

import sys
import types
from pathlib import Path

import pytest

from infolavoro.network.models import Organization, Service
from infolavoro.network.selectors import directory

BENCH = Path(__file__).resolve().parents[3] / "bench"


@pytest.fixture
def scale_module(monkeypatch):
    # `_django` sets Django up for a script; under pytest it is already set up, so a stand-in is imported.
    monkeypatch.setitem(sys.modules, "_django", types.ModuleType("_django"))
    monkeypatch.syspath_prepend(str(BENCH))
    monkeypatch.delitem(sys.modules, "_search_scale", raising=False)
    import _search_scale

    return _search_scale


@pytest.mark.django_db
def test_the_scale_bench_builds_copies_of_the_demo_members_and_finds_them(demo, scale_module, capsys):
    before = Organization.objects.count()
    scale_module.build(desks=3, members=before + 12, per_member=2, batch=5)
    copies = Organization.objects.filter(slug__startswith="m-")
    assert copies.count() == 12
    assert Service.objects.filter(organization__in=copies).count() == 24
    assert set(copies.values_list("desk_id", flat=True)) == set(
        type(demo).objects.order_by("pk").values_list("pk", flat=True)[:3])
    found = {h.organization.slug for h in directory(None, text="curriculum")}
    assert found & set(copies.values_list("slug", flat=True))  # indexed as they were written
    scale_module.measure("whole installation", None, runs=1)
    assert "p95" in capsys.readouterr().out
