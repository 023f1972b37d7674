"""The indicator registry and how each indicator is computed: by the database (one grouped aggregate query, two for
counts of distinct people), through the other apps' monitoring selectors, then through the one suppression
function.

How suppression stays safe across periods: counts are always computed on *canonical* tables — a calendar year of
months (or an ISO year of weeks, or a year) — and suppressed there. A request for any period shows slices of these
tables; quarters and years are sums of published months, and a period's total is the sum of published cells (or
hidden). So whatever periods one asks for, every figure shown is either a canonical published cell or a sum of
them: nothing hidden can be worked out by comparing requests.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import (
    Aggregate,
    Case,
    CharField,
    Count,
    DateTimeField,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .suppression import Cell, effective_threshold, suppress, suppress_mean

GRAINS = ("week", "month", "quarter", "year")
GRAIN_LABELS = {"week": _("settimana"), "month": _("mese"), "quarter": _("trimestre"), "year": _("anno")}
OTHER = "__other__"
NOT_GIVEN = "__none__"


# --- Periods ------------------------------------------------------------------------------------------------


def bucket_start(day: dt.date, grain: str) -> dt.date:
    if grain == "week":
        return day - dt.timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    if grain == "quarter":
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return dt.date(day.year, 1, 1)


def next_bucket(start: dt.date, grain: str) -> dt.date:
    if grain == "week":
        return start + dt.timedelta(days=7)
    if grain == "year":
        return dt.date(start.year + 1, 1, 1)
    months = 1 if grain == "month" else 3
    month = start.month - 1 + months
    return dt.date(start.year + month // 12, month % 12 + 1, 1)


def block_of(bucket: dt.date, grain: str) -> int:
    """The canonical table a bucket belongs to: its ISO year for weeks, its calendar year otherwise."""
    return bucket.isocalendar()[0] if grain == "week" else bucket.year


def block_range(block: int, grain: str) -> tuple[dt.date, dt.date]:
    if grain == "week":
        return dt.date.fromisocalendar(block, 1, 1), dt.date.fromisocalendar(block + 1, 1, 1)
    return dt.date(block, 1, 1), dt.date(block + 1, 1, 1)


def buckets(start: dt.date, end_exclusive: dt.date, grain: str) -> list[dt.date]:
    out, current = [], bucket_start(start, grain)
    while current < end_exclusive:
        out.append(current)
        current = next_bucket(current, grain)
    return out


def bucket_label(bucket: dt.date, grain: str) -> str:
    if grain == "week":
        year, week, _day = bucket.isocalendar()
        return f"{year}-S{week:02d}"
    if grain == "month":
        return f"{bucket:%Y-%m}"
    if grain == "quarter":
        return f"{bucket.year}-T{(bucket.month - 1) // 3 + 1}"
    return str(bucket.year)


@dataclass(frozen=True)
class Period:
    """Local dates, inclusive, snapped outwards to whole buckets of the grain."""

    start: dt.date
    end: dt.date
    grain: str

    @property
    def first(self) -> dt.date:
        return bucket_start(self.start, self.grain)

    @property
    def end_exclusive(self) -> dt.date:
        return next_bucket(bucket_start(self.end, self.grain), self.grain)

    @property
    def columns(self) -> list[dt.date]:
        return buckets(self.first, self.end_exclusive, self.grain)

    @property
    def grain_label(self) -> str:
        return str(GRAIN_LABELS[self.grain])


# --- The registry -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    code: str
    theme: str
    name_it: str
    name_en: str
    definition_it: str
    definition_en: str
    unit_it: str
    unit_en: str
    # "count": additive counts; "distinct": distinct people; "mean": an average; "share": a rate derived from the
    # published cells of another count; "snapshot": a figure at the end of the period (no people counted); "wait":
    # the median and mean of the hourly days-to-the-first-free-slot readings (no people counted).
    kind: str
    source: Callable[[Any], Any] | None = None  # desk ids -> queryset (another app's monitoring selector)
    date_field: str = ""
    category: Any = None  # a field path or an expression (annotated as _cat)
    labels: dict[str, Any] = field(default_factory=dict)  # fixed rows, in order
    free_text: bool = False  # rows typed by staff: small ones are merged into «Altro» (their label could identify)
    measure: Any = None  # the aggregate for counts (Count("pk") by default)
    value: Any = None  # the expression averaged, for means
    desk_field: str = "desk_id"
    prepare: Callable[[Any, list], Any] | None = None  # (queryset, bucket starts in UTC) -> queryset
    # Like `prepare`, but only adds columns (annotations) for the category, never filters or multiplies rows: the
    # indicator can share one query with the others counting the same people (`_grouped_people`).
    annotate: Callable[[Any, list], Any] | None = None
    # For shares: (source indicator code, numerator rows, denominator rows).
    share_of: tuple[str, tuple[str, ...], tuple[str, ...]] | None = None
    compute_snapshot: Callable[[Any, dt.datetime], tuple[int, int]] | None = None
    counts_people: bool = True
    snapshot_of: Any = None  # for snapshots: what the second figure counts («soggetti attivi»)

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "it").startswith("en") else self.name_it

    @property
    def definition(self) -> str:
        return self.definition_en if (get_language() or "it").startswith("en") else self.definition_it

    @property
    def unit(self) -> str:
        return self.unit_en if (get_language() or "it").startswith("en") else self.unit_it


REGISTRY: dict[str, Indicator] = {}
THEMES = {"access": _("Accesso"), "people": _("Persone"), "service": _("Servizio"), "network": _("Rete"),
          "labour": _("Mercato del lavoro"), "satisfaction": _("Soddisfazione")}


def register(indicator: Indicator) -> Indicator:
    if indicator.code in REGISTRY:
        raise ValueError(f"Indicator {indicator.code} defined twice")
    REGISTRY[indicator.code] = indicator
    return indicator


def _bookings(ids):
    from infolavoro.booking.selectors import monitoring_bookings

    return monitoring_bookings(ids)


def _ratings(ids):
    from infolavoro.booking.selectors import monitoring_ratings

    return monitoring_ratings(ids)


def _consultations(ids):
    from infolavoro.intake.selectors import monitoring_consultations

    return monitoring_consultations(ids)


def _portals(ids):
    from infolavoro.intake.selectors import monitoring_portal_registrations

    return monitoring_portal_registrations(ids)


def _referrals(ids):
    from infolavoro.referrals.selectors import monitoring_referrals

    return monitoring_referrals(ids)


def _answers(ids):
    from infolavoro.referrals.selectors import monitoring_answers

    return monitoring_answers(ids)


def _choices(choices) -> dict[str, Any]:
    return dict(choices)


def _new_or_returning(qs, starts):
    """New: the person's first consultation ever falls in the bucket of this one."""
    from infolavoro.intake.selectors import monitoring_first_consultation

    return qs.annotate(_this=bucket_case("held_at", starts, start_values=True),
                       _first=monitoring_first_consultation())


def _verified_members(ids, at: dt.datetime) -> tuple[int, int]:
    from infolavoro.network.selectors import monitoring_members

    row = monitoring_members(ids).aggregate(
        total=Count("pk"), verified=Count("pk", filter=Q(last_reviewed_at__gt=at - dt.timedelta(days=90),
                                                        last_reviewed_at__lte=at)))
    return row["verified"], row["total"]


