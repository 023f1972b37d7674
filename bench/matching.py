"""Matching speed and quality. Builds a throwaway SQLite database (or uses BENCH_DATABASE_URL) with the demo desk,
the Italian ESCO subset and the demo's labour data, then:

1. quality: NDCG@10 of the ranking on a labelled set written by hand (LABELS below: 30 people, and for each the
   occupations a placement officer would judge relevant, graded 3 = what they look for, 2 = a sensible
   alternative, 1 = worth a thought), over the demo's open vacancies;
2. speed: grows the desk to BENCH_VACANCIES open vacancies (default 100,000) and BENCH_PROFILES consenting
   profiles (default 50,000) and prints the median time of ranking vacancies for one person and candidates for
   one vacancy, then of the public board and a vacancy's page (with their query counts).

    .venv/bin/python bench/matching.py
"""

from __future__ import annotations

import datetime as dt
import math
import os
import random
import statistics
import time
import uuid

import _django  # first: sets Django up before infolavoro is imported
from django.db import connection
from django.test import Client
from django.utils import timezone

from infolavoro.intake.models import Citizen
from infolavoro.labour import demo as labour_demo
from infolavoro.labour import selectors, tasks
from infolavoro.labour.models import (
    CandidateProfile,
    ContractType,
    Employer,
    Occupation,
    ProfileOccupation,
    Relation,
    Vacancy,
    VacancyState,
)

RUNS = 21
VACANCIES = int(os.environ.get("BENCH_VACANCIES", 100_000))
PROFILES = int(os.environ.get("BENCH_PROFILES", 50_000))
COMUNI = ["La Spezia", "Sarzana", "Lerici", "Portovenere", "Santo Stefano di Magra", "Arcola", "Levanto"]

# (occupation looked for, months, Comune, licences, {occupation: grade} judged relevant by hand)
LABELS = [
    ("cameriere", 24, "La Spezia", ["B"], {"cameriere": 3, "barista": 2, "cameriera ai piani": 1,
                                           "hostess di yacht": 1}),
    ("barista", 12, "Lerici", [], {"barista": 3, "cameriere": 2}),
    ("cuoco", 60, "Portovenere", ["B"], {"cuoco": 3, "pizzaiolo": 2, "aiuto cuoco": 1}),
    ("aiuto cuoco", 6, "La Spezia", [], {"aiuto cuoco": 3, "lavapiatti": 2, "cuoco": 1, "pizzaiolo": 1}),
    ("carrellista", 36, "Sarzana", ["B", "muletto"], {"carrellista": 3, "magazziniere": 2, "operatore portuale": 2,
                                                      "scaffalista": 1}),
    ("magazziniere", 24, "Santo Stefano di Magra", ["B"], {"magazziniere": 3, "addetto alla logistica": 2,
                                                           "scaffalista": 2, "carrellista": 1}),
    ("autista di camion", 96, "Arcola", ["B", "C", "CE", "CQC"], {"autista di camion": 3, "corriere": 2,
                                                                 "autista di autobus": 1}),
    ("operatore portuale", 18, "La Spezia", ["B"], {"operatore portuale": 3, "gruista portuale": 2,
                                                   "ormeggiatore": 2, "carrellista": 1}),
    ("saldatore", 60, "La Spezia", ["B"], {"saldatore": 3, "carpentiere navale": 2, "tubista navale": 2}),
    ("carpentiere navale", 30, "Lerici", ["B"], {"carpentiere navale": 3, "saldatore": 2}),
    ("elettricista navale", 40, "La Spezia", ["B"], {"elettricista navale": 3, "elettricista": 3}),
    ("verniciatore navale", 20, "La Spezia", [], {"verniciatore navale": 3, "imbianchino": 2,
                                                  "laminatore di vetroresina": 1}),
    ("marinaio di yacht", 24, "Lerici", ["B"], {"marinaio di yacht": 3, "marinaio": 2, "ormeggiatore": 2,
                                                "hostess di yacht": 1}),
    ("receptionist d'albergo", 18, "Levanto", ["B"], {"receptionist d'albergo": 3, "receptionist d'ufficio": 2,
                                                      "accompagnatore turistico": 1}),
    ("cameriera ai piani", 12, "Lerici", [], {"cameriera ai piani": 3, "addetto alle pulizie": 2,
                                              "collaboratore domestico": 1}),
    ("assistente familiare", 48, "La Spezia", [], {"assistente familiare": 3, "operatore socio-sanitario": 2,
                                                   "collaboratore domestico": 2, "baby-sitter": 1}),
    ("operatore socio-sanitario", 36, "Sarzana", ["B"], {"operatore socio-sanitario": 3, "assistente familiare": 2,
                                                        "infermiere": 1}),
    ("baby-sitter", 24, "Sarzana", [], {"baby-sitter": 3, "collaboratore domestico": 2, "animatore turistico": 1}),
    ("commesso", 20, "Sarzana", [], {"commesso": 3, "cassiere": 2, "addetto al banco gastronomia": 2,
                                     "scaffalista": 1}),
    ("cassiere", 10, "La Spezia", [], {"cassiere": 3, "commesso": 2}),
    ("responsabile di negozio", 60, "La Spezia", ["B"], {"responsabile di negozio": 3, "commesso": 1}),
    ("muratore", 40, "Arcola", ["B"], {"muratore": 3, "manovale edile": 2, "piastrellista": 2}),
    ("elettricista", 72, "La Spezia", ["B"], {"elettricista": 3, "elettricista navale": 3}),
    ("idraulico", 30, "La Spezia", ["B"], {"idraulico": 3, "tubista navale": 2}),
    ("operaio agricolo", 30, "Sarzana", ["B"], {"operaio agricolo": 3, "viticoltore": 2, "olivicoltore": 2,
                                                "giardiniere": 2}),
    ("impiegato amministrativo", 30, "La Spezia", ["B"], {"impiegato amministrativo": 3, "contabile": 2,
                                                         "segretario": 2, "addetto paghe e contributi": 2}),
    ("segretario", 12, "La Spezia", [], {"segretario": 3, "receptionist d'ufficio": 2,
                                         "impiegato amministrativo": 2, "addetto al call center": 1}),
    ("addetto al call center", 15, "La Spezia", [], {"addetto al call center": 3, "receptionist d'ufficio": 1}),
    ("sviluppatore software", 30, "La Spezia", ["B"], {"sviluppatore software": 3, "sviluppatore web": 3,
                                                      "analista di dati": 2, "tecnico informatico": 1}),
    ("tecnico informatico", 24, "Sarzana", ["B"], {"tecnico informatico": 3, "amministratore di rete": 2,
                                                  "sviluppatore web": 1}),
    ("addetto alle pulizie", 24, "La Spezia", [], {"addetto alle pulizie": 3, "cameriera ai piani": 2,
                                                  "collaboratore domestico": 2}),
    ("pescatore", 60, "Portovenere", [], {"pescatore": 3, "mitilicoltore": 3, "marinaio": 2}),
]


