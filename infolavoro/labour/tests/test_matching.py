from __future__ import annotations

import datetime as dt

from infolavoro.labour.matching import WEIGHTS, Candidate, Job, rank, score

TODAY = dt.date(2026, 3, 2)


def cand(**kw):
    base = {"key": "p", "occupations": {1: 24}, "isco_codes": frozenset({"8344"}), "skills": frozenset({10, 11}),
                "languages": {"it": "C2", "en": "A2"}, "licences": frozenset({"B", "muletto"}), "education_eqf": 2,
                "comuni": frozenset({"la spezia", "sarzana"}), "contracts": frozenset({"determinato"})}
    base.update(kw)
    return Candidate(**base)


def job(**kw):
    base = {"key": "v", "occupation_id": 1, "isco_code": "8344", "essential": frozenset({10, 11}),
            "optional": frozenset(), "comune": "la spezia", "contract_type": "determinato", "expires_on": TODAY}
    base.update(kw)
    return Job(**base)


def test_weights_sum_to_100_and_a_perfect_match_scores_100():
    assert sum(WEIGHTS.values()) == 100
    match = score(cand(), job(), TODAY)
    assert match.score == 100
    assert match.missed == []
    assert "professione cercata, 24 mesi di esperienza" in match.met


def test_hard_filters_exclude_with_a_reason():
    assert "scaduta" in score(cand(), job(expires_on=TODAY - dt.timedelta(days=1)), TODAY).excluded
    assert "CE" in score(cand(), job(licences=frozenset({"CE"})), TODAY).excluded
    assert "permesso" in score(cand(work_permit=False), job(), TODAY).excluded
    assert score(cand(work_permit=False), job(work_permit_required=False), TODAY).excluded == ""


def test_each_criterion_costs_its_weight_and_says_why():
    m = score(cand(), job(essential=frozenset({10, 11, 12, 13})), TODAY)
    assert m.score == 100 - WEIGHTS["essential_skills"] // 2 - 0  # 2 of 4 essential skills
    assert "competenze essenziali: 2 su 4" in m.missed
    assert m.missing_essential == {12, 13}
    m = score(cand(), job(comune="levanto"), TODAY)
    assert m.score == 100 - WEIGHTS["place"]
    assert score(cand(), job(comune="levanto", remote="remote"), TODAY).score == 100
    m = score(cand(), job(languages={"en": "B1"}), TODAY)
    assert m.score == 100 - WEIGHTS["languages"]
    assert "lingua en livello B1" in m.missed
    m = score(cand(), job(contract_type="stagionale", education_eqf=4), TODAY)
    assert m.score == 100 - WEIGHTS["contract"] - WEIGHTS["education"]
    m = score(cand(available_from=TODAY + dt.timedelta(days=60)), job(), TODAY)
    assert m.score == 100 - WEIGHTS["availability"]


def test_occupation_levels_and_experience():
    # Another occupation of the same unit group (8344): two thirds of the weight; same sub-major (83): one third.
    assert score(cand(), job(occupation_id=2), TODAY).score == 90
    assert score(cand(), job(occupation_id=2, isco_code="8343"), TODAY).score == 80
    assert score(cand(), job(occupation_id=2, isco_code="5131"), TODAY).score == 100 - WEIGHTS["occupation"]
    m = score(cand(), job(experience_months=36), TODAY)
    assert m.score == 100 - round(WEIGHTS["occupation"] * 0.2)
    assert "esperienza: 24 mesi su 36 richiesti" in m.missed


def test_rank_orders_best_first_and_drops_excluded():
    jobs = [job(key="far", comune="levanto"), job(key="best"), job(key="expired", expires_on=dt.date(2020, 1, 1))]
    assert [m.key for m in rank(cand(), jobs, TODAY)] == ["best", "far"]


def test_an_occupation_related_by_skills_earns_a_share_of_the_occupation_weight():
    # 75% of skills in common with a wanted occupation: 0.67 × 0.75 of the weight, said in the reasons.
    m = score(cand(related={2: 0.75}), job(occupation_id=2, isco_code="4321"), TODAY)
    assert m.score == 100 - round(WEIGHTS["occupation"] * (1 - 0.67 * 0.75))
    assert "professione affine: 75% delle competenze in comune con quelle cercate" in m.met
    # Below a quarter in common it is not related; the same sub-major group (83) is worth more than a weak tie.
    assert score(cand(related={2: 0.2}), job(occupation_id=2, isco_code="4321"), TODAY).score == 70
    assert score(cand(related={2: 0.3}), job(occupation_id=2, isco_code="8343"), TODAY).score == 80