def _define() -> None:
    from infolavoro.booking.models import BookingStatus
    from infolavoro.intake.models import AgeBand, EducationLevel, EmploymentStatus, YesNoUnknown
    from infolavoro.referrals.models import LOOP_CLOSED_STATES, State

    days = DaysBetween("start", "created_at")
    register(Indicator(
        "access.appointments", "access", "Appuntamenti per esito", "Appointments by outcome",
        "Appuntamenti prenotati allo sportello, per giorno dell'appuntamento: ricevuti, non presentati, annullati "
        "dal cittadino o dallo sportello, ancora da tenere.",
        "Appointments booked at the desk, by day of the appointment: held, no-show, cancelled by the citizen or "
        "by the desk, still to come.",
        "appuntamenti", "appointments", "count", _bookings, "start",
        category=Case(When(status__in=[BookingStatus.COMPLETED, BookingStatus.CHECKED_IN], then=Value("held")),
                      default=F("status")),
        labels={"held": _("ricevuti"), BookingStatus.NO_SHOW: _("non presentati"),
                BookingStatus.CANCELLED: _("annullati dal cittadino"),
                BookingStatus.CANCELLED_BY_DESK: _("annullati dallo sportello"), BookingStatus.BOOKED: _("da tenere")},
        prepare=lambda qs, starts: qs.filter(walk_in=False)))
    register(Indicator(
        "access.walk_ins", "access", "Persone ricevute senza appuntamento", "Walk-ins",
        "Persone ricevute allo sportello senza appuntamento.", "People received at the desk without an appointment.",
        "persone", "people", "count", _bookings, "start", prepare=lambda qs, starts: qs.filter(walk_in=True)))
    register(Indicator(
        "access.channel", "access", "Prenotazioni per canale", "Bookings by channel",
        "Appuntamenti per giorno della prenotazione: online dal cittadino, o per telefono o allo sportello "
        "(inseriti dal personale).",
        "Appointments by day they were booked: online by the citizen, or by phone or at the desk (entered by staff).",
        "prenotazioni", "bookings", "count", _bookings, "created_at",
        category=Case(When(created_by__isnull=True, then=Value("online")), default=Value("staff")),
        labels={"online": _("online"), "staff": _("telefono o sportello")},
        prepare=lambda qs, starts: qs.filter(walk_in=False)))
    register(Indicator(
        "access.lead_days", "access", "Giorni tra prenotazione e appuntamento", "Days from booking to appointment",
        "Media dei giorni tra la prenotazione e l'appuntamento (per giorno dell'appuntamento).",
        "Average days between booking and appointment (by day of the appointment).",
        "giorni", "days", "mean", _bookings, "start", value=days,
        # an appointment recorded after it happened has no waiting time
        prepare=lambda qs, starts: qs.filter(walk_in=False, created_at__lte=F("start"))))
    register(Indicator(
        "access.days_to_first_free_slot", "access", "Giorni alla prima disponibilità",
        "Days to the first free slot",
        "Giorni che avrebbe atteso chi prenotava: dal momento della rilevazione (ogni ora, sul calendario dello "
        "sportello) al primo posto libero; mediana e media per sportello e periodo (per l'intero periodo: media di "
        "tutte le rilevazioni, mediana delle mediane dei periodi). Le ore senza alcun posto libero "
        "nell'orizzonte di prenotazione non sono contate (né come zero). Non conta persone: nessuna cifra è "
        "nascosta.",
        "Days a person booking would have waited: from the moment of the reading (every hour, on the desk's "
        "calendar) to the first free slot; median and mean per desk and period (over the whole period: the mean of "
        "every reading, the median of the periods' medians). Hours with no free slot within the booking "
        "horizon are not counted (nor counted as zero). It counts no people: no figure is suppressed.",
        "giorni", "days", "wait", counts_people=False))
    register(Indicator(
        "people.served", "people", "Persone seguite", "People served",
        "Persone diverse che hanno avuto almeno un colloquio nel periodo.",
        "Distinct people who had at least one consultation in the period.",
        "persone", "people", "distinct", _consultations, "held_at", measure=Count("citizen", distinct=True)))
    register(Indicator(
        "people.new_returning", "people", "Persone nuove e già seguite", "New and returning people",
        "Persone al primo colloquio in assoluto nel periodo (nuove) o già seguite prima.",
        "People whose first consultation ever falls in the period (new) or who had one before (returning).",
        "persone", "people", "distinct", _consultations, "held_at", measure=Count("citizen", distinct=True),
        category=Case(When(_first__gte=F("_this"), then=Value("new")), default=Value("returning")),
        labels={"new": _("nuove"), "returning": _("già seguite")}, annotate=_new_or_returning))
    for code, name_it, name_en, path, choices in (
        ("people.age_band", "Persone per fascia d'età", "People by age band", "citizen__age_band", AgeBand),
        ("people.employment", "Persone per condizione lavorativa", "People by employment status",
         "citizen__employment_status", EmploymentStatus),
        ("people.education", "Persone per titolo di studio", "People by education level", "citizen__education_level",
         EducationLevel),
        ("people.cpi", "Persone iscritte al Centro per l'impiego", "People registered with the employment centre",
         "citizen__cpi_registered", YesNoUnknown),
    ):
        register(Indicator(
            code, "people", name_it, name_en,
            f"{name_it}: persone diverse con almeno un colloquio nel periodo, secondo la scheda (non indicato se "
            "vuoto).",
            f"{name_en}: distinct people with at least one consultation in the period, as their profile records "
            "(not given when empty).",
            "persone", "people", "distinct", _consultations, "held_at", category=path,
            labels=_choices(choices.choices), measure=Count("citizen", distinct=True)))
    register(Indicator(
        "service.consultations_by_reason", "service", "Colloqui per motivo", "Consultations by reason",
        "Colloqui tenuti nel periodo, per motivo.", "Consultations held in the period, by reason.",
        "colloqui", "consultations", "count", _consultations, "held_at", category="reason", free_text=True))
    register(Indicator(
        "service.consultations_by_need", "service", "Bisogni rilevati nei colloqui", "Needs found in consultations",
        "Colloqui per bisogno rilevato (un colloquio può averne più d'uno).",
        "Consultations by need found (one consultation may have several).",
        "colloqui", "consultations", "count", _consultations, "held_at", category="needs__name",
        prepare=lambda qs, starts: qs.filter(needs__isnull=False)))
    register(Indicator(
        "service.portal_registrations", "service", "Iscrizioni ai portali del lavoro", "Job-portal registrations",
        "Iscrizioni ai portali del lavoro completate con l'aiuto dello sportello, per portale.",
        "Registrations with job portals completed with the desk's help, by portal.",
        "iscrizioni", "registrations", "count", _portals, "consultation__held_at", category="portal__name",
        desk_field="consultation__desk_id"))
    register(Indicator(
        "network.referrals_by_member", "network", "Segnalazioni per soggetto della rete", "Referrals by member",
        "Segnalazioni inviate ai soggetti della rete, per soggetto.", "Referrals sent to network members, by member.",
        "segnalazioni", "referrals", "count", _referrals, "created_at", category="organization__name"))
    register(Indicator(
        "network.referrals_by_need", "network", "Segnalazioni per bisogno", "Referrals by need",
        "Segnalazioni inviate, per bisogno.", "Referrals sent, by need.",
        "segnalazioni", "referrals", "count", _referrals, "created_at", category="need__name"))
    register(Indicator(
        "network.referrals_by_state", "network", "Segnalazioni per stato", "Referrals by state",
        "Segnalazioni inviate nel periodo, per stato attuale.", "Referrals sent in the period, by current state.",
        "segnalazioni", "referrals", "count", _referrals, "created_at", category="state",
        labels=_choices(State.choices)))
    register(Indicator(
        "network.answers", "network", "Risposte dei soggetti", "Members' answers",
        "Segnalazioni accettate o rifiutate dai soggetti, per giorno della risposta.",
        "Referrals accepted or declined by the members, by day of the answer.",
        "segnalazioni", "referrals", "count", _answers, "at", category="to_state",
        labels={State.ACCEPTED: _("accettate"), State.DECLINED: _("rifiutate")}, desk_field="referral__desk_id"))
    register(Indicator(
        "network.acceptance_rate", "network", "Tasso di accettazione", "Acceptance rate",
        "Segnalazioni accettate sul totale di quelle a cui il soggetto ha risposto.",
        "Referrals accepted out of those the member answered.",
        "%", "%", "share", share_of=("network.answers", (State.ACCEPTED,), (State.ACCEPTED, State.DECLINED))))
    register(Indicator(
        "network.closed_loop_rate", "network", "Segnalazioni con esito noto", "Closed-loop rate",
        "Segnalazioni di cui lo sportello conosce l'esito (servizio erogato, rifiutata, persona assente, chiusa).",
        "Referrals whose outcome the desk knows (served, declined, no-show, closed).",
        "%", "%", "share", share_of=("network.referrals_by_state", tuple(LOOP_CLOSED_STATES), tuple(State.values))))
    register(Indicator(
        "network.answer_days", "network", "Giorni per la risposta del soggetto", "Days to the member's answer",
        "Media dei giorni tra l'invio della segnalazione e la risposta del soggetto.",
        "Average days between sending a referral and the member's answer.",
        "giorni", "days", "mean", _answers, "at", desk_field="referral__desk_id",
        value=DaysBetween("at", "referral__created_at")))
    register(Indicator(
        "network.declined_reasons", "network", "Motivi dei rifiuti", "Reasons for declining",
        "Segnalazioni rifiutate, per motivo indicato dal soggetto.", "Declined referrals, by the member's reason.",
        "segnalazioni", "referrals", "count", _referrals, "state_changed_at", category="decline_reason",
        free_text=True, prepare=lambda qs, starts: qs.filter(state=State.DECLINED)))
    register(Indicator(
        "network.verified_members", "network", "Soggetti verificati negli ultimi 90 giorni",
        "Members verified in the last 90 days",
        "Soggetti attivi della rete i cui dati sono stati verificati nei 90 giorni prima della fine del periodo.",
        "Active members whose data was verified in the 90 days before the end of the period.",
        "soggetti", "members", "snapshot", compute_snapshot=_verified_members, counts_people=False,
        snapshot_of=_("soggetti attivi")))
    register(Indicator(
        "satisfaction.ratings", "satisfaction", "Valutazioni del servizio", "Service ratings",
        "Valutazioni date dopo un appuntamento, da 1 (per niente soddisfatto) a 5 (molto soddisfatto).",
        "Ratings given after an appointment, from 1 (not at all satisfied) to 5 (very satisfied).",
        "valutazioni", "ratings", "count", _ratings, "rated_at", category="score",
        labels={str(n): str(n) for n in range(5, 0, -1)}))
    register(Indicator(
        "satisfaction.score", "satisfaction", "Soddisfazione media", "Average satisfaction",
        "Media delle valutazioni (1–5) date nel periodo.", "Average of the ratings (1–5) given in the period.",
        "punti su 5", "points out of 5", "mean", _ratings, "rated_at", value=F("score")))