def dcg(grades: list[int]) -> float:
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def make_profiles(desk, occupations, rng: random.Random, specs, consent=True) -> list[CandidateProfile]:
    now = timezone.now()
    citizens = Citizen.objects.bulk_create([
        Citizen(desk=desk, first_name=f"Bench{n}", last_name="Persona", privacy_acknowledged_at=now,
                last_activity_at=now) for n in range(len(specs))])
    profiles = CandidateProfile.objects.bulk_create([
        CandidateProfile(citizen=c, desk=desk, consent_at=now if consent else None, home_comune=spec[2],
                         mobility_comuni="La Spezia", licences=spec[3], languages={"it": "C2", "en": "A2"},
                         education_eqf=3) for c, spec in zip(citizens, specs, strict=True)], batch_size=2000)
    wanted, skill_rows = [], []
    through = CandidateProfile.skills.through
    for profile, spec in zip(profiles, specs, strict=True):
        occupation = occupations[spec[0]]
        wanted.append(ProfileOccupation(profile=profile, occupation=occupation, experience_months=spec[1]))
        for link in occupation.skill_links.all():
            if rng.random() < 0.7:
                skill_rows.append(through(candidateprofile_id=profile.pk, skill_id=link.skill_id))
    ProfileOccupation.objects.bulk_create(wanted, batch_size=5000)
    through.objects.bulk_create(skill_rows, batch_size=5000)
    return profiles


def quality(desk, occupations, rng) -> None:
    profiles = make_profiles(desk, occupations, rng, LABELS)
    open_ids = list(selectors.open_vacancies(desk).values_list("pk", flat=True))
    grades_of = dict(Vacancy.objects.filter(pk__in=open_ids).values_list("pk", "occupation__preferred_label"))
    licences_of = dict(Vacancy.objects.filter(pk__in=open_ids).values_list("pk", "licences"))
    scores = []
    for profile, (_occ, _m, _c, licences, judged) in zip(profiles, LABELS, strict=True):
        def grade(pk, judged=judged, licences=licences):
            # A vacancy needing a licence the person lacks is not relevant, whatever the occupation.
            return 0 if set(licences_of[pk] or []) - set(licences) else judged.get(grades_of[pk], 0)
        ranked = [v.pk for v, _m in selectors.ranked_vacancies(selectors.profile_for(profile.citizen), limit=10)]
        ideal = sorted((grade(pk) for pk in open_ids), reverse=True)[:10]
        if dcg(ideal) > 0:
            scores.append(dcg([grade(pk) for pk in ranked]) / dcg(ideal))
    print(f"NDCG@10 on {len(scores)} labelled people over {len(open_ids)} open demo vacancies: "
          f"mean {statistics.mean(scores):.3f}, median {statistics.median(scores):.3f}, min {min(scores):.3f}")


