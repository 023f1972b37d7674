from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from infolavoro.labour.models import IscoGroup, Occupation, OccupationSkill, Skill

FIXTURE = Path(__file__).parent / "fixtures" / "esco"
DEMO = Path(__file__).parents[1] / "data" / "esco_it"


def _snapshot():
    return (
        sorted(Occupation.objects.values_list("uri", "isco_code", "preferred_label", "alt_labels", "description")),
        sorted(Skill.objects.values_list("uri", "preferred_label", "alt_labels", "skill_type", "reuse_level")),
        sorted(OccupationSkill.objects.values_list("occupation__uri", "skill__uri", "relation")),
        sorted(IscoGroup.objects.values_list("code", "label")),
    )


@pytest.mark.django_db
def test_import_loads_the_fixture_and_reports_malformed_rows():
    out = io.StringIO()
    call_command("import_esco", str(FIXTURE), "--no-progress", stdout=out)
    carrellista = Occupation.objects.get(uri__endswith="test-carrellista")
    assert carrellista.isco_code == "8344"
    assert carrellista.alt_labels.splitlines() == ["mulettista", "operatore di carrello elevatore"]
    assert Occupation.objects.count() == 2
    assert Skill.objects.count() == 3
    assert Skill.objects.get(uri__endswith="test-sicurezza").skill_type == "knowledge"
    assert set(OccupationSkill.objects.values_list("occupation__preferred_label", "skill__preferred_label",
                                                   "relation")) == {
        ("carrellista", "condurre il carrello elevatore", "essential"),
        ("carrellista", "norme di sicurezza nella movimentazione dei carichi", "optional"),
        ("assistente familiare", "preparare i pasti", "essential"),
    }
    report = out.getvalue()
    assert "6 righe scartate" in report
    assert "occupations_it.csv:5: iscoGroup non valido" in report
    assert "occupations_it.csv:6: conceptUri o preferredLabel mancante" in report
    assert "skills_it.csv:6: skillType sconosciuto" in report
    assert "occupationSkillRelations_it.csv:5: professione o competenza sconosciuta" in report
    assert "occupationSkillRelations_it.csv:6: relationType sconosciuto" in report


@pytest.mark.django_db
def test_rerunning_changes_nothing_and_an_edit_is_updated(tmp_path):
    call_command("import_esco", str(FIXTURE), "--no-progress", stdout=io.StringIO())
    first = _snapshot()
    call_command("import_esco", str(FIXTURE), "--no-progress", stdout=io.StringIO())
    assert _snapshot() == first
    for path in FIXTURE.iterdir():
        (tmp_path / path.name).write_text(path.read_text().replace("I carrellisti conducono", "Conducono"))
    call_command("import_esco", str(tmp_path), "--no-progress", stdout=io.StringIO())
    assert Occupation.objects.count() == 2
    assert Occupation.objects.get(uri__endswith="test-carrellista").description.startswith("Conducono")


@pytest.mark.django_db
def test_missing_files_are_a_clear_error(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="occupations_it.csv"):
        call_command("import_esco", str(tmp_path), "--no-progress", stdout=io.StringIO())


@pytest.mark.django_db
def test_the_demo_subset_is_large_enough_and_clean():
    out = io.StringIO()
    call_command("import_esco", str(DEMO), "--no-progress", stdout=out)
    assert "Nessuna riga scartata" in out.getvalue()
    assert Occupation.objects.count() >= 60
    assert Skill.objects.count() >= 200
    # Real ISCO-08 unit groups, every one known in the groups file.
    assert set(Occupation.objects.values_list("isco_code", flat=True)) <= set(
        IscoGroup.objects.values_list("code", flat=True))