def _vacancy_events(ids):
    from infolavoro.labour.selectors import monitoring_vacancy_events

    return monitoring_vacancy_events(ids)


def _proposal_events(ids):
    from infolavoro.labour.selectors import monitoring_proposal_events

    return monitoring_proposal_events(ids)


def _hires(ids):
    from infolavoro.labour.selectors import monitoring_hires

    return monitoring_hires(ids)


def _first_proposals(ids):
    from infolavoro.labour.selectors import monitoring_first_proposals

    return monitoring_first_proposals(ids)


def _open_vacancies(ids, at: dt.datetime) -> tuple[int, int]:
    from infolavoro.labour.selectors import monitoring_open_vacancies

    return monitoring_open_vacancies(ids, at)


# ATECO 2007 sections by the code's first two digits (the division).
ATECO_SECTIONS = (
    ("A", "01", "03", _("Agricoltura, silvicoltura e pesca")),
    ("B", "05", "09", _("Estrazione di minerali da cave e miniere")),
    ("C", "10", "33", _("Attività manifatturiere")),
    ("D", "35", "35", _("Fornitura di energia elettrica, gas, vapore e aria condizionata")),
    ("E", "36", "39", _("Fornitura di acqua, reti fognarie, gestione dei rifiuti")),
    ("F", "41", "43", _("Costruzioni")),
    ("G", "45", "47", _("Commercio all'ingrosso e al dettaglio, riparazione di veicoli")),
    ("H", "49", "53", _("Trasporto e magazzinaggio")),
    ("I", "55", "56", _("Servizi di alloggio e di ristorazione")),
    ("J", "58", "63", _("Servizi di informazione e comunicazione")),
    ("K", "64", "66", _("Attività finanziarie e assicurative")),
    ("L", "68", "68", _("Attività immobiliari")),
    ("M", "69", "75", _("Attività professionali, scientifiche e tecniche")),
    ("N", "77", "82", _("Noleggio, agenzie di viaggio, servizi di supporto alle imprese")),
    ("O", "84", "84", _("Amministrazione pubblica e difesa")),
    ("P", "85", "85", _("Istruzione")),
    ("Q", "86", "88", _("Sanità e assistenza sociale")),
    ("R", "90", "93", _("Attività artistiche, sportive, di intrattenimento")),
    ("S", "94", "96", _("Altre attività di servizi")),
    ("T", "97", "98", _("Famiglie come datori di lavoro di personale domestico")),
    ("U", "99", "99", _("Organizzazioni ed organismi extraterritoriali")),
)
# ISCO-08 major groups by the code's first digit.
ISCO_GROUPS = {
    "1": _("Dirigenti"), "2": _("Professioni intellettuali e scientifiche"), "3": _("Professioni tecniche"),
    "4": _("Impiegati d'ufficio"), "5": _("Professioni nei servizi e nella vendita"),
    "6": _("Agricoltori e operai specializzati di agricoltura e pesca"), "7": _("Artigiani e operai specializzati"),
    "8": _("Conduttori di impianti e macchinari, montatori"), "9": _("Professioni non qualificate"),
    "0": _("Forze armate"),
}