def grow(desk, occupations, rng) -> None:
    employers = list(Employer.objects.filter(desk=desk))
    occupation_list = list(occupations.values())
    today = timezone.localdate()
    now = timezone.now()
    missing = VACANCIES - selectors.open_vacancies(desk).count()
    batch, essential = [], []
    through = Vacancy.essential_skills.through
    for n in range(missing):
        occupation = occupation_list[rng.randrange(len(occupation_list))]
        vacancy = Vacancy(
            id=uuid.UUID(int=rng.getrandbits(128)), desk=desk, employer=employers[n % len(employers)],
            title=f"{occupation.preferred_label} {n}", occupation=occupation, isco_code=occupation.isco_code,
            description="Offerta generata per la misura.", contract_type=rng.choice(ContractType.values),
            comune=rng.choice(COMUNI), how_to_apply="—", state=VacancyState.PUBLISHED, state_changed_at=now,
            created_at=now, published_on=today - dt.timedelta(days=rng.randrange(30)),
            expires_on=today + dt.timedelta(days=rng.randrange(1, 60)))
        batch.append(vacancy)
        essential += [through(vacancy_id=vacancy.pk, skill_id=link.skill_id) for link in occupation.skill_links.all()
                      if link.relation == Relation.ESSENTIAL and rng.random() < 0.8]
        if len(batch) >= 5000:
            Vacancy.objects.bulk_create(batch)
            through.objects.bulk_create(essential, batch_size=5000)
            batch, essential = [], []
    Vacancy.objects.bulk_create(batch)
    through.objects.bulk_create(essential, batch_size=5000)
    count = PROFILES - CandidateProfile.objects.filter(desk=desk, consent_at__isnull=False).count()
    labels = list(occupations)
    specs = [(labels[rng.randrange(len(labels))], rng.randrange(60), rng.choice(COMUNI), ["B"], {})
             for _ in range(count)]
    for start in range(0, len(specs), 10_000):
        make_profiles(desk, occupations, rng, specs[start:start + 10_000])


def timed(fn) -> tuple[float, float, int]:
    """Median wall time and median CPU time (process_time: the honest figure on a shared machine) in ms, and the
    number of queries of one call."""
    runs, cpu = [], []
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        fn()
    for _ in range(RUNS):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        runs.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(runs) * 1000, statistics.median(cpu) * 1000, len(queries)


def main() -> None:
    desk = _django.demo_desk()
    labour_demo.load(desk)
    rng = random.Random(11)
    occupations = {o.preferred_label: o for o in Occupation.objects.prefetch_related("skill_links")}
    print(f"database: {connection.vendor}")
    quality(desk, occupations, rng)
    started = time.perf_counter()
    grow(desk, occupations, rng)
    tasks.refresh_planner_statistics.func()  # the daily job: planner statistics after the bulk growth
    print(f"\n{selectors.open_vacancies(desk).count()} open vacancies, "
          f"{CandidateProfile.objects.filter(desk=desk, consent_at__isnull=False).count()} consenting profiles "
          f"(built in {time.perf_counter() - started:.0f} s); median of {RUNS} runs, wall and CPU (process_time)")
    sample = list(CandidateProfile.objects.filter(desk=desk, consent_at__isnull=False).order_by("?")[:5])
    for profile in sample:
        profile = selectors.profile_for(profile.citizen)
        ms, cpu, queries = timed(lambda p=profile: selectors.ranked_vacancies(p))
        print(f"  vacancies for a person ({profile.wanted.all()[0].occupation}): {ms:7.1f} ms wall "
              f"{cpu:7.1f} ms CPU  {queries} queries")
    for vacancy in Vacancy.objects.filter(desk=desk).order_by("?")[:5]:
        ms, cpu, queries = timed(lambda v=vacancy: selectors.ranked_candidates(v))
        print(f"  candidates for a vacancy ({vacancy.occupation}): {ms:7.1f} ms wall {cpu:7.1f} ms CPU  "
              f"{queries} queries")
    client = Client()
    vacancy = selectors.open_vacancies(desk).first()
    for label, url in [("public board", "/la-spezia/opportunita/"),
                       ("board, search 'badante'", "/la-spezia/opportunita/?q=badante"),
                       ("board, group 8 + Sarzana", "/la-spezia/opportunita/?gruppo=8&comune=Sarzana"),
                       ("vacancy page", f"/la-spezia/opportunita/lavoro/{vacancy.pk}/"),
                       ("API list, 50", "/api/v1/desks/la-spezia/vacancies?limit=50")]:
        ms, cpu, queries = timed(lambda url=url: client.get(url))
        print(f"  {label:28} {ms:7.1f} ms wall {cpu:7.1f} ms CPU  {queries} queries")


if __name__ == "__main__":
    main()
