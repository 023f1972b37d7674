"""Reads of the labour app, scoped by desk (and by employer for employer contacts)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import BooleanField, F, Func, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Lower
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import urlencode

from infolavoro.accounts.permissions import desk_ids_for, employer_ids_for

from . import matching
from .models import (
    CandidateProfile,
    ContractType,
    Employer,
    Occupation,
    ProfileOccupation,
    Proposal,
    Skill,
    Synonym,
    Vacancy,
    VacancyState,
    WorkingTime,
)
from .taxonomy import TaxonomyIndex, index, occupations_in_groups

BOARD_FILTERS = ("q", "gruppo", "comune", "contratto", "orario", "scadenza")


# --- Public board -----------------------------------------------------------------------------------------


def open_vacancies(desk: Any, today: dt.date | None = None) -> QuerySet[Vacancy]:
    """Published and not expired, by date: an expired vacancy leaves the board by itself, before the hourly job
    records it."""
    today = today or timezone.localdate()
    return Vacancy.objects.filter(desk=desk, state=VacancyState.PUBLISHED, expires_on__gte=today,
                                  published_on__lte=today)


def board(desk: Any, filters: dict[str, str], today: dt.date | None = None) -> QuerySet[Vacancy]:
    """The public board with its filters: words (title, occupation, synonyms), ISCO major group, Comune,
    contract, working time, deadline within N days. One query (occupation and employer joined)."""
    today = today or timezone.localdate()
    qs = open_vacancies(desk, today).select_related("occupation", "employer")
    words = (filters.get("q") or "").replace("\x00", "").strip()[:100]
    if words:
        occupation_ids = list(occupation_matches(words, desk).values_list("pk", flat=True)[:50])
        condition = Q(occupation_id__in=occupation_ids)
        for word in words.split():
            condition |= Q(title__icontains=word)
        qs = qs.filter(condition)
    if (group := filters.get("gruppo", "")) and group.isdigit() and len(group) == 1:
        qs = qs.filter(isco_code__startswith=group)
    if comune := (filters.get("comune") or "").strip()[:100]:
        qs = qs.filter(comune__iexact=comune)
    if (contract := filters.get("contratto")) in ContractType.values:
        qs = qs.filter(contract_type=contract)
    if (time := filters.get("orario")) in WorkingTime.values:
        qs = qs.filter(working_time=time)
    if (days := filters.get("scadenza", "")) and days.isdigit() and int(days) < 3660:
        qs = qs.filter(expires_on__lte=today + dt.timedelta(days=int(days)))
    return qs.order_by("-published_on", "title", "pk")


def board_comuni(desk: Any) -> list[str]:
    return list(open_vacancies(desk).order_by("comune").values_list("comune", flat=True).distinct())


BOARD_CACHE_SECONDS = 300
BOARD_CACHED_SEARCHES = 500


def _board_key(desk_id: Any) -> str:
    return f"labour:board:{desk_id}"


def forget_board(desk_id: Any) -> None:
    """A vacancy of the desk changed: its board's cached counts and Comuni go, now and again after the commit
    (so a request reading in between cannot keep the old figures)."""
    cache.delete(_board_key(desk_id))
    transaction.on_commit(lambda: cache.delete(_board_key(desk_id)))


def board_stats(desk: Any, filters: dict[str, str], today: dt.date | None = None) -> tuple[int, list[str]]:
    """How many vacancies match the filters, and the Comuni of the open vacancies (the board's select): read
    from one cache entry per desk, counted in the database only on a miss. The entry goes when a vacancy of the
    desk changes (forget_board), at midnight (the date is part of it) and after BOARD_CACHE_SECONDS."""
    today = today or timezone.localdate()
    key = _board_key(desk.pk)
    stats = cache.get(key)
    if not isinstance(stats, dict) or stats.get("today") != today.isoformat():
        stats = {"today": today.isoformat(), "counts": {}}
    search = urlencode(sorted(filters.items()))
    changed = False
    if search not in stats["counts"]:
        if len(stats["counts"]) >= BOARD_CACHED_SEARCHES:
            stats["counts"] = {}
        stats["counts"][search] = board(desk, filters, today).order_by().count()
        changed = True
    if "comuni" not in stats:
        stats["comuni"] = board_comuni(desk)
        changed = True
    if changed:
        cache.set(key, stats, BOARD_CACHE_SECONDS)
    return stats["counts"][search], stats["comuni"]


def public_vacancy(desk: Any, pk: Any) -> Vacancy:
    return get_object_or_404(
        open_vacancies(desk).select_related("occupation", "employer").prefetch_related(
            "essential_skills", "optional_skills"), pk=pk)


# --- Taxonomy look-up with local synonyms -----------------------------------------------------------------


def _synonyms(desk: Any) -> QuerySet[Synonym]:
    return Synonym.objects.filter(Q(desk=desk) | Q(desk__isnull=True))


def occupation_matches(text: str, desk: Any) -> QuerySet[Occupation]:
    """Occupations whose label, alternative labels or local synonyms contain the text ("badante" finds
    "assistente familiare")."""
    text = text.replace("\x00", "").strip()[:100]
    if not text:
        return Occupation.objects.none()
    via_synonym = _synonyms(desk).filter(term__icontains=text, occupation__isnull=False).values("occupation_id")
    return Occupation.objects.filter(Q(preferred_label__icontains=text) | Q(alt_labels__icontains=text)
                                     | Q(pk__in=via_synonym)).order_by("preferred_label")


def skill_matches(text: str, desk: Any) -> QuerySet[Skill]:
    text = text.replace("\x00", "").strip()[:100]
    if not text:
        return Skill.objects.none()
    via_synonym = _synonyms(desk).filter(term__icontains=text, skill__isnull=False).values("skill_id")
    return Skill.objects.filter(Q(preferred_label__icontains=text) | Q(alt_labels__icontains=text)
                                | Q(pk__in=via_synonym)).order_by("preferred_label")


def resolve_occupation(text: str, desk: Any) -> Occupation | None:
    """The one occupation a free text names: an exact label, alternative label or synonym, else None."""
    text = text.replace("\x00", "").strip().casefold()
    if not text:
        return None
    synonym = _synonyms(desk).filter(term__iexact=text, occupation__isnull=False).select_related("occupation")
    if found := synonym.order_by("desk_id").first():
        return found.occupation
    for occupation in occupation_matches(text, desk)[:50]:
        labels = [occupation.preferred_label, *occupation.alt_labels.splitlines()]
        if text in {label.strip().casefold() for label in labels}:
            return occupation
    return None


# --- Staff and employer lists -----------------------------------------------------------------------------


def employers(user: Any, desk: Any) -> QuerySet[Employer]:
    qs = Employer.objects.filter(desk=desk)
    desk_ids = desk_ids_for(user, "desk.operate")
    if desk_ids is not None and desk.pk not in desk_ids:
        ids = employer_ids_for(user) or set()
        qs = qs.filter(pk__in=ids)
    return qs.order_by("status", "name")


def employer(user: Any, desk: Any, pk: Any) -> Employer:
    return get_object_or_404(employers(user, desk), pk=pk)


def vacancies(user: Any, desk: Any, state: str = "") -> QuerySet[Vacancy]:
    """Desk staff see the desk's vacancies; an employer contact only its employer's."""
    qs = Vacancy.objects.filter(desk=desk, employer__in=employers(user, desk)).select_related("employer", "occupation")
    if state in VacancyState.values:
        qs = qs.filter(state=state)
    return qs.order_by("-state_changed_at")


def vacancy(user: Any, desk: Any, pk: Any) -> Vacancy:
    return get_object_or_404(vacancies(user, desk).prefetch_related("essential_skills", "optional_skills",
                                                                     "events__actor"), pk=pk)


def proposals(user: Any, desk: Any, state: str = "") -> QuerySet[Proposal]:
    qs = Proposal.objects.filter(desk=desk, employer__in=employers(user, desk)).select_related(
        "vacancy", "employer", "citizen")
    if state:
        qs = qs.filter(state=state)
    return qs.order_by("-state_changed_at")


def proposal(user: Any, desk: Any, pk: Any) -> Proposal:
    return get_object_or_404(proposals(user, desk).prefetch_related("events__actor"), pk=pk)


def profile_for(citizen: Any) -> CandidateProfile | None:
    return (CandidateProfile.objects.filter(citizen=citizen)
            .prefetch_related(Prefetch("wanted", queryset=ProfileOccupation.objects.select_related("occupation")),
                              "skills").first())


def consenting_profile(user: Any, desk: Any, citizen_pk: Any) -> CandidateProfile:
    """A person's profile for the vacancy side: only desk staff, only with consent."""
    desk_ids = desk_ids_for(user, "desk.operate")
    if desk_ids is not None and desk.pk not in desk_ids:
        raise Http404
    return get_object_or_404(CandidateProfile.objects.select_related("citizen"), citizen_id=citizen_pk, desk=desk,
                             consent_at__isnull=False)


# --- Matching: narrow in the database, score in Python ----------------------------------------------------


def candidate_data(profile: CandidateProfile, related: dict[int, float] | None = None) -> matching.Candidate:
    wanted = list(profile.wanted.all())
    comuni = {c.casefold() for c in profile.mobility_list}
    if profile.home_comune:
        comuni.add(profile.home_comune.casefold())
    return matching.Candidate(
        key=profile.citizen_id,
        occupations={w.occupation_id: w.experience_months for w in wanted},
        isco_codes=frozenset(w.occupation.isco_code for w in wanted),
        skills=frozenset(s.pk for s in profile.skills.all()),
        languages=dict(profile.languages or {}), licences=frozenset(profile.licences or []),
        education_eqf=profile.education_eqf, available_from=profile.available_from, comuni=frozenset(comuni),
        contracts=frozenset(profile.contract_preferences or []), work_permit=profile.work_permit,
        related=related or {})


def _jobs(rows: list[dict[str, Any]], today: dt.date) -> list[matching.Job]:
    ids = [row["id"] for row in rows]
    essential: dict[Any, set[int]] = {}
    optional: dict[Any, set[int]] = {}
    for vid, sid in Vacancy.essential_skills.through.objects.filter(vacancy_id__in=ids).values_list(
            "vacancy_id", "skill_id"):
        essential.setdefault(vid, set()).add(sid)
    for vid, sid in Vacancy.optional_skills.through.objects.filter(vacancy_id__in=ids).values_list(
            "vacancy_id", "skill_id"):
        optional.setdefault(vid, set()).add(sid)
    return [matching.Job(
        key=row["id"], occupation_id=row["occupation_id"], isco_code=row["isco_code"],
        essential=frozenset(essential.get(row["id"], ())), optional=frozenset(optional.get(row["id"], ())),
        languages=row["languages"] or {}, licences=frozenset(row["licences"] or []),
        education_eqf=row["education_eqf"], experience_months=row["experience_months"],
        comune=row["comune"].casefold(), remote=row["remote"], contract_type=row["contract_type"],
        work_permit_required=row["work_permit_required"], expires_on=row["expires_on"],
        published=row["published_on"] is not None and row["published_on"] <= today,
    ) for row in rows]


JOB_FIELDS = ("id", "occupation_id", "isco_code", "languages", "licences", "education_eqf", "experience_months",
              "comune", "remote", "contract_type", "work_permit_required", "published_on", "expires_on")

# How many rows each narrowing query may hand over to the scoring function (see ranked_vacancies).
CLOSE_IN_REACH, CLOSE_ANYWHERE, NEAR_IN_REACH, NEAR_ANYWHERE, REMOTE = 120, 60, 60, 30, 10
RELATED_OCCUPATIONS = 30


def related_occupations(wanted: set[int], skills: frozenset[int] | set[int] = frozenset(),
                        top: int = RELATED_OCCUPATIONS, taxonomy: TaxonomyIndex | None = None) -> dict[int, float]:
    """Occupations related by their skills (ESCO) to the ones a person looks for: occupation id → share of skills
    in common with the closest wanted occupation, over the smaller of the two skill sets (0..1). The `top`
    occupations sharing most skills with the wanted ones and the person's own skills are considered (ties by
    id). Read from the process's memo of the taxonomy (labour.taxonomy): no query while the taxonomy is
    unchanged."""
    taxonomy = taxonomy or index()
    pool = set(skills)
    for oid in wanted:
        pool |= taxonomy.skills_of.get(oid, frozenset())
    if not pool:
        return {}
    shared: Counter[int] = Counter()
    for sid in pool:
        shared.update(taxonomy.occupations_with.get(sid, ()))
    nearest = sorted((oid for oid in shared if oid not in wanted), key=lambda oid: (-shared[oid], oid))[:top]
    if not wanted:
        return dict.fromkeys(nearest, 0.0)
    sets = taxonomy.skills_of
    result = {}
    for oid in nearest:
        mine = sets.get(oid, frozenset())
        result[oid] = max((len(mine & sets.get(w, frozenset())) / min(len(mine), len(sets.get(w, frozenset())))
                           for w in wanted if mine and sets.get(w)), default=0.0)
    return result


def _reach(comuni: frozenset[str] | set[str]) -> Q:
    """Workplaces a person can reach: their Comuni (compared in lower case, on an index) or remote work."""
    return Q(comune_lower__in=sorted(comuni)) if comuni else Q(pk__in=[])


def ranked_vacancies(profile: CandidateProfile, today: dt.date | None = None, limit: int = 20
                     ) -> list[tuple[Vacancy, matching.Match]]:
    """Open vacancies of the person's desk, narrowed in the database and scored and explained in Python.

    Narrowing, a fixed handful of indexed queries whatever the number of vacancies, each with a LIMIT:
      - close: the occupations the person looks for and the other occupations of their ISCO unit groups,
        first those in a Comune they can reach (or remote), then anywhere;
      - near: occupations related by their ESCO skills (to the wanted occupations and to the person's own
        skills) and the other occupations of their ISCO sub-major groups, in reach, then anywhere.
    At most a few hundred rows reach the scoring function, which alone decides the order."""
    today = today or timezone.localdate()
    wanted = {w.occupation_id for w in profile.wanted.all()}
    own_skills = frozenset(s.pk for s in profile.skills.all())
    taxonomy = index()  # one read of the taxonomy version per ranking
    related = related_occupations(wanted, own_skills, taxonomy=taxonomy)
    strong = {oid: share for oid, share in related.items() if share >= matching.RELATED_MIN}
    candidate = candidate_data(profile, strong)
    units = set(candidate.isco_codes)
    majors = {code[:2] for code in units}
    # Near: occupations the scoring credits (related by skills, same sub-major group); for a person who named no
    # occupation, those sharing most skills with theirs.
    close, near = set(wanted), set(strong) if wanted else set(related)
    for oid, code in occupations_in_groups(majors, taxonomy).items():
        (close if code in units else near).add(oid)
    near -= close
    # Published, on the matching indexes; the dates are the scoring function's hard filter (in SQL they would
    # steer the planner to the board's date indexes).
    base = Vacancy.objects.filter(desk_id=profile.desk_id, state=VacancyState.PUBLISHED).annotate(
        comune_lower=Lower("comune")).order_by()
    remote = ~Q(remote="no")
    rows: dict[Any, dict[str, Any]] = {}
    for group, in_reach, anywhere in ((close, CLOSE_IN_REACH, CLOSE_ANYWHERE), (near, NEAR_IN_REACH, NEAR_ANYWHERE)):
        if not group:
            continue
        in_group = base.filter(occupation_id__in=sorted(group))
        for qs, cap in ((in_group.filter(_reach(candidate.comuni)), in_reach),
                        (in_group.filter(remote), REMOTE), (in_group, anywhere)):
            for row in qs.values(*JOB_FIELDS)[:cap]:
                rows.setdefault(row["id"], row)
    if not rows:
        return []
    matches = matching.rank(candidate, _jobs(list(rows.values()), today), today, limit)
    by_pk = Vacancy.objects.select_related("employer", "occupation").in_bulk([m.key for m in matches])
    return [(by_pk[m.key], m) for m in matches]


# How many people each narrowing query may hand over (see ranked_candidates).
PEOPLE_CLOSE_IN_REACH, PEOPLE_CLOSE, PEOPLE_NEAR, PEOPLE_BY_SKILLS = 120, 60, 60, 30


def ranked_candidates(vacancy: Vacancy, today: dt.date | None = None, limit: int = 20
                      ) -> list[tuple[CandidateProfile, matching.Match]]:
    """Consenting people of the vacancy's desk, narrowed in the database and scored and explained in Python.

    Narrowing, a fixed handful of queries with a LIMIT: people looking for the vacancy's occupation or another of
    its ISCO unit group, first those living in its Comune or who can reach it, then anyone; people looking for an
    occupation related to it by ESCO skills or of its ISCO sub-major group; people who named any of its
    essential skills."""
    today = today or timezone.localdate()
    job = _jobs([{name: getattr(vacancy, "pk" if name == "id" else name) for name in JOB_FIELDS}], today)[0]
    job = matching.Job(**{**job.__dict__, "published": vacancy.state == VacancyState.PUBLISHED})
    taxonomy = index()  # one read of the taxonomy version per ranking
    related = {oid: share for oid, share in related_occupations({vacancy.occupation_id}, taxonomy=taxonomy).items()
               if share >= matching.RELATED_MIN}
    close, near = {vacancy.occupation_id}, set(related)
    for oid, code in occupations_in_groups({vacancy.isco_code[:2]}, taxonomy).items():
        (close if code == vacancy.isco_code else near).add(oid)
    near -= close
    consenting = ProfileOccupation.objects.filter(profile__desk_id=vacancy.desk_id,
                                                  profile__consent_at__isnull=False).order_by()
    ids: dict[Any, None] = dict.fromkeys(_people_in_reach(vacancy, close)[:PEOPLE_CLOSE_IN_REACH])
    close_qs = consenting.filter(occupation_id__in=sorted(close))
    for qs, cap in ((close_qs, PEOPLE_CLOSE), (consenting.filter(occupation_id__in=sorted(near)), PEOPLE_NEAR)):
        ids.update(dict.fromkeys(qs.values_list("profile_id", flat=True)[:cap]))
    if job.essential:
        through = CandidateProfile.skills.through
        ids.update(dict.fromkeys(through.objects.filter(
            skill_id__in=sorted(job.essential), candidateprofile__desk_id=vacancy.desk_id,
            candidateprofile__consent_at__isnull=False).order_by().values_list(
            "candidateprofile_id", flat=True)[:PEOPLE_BY_SKILLS]))
    matches = matching.rank_candidates(_candidates(list(ids), vacancy.occupation_id, related), job, today, limit)
    by_pk = CandidateProfile.objects.select_related("citizen").in_bulk([m.key for m in matches])
    return [(by_pk[m.key], m) for m in matches]


def _people_in_reach(vacancy: Vacancy, occupations: set[int]) -> list[Any]:
    """Consenting people of the vacancy's desk looking for one of these occupations who live in its Comune or can
    reach it (at most PEOPLE_CLOSE_IN_REACH, in no particular order).

    On PostgreSQL the people are read by key: `citizen_id = ANY(ARRAY(<profiles looking for the occupations>))`
    runs the subquery once and probes the profiles' primary key, where the join let the planner scan every
    profile to test the Comune (a text match no index serves): 14 ms → 3–5 ms server time at 50,000 profiles.
    SQLite already reads them by key through the join, kept there."""
    comune = vacancy.comune.strip()
    if not comune or not occupations:
        return []
    looking = ProfileOccupation.objects.filter(occupation_id__in=sorted(occupations)).order_by()
    if connection.vendor == "postgresql":
        consenting = CandidateProfile.objects.filter(desk_id=vacancy.desk_id, consent_at__isnull=False).order_by()
        in_reach = Q(home_comune__iexact=comune) | Q(mobility_comuni__icontains=comune)
        qs = consenting.filter(_AnyOfArray(F("citizen_id"), Subquery(looking.values("profile_id")))).filter(in_reach)
        return list(qs.values_list("citizen_id", flat=True)[:PEOPLE_CLOSE_IN_REACH])
    qs = looking.filter(profile__desk_id=vacancy.desk_id, profile__consent_at__isnull=False).filter(
        Q(profile__home_comune__iexact=comune) | Q(profile__mobility_comuni__icontains=comune))
    return list(qs.values_list("profile_id", flat=True)[:PEOPLE_CLOSE_IN_REACH])


class _AnyOfArray(Func):
    """PostgreSQL: `column = ANY(ARRAY(subquery))`, the subquery evaluated once and the rows read by key."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra):
        column, subquery = self.source_expressions
        column_sql, column_params = compiler.compile(column)
        subquery_sql, subquery_params = compiler.compile(subquery)  # "(SELECT ...)"
        return f"{column_sql} = ANY(ARRAY{subquery_sql})", (*column_params, *subquery_params)


def _candidates(ids: list[Any], occupation_id: int | None = None, related: dict[int, float] | None = None
                ) -> list[matching.Candidate]:
    """Scoring data of these people; `related` (occupation id → share of skills in common with the vacancy's
    occupation `occupation_id`) gives each person the relatedness of the vacancy's occupation to theirs."""
    related = related or {}
    wanted: dict[Any, dict[int, int]] = {}
    isco: dict[Any, set[str]] = {}
    for pid, oid, months, code in ProfileOccupation.objects.filter(profile_id__in=ids).values_list(
            "profile_id", "occupation_id", "experience_months", "occupation__isco_code"):
        wanted.setdefault(pid, {})[oid] = months
        isco.setdefault(pid, set()).add(code)
    skills: dict[Any, set[int]] = {}
    for pid, sid in CandidateProfile.skills.through.objects.filter(candidateprofile_id__in=ids).values_list(
            "candidateprofile_id", "skill_id"):
        skills.setdefault(pid, set()).add(sid)
    result = []
    for row in CandidateProfile.objects.filter(citizen_id__in=ids).values(
            "citizen_id", "languages", "licences", "education_eqf", "available_from", "home_comune",
            "mobility_comuni", "contract_preferences", "work_permit"):
        pid = row["citizen_id"]
        comuni = {c.strip().casefold() for c in row["mobility_comuni"].splitlines() if c.strip()}
        if row["home_comune"]:
            comuni.add(row["home_comune"].casefold())
        share = max((related.get(oid, 0.0) for oid in wanted.get(pid, {})), default=0.0)
        result.append(matching.Candidate(
            related={occupation_id: share} if share >= matching.RELATED_MIN else {},
            key=pid, occupations=wanted.get(pid, {}), isco_codes=frozenset(isco.get(pid, ())),
            skills=frozenset(skills.get(pid, ())), languages=row["languages"] or {},
            licences=frozenset(row["licences"] or []), education_eqf=row["education_eqf"],
            available_from=row["available_from"], comuni=frozenset(comuni),
            contracts=frozenset(row["contract_preferences"] or []), work_permit=row["work_permit"]))
    return result


STOPWORDS = {"della", "delle", "degli", "dello", "nella", "nelle", "sulla", "con", "per", "tra", "fra", "dei",
             "del", "gli", "le", "il", "lo", "la", "di", "da", "in", "su", "e", "a", "i", "un", "una", "uno"}


def _keywords(label: str) -> list[str]:
    """The words that identify a skill in a course's text: without the leading verb and short words."""
    words = re.findall(r"\w+", label.casefold())
    if len(words) > 1 and words[0].endswith(("are", "ere", "ire", "rre")):  # an infinitive: condurre, usare
        words = words[1:]
    return [w for w in words if len(w) > 3 and w not in STOPWORDS]


def courses_for_skills(desk: Any, skills: list[Skill], today: dt.date | None = None) -> dict[int, list[Any]]:
    """The network's current courses whose title or description names a skill (all its key words): skill id →
    courses. Two queries."""
    from infolavoro.network.selectors import current_trainings

    if not skills:
        return {}
    courses = list(current_trainings(today).filter(organization__desk=desk, organization__is_active=True)
                   .select_related("organization"))
    texts = [(course, f"{course.title} {course.description}".casefold()) for course in courses]
    found: dict[int, list[Any]] = {}
    for skill in skills:
        keywords = _keywords(skill.preferred_label)
        if not keywords:
            continue
        hits = [course for course, text in texts if all(k in text for k in keywords)]
        if hits:
            found[skill.pk] = hits[:3]
    return found


def profile_for_cv(user: Any, desk: Any, citizen_pk: Any) -> CandidateProfile | None:
    """The profile whose CV the user may download: desk staff; an employer's contact only for people proposed
    to that employer."""
    qs = CandidateProfile.objects.filter(desk=desk, citizen_id=citizen_pk).select_related("citizen")
    desk_ids = desk_ids_for(user, "desk.operate")
    if desk_ids is None or desk.pk in desk_ids:
        return qs.first()
    ids = employer_ids_for(user) or set()
    return qs.filter(citizen__proposals__employer_id__in=ids, consent_at__isnull=False).distinct().first()


# --- Aggregates for the monitoring (no personal field is ever read from these) ------------------------------


def _first_publication(vacancy_path: str):
    """When the vacancy was first published (its first «published» event), as a subquery."""
    from django.db.models import OuterRef, Subquery

    from .models import VacancyEvent

    return Subquery(VacancyEvent.objects.filter(vacancy=OuterRef(vacancy_path), to_state=VacancyState.PUBLISHED)
                    .order_by("at").values("at")[:1])


def monitoring_vacancy_events(desk_ids) -> QuerySet:
    """Vacancies published, filled, withdrawn or expired: the vacancies' state changes, by day."""
    from .models import VacancyEvent

    return VacancyEvent.objects.filter(
        vacancy__desk_id__in=desk_ids,
        to_state__in=[VacancyState.PUBLISHED, VacancyState.FILLED, VacancyState.WITHDRAWN, VacancyState.EXPIRED])


def monitoring_proposal_events(desk_ids) -> QuerySet:
    """Proposals made and their outcomes recorded by the employers, by day of the event."""
    from .models import ProposalEvent, ProposalState

    return ProposalEvent.objects.filter(
        proposal__desk_id__in=desk_ids,
        to_state__in=[ProposalState.PROPOSED, ProposalState.INTERVIEW, ProposalState.HIRED,
                      ProposalState.NOT_SELECTED, ProposalState.WITHDRAWN])


def monitoring_hires(desk_ids) -> QuerySet:
    """Hires (a proposal's «hired» event), each with the vacancy's sector (ATECO code), occupation group (ISCO),
    first publication and the person's first consultation at the desk."""
    from infolavoro.intake.selectors import monitoring_first_consultation

    from .models import ProposalEvent, ProposalState

    return ProposalEvent.objects.filter(proposal__desk_id__in=desk_ids, to_state=ProposalState.HIRED).annotate(
        _published=_first_publication("proposal__vacancy"),
        _first_consultation=monitoring_first_consultation("proposal__citizen"))


def monitoring_first_proposals(desk_ids) -> QuerySet[Vacancy]:
    """Published vacancies that received a proposal, with their first publication and first proposal."""
    from django.db.models import OuterRef, Subquery

    first = Subquery(Proposal.objects.filter(vacancy=OuterRef("pk")).order_by("created_at").values("created_at")[:1])
    return Vacancy.objects.filter(desk_id__in=desk_ids).annotate(
        _published=_first_publication("pk"), _first_proposal=first).filter(
        _published__isnull=False, _first_proposal__isnull=False)


def monitoring_open_vacancies(desk_ids, at: dt.datetime) -> tuple[int, int]:
    """Vacancies open at `at` (published by then, not yet expired, filled or withdrawn) and those published
    before it ever."""
    from django.db.models import Count, Exists, OuterRef

    from .models import VacancyEvent

    closed = VacancyEvent.objects.filter(vacancy=OuterRef("pk"), at__lt=at, to_state__in=[
        VacancyState.FILLED, VacancyState.WITHDRAWN, VacancyState.EXPIRED])
    published = VacancyEvent.objects.filter(vacancy=OuterRef("pk"), at__lt=at, to_state=VacancyState.PUBLISHED)
    day = at.date() - dt.timedelta(days=1)  # `at` is the midnight after the period, in the desk's zone
    row = Vacancy.objects.filter(desk_id__in=desk_ids).annotate(_pub=Exists(published), _closed=Exists(closed)) \
        .filter(_pub=True).aggregate(
            total=Count("pk"),
            open=Count("pk", filter=Q(_closed=False, expires_on__gte=day)))
    return row["open"], row["total"]