def _define_labour() -> None:
    from django.db.models.functions import Substr

    from infolavoro.labour.models import ProposalState, VacancyState

    register(Indicator(
        "labour.vacancies", "labour", "Offerte di lavoro pubblicate e chiuse", "Vacancies published and closed",
        "Offerte di lavoro pubblicate sulla bacheca dello sportello, coperte, ritirate o scadute, per giorno del "
        "passaggio di stato (un'offerta ripubblicata conta di nuovo).",
        "Vacancies published on the desk's board, filled, withdrawn or expired, by day of the change of state (a "
        "vacancy published again counts again).",
        "offerte", "vacancies", "count", _vacancy_events, "at", category="to_state",
        labels={VacancyState.PUBLISHED: _("pubblicate"), VacancyState.FILLED: _("coperte"),
                VacancyState.WITHDRAWN: _("ritirate"), VacancyState.EXPIRED: _("scadute")},
        desk_field="vacancy__desk_id", counts_people=False))
    register(Indicator(
        "labour.open_vacancies", "labour", "Offerte aperte alla fine del periodo", "Vacancies open at the end of "
        "the period",
        "Offerte pubblicate, non ancora scadute, coperte o ritirate nell'ultimo giorno del periodo.",
        "Vacancies published and not yet expired, filled or withdrawn on the last day of the period.",
        "offerte", "vacancies", "snapshot", compute_snapshot=_open_vacancies, counts_people=False,
        snapshot_of=_("offerte pubblicate fino ad allora")))
    register(Indicator(
        "labour.proposals", "labour", "Candidature proposte e loro esiti", "Proposals and their outcomes",
        "Persone proposte dallo sportello ai datori di lavoro e gli esiti registrati (colloquio, assunzione, non "
        "selezione, ritiro), per giorno dell'evento.",
        "People the desk proposed to employers and the outcomes recorded (interview, hired, not selected, "
        "withdrawn), by day of the event.",
        "candidature", "proposals", "count", _proposal_events, "at", category="to_state",
        labels={ProposalState.PROPOSED: _("proposte"), ProposalState.INTERVIEW: _("colloquio con il datore"),
                ProposalState.HIRED: _("assunte"), ProposalState.NOT_SELECTED: _("non selezionate"),
                ProposalState.WITHDRAWN: _("ritirate")},
        desk_field="proposal__desk_id"))
    division = Substr("proposal__vacancy__employer__ateco_code", 1, 2)
    register(Indicator(
        "labour.hires_by_sector", "labour", "Assunzioni per settore (ATECO)", "Hires by sector (ATECO)",
        "Persone assunte dopo una proposta dello sportello, per sezione ATECO del datore di lavoro.",
        "People hired after the desk proposed them, by the employer's ATECO section.",
        "persone", "people", "count", _hires, "at",
        category=Case(*[When(_div__gte=low, _div__lte=high, then=Value(code)) for code, low, high, _l
                        in ATECO_SECTIONS], default=Value(NOT_GIVEN)),
        labels={code: label for code, _low, _high, label in ATECO_SECTIONS},
        desk_field="proposal__desk_id", prepare=lambda qs, starts: qs.annotate(_div=division)))
    register(Indicator(
        "labour.hires_by_occupation", "labour", "Assunzioni per gruppo professionale (ISCO)",
        "Hires by occupation group (ISCO)",
        "Persone assunte dopo una proposta dello sportello, per grande gruppo ISCO-08 della professione "
        "dell'offerta.",
        "People hired after the desk proposed them, by the ISCO-08 major group of the vacancy's occupation.",
        "persone", "people", "count", _hires, "at", category=Substr("proposal__vacancy__isco_code", 1, 1),
        labels=dict(sorted(ISCO_GROUPS.items(), key=lambda item: item[0] == "0")),
        desk_field="proposal__desk_id"))
    register(Indicator(
        "labour.hires_after_first_consultation", "labour", "Assunzioni entro 3 e 6 mesi dal primo colloquio",
        "Hires within 3 and 6 months of the first consultation",
        "Persone assunte dopo una proposta dello sportello, secondo il tempo trascorso dal loro primo colloquio "
        "allo sportello (il riferimento europeo dei servizi per l'impiego: transizioni verso il lavoro).",
        "People hired after the desk proposed them, by the time since their first consultation at the desk (the "
        "European public employment services' benchmark of transitions into work).",
        "persone", "people", "count", _hires, "at",
        category=Case(When(_first_consultation__isnull=True, then=Value(NOT_GIVEN)),
                      When(_days__lte=92, then=Value("3")), When(_days__lte=183, then=Value("6")),
                      default=Value("later")),
        labels={"3": _("entro 3 mesi"), "6": _("tra 3 e 6 mesi"), "later": _("dopo 6 mesi")},
        desk_field="proposal__desk_id",
        prepare=lambda qs, starts: qs.annotate(_days=DaysBetween("at", "_first_consultation"))))
    register(Indicator(
        "labour.days_to_first_proposal", "labour", "Giorni dalla pubblicazione alla prima candidatura",
        "Days from publication to the first proposal",
        "Media dei giorni tra la pubblicazione di un'offerta e la prima persona proposta (per giorno della "
        "proposta).",
        "Average days between a vacancy's publication and the first person proposed (by day of the proposal).",
        "giorni", "days", "mean", _first_proposals, "_first_proposal",
        value=DaysBetween("_first_proposal", "_published")))
    register(Indicator(
        "labour.days_to_hire", "labour", "Giorni dalla pubblicazione all'assunzione",
        "Days from publication to hire",
        "Media dei giorni tra la pubblicazione di un'offerta e l'assunzione di una persona proposta (per giorno "
        "dell'assunzione).",
        "Average days between a vacancy's publication and the hire of a person proposed (by day of the hire).",
        "giorni", "days", "mean", _hires, "at", value=DaysBetween("at", "_published"),
        desk_field="proposal__desk_id", prepare=lambda qs, starts: qs.filter(_published__isnull=False)))


# --- Results ------------------------------------------------------------------------------------------------


@dataclass
class Row:
    key: str
    label: str
    cells: list[Cell]
    total: Cell | None


@dataclass
class Line:
    label: str
    values: list[float | None]  # None: nothing to average in the column («–»)
    total: float | None


@dataclass
class Result:
    indicator: Indicator
    period: Period
    columns: list[str]
    rows: list[Row]
    column_totals: list[Cell] | None
    total: Cell | None
    threshold: int
    means: list[float | None] | None = None  # for means and shares, one per column
    mean_total: float | None = None
    # For means and shares: which columns (and the period) had nothing to average, shown «–», not «ris.».
    mean_empty: list[bool] | None = None
    mean_total_empty: bool = False
    snapshot: tuple[int, int] | None = None
    # For waits: labelled lines of averages (median and mean, per desk), one value per column and the period's.
    lines: list[Line] | None = None

    @property
    def kind_is_rate(self) -> bool:
        return self.indicator.kind in ("mean", "share", "wait")

    @property
    def headline(self) -> Any:
        if self.indicator.kind in ("mean", "share"):
            return self.mean_total
        if self.indicator.kind == "snapshot":
            return self.snapshot[0] if self.snapshot else None
        if self.total is not None:
            return self.total
        return None


class DaysBetween(Func):
    """Days from `earlier` to `later` as a float, native on each database (Django's generic duration on SQLite is
    a Python function per row)."""

    output_field = FloatField()

    def __init__(self, later: str, earlier: str):
        super().__init__(F(later), F(earlier))

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="(julianday(%(expressions)s))", arg_joiner=") - julianday(",
                           **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="(EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0)",
                           arg_joiner=" - ", **extra)


