"""The per-process memo of the taxonomy the matching reads (labour.taxonomy): the same answers as the database,
dropped by every process when the taxonomy changes, and the matching's query counts without it."""

from __future__ import annotations

import shutil

import pytest
from django.core.cache import cache
from django.db.models import Count

from infolavoro.labour import selectors
from infolavoro.labour import taxonomy as memo
from infolavoro.labour.esco import import_esco
from infolavoro.labour.models import Occupation, OccupationSkill, Synonym
from infolavoro.labour.tests.conftest import FIXTURE, publish

pytestmark = pytest.mark.django_db


def related_in_sql(wanted: set[int], skills=frozenset(), top: int = selectors.RELATED_OCCUPATIONS):
    """The relatedness computed in the database, as the matching did before the memo: the reference."""
    pool = set(skills) | set(OccupationSkill.objects.filter(occupation_id__in=wanted).values_list("skill_id",
                                                                                                  flat=True))
    if not pool:
        return {}
    nearest = list(OccupationSkill.objects.filter(skill_id__in=pool).exclude(occupation_id__in=wanted)
                   .values("occupation_id").annotate(n=Count("skill_id")).order_by("-n", "occupation_id")
                   .values_list("occupation_id", flat=True)[:top])
    if not wanted:
        return dict.fromkeys(nearest, 0.0)
    sets: dict[int, set[int]] = {}
    for oid, sid in OccupationSkill.objects.filter(occupation_id__in=set(nearest) | wanted).values_list(
            "occupation_id", "skill_id"):
        sets.setdefault(oid, set()).add(sid)
    return {oid: max((len(sets.get(oid, set()) & sets.get(w, set()))
                      / min(len(sets.get(oid, set())), len(sets.get(w, set())))
                      for w in wanted if sets.get(oid) and sets.get(w)), default=0.0) for oid in nearest}


def test_the_memo_gives_what_the_database_gives_on_the_demo_taxonomy(desk):
    from infolavoro.labour import demo

    demo.load(desk)
    occupations = list(Occupation.objects.values_list("pk", flat=True))
    assert len(occupations) >= 60
    for oid in occupations:
        assert selectors.related_occupations({oid}) == related_in_sql({oid}), oid
    pairs = [{occupations[0], occupations[7]}, {occupations[3], occupations[30], occupations[50]}]
    skills = frozenset(OccupationSkill.objects.filter(occupation_id=occupations[12]).values_list("skill_id",
                                                                                                  flat=True))
    for wanted in pairs:
        assert selectors.related_occupations(wanted, skills) == related_in_sql(wanted, skills)
    assert selectors.related_occupations(set(), skills) == related_in_sql(set(), skills)
    assert set(memo.occupations_in_groups({"83"})) == set(
        Occupation.objects.filter(isco_code__startswith="83").values_list("pk", flat=True))


def _warehouse(isco_code="4321"):
    return Occupation.objects.create(uri="http://example.org/magazziniere", isco_code=isco_code,
                                     preferred_label="magazziniere")


def test_editing_the_occupation_skills_changes_the_ranking_in_the_same_process(profile, employer, operator,
                                                                              taxonomy):
    warehouse = _warehouse()
    vacancy = publish(employer, operator, warehouse, title="Magazziniere", licences=[])
    person = selectors.profile_for(profile.citizen)
    assert selectors.ranked_vacancies(person) == []  # no skill in common yet: unrelated (and the memo is built)
    link = OccupationSkill.objects.create(occupation=warehouse, skill=taxonomy["muletto"], relation="essential")
    assert [v for v, _m in selectors.ranked_vacancies(person)] == [vacancy]
    link.delete()
    assert selectors.ranked_vacancies(person) == []
    # An occupation moved to the person's ISCO unit group by an edit is narrowed in as "close" from the next call
    # (the vacancy keeps the ISCO code it was published with, which the scoring reads).
    warehouse.isco_code = "8344"
    warehouse.save()
    assert [v for v, _m in selectors.ranked_vacancies(person)] == [vacancy]


