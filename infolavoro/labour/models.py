"""Labour demand and supply: the ESCO taxonomy, employers, vacancies, candidate profiles and proposals.

Vacancies and proposals move through their states like referrals: a conditional UPDATE on the expected state, and
every history row must be an allowed transition (a database check).
"""

from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .storage import private_storage

# --- ESCO taxonomy ----------------------------------------------------------------------------------------


class IscoGroup(models.Model):
    """An ISCO-08 group (1 to 4 digits), as in ESCO's ISCOGroups file."""

    code = models.CharField(max_length=4, primary_key=True)
    uri = models.CharField(max_length=200, blank=True)
    label = models.CharField(_("denominazione"), max_length=300)

    class Meta:
        ordering = ["code"]
        verbose_name = _("gruppo ISCO")
        verbose_name_plural = _("gruppi ISCO")

    def __str__(self) -> str:
        return f"{self.code} {self.label}"


class Occupation(models.Model):
    uri = models.CharField(_("URI ESCO"), max_length=200, unique=True)
    isco_code = models.CharField(_("codice ISCO-08"), max_length=4, db_index=True)
    preferred_label = models.CharField(_("denominazione"), max_length=300)
    alt_labels = models.TextField(_("denominazioni alternative"), blank=True, help_text=_("Una per riga."))
    description = models.TextField(_("descrizione"), blank=True)

    class Meta:
        ordering = ["preferred_label"]
        verbose_name = _("professione")
        verbose_name_plural = _("professioni")

    def __str__(self) -> str:
        return self.preferred_label

    @property
    def isco_major(self) -> str:
        return self.isco_code[:2]


class SkillType(models.TextChoices):
    SKILL = "skill/competence", _("abilità/competenza")
    KNOWLEDGE = "knowledge", _("conoscenza")


class Skill(models.Model):
    uri = models.CharField(_("URI ESCO"), max_length=200, unique=True)
    preferred_label = models.CharField(_("denominazione"), max_length=300)
    alt_labels = models.TextField(_("denominazioni alternative"), blank=True)
    description = models.TextField(_("descrizione"), blank=True)
    skill_type = models.CharField(_("tipo"), max_length=20, choices=SkillType.choices, default=SkillType.SKILL)
    reuse_level = models.CharField(_("livello di riutilizzo"), max_length=30, blank=True)

    class Meta:
        ordering = ["preferred_label"]
        verbose_name = _("competenza")
        verbose_name_plural = _("competenze")

    def __str__(self) -> str:
        return self.preferred_label


class Relation(models.TextChoices):
    ESSENTIAL = "essential", _("essenziale")
    OPTIONAL = "optional", _("facoltativa")


class OccupationSkill(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="skill_links")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="occupation_links")
    relation = models.CharField(max_length=10, choices=Relation.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["occupation", "skill"], name="occupation_skill_unique"),
            models.CheckConstraint(condition=Q(relation__in=Relation.values), name="occupation_skill_relation"),
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} {self.relation} {self.skill_id}"


class Synonym(models.Model):
    """A local word people use ("badante", "muletto") for an occupation or a skill; for one desk or for all."""

    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                             help_text=_("Vuoto: vale per tutti gli sportelli."))
    term = models.CharField(_("parola"), max_length=100)
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="synonyms")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, null=True, blank=True, related_name="synonyms")

    class Meta:
        ordering = ["term"]
        verbose_name = _("sinonimo locale")
        verbose_name_plural = _("sinonimi locali")
        constraints = [
            models.CheckConstraint(
                condition=Q(occupation__isnull=False, skill__isnull=True)
                | Q(occupation__isnull=True, skill__isnull=False),
                name="synonym_one_target"),
            models.UniqueConstraint(fields=["desk", "term"], name="synonym_unique_per_desk"),
            models.UniqueConstraint(fields=["term"], condition=Q(desk__isnull=True), name="synonym_unique_global"),
        ]

    def __str__(self) -> str:
        return f"{self.term} → {self.occupation or self.skill}"


# --- Employers --------------------------------------------------------------------------------------------