class BucketIndex(Func):
    """Which bucket a row falls in, as plain SQL comparisons (CASE WHEN field < next start THEN 0 WHEN ... END):
    fast on every database, where truncating dates in a time zone costs a function call per row on SQLite.
    `starts` are the buckets' first instants plus the end; gives the bucket's number (or its first instant).
    One expression rather than a Case of Whens: Django hashes every When and Value of a Case while compiling
    the query, which for the 53 weeks of a year was a third of the weekly page's time."""

    def __init__(self, date_field: str, starts: list[dt.datetime], *, start_values: bool = False):
        super().__init__(F(date_field), output_field=DateTimeField() if start_values else IntegerField())
        self.starts, self.start_values = tuple(starts), start_values

    def as_sql(self, compiler, connection, **extra):
        field_sql, field_params = compiler.compile(self.source_expressions[0])
        # a parameter's type is unknown to PostgreSQL inside CASE
        instant = "CAST(%s AS timestamp with time zone)" if connection.vendor == "postgresql" else "%s"
        adapt = connection.ops.adapt_datetimefield_value
        whens, params = [], []
        for i in range(len(self.starts) - 1):
            whens.append(f"WHEN {field_sql} < %s THEN {instant if self.start_values else i}")
            params += [*field_params, adapt(self.starts[i + 1])]
            if self.start_values:
                params.append(adapt(self.starts[i]))
        return f"CASE {' '.join(whens)} ELSE NULL END", params


def bucket_case(date_field: str, starts: list[dt.datetime], *, start_values: bool = False):
    """The bucket of each row (see `BucketIndex`)."""
    return BucketIndex(date_field, starts, start_values=start_values)


def _utc(day: dt.date, tz) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=tz)


def _as_date(value: Any, tz) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value, tz).date() if timezone.is_aware(value) else value.date()
    return value


def _fetch(qs) -> list[tuple]:
    """The rows of a values_list queryset as the driver gives them, without Django's converter per value: for reads
    of thousands of plain numbers (on SQLite a date comes as its ISO text: `_as_day`)."""
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _as_day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _key(value: Any) -> str:
    return NOT_GIVEN if value in (None, "") else str(value)


TOTAL = "__total__"  # in grouped rows: the distinct people of a column, whatever their row


def _grouped(ind: Indicator, desk_ids, start: dt.date, end: dt.date, grain: str, tz, memo: dict | None = None
             ) -> list[tuple]:
    """Live, from the other apps' rows: one grouped query by bucket, desk and row (a second one for the distinct
    people of each column), as (desk id, row key, bucket, n, sum of the values for averages). The column totals
    are one query for every indicator counting the same rows the same way (people served, and the people of each
    profile band), once per request (`memo`)."""
    days = buckets(start, end, grain)
    if not days:
        return []
    starts = [_utc(day, tz) for day in [*days, end]]
    if ind.kind == "wait":
        return _grouped_waits(desk_ids, days, starts)
    span = (tuple(sorted(desk_ids)), start, end, grain)
    if memo is not None and ("grouped", ind.code, *span) in memo:
        return memo["grouped", ind.code, *span]  # came with another indicator's query
    partner = MEAN_PARTNERS.get(ind.code)
    if partner is not None and memo is not None:  # a mean over the rows a count groups: its query gives both
        _grouped(REGISTRY[partner], desk_ids, start, end, grain, tz, memo)
        return memo["grouped", ind.code, *span]
    people = _people_siblings(ind) if memo is not None else []
    if len(people) > 1:  # every profile band of the same people: one query for all of them
        _grouped_people(people, desk_ids, days, starts, span, memo)
        return memo["grouped", ind.code, *span]
    qs = ind.source(desk_ids).filter(**{f"{ind.date_field}__gte": starts[0], f"{ind.date_field}__lt": starts[-1]})
    if ind.prepare:
        qs = ind.prepare(qs, starts)
    if ind.annotate:
        qs = ind.annotate(qs, starts)
    qs = qs.annotate(_b=bucket_case(ind.date_field, starts))
    desk = ind.desk_field
    if ind.kind == "mean":
        return [(r[desk], "all", days[r["_b"]], r["_n"], r["_s"]) for r in
                qs.order_by().values("_b", desk).annotate(_n=Count(ind.value), _s=Sum(ind.value))]
    category = ind.category
    if category is not None and not isinstance(category, str):
        qs, category = qs.annotate(_cat=category), "_cat"
    measure = ind.measure or Count("pk")
    totals_key = ("totals", ind.source, ind.date_field, ind.prepare, desk, repr(measure), tuple(sorted(desk_ids)),
                  start, end, grain)

    def totals() -> list[tuple]:
        if memo is None or totals_key not in memo:
            found = [(r[desk], days[r["_b"]], r["_n"]) for r in qs.order_by().values("_b", desk).annotate(_n=measure)]
            if memo is None:
                return found
            memo[totals_key] = found
        return memo[totals_key]

    if not category:
        return [(desk_id, "all", bucket, n, None) for desk_id, bucket, n in totals()]
    means = [REGISTRY[code] for code, count in MEAN_PARTNERS.items() if count == ind.code] if memo is not None \
        else []
    extra = {}
    for i, mean in enumerate(means):
        extra |= {f"_m{i}n": Count(mean.value), f"_m{i}s": Sum(mean.value)}
    found = list(qs.order_by().values("_b", desk, category).annotate(_n=measure, **extra))
    out = [(r[desk], _key(r[category]), days[r["_b"]], r["_n"], None) for r in found]
    for i, mean in enumerate(means):
        sums: dict[tuple, list] = {}
        for r in found:
            acc = sums.setdefault((r[desk], days[r["_b"]]), [0, None])
            acc[0] += r[f"_m{i}n"]
            if r[f"_m{i}s"] is not None:
                acc[1] = (acc[1] or 0.0) + r[f"_m{i}s"]
        memo["grouped", mean.code, *span] = [(d, "all", b, n, total) for (d, b), (n, total) in sums.items() if n]
    if ind.kind == "distinct":
        out += [(desk_id, TOTAL, bucket, n, None) for desk_id, bucket, n in totals()]
    return out


def _people_siblings(ind: Indicator) -> list[Indicator]:
    """The distinct-people indicators counting the same people as `ind` (same rows, date, desk and person; no
    filter of their own), whatever their category: people served and each profile band."""
    if ind.kind != "distinct" or ind.prepare is not None:
        return []
    same = (ind.source, ind.date_field, ind.desk_field, repr(ind.measure))
    return [i for i in REGISTRY.values() if i.kind == "distinct" and i.prepare is None
            and (i.source, i.date_field, i.desk_field, repr(i.measure)) == same]


def _grouped_people(inds: list[Indicator], desk_ids, days: list[dt.date], starts: list[dt.datetime], span: tuple,
                    memo: dict) -> None:
    """Distinct people of each desk and bucket, overall and by every category of `inds`, in one query: the
    database lists each person once per desk and bucket with all their categories (a materialised CTE, one scan
    of the rows and one join to the profile), then counts the distinct people of every category from that list.
    Fills the memo of `_grouped` for each indicator, as its own grouped query would."""
    first = inds[0]
    qs = first.source(desk_ids).filter(**{f"{first.date_field}__gte": starts[0],
                                          f"{first.date_field}__lt": starts[-1]})
    columns: list[tuple[Indicator, str]] = []
    categories = {}
    for i, ind in enumerate(inds):
        if ind.annotate:
            qs = ind.annotate(qs, starts)
        if ind.category is not None:
            columns.append((ind, f"_c{i}"))
            categories[f"_c{i}"] = F(ind.category) if isinstance(ind.category, str) else ind.category
    person = first.measure.get_source_expressions()[0]
    qs = qs.annotate(_b=bucket_case(first.date_field, starts), _d=F(first.desk_field), _p=person, **categories)
    inner, params = qs.order_by().values("_d", "_b", "_p", *categories).distinct().query.sql_with_params()
    parts = ['SELECT -1, "_d", "_b", CAST(NULL AS TEXT), COUNT(DISTINCT "_p") FROM p GROUP BY "_d", "_b"']
    parts += [f'SELECT {n}, "_d", "_b", CAST("{name}" AS TEXT), COUNT(DISTINCT "_p") FROM p '  # noqa: S608 - our aliases
              f'GROUP BY "_d", "_b", "{name}"' for n, (_ind, name) in enumerate(columns)]
    with connection.cursor() as cursor:
        cursor.execute(f"WITH p AS MATERIALIZED ({inner}) {' UNION ALL '.join(parts)}", params)  # noqa: S608 - structure ours, values as parameters
        found = cursor.fetchall()
    totals = [(desk, days[b], n) for which, desk, b, _cat, n in found if which == -1]
    by_column: dict[int, list[tuple]] = {}
    for which, desk, b, cat, n in found:
        if which >= 0:
            by_column.setdefault(which, []).append((desk, _key(cat), days[b], n, None))
    for ind in inds:
        memo["totals", ind.source, ind.date_field, ind.prepare, ind.desk_field, repr(ind.measure), *span] = totals
        if ind.category is None:
            memo["grouped", ind.code, *span] = [(desk, "all", bucket, n, None) for desk, bucket, n in totals]
    for n, (ind, _name) in enumerate(columns):
        memo["grouped", ind.code, *span] = by_column.get(n, []) + [(desk, TOTAL, bucket, k, None)
                                                                   for desk, bucket, k in totals]