def test_reimporting_esco_changes_the_results_in_the_same_process(profile, employer, operator, taxonomy,
                                                                  tmp_path):
    """import_esco writes in bulk (no model signal): it changes the version itself."""
    vacancy = publish(employer, operator, taxonomy["assistente"], title="Assistente", licences=[])
    person = selectors.profile_for(profile.citizen)
    carrellista, assistente = taxonomy["carrellista"].pk, taxonomy["assistente"].pk
    assert assistente not in selectors.related_occupations({carrellista})
    assert vacancy not in [v for v, _m in selectors.ranked_vacancies(person)]
    folder = tmp_path / "esco"
    shutil.copytree(FIXTURE, folder)
    relations = folder / "occupationSkillRelations_it.csv"
    with relations.open("a", encoding="utf-8") as out:  # assistente familiare now needs the forklift too
        out.write("http://data.europa.eu/esco/occupation/test-assistente,essential,skill/competence,"
                  "http://data.europa.eu/esco/skill/test-muletto\n")
    import_esco(folder, progress=False)
    assert selectors.related_occupations({carrellista})[assistente] == 0.5
    assert vacancy in [v for v, _m in selectors.ranked_vacancies(person)]


def test_another_process_changing_the_version_drops_this_process_memo(taxonomy):
    carrellista = taxonomy["carrellista"]
    before = memo.index()
    assert before.skills_of[carrellista.pk] == {taxonomy["muletto"].pk, taxonomy["sicurezza"].pk}
    # A write this process sends no signal for (another process, a bulk update): the memo stays...
    OccupationSkill.objects.filter(occupation=carrellista, skill=taxonomy["sicurezza"]).update(
        skill=taxonomy["pasti"])
    assert memo.index() is before
    # ... until the shared version changes, as the other process's taxonomy_changed() does.
    cache.set(memo.VERSION_KEY, "set-by-another-process", None)
    after = memo.index()
    assert after is not before
    assert after.skills_of[carrellista.pk] == {taxonomy["muletto"].pk, taxonomy["pasti"].pk}
    assert carrellista.pk in after.occupations_with[taxonomy["pasti"].pk]
    # A cache that lost the version (eviction, restart) gets a new one: the memo is rebuilt, never trusted.
    cache.delete(memo.VERSION_KEY)
    assert memo.index() is not after


def test_a_synonym_edit_changes_the_taxonomy_version(desk, taxonomy):
    version = memo.taxonomy_version()
    synonym = Synonym.objects.create(desk=desk, term="mulettista di banchina", occupation=taxonomy["carrellista"])
    assert memo.taxonomy_version() != version
    version = memo.taxonomy_version()
    assert selectors.resolve_occupation("mulettista di banchina", desk) == taxonomy["carrellista"]
    synonym.occupation = taxonomy["assistente"]
    synonym.save()
    assert memo.taxonomy_version() != version
    assert selectors.resolve_occupation("mulettista di banchina", desk) == taxonomy["assistente"]
    version = memo.taxonomy_version()
    synonym.delete()
    assert memo.taxonomy_version() != version


def test_the_matching_reads_the_taxonomy_from_the_memo_with_a_constant_query_count(
        profile, employer, operator, taxonomy, django_assert_num_queries):
    vacancy = publish(employer, operator, taxonomy["carrellista"])
    warehouse = _warehouse()  # related by skills: every narrowing query runs
    OccupationSkill.objects.create(occupation=warehouse, skill=taxonomy["muletto"], relation="essential")
    publish(employer, operator, warehouse, title="Magazziniere", licences=[])
    person = selectors.profile_for(profile.citizen)
    assert [v.title for v, _m in selectors.ranked_vacancies(person)] == ["Carrellista turni", "Magazziniere"]
    selectors.ranked_candidates(vacancy)
    # Related occupations, ISCO groups and skill sets come from the memo: 9 queries for a person (6 narrowing,
    # 2 for the vacancies' skills, the vacancies shown), 10 for a vacancy (its 2 skill lists, 4 narrowing, 3 for
    # the people's data, the people shown) instead of 13 and 14 (one more each with a database cache: the
    # taxonomy version).
    with django_assert_num_queries(PERSON_QUERIES):
        assert selectors.ranked_vacancies(person)
    with django_assert_num_queries(VACANCY_QUERIES):
        assert selectors.ranked_candidates(vacancy)
    for n in range(5):
        publish(employer, operator, taxonomy["carrellista"], title=f"Carrellista {n}")
    with django_assert_num_queries(PERSON_QUERIES):
        assert len(selectors.ranked_vacancies(person)) == 7
    with django_assert_num_queries(VACANCY_QUERIES):
        assert selectors.ranked_candidates(vacancy)


PERSON_QUERIES = 9
VACANCY_QUERIES = 10