class Employer(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("da verificare")
        APPROVED = "approved", _("verificato")
        REJECTED = "rejected", _("respinto")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="employers")
    name = models.CharField(_("ragione sociale"), max_length=200)
    tax_code = models.CharField(_("codice fiscale o partita IVA"), max_length=16)
    ateco_code = models.CharField(_("settore ATECO"), max_length=10, blank=True)
    address = models.CharField(_("indirizzo"), max_length=200, blank=True)
    comune = models.CharField(_("Comune"), max_length=100)
    contact_name = models.CharField(_("persona di riferimento"), max_length=200)
    contact_email = models.EmailField(_("e-mail di riferimento"))
    contact_phone = models.CharField(_("telefono"), max_length=32, blank=True)
    privacy_acknowledged_at = models.DateTimeField(_("informativa privacy accettata il"))
    status = models.CharField(_("stato"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_by = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("datore di lavoro")
        verbose_name_plural = _("datori di lavoro")
        constraints = [
            models.UniqueConstraint(fields=["desk", "tax_code"], name="employer_tax_code_unique_per_desk",
                                    violation_error_message=_("Questo datore di lavoro è già registrato.")),
            models.CheckConstraint(condition=Q(status__in=["pending", "approved", "rejected"]),
                                   name="employer_status_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def ateco_title(self) -> str:
        from .validators import ateco_title

        return ateco_title(self.ateco_code)


# --- Vacancies --------------------------------------------------------------------------------------------


class VacancyState(models.TextChoices):
    DRAFT = "draft", _("bozza")
    IN_REVIEW = "in_review", _("in revisione")
    PUBLISHED = "published", _("pubblicata")
    FILLED = "filled", _("coperta")
    EXPIRED = "expired", _("scaduta")
    WITHDRAWN = "withdrawn", _("ritirata")


VACANCY_TRANSITIONS: dict[str, tuple[str, ...]] = {
    VacancyState.DRAFT: (VacancyState.IN_REVIEW, VacancyState.WITHDRAWN),
    VacancyState.IN_REVIEW: (VacancyState.PUBLISHED, VacancyState.DRAFT, VacancyState.WITHDRAWN),
    VacancyState.PUBLISHED: (VacancyState.FILLED, VacancyState.EXPIRED, VacancyState.WITHDRAWN),
    VacancyState.FILLED: (),
    VacancyState.EXPIRED: (VacancyState.IN_REVIEW,),  # re-opened with new dates, reviewed again
    VacancyState.WITHDRAWN: (),
}


def _allowed(transitions: dict[str, tuple[str, ...]], first: str) -> Q:
    condition = Q(from_state="", to_state=first)
    for source, targets in transitions.items():
        if targets:
            condition |= Q(from_state=source, to_state__in=list(targets))
    return condition


class ContractType(models.TextChoices):
    PERMANENT = "indeterminato", _("tempo indeterminato")
    FIXED_TERM = "determinato", _("tempo determinato")
    APPRENTICESHIP = "apprendistato", _("apprendistato")
    TRAINEESHIP = "tirocinio", _("tirocinio")
    AGENCY = "somministrazione", _("somministrazione")
    SEASONAL = "stagionale", _("stagionale")
    OCCASIONAL = "occasionale", _("lavoro occasionale")


class WorkingTime(models.TextChoices):
    FULL = "full", _("tempo pieno")
    PART = "part", _("part-time")


class Remote(models.TextChoices):
    ON_SITE = "no", _("in sede")
    HYBRID = "hybrid", _("in parte da remoto")
    REMOTE = "remote", _("da remoto")


class Licence(models.TextChoices):
    AM = "AM", "AM"
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    A = "A", "A"
    B = "B", "B"
    BE = "BE", "BE"
    C1 = "C1", "C1"
    C = "C", "C"
    CE = "CE", "CE"
    D1 = "D1", "D1"
    D = "D", "D"
    DE = "DE", "DE"
    CQC = "CQC", "CQC"
    FORKLIFT = "muletto", _("patentino del carrello elevatore (muletto)")


CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"]
LANGUAGES = [("it", _("italiano")), ("en", _("inglese")), ("fr", _("francese")), ("de", _("tedesco")),
             ("es", _("spagnolo")), ("ru", _("russo")), ("ar", _("arabo")), ("zh", _("cinese")),
             ("ro", _("rumeno")), ("uk", _("ucraino"))]
EQF_CHOICES = [(1, _("1 – licenza elementare")), (2, _("2 – licenza media")),
               (3, _("3 – qualifica professionale")), (4, _("4 – diploma")), (5, _("5 – ITS Academy")),
               (6, _("6 – laurea triennale")), (7, _("7 – laurea magistrale")), (8, _("8 – dottorato"))]


class Vacancy(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="vacancies")
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="vacancies")
    title = models.CharField(_("titolo"), max_length=200)
    occupation = models.ForeignKey(Occupation, on_delete=models.PROTECT, related_name="vacancies",
                                   verbose_name=_("professione"))
    isco_code = models.CharField(max_length=4, db_index=True, editable=False)  # copied: narrows matching
    description = models.TextField(_("descrizione"))
    essential_skills = models.ManyToManyField(Skill, blank=True, related_name="+",
                                              verbose_name=_("competenze essenziali"))
    optional_skills = models.ManyToManyField(Skill, blank=True, related_name="+",
                                             verbose_name=_("competenze facoltative"))
    languages = models.JSONField(_("lingue"), default=dict, blank=True,
                                 help_text=_("Codice lingua → livello QCER minimo"))
    licences = models.JSONField(_("patenti richieste"), default=list, blank=True)
    education_eqf = models.PositiveSmallIntegerField(_("titolo di studio minimo (EQF)"), null=True, blank=True,
                                                     choices=EQF_CHOICES)
    experience_months = models.PositiveSmallIntegerField(_("esperienza richiesta (mesi)"), default=0)
    contract_type = models.CharField(_("contratto"), max_length=20, choices=ContractType.choices)
    working_time = models.CharField(_("orario"), max_length=4, choices=WorkingTime.choices,
                                    default=WorkingTime.FULL)
    hours_per_week = models.PositiveSmallIntegerField(_("ore settimanali"), null=True, blank=True,
                                                      validators=[MinValueValidator(1), MaxValueValidator(60)])
    comune = models.CharField(_("Comune del luogo di lavoro"), max_length=100, db_index=True)
    address = models.CharField(_("indirizzo"), max_length=200, blank=True)
    remote = models.CharField(_("lavoro da remoto"), max_length=6, choices=Remote.choices, default=Remote.ON_SITE)
    salary_min = models.PositiveIntegerField(_("retribuzione lorda annua minima (€)"), null=True, blank=True)
    salary_max = models.PositiveIntegerField(_("retribuzione lorda annua massima (€)"), null=True, blank=True)
    openings = models.PositiveSmallIntegerField(_("posti"), default=1, validators=[MinValueValidator(1)])
    work_permit_required = models.BooleanField(_("serve il permesso di lavoro in Italia"), default=True)
    published_on = models.DateField(_("pubblicazione dal"), null=True, blank=True)
    expires_on = models.DateField(_("scadenza"), null=True, blank=True, db_index=True)
    how_to_apply = models.TextField(_("come candidarsi"))
    state = models.CharField(_("stato"), max_length=10, choices=VacancyState.choices, default=VacancyState.DRAFT,
                             db_index=True)
    state_changed_at = models.DateTimeField()
    created_by = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = _("offerta di lavoro")
        verbose_name_plural = _("offerte di lavoro")
        indexes = [models.Index(fields=["desk", "state", "expires_on"], name="vacancy_board"),
                   models.Index(fields=["desk", "state", "-published_on", "title", "id"], name="vacancy_board_order"),
                   models.Index(fields=["desk", "state", "isco_code"], name="vacancy_isco"),
                   # Matching narrows by occupation, then by the Comuni a person can reach (in lower case).
                   models.Index(F("desk"), F("state"), F("occupation"), Lower("comune"), name="vacancy_match"),
                   models.Index(fields=["desk", "state", "occupation"], condition=~Q(remote="no"),
                                name="vacancy_match_remote")]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=VacancyState.values), name="vacancy_state_valid"),
            models.CheckConstraint(condition=Q(contract_type__in=ContractType.values), name="vacancy_contract"),
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True) | Q(salary_max__isnull=True) | Q(salary_max__gte=F("salary_min")),
                name="vacancy_salary_range",
                violation_error_message=_("La retribuzione minima supera la massima.")),
            models.CheckConstraint(
                condition=Q(published_on__isnull=True) | Q(expires_on__isnull=True)
                | Q(expires_on__gte=F("published_on")),
                name="vacancy_expires_after_publication",
                violation_error_message=_("La scadenza è prima della pubblicazione.")),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_on__isnull=False, expires_on__isnull=False),
                name="vacancy_published_has_dates"),
            models.CheckConstraint(condition=Q(openings__gte=1), name="vacancy_openings_min"),
            models.CheckConstraint(
                condition=Q(education_eqf__isnull=True) | Q(education_eqf__gte=1, education_eqf__lte=8),
                name="vacancy_eqf_range"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self.occupation_id and not self.isco_code:
            self.isco_code = Occupation.objects.values_list("isco_code", flat=True).get(pk=self.occupation_id)
        super().save(*args, **kwargs)

    @property
    def code(self) -> str:
        return str(self.pk).split("-")[0].upper()

    @property
    def allowed_next(self) -> tuple[str, ...]:
        return VACANCY_TRANSITIONS[self.state]


class VacancyEvent(models.Model):
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(max_length=10, blank=True)
    to_state = models.CharField(max_length=10, choices=VacancyState.choices)
    actor = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [models.CheckConstraint(condition=_allowed(VACANCY_TRANSITIONS, VacancyState.DRAFT),
                                              name="vacancy_event_allowed")]

    def __str__(self) -> str:
        return f"{self.from_state or '-'} → {self.to_state}"


# --- Candidate profile ------------------------------------------------------------------------------------


def cv_upload_to(instance: CandidateProfile, filename: str) -> str:
    return f"cv/{instance.desk_id}/{uuid.uuid4().hex}.pdf"


class CandidateProfile(models.Model):
    """What a person looks for and can do, on their citizen record; used for matching only while
    `consent_at` is set (a separate, revocable consent to be proposed to employers)."""

    citizen = models.OneToOneField("intake.Citizen", on_delete=models.CASCADE, primary_key=True,
                                   related_name="candidate_profile")
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="+")
    consent_at = models.DateTimeField(_("consenso a essere proposto/a ai datori di lavoro il"), null=True,
                                      blank=True, db_index=True)
    occupations = models.ManyToManyField(Occupation, through="ProfileOccupation", related_name="+",
                                         verbose_name=_("professioni cercate"))
    skills = models.ManyToManyField(Skill, blank=True, related_name="+", verbose_name=_("competenze"))
    languages = models.JSONField(_("lingue"), default=dict, blank=True)
    licences = models.JSONField(_("patenti"), default=list, blank=True)
    education_eqf = models.PositiveSmallIntegerField(_("titolo di studio (EQF)"), null=True, blank=True,
                                                     choices=EQF_CHOICES)
    available_from = models.DateField(_("disponibile dal"), null=True, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(_("ore settimanali desiderate"), null=True, blank=True)
    shifts = models.BooleanField(_("disponibile a turni"), default=False)
    home_comune = models.CharField(_("Comune di residenza"), max_length=100, blank=True)
    mobility_comuni = models.TextField(_("Comuni raggiungibili"), blank=True, help_text=_("Uno per riga."))
    own_vehicle = models.BooleanField(_("mezzo proprio"), default=False)
    contract_preferences = models.JSONField(_("contratti graditi"), default=list, blank=True)
    work_permit = models.BooleanField(_("può lavorare in Italia"), default=True)
    cv = models.FileField(_("curriculum (PDF)"), upload_to=cv_upload_to, blank=True,
                          storage=private_storage)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profilo professionale")
        verbose_name_plural = _("profili professionali")
        constraints = [
            models.CheckConstraint(
                condition=Q(education_eqf__isnull=True) | Q(education_eqf__gte=1, education_eqf__lte=8),
                name="profile_eqf_range"),
        ]

    def __str__(self) -> str:
        return str(self.citizen_id)

    @property
    def mobility_list(self) -> list[str]:
        return [line.strip() for line in self.mobility_comuni.splitlines() if line.strip()]


class ProfileOccupation(models.Model):
    profile = models.ForeignKey(CandidateProfile, on_delete=models.CASCADE, related_name="wanted")
    occupation = models.ForeignKey(Occupation, on_delete=models.PROTECT, related_name="+")
    experience_months = models.PositiveSmallIntegerField(_("esperienza (mesi)"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["profile", "occupation"], name="profile_occupation_unique")]

    def __str__(self) -> str:
        return f"{self.occupation_id} ({self.experience_months})"


# --- Proposals --------------------------------------------------------------------------------------------


class ProposalState(models.TextChoices):
    PROPOSED = "proposed", _("proposta")
    SEEN = "seen", _("vista dal datore di lavoro")
    INTERVIEW = "interview", _("colloquio")
    HIRED = "hired", _("assunta/o")
    NOT_SELECTED = "not_selected", _("non selezionata/o")
    WITHDRAWN = "withdrawn", _("ritirata")


PROPOSAL_TRANSITIONS: dict[str, tuple[str, ...]] = {
    ProposalState.PROPOSED: (ProposalState.SEEN, ProposalState.INTERVIEW, ProposalState.NOT_SELECTED,
                             ProposalState.WITHDRAWN),
    ProposalState.SEEN: (ProposalState.INTERVIEW, ProposalState.HIRED, ProposalState.NOT_SELECTED,
                         ProposalState.WITHDRAWN),
    ProposalState.INTERVIEW: (ProposalState.HIRED, ProposalState.NOT_SELECTED, ProposalState.WITHDRAWN),
    ProposalState.HIRED: (),
    ProposalState.NOT_SELECTED: (),
    ProposalState.WITHDRAWN: (),
}
# Moved by the employer; the desk withdraws.
EMPLOYER_STATES = {ProposalState.SEEN, ProposalState.INTERVIEW, ProposalState.HIRED, ProposalState.NOT_SELECTED}
OUTCOME_STATES = (ProposalState.HIRED, ProposalState.NOT_SELECTED, ProposalState.WITHDRAWN)


class Proposal(models.Model):
    """The desk proposes a consenting person for a vacancy; the employer records what happened."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="+")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="proposals")
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="proposals")
    citizen = models.ForeignKey("intake.Citizen", on_delete=models.CASCADE, related_name="proposals")
    candidate_agreed_at = models.DateTimeField(_("la persona ha accettato di essere proposta il"))
    message = models.TextField(_("messaggio per il datore di lavoro"), blank=True)
    score = models.PositiveSmallIntegerField(default=0)
    state = models.CharField(_("stato"), max_length=12, choices=ProposalState.choices,
                             default=ProposalState.PROPOSED)
    state_changed_at = models.DateTimeField(db_index=True)
    interview_at = models.DateTimeField(_("colloquio il"), null=True, blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proposta di candidatura")
        verbose_name_plural = _("proposte di candidatura")
        constraints = [
            models.CheckConstraint(condition=Q(state__in=ProposalState.values), name="proposal_state_valid"),
            models.UniqueConstraint(fields=["vacancy", "citizen"], name="proposal_once_per_vacancy",
                                    violation_error_message=_("Questa persona è già stata proposta per "
                                                              "questa offerta.")),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.state}"

    @property
    def code(self) -> str:
        return str(self.pk).split("-")[0].upper()

    @property
    def allowed_next(self) -> tuple[str, ...]:
        return PROPOSAL_TRANSITIONS[self.state]


class ProposalEvent(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(max_length=12, blank=True)
    to_state = models.CharField(max_length=12, choices=ProposalState.choices)
    actor = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [models.CheckConstraint(condition=_allowed(PROPOSAL_TRANSITIONS, ProposalState.PROPOSED),
                                              name="proposal_event_allowed")]

    def __str__(self) -> str:
        return f"{self.from_state or '-'} → {self.to_state}"


# --- Alerts -----------------------------------------------------------------------------------------------


class AlertSubscription(models.Model):
    """A saved search e-mailed daily to a citizen (no account): double opt-in, one-click unsubscribe."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(_("e-mail"))
    filters = models.JSONField(default=dict)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["desk", "email", "filters"], name="alert_unique")]

    def __str__(self) -> str:
        return str(self.pk)