def _rows(ind: Indicator, desk_ids, start: dt.date, end: dt.date, grain: str, tz, memo: dict | None = None
          ) -> list[tuple]:
    """The grouped rows for [start, end): buckets the pre-aggregate (`Figure`) covers for every desk are read from
    it, in one query; the others (the open bucket, anything before the coverage) are counted live. What it covers
    is read once per request (`memo`)."""
    from .models import Figure, FigureCoverage

    memo = memo if memo is not None else {}
    rows_key = ("rows", ind.code, tuple(sorted(desk_ids)), start, end, grain)  # the desks' comparison reuses them
    if rows_key in memo:
        return memo[rows_key]
    coverage_key = ("coverage", tuple(sorted(desk_ids)), grain)
    if coverage_key not in memo:
        memo[coverage_key] = list(FigureCoverage.objects.filter(desk_id__in=desk_ids, grain=grain)
                                  .values_list("covered_from", "covered_to"))
    spans = memo[coverage_key]
    lo, hi = start, start  # the stored part: none by default
    if spans and len(spans) == len(set(desk_ids)):
        lo = min(max(start, max(s[0] for s in spans)), end)
        hi = max(min(end, min(s[1] for s in spans)), lo)
    out: list[tuple] = []
    if hi > lo:
        # One query per grain and range for every indicator the request computes (`memo["codes"]`, set by the
        # selectors), not one per indicator.
        stored_key = ("stored", tuple(sorted(desk_ids)), grain, lo, hi)
        if stored_key not in memo:
            codes = sorted(memo.get("codes") or ()) or [ind.code]
            by_code: dict[str, list[tuple]] = {}
            # the bucket as text: a date column would be parsed by the driver once per row (thousands of rows,
            # a few distinct days)
            stored = (Figure.objects.filter(desk_id__in=desk_ids, indicator__in=codes, grain=grain, bucket__gte=lo,
                                            bucket__lt=hi).annotate(_day=Cast("bucket", CharField()))
                      .values_list("indicator", "desk_id", "key", "_day", "n", "value_sum"))
            days: dict[Any, dt.date] = {}  # a few distinct buckets among thousands of rows: each parsed once
            for code, desk_id, key, bucket, n, value_sum in _fetch(stored):
                day = days.get(bucket) or days.setdefault(bucket, _as_day(bucket))
                by_code.setdefault(code, []).append((desk_id, key, day, n, value_sum))
            memo[stored_key] = (set(codes), by_code)
        fetched, by_code = memo[stored_key]
        if ind.code in fetched:
            out += by_code.get(ind.code, [])
        else:
            out += list(Figure.objects.filter(desk_id__in=desk_ids, indicator=ind.code, grain=grain,
                                              bucket__gte=lo, bucket__lt=hi)
                        .values_list("desk_id", "key", "bucket", "n", "value_sum"))
    else:
        lo = hi = end
    out += _grouped(ind, desk_ids, start, lo, grain, tz, memo)
    out += _grouped(ind, desk_ids, hi, end, grain, tz, memo)
    memo[rows_key] = out
    return out


def _query(ind: Indicator, desk_ids, start: dt.date, end: dt.date, grain: str, tz, by_desk: bool,
           memo: dict | None = None):
    """{(row key, bucket): n}, and for distinct people the column totals; by desk, the rows are the desks."""
    cells: dict[tuple[str, dt.date], int] = {}
    distinct = ind.kind == "distinct"
    column_totals: dict[dt.date, int] | None = {} if distinct and (ind.category is not None or by_desk) else None
    desk_key = TOTAL if ind.category is not None else "all"  # a desk's figure for distinct people
    for desk, key, bucket, n, _sum in _rows(ind, desk_ids, start, end, grain, tz, memo):
        if by_desk:
            if (distinct and key != desk_key) or (not distinct and key == TOTAL):
                continue
            key = str(desk)
            if distinct:  # people belong to one desk: the desks' figures add up
                column_totals[bucket] = column_totals.get(bucket, 0) + n
        elif key == TOTAL:
            column_totals[bucket] = column_totals.get(bucket, 0) + n
            continue
        cells[key, bucket] = cells.get((key, bucket), 0) + n
    return cells, column_totals


def refresh_figures(desks, today: dt.date | None = None) -> int:
    """Fill the pre-aggregate for the desks: every bucket from the start of last year to the open one, for every
    indicator and the grains it is computed on, replacing what was there (late changes to closed buckets, such as
    a referral's state, are caught at the next refresh). Older stored buckets are kept: their figures survive the
    retention purge of the rows they count. Returns the rows written."""
    from django.db import transaction

    from .models import Figure, FigureCoverage

    written = 0
    now = timezone.now()
    zones: dict[str, list] = {}
    for desk in desks:
        zones.setdefault(str(desk.tz), []).append(desk)
    for group in zones.values():  # one grouped query per indicator and grain for all the desks of a zone
        tz = group[0].tz
        ids = [d.pk for d in group]
        local_today = today or timezone.localtime(now, tz).date()
        since = dt.date(local_today.year - 1, 1, 1)
        with transaction.atomic():
            for grain in GRAINS:
                start, end = bucket_start(since, grain), bucket_start(local_today, grain)
                if end <= start:
                    continue
                rows, memo = [], {}  # indicators sharing a query share it here too
                for ind in REGISTRY.values():
                    if ind.kind not in ("count", "distinct", "mean", "wait"):
                        continue
                    if grain not in (("week", "month") if ind.kind not in ("distinct", "wait") else GRAINS):
                        continue
                    rows += [Figure(desk_id=desk_id, indicator=ind.code, grain=grain, bucket=bucket, key=key, n=n,
                                    value_sum=value_sum)
                             for desk_id, key, bucket, n, value_sum in _grouped(ind, ids, start, end, grain, tz,
                                                                                memo)]
                Figure.objects.filter(desk_id__in=ids, grain=grain, bucket__gte=start).delete()
                Figure.objects.bulk_create(rows, batch_size=2000)
                written += len(rows)
                for desk in group:
                    old = FigureCoverage.objects.filter(desk=desk, grain=grain).first()
                    covered_from = old.covered_from if old and old.covered_from <= start <= old.covered_to else start
                    if covered_from == start:
                        Figure.objects.filter(desk=desk, grain=grain, bucket__lt=start).delete()  # a gap
                    FigureCoverage.objects.update_or_create(desk=desk, grain=grain, defaults={
                        "covered_from": covered_from, "covered_to": end, "refreshed_at": now})
    return written


