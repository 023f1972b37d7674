"""Demo of labour demand and supply: the Italian ESCO subset, local synonyms, fictional employers with 160
vacancies across La Spezia's sectors, and consenting candidate profiles among the demo people. Idempotent."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from pathlib import Path

from django.utils import timezone
from stdnum import luhn

from infolavoro.accounts.models import Role, RoleAssignment, User
from infolavoro.desks.models import Desk
from infolavoro.intake.models import Citizen, Consultation

from .esco import import_esco
from .models import (
    CandidateProfile,
    ContractType,
    Employer,
    Occupation,
    ProfileOccupation,
    Relation,
    Skill,
    Synonym,
    Vacancy,
    VacancyEvent,
    VacancyState,
    WorkingTime,
)

DATA = Path(__file__).parent / "data" / "esco_it"
NAMESPACE = uuid.UUID("6f1c3c1e-5b7e-4d0a-9c61-3a6d2b0c11aa")
EMPLOYER_EMAIL = "referente@cantieri-golfo.example"
COMUNI = ["La Spezia", "La Spezia", "La Spezia", "Sarzana", "Lerici", "Portovenere", "Santo Stefano di Magra",
          "Arcola", "Levanto", "Vezzano Ligure", "Castelnuovo Magra", "Riomaggiore", "Monterosso al Mare"]
# (name, ATECO, Comune, ISCO sub-major groups it hires in)
EMPLOYERS = [
    ("Cantieri Navali del Golfo S.r.l.", "30.12", "La Spezia", ["72", "74", "75", "31", "21", "83"]),
    ("Terminal Container Spezzino S.p.A.", "52.22", "La Spezia", ["83", "93", "43", "33", "54"]),
    ("Logistica Val di Magra S.r.l.", "52.10", "Santo Stefano di Magra", ["83", "43", "93", "96"]),
    ("Hotel Baia di Lerici S.r.l.", "55.10", "Lerici", ["51", "42", "91", "94"]),
    ("Ristorante Il Gozzo S.n.c.", "56.11", "Portovenere", ["51", "94", "75"]),
    ("Cinque Terre Accoglienza Soc. Coop.", "79.90", "Riomaggiore", ["51", "42", "54", "34"]),
    ("Cooperativa Sociale Il Faro", "88.10", "La Spezia", ["53", "26", "22", "91"]),
    ("Famiglie al Centro – Agenzia per il lavoro domestico", "78.10", "Sarzana", ["53", "91"]),
    ("Supermercati Riviera S.p.A.", "47.11", "Sarzana", ["52", "75", "93", "14"]),
    ("Edilizia Spezzina S.r.l.", "41.00", "Arcola", ["71", "93", "74", "83"]),
    ("Impianti Tigullio-Spezia S.r.l.", "43.21", "La Spezia", ["74", "71"]),
    ("Azienda Agricola Colli di Luni", "01.21", "Castelnuovo Magra", ["61", "92"]),
    ("Muscolai del Golfo Soc. Coop.", "03.21", "Portovenere", ["62", "83"]),
    ("Studio Associato Conti & Partners", "69.20", "La Spezia", ["41", "43", "33"]),
    ("Golfo Digitale S.r.l.", "62.10", "La Spezia", ["25", "35", "24"]),
    ("Servizi Integrati Levante S.r.l.", "81.21", "La Spezia", ["91", "54", "96"]),
    ("Yacht Service Lerici S.r.l.", "33.15", "Lerici", ["72", "75", "83", "51"]),
]
SYNONYMS = [("badante", "assistente familiare", None), ("muletto", "carrellista", None),
            ("lavapiatti", "lavapiatti", None), ("colf", "collaboratore domestico", None),
            ("guidare il muletto", None, "condurre il carrello elevatore"),
            ("haccp", None, "igiene e sicurezza alimentare (HACCP)")]
FLAGGED = ["Cerchiamo personale max 30 anni, bella presenza.", "Preferibilmente nubile, automunita."]
# Demo people with a profile: (first, last, Comune, occupations with months, licences, languages)
PEOPLE = [
    ("Giulia", "Bertolini", "La Spezia", [("cameriere", 24), ("barista", 6)], ["B"], {"en": "B1"}),
    ("Marco", "Ferrari", "Sarzana", [("carrellista", 36), ("magazziniere", 12)], ["B", "muletto"], {}),
    ("Aisha", "Diallo", "La Spezia", [("assistente familiare", 48)], [], {"fr": "C1", "it": "B1"}),
    ("Luca", "Rossi", "Lerici", [("saldatore", 60)], ["B"], {}),
    ("Elena", "Moretti", "La Spezia", [("impiegato amministrativo", 30), ("segretario", 12)], ["B"], {"en": "B2"}),
    ("Oksana", "Kovalenko", "Arcola", [("cameriera ai piani", 12), ("addetto alle pulizie", 24)], [], {"en": "A2"}),
    ("Davide", "Bianchi", "Santo Stefano di Magra", [("autista di camion", 96)], ["B", "C", "CE", "CQC"], {}),
    ("Sara", "Lombardi", "Levanto", [("receptionist d'albergo", 18)], ["B"], {"en": "C1", "de": "B1"}),
    ("Ahmed", "Benali", "La Spezia", [("muratore", 40), ("manovale edile", 20)], ["B"], {"ar": "C2", "fr": "B1"}),
    ("Chiara", "Galli", "Sarzana", [("commesso", 20), ("cassiere", 10)], [], {"en": "A2"}),
    ("Paolo", "Neri", "La Spezia", [("sviluppatore software", 30)], ["B"], {"en": "B2"}),
    ("Francesca", "Conti", "Portovenere", [("cuoco", 50), ("aiuto cuoco", 12)], ["B"], {}),
    ("Ion", "Popescu", "Castelnuovo Magra", [("operaio agricolo", 30), ("viticoltore", 12)], ["B"], {"ro": "C2"}),
    ("Martina", "Rizzi", "La Spezia", [("operatore socio-sanitario", 36)], ["B"], {}),
    ("Stefano", "Marchi", "Lerici", [("marinaio di yacht", 24), ("ormeggiatore", 6)], ["B"], {"en": "B1"}),
    ("Valentina", "Greco", "La Spezia", [("addetto al call center", 15)], [], {"en": "B1", "es": "B2"}),
    ("Roberto", "Colombo", "Vezzano Ligure", [("elettricista", 72)], ["B"], {}),
    ("Nadia", "El Amrani", "Sarzana", [("baby-sitter", 24), ("collaboratore domestico", 12)], [], {"fr": "B2"}),
    ("Giorgio", "Fontana", "La Spezia", [("operatore portuale", 18), ("gruista portuale", 0)], ["B", "C"], {}),
    ("Irene", "Sala", "La Spezia", [("addetto al marketing digitale", 12), ("analista di dati", 6)], [],
     {"en": "C1"}),
]


def _tax_code(n: int) -> str:
    base = f"0{n:06d}011"
    return base + luhn.calc_check_digit(base)


def _skills_of(occupation: Occupation, relation: str) -> list[int]:
    return [link.skill_id for link in occupation.skill_links.all() if link.relation == relation]


def load(desk: Desk) -> None:
    import_esco(DATA, progress=False)
    occupations = {o.preferred_label: o for o in Occupation.objects.prefetch_related("skill_links")}
    skills = {s.preferred_label: s for s in Skill.objects.all()}
    for term, occupation, skill in SYNONYMS:
        Synonym.objects.get_or_create(desk=desk, term=term, defaults={
            "occupation": occupations.get(occupation), "skill": skills.get(skill)})
    if Vacancy.objects.filter(desk=desk).exists():
        return
    now = timezone.now()
    today = timezone.localdate()
    rng = random.Random(2026)
    employers = []
    for n, (name, ateco, comune, _groups) in enumerate(EMPLOYERS, start=1):
        employer, _created = Employer.objects.get_or_create(desk=desk, tax_code=_tax_code(n), defaults={
            "name": name, "ateco_code": ateco, "comune": comune, "address": f"Via del Porto {n}",
            "contact_name": "Ufficio personale", "contact_email": f"personale{n}@employer.example",
            "contact_phone": "0187 500" + f"{n:03d}", "privacy_acknowledged_at": now,
            "status": Employer.Status.APPROVED})
        employers.append(employer)
    employers[0].contact_email = EMPLOYER_EMAIL
    employers[0].save(update_fields=["contact_email"])
    by_group = {}
    for occupation in occupations.values():
        by_group.setdefault(occupation.isco_code[:2], []).append(occupation)
    contracts = [ContractType.FIXED_TERM, ContractType.PERMANENT, ContractType.SEASONAL, ContractType.APPRENTICESHIP,
                 ContractType.AGENCY, ContractType.TRAINEESHIP, ContractType.FIXED_TERM, ContractType.OCCASIONAL]
    essential_rows, optional_rows, events = [], [], []
    for i in range(160):
        e = i % len(employers)
        employer, groups = employers[e], EMPLOYERS[e][3]
        pool = [o for g in groups for o in by_group.get(g, [])] or list(occupations.values())
        occupation = pool[rng.randrange(len(pool))]
        state = VacancyState.PUBLISHED
        if i % 40 == 7:
            state = VacancyState.IN_REVIEW
        elif i % 40 == 13:
            state = VacancyState.DRAFT
        published = today - dt.timedelta(days=rng.randrange(0, 25))
        expires = published + dt.timedelta(days=rng.randrange(20, 75))
        description = (f"{employer.name} cerca {occupation.preferred_label} per la sede di {employer.comune}. "
                       "Inserimento in un gruppo di lavoro affiatato, formazione sulla sicurezza a carico "
                       "dell'azienda.")
        if state == VacancyState.IN_REVIEW:
            description += " " + FLAGGED[i % 2]
        licences = []
        if occupation.isco_code in ("8332",):
            licences = ["C", "CE", "CQC"]
        elif occupation.isco_code == "8344":
            licences = ["muletto"]
        vacancy = Vacancy(
            id=uuid.uuid5(NAMESPACE, f"{desk.slug}/vacancy/{i}"), desk=desk, employer=employer,
            title=f"{occupation.preferred_label.capitalize()}{' (m/f)' if i % 3 == 0 else ''}",
            occupation=occupation, isco_code=occupation.isco_code, description=description,
            languages={"en": "B1"} if occupation.isco_code[0] in "45" and i % 2 else {},
            licences=licences, education_eqf=[None, 2, 3, 4][i % 4], experience_months=[0, 6, 12, 24][i % 4],
            contract_type=contracts[i % len(contracts)],
            working_time=WorkingTime.PART if i % 5 == 0 else WorkingTime.FULL,
            hours_per_week=20 if i % 5 == 0 else 40, comune=COMUNI[rng.randrange(len(COMUNI))],
            address="", remote="hybrid" if occupation.isco_code[0] == "2" else "no",
            salary_min=18000 + 500 * (i % 12) if i % 2 else None, salary_max=24000 + 500 * (i % 12) if i % 2 else None,
            openings=1 + i % 3, work_permit_required=True,
            published_on=published if state == VacancyState.PUBLISHED else None,
            expires_on=expires, how_to_apply=f"Invia il curriculum a {employer.contact_email} oppure rivolgiti "
                                              "allo sportello InfoLavoro.",
            state=state, state_changed_at=now, created_at=now)
        vacancy.save()
        events.append(VacancyEvent(vacancy=vacancy, from_state="", to_state=VacancyState.DRAFT, at=now))
        if state != VacancyState.DRAFT:
            events.append(VacancyEvent(vacancy=vacancy, from_state=VacancyState.DRAFT,
                                       to_state=VacancyState.IN_REVIEW, at=now))
        if state == VacancyState.PUBLISHED:
            events.append(VacancyEvent(vacancy=vacancy, from_state=VacancyState.IN_REVIEW,
                                       to_state=VacancyState.PUBLISHED, at=now))
        essential = _skills_of(occupation, Relation.ESSENTIAL)
        optional = _skills_of(occupation, Relation.OPTIONAL)
        essential_rows += [Vacancy.essential_skills.through(vacancy_id=vacancy.pk, skill_id=s) for s in essential]
        optional_rows += [Vacancy.optional_skills.through(vacancy_id=vacancy.pk, skill_id=s) for s in optional]
    VacancyEvent.objects.bulk_create(events)
    Vacancy.essential_skills.through.objects.bulk_create(essential_rows)
    Vacancy.optional_skills.through.objects.bulk_create(optional_rows)
    _profiles(desk, occupations, now, rng)
    _employer_contact(desk, employers[0])


def _profiles(desk: Desk, occupations: dict[str, Occupation], now: dt.datetime, rng: random.Random) -> None:
    for n, (first, last, comune, wanted, licences, languages) in enumerate(PEOPLE):
        citizen, _created = Citizen.objects.get_or_create(
            desk=desk, first_name=first, last_name=last, defaults={
                "email": f"{first.lower()}.{last.lower().replace(' ', '')}@persona.example",
                "privacy_acknowledged_at": now, "last_activity_at": now, "employment_status": "unemployed"})
        if _created:
            # They met the desk: an orientation interview, where the profile was filled in with them.
            Consultation.objects.create(desk=desk, citizen=citizen, held_at=now - dt.timedelta(days=n + 1),
                                        reason="Orientamento al lavoro", notes="Compilato il profilo professionale.",
                                        next_steps="Valutare le offerte proposte dallo sportello.")
        profile, _created = CandidateProfile.objects.get_or_create(citizen=citizen, defaults={
            "desk": desk, "consent_at": now if n % 7 != 6 else None, "home_comune": comune,
            "mobility_comuni": "La Spezia\nSarzana" if n % 2 else "La Spezia", "own_vehicle": "B" in licences,
            "licences": licences, "languages": {"it": "C2", **languages}, "education_eqf": [2, 3, 4, 6][n % 4],
            "contract_preferences": [] if n % 3 else ["indeterminato", "determinato"]})
        skill_ids: set[int] = set()
        for label, months in wanted:
            occupation = occupations[label]
            ProfileOccupation.objects.get_or_create(profile=profile, occupation=occupation,
                                                    defaults={"experience_months": months})
            links = list(occupation.skill_links.all())
            # Most of the occupation's skills, not all: the ranking then has something to explain.
            skill_ids |= {link.skill_id for link in links if rng.random() < 0.75}
        profile.skills.set(skill_ids)


def _employer_contact(desk: Desk, employer: Employer) -> None:
    from infolavoro.accounts.demo import DEMO_PASSWORD

    user = User.objects.filter(email=EMPLOYER_EMAIL).first()
    if user is None:
        user = User.objects.create_user(email=EMPLOYER_EMAIL, password=DEMO_PASSWORD, first_name="Referente",
                                        last_name="Cantieri Navali del Golfo")
    RoleAssignment.objects.get_or_create(user=user, role=Role.EMPLOYER_CONTACT, desk=desk, employer=employer,
                                         defaults={"affiliation": employer.name[:200]})