def _row_labels(ind: Indicator, keys: set[str], desk_labels: dict[str, str] | None) -> list[tuple[str, str]]:
    if desk_labels is not None:
        return list(desk_labels.items())
    if ind.category is None:
        return [("all", str(_("totale")))]
    rows = [(str(k), str(label)) for k, label in ind.labels.items()]
    known = {k for k, _label in rows}
    extra = sorted(k for k in keys if k not in known and k not in (NOT_GIVEN, OTHER))
    rows += [(k, k) for k in extra]
    if NOT_GIVEN in keys or (ind.labels and ind.category and ind.kind == "distinct"):
        rows.append((NOT_GIVEN, str(_("non indicato"))))
    return rows


def _merge_small_free_text(matrix: list[list[int]], n_cols: int, threshold: int) -> tuple[list[list[int]],
                                                                                            list[bool]]:
    """Rows typed by staff whose total in the canonical table is small go into «Altro»; returns the matrix with an
    «Altro» row last and, per row, whether it was merged."""
    merged = [sum(row) < threshold for row in matrix]
    small = [r for r, m in zip(matrix, merged, strict=True) if m]
    other = [sum(col) for col in zip(*small, strict=True)] if small else [0] * n_cols
    return [r if not m else [0] * len(r) for r, m in zip(matrix, merged, strict=True)] + [other], merged


def compute(ind: Indicator, desk_ids, period: Period, tz, threshold: int, *,
            desk_labels: dict[str, str] | None = None, cache: dict | None = None) -> Result:
    """The indicator for the desks and the period; `desk_labels` (desk id -> name) gives one row per desk."""
    cache = cache if cache is not None else {}
    by_desk = desk_labels is not None
    columns = period.columns
    labels = [bucket_label(b, period.grain) for b in columns]
    if ind.kind == "snapshot":
        at = _utc(period.end_exclusive, tz)
        return Result(ind, period, labels, [], None, None, threshold, snapshot=ind.compute_snapshot(desk_ids, at))
    if ind.kind == "wait":
        return _wait(ind, desk_ids, period, tz, threshold, labels, desk_labels, cache)
    if ind.kind == "share":
        return _share(ind, desk_ids, period, tz, threshold, labels, cache)
    if ind.kind == "mean":
        return _mean(ind, desk_ids, period, tz, threshold, labels, cache)
    additive = ind.kind == "count"
    # Counts are computed on months (then summed into quarters and years) or weeks; distinct people on their grain.
    base = ("week" if period.grain == "week" else "month") if additive else period.grain
    blocks = sorted({block_of(b, base) for b in buckets(period.first, period.end_exclusive, base)})
    q_start, q_end = block_range(blocks[0], base)[0], block_range(blocks[-1], base)[1]
    memo_key = (ind.code, tuple(sorted(desk_ids)), q_start, q_end, base, by_desk)
    if memo_key not in cache:
        cache[memo_key] = _query(ind, desk_ids, q_start, q_end, base, tz, by_desk, cache)
    cells, distinct_totals = cache[memo_key]
    row_defs = _row_labels(ind, {k for k, _b in cells}, {str(k): v for k, v in desk_labels.items()}
                           if by_desk else None)
    if ind.free_text and not by_desk:
        row_defs.append((OTHER, str(_("altro"))))
    keys = [k for k, _label in row_defs]
    # Suppress each canonical block; keep the published cell of every base bucket.
    published: dict[tuple[str, dt.date], Cell] = {}
    published_col: dict[dt.date, Cell] = {}
    true_value: dict[tuple[str, dt.date], int] = {}
    true_col: dict[dt.date, int] = {}
    merged_in: dict[str, int] = {}
    for block in blocks:
        cols = buckets(*block_range(block, base), base)
        cols = [c for c in cols if block_of(c, base) == block]
        row_keys = [k for k in keys if k != OTHER]
        matrix = [[cells.get((k, c), 0) for c in cols] for k in row_keys]
        merged = [False] * len(row_keys)
        if ind.free_text and not by_desk:
            matrix, merged = _merge_small_free_text(matrix, len(cols), threshold)
            row_keys = [*row_keys, OTHER]
            merged.append(False)
        if distinct_totals is not None:
            col_tot = [distinct_totals.get(c, 0) for c in cols]
        else:
            col_tot = [sum(col) for col in zip(*matrix, strict=False)] if matrix else [0] * len(cols)
        many_rows = len(row_keys) > 1
        table = suppress(
            matrix, threshold,
            row_totals=[sum(r) for r in matrix] if additive and len(cols) > 1 else None,
            column_totals=col_tot if (many_rows or not additive) and len(row_keys) else None,
            total=sum(col_tot) if additive and len(cols) > 1 and many_rows else None,
        )
        for i, key in enumerate(row_keys):
            merged_in[key] = merged_in.get(key, 0) + merged[i]
            for j, col in enumerate(cols):
                true_value[key, col] = matrix[i][j]
                published[key, col] = Cell(None) if merged[i] else table.cells[i][j]
        for j, col in enumerate(cols):
            true_col[col] = col_tot[j]
            if table.column_totals is not None:
                published_col[col] = table.column_totals[j]
            elif len(row_keys) == 1:
                published_col[col] = table.cells[0][j]
            else:
                published_col[col] = Cell(col_tot[j]) if col_tot[j] == 0 else Cell(None, secondary=True)
    t = effective_threshold(threshold)

    def roll(parts: list[Cell], true: int) -> Cell:
        """A sum of published cells is published; with one hidden part it is hidden too."""
        if all(not p.hidden for p in parts):
            return Cell(sum(p.value for p in parts))
        return Cell(None, primary=0 < true < t, secondary=not 0 < true < t)

    def parts_of(col: dt.date) -> list[dt.date]:
        if base == period.grain:
            return [col]
        return buckets(col, next_bucket(col, period.grain), base)

    rows = []
    for key, label in row_defs:
        if merged_in.get(key) == len(blocks):
            continue  # a small row typed by staff: only inside «Altro»
        row_cells = [roll([published.get((key, p), Cell(0)) for p in parts_of(c)],
                          sum(true_value.get((key, p), 0) for p in parts_of(c))) for c in columns]
        total = roll(row_cells, sum(sum(true_value.get((key, p), 0) for p in parts_of(c)) for c in columns)) \
            if additive else None
        rows.append(Row(key, label, row_cells, total))
    col_cells = [roll([published_col.get(p, Cell(0)) for p in parts_of(c)], sum(true_col.get(p, 0)
                 for p in parts_of(c))) for c in columns]
    grand = roll(col_cells, sum(sum(true_col.get(p, 0) for p in parts_of(c)) for c in columns)) if additive else None
    return Result(ind, period, labels, rows, col_cells, grand, t)


def _share(ind, desk_ids, period, tz, threshold, labels, cache) -> Result:
    """A rate from the published cells of a count indicator: computed only from what is already public."""
    source_code, numerator, denominator = ind.share_of
    base = compute(REGISTRY[source_code], desk_ids, period, tz, threshold, cache=cache)
    by_key = {row.key: row for row in base.rows}

    def rate(pick: Callable[[Row], Cell | None]) -> float | None:
        num = [pick(by_key[k]) for k in numerator if k in by_key]
        den = [pick(by_key[k]) for k in denominator if k in by_key]
        if any(c is None or c.hidden for c in num + den):
            return None
        d = sum(c.value for c in den)
        return None if d == 0 else 100 * sum(c.value for c in num) / d

    def empty(pick: Callable[[Row], Cell | None]) -> bool:
        den = [pick(by_key[k]) for k in denominator if k in by_key]
        return all(c is not None and c.value == 0 for c in den)

    means = [rate(lambda row, j=j: row.cells[j]) for j in range(len(labels))]
    return Result(ind, period, labels, [], None, None, base.threshold, means=means,
                  mean_total=rate(lambda row: row.total),
                  mean_empty=[empty(lambda row, j=j: row.cells[j]) for j in range(len(labels))],
                  mean_total_empty=empty(lambda row: row.total))


def _mean(ind, desk_ids, period, tz, threshold, labels, cache) -> Result:
    """Averages per month (or week) over at least `threshold` events; a quarter, a year and the period are the
    weighted means of published months, published only when all of them are (so they add nothing new)."""
    base = "week" if period.grain == "week" else "month"
    days = buckets(period.first, period.end_exclusive, base)
    q_start, q_end = days[0], period.end_exclusive
    if ind.code in MEAN_PARTNERS:  # over the canonical years like its count, to share its one grouped query
        q_start = block_range(block_of(days[0], base), base)[0]
        q_end = block_range(block_of(days[-1], base), base)[1]

    def query() -> dict:
        sums: dict[dt.date, list] = {}
        for _desk, _key, bucket, n, value_sum in _rows(ind, desk_ids, q_start, q_end, base, tz, cache):
            acc = sums.setdefault(bucket, [0, 0.0])
            acc[0], acc[1] = acc[0] + n, acc[1] + (value_sum or 0.0)
        return {bucket: (total / n if n else None, n) for bucket, (n, total) in sums.items()}

    found = query()

    def weighted(parts: list[dt.date]) -> float | None:
        total, count = 0.0, 0
        for part in parts:
            value, n = found.get(part, (None, 0))
            if not n:
                continue
            if suppress_mean(value, n, threshold) is None:
                return None
            total, count = total + value * n, count + n
        return total / count if count else None

    def empty(parts: list[dt.date]) -> bool:
        return not any(found.get(part, (None, 0))[1] for part in parts)

    parts = [buckets(c, next_bucket(c, period.grain), base) for c in period.columns]
    every = buckets(period.first, period.end_exclusive, base)
    return Result(ind, period, labels, [], None, None, effective_threshold(threshold),
                  means=[weighted(p) for p in parts], mean_total=weighted(every),
                  mean_empty=[empty(p) for p in parts], mean_total_empty=empty(every))


def _grouped_waits(desk_ids, days: list[dt.date], starts: list[dt.datetime]) -> list[tuple]:
    """Median and mean days to the first free slot of each desk and bucket from the hourly readings
    (`FreeSlotSnapshot`), readings with no free slot left out. On PostgreSQL one grouped query with its median
    aggregate (percentile_cont). SQLite has none (emulating it with window functions cost four times the read): the
    database returns the readings in order of desk, bucket and days, and the middle one or two of each group are
    picked here. Rows: (desk, «median», bucket, readings, median) and (desk, «mean», bucket, readings, sum)."""
    import itertools

    from .models import FreeSlotSnapshot

    readings = (FreeSlotSnapshot.objects.filter(desk_id__in=desk_ids, taken_at__gte=starts[0],
                                                taken_at__lt=starts[-1], days__isnull=False)
                .annotate(_b=bucket_case("taken_at", starts)))
    if connection.vendor == "postgresql":
        found = [(r["desk_id"], r["_b"], r["_n"], r["_s"], r["_m"]) for r in readings.order_by().values(
            "desk_id", "_b").annotate(_n=Count("pk"), _s=Sum("days"), _m=Median("days"))]
    else:
        found = []
        ordered = _fetch(readings.order_by("desk_id", "_b", "days").values_list("desk_id", "_b", "days"))
        for (desk, b), group in itertools.groupby(ordered, key=lambda r: r[:2]):
            values = [r[2] for r in group]
            n = len(values)
            found.append((desk, b, n, sum(values), (values[(n - 1) // 2] + values[n // 2]) / 2))
    return [row for desk, b, n, total, median in found
            for row in ((desk, "median", days[b], n, median), (desk, "mean", days[b], n, total))]


class Median(Aggregate):
    """PostgreSQL's median: percentile_cont(0.5) WITHIN GROUP (ORDER BY the expression)."""

    function = "percentile_cont"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _wait(ind, desk_ids, period, tz, threshold, labels, desk_labels, cache) -> Result:
    """Median and mean days to the first free slot, per desk and bucket (stored for closed buckets by
    `refresh_figures`, the open one from the readings). Over the period: the mean of every reading, and the
    median of the buckets' medians (medians do not add up; the definition says so). No people are counted, so
    nothing is suppressed."""
    import statistics

    from infolavoro.desks.models import Desk

    found: dict[tuple[int, str], dict[dt.date, tuple[int, float]]] = {}
    for desk, key, bucket, n, value in _rows(ind, desk_ids, period.first, period.end_exclusive, period.grain, tz,
                                             cache):
        found.setdefault((desk, key), {})[bucket] = (n, value)
    if desk_labels is None and len(desk_ids) > 1:
        desk_labels = {pk: f"{comune} – {name}" for pk, comune, name in
                       Desk.objects.filter(pk__in=desk_ids).order_by("comune", "name").values_list(
                           "pk", "comune", "name")}
    names = {int(k): v for k, v in desk_labels.items()} if desk_labels else {desk_ids[0]: ""}
    columns = period.columns
    lines = []
    for desk, name in names.items():
        medians = found.get((desk, "median"), {})
        sums = found.get((desk, "mean"), {})
        median_values = [medians[c][1] if c in medians else None for c in columns]
        mean_values = [sums[c][1] / sums[c][0] if c in sums and sums[c][0] else None for c in columns]
        n = sum(sums[c][0] for c in columns if c in sums)
        present = [v for v in median_values if v is not None]
        lines.append(Line(f"{name}: {_('mediana')}" if name else str(_("mediana")), median_values,
                          statistics.median(present) if present else None))
        lines.append(Line(f"{name}: {_('media')}" if name else str(_("media")), mean_values,
                          sum(sums[c][1] for c in columns if c in sums) / n if n else None))
    return Result(ind, period, labels, [], None, None, effective_threshold(threshold), means=None,
                  mean_total=lines[0].total if lines else None, lines=lines)


def desk_zone(desks) -> zoneinfo.ZoneInfo:
    return desks[0].tz if desks else zoneinfo.ZoneInfo("Europe/Rome")


_define()
_define_labour()

# Means over exactly the rows a count indicator groups (same source, date, desk and no filter of their own): the
# count's one grouped query also sums their values, so a request counts both with one query (the members'
# answers and the days to them, the ratings and their average).
MEAN_PARTNERS = {
    mean.code: count.code
    for mean in REGISTRY.values() if mean.kind == "mean" and mean.prepare is None
    for count in REGISTRY.values()
    if count.kind == "count" and count.prepare is None and isinstance(count.category, str)
    and (count.source, count.date_field, count.desk_field) == (mean.source, mean.date_field, mean.desk_field)
}
