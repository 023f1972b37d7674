"""Citizens met at the desk, their consents, consultations, job-portal help, and the audit log of their data.

Special-category data (health, disability) lives apart, in `SpecialCategoryData`, and only if the desk has
enabled it and the citizen gave explicit consent.
"""

from __future__ import annotations

import uuid

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from infolavoro.core.validators import validate_phone_number

from .validators import validate_codice_fiscale


class IntakeSettings(models.Model):
    """Per-desk settings of the listening point (the desk model belongs to the `desks` app)."""

    desk = models.OneToOneField("desks.Desk", on_delete=models.CASCADE, related_name="intake_settings")
    special_categories_enabled = models.BooleanField(
        _("raccolta di dati particolari (salute, disabilità)"), default=False,
        help_text=_("Se attiva, gli operatori possono registrarli a parte, solo con il consenso esplicito."),
    )
    referral_alert_days = models.PositiveSmallIntegerField(
        _("avvisa per le segnalazioni in attesa da più di (giorni)"), default=5, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("impostazioni dell'accoglienza")
        verbose_name_plural = _("impostazioni dell'accoglienza")
        constraints = [models.CheckConstraint(condition=Q(referral_alert_days__gte=1), name="intake_alert_days_min")]

    def __str__(self) -> str:
        return str(self.desk)


class AgeBand(models.TextChoices):
    UNDER_25 = "under_25", _("meno di 25 anni")
    FROM_25 = "25_34", _("25–34 anni")
    FROM_35 = "35_49", _("35–49 anni")
    FROM_50 = "50_64", _("50–64 anni")
    OVER_64 = "65_plus", _("65 anni e oltre")


class EducationLevel(models.TextChoices):
    NONE = "none", _("nessun titolo o licenza elementare")
    LOWER_SECONDARY = "lower_secondary", _("licenza media")
    VOCATIONAL = "vocational", _("qualifica professionale")
    UPPER_SECONDARY = "upper_secondary", _("diploma")
    DEGREE = "degree", _("laurea o superiore")


class EmploymentStatus(models.TextChoices):
    UNEMPLOYED = "unemployed", _("disoccupato/a")
    FIRST_JOB = "first_job", _("in cerca di primo impiego")
    EMPLOYED = "employed", _("occupato/a")
    STUDENT = "student", _("studente/studentessa")
    INACTIVE = "inactive", _("inattivo/a")


class YesNoUnknown(models.TextChoices):
    YES = "yes", _("sì")
    NO = "no", _("no")
    UNKNOWN = "unknown", _("non so")


class Citizen(models.Model):
    """A person met at the desk. No login: staff manage the record. URLs use the opaque UUID only."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="citizens")
    first_name = models.CharField(_("nome"), max_length=100)
    last_name = models.CharField(_("cognome"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefono"), max_length=32, blank=True, validators=[validate_phone_number])
    codice_fiscale = models.CharField(
        _("codice fiscale"), max_length=16, blank=True, validators=[validate_codice_fiscale],
        help_text=_("Facoltativo."),
    )
    # Minimal profile for orientation: every field optional.
    age_band = models.CharField(_("fascia d'età"), max_length=16, choices=AgeBand.choices, blank=True)
    education_level = models.CharField(_("titolo di studio"), max_length=20, choices=EducationLevel.choices,
                                       blank=True)
    employment_status = models.CharField(_("condizione lavorativa"), max_length=16,
                                         choices=EmploymentStatus.choices, blank=True)
    cpi_registered = models.CharField(_("iscritto/a al Centro per l'impiego"), max_length=8,
                                      choices=YesNoUnknown.choices, blank=True)
    languages = models.CharField(_("lingue conosciute"), max_length=200, blank=True)
    interests = models.ManyToManyField("network.TaxonomyTerm", blank=True, related_name="+",
                                       verbose_name=_("interessi e bisogni"))
    availability = models.CharField(_("disponibilità"), max_length=200, blank=True,
                                    help_text=_("Es. «mattina», «part-time», «turni»"))
    driving_licence = models.BooleanField(_("patente di guida"), default=False)
    # Consents.
    privacy_acknowledged_at = models.DateTimeField(_("informativa privacy consegnata il"), null=True, blank=True)
    sharing_consent = models.BooleanField(_("consenso a condividere i dati con i soggetti della rete"),
                                          default=False)
    sharing_consent_changed_at = models.DateTimeField(null=True, blank=True)
    # Explicit consent to special-category data (GDPR art. 9): needs flagged as such, health or disability notes.
    # Without it none is stored (the service refuses; database triggers refuse the needs, see migration 0003).
    special_consent_at = models.DateTimeField(_("consenso esplicito ai dati particolari dato il"), null=True,
                                              blank=True)
    special_consent_by = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, blank=True,
                                           related_name="+", verbose_name=_("consenso registrato da"))
    special_consent_scope = models.CharField(_("dati particolari coperti dal consenso"), max_length=300,
                                             blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(db_index=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("cittadino/a")
        verbose_name_plural = _("cittadini")
        constraints = [
            models.UniqueConstraint(fields=["desk", "codice_fiscale"], condition=~Q(codice_fiscale=""),
                                    name="citizen_cf_unique_per_desk",
                                    violation_error_message=_("Esiste già una scheda con questo codice fiscale.")),
            # A live record needs the privacy notice acknowledged; an anonymised one keeps no identity.
            models.CheckConstraint(
                condition=Q(anonymised_at__isnull=False) | Q(privacy_acknowledged_at__isnull=False),
                name="citizen_privacy_acknowledged",
            ),
            # A consent is recorded with what it covers; no scope without a consent.
            models.CheckConstraint(
                condition=Q(special_consent_at__isnull=True, special_consent_scope="")
                | Q(special_consent_at__isnull=False) & ~Q(special_consent_scope=""),
                name="citizen_special_consent_has_scope",
            ),
            models.CheckConstraint(
                condition=Q(anonymised_at__isnull=True)
                | (Q(first_name="") & Q(last_name="") & Q(email="") & Q(phone="") & Q(codice_fiscale="")),
                name="citizen_anonymised_has_no_identity",
            ),
        ]

    def __str__(self) -> str:
        if self.anonymised_at:
            return str(_("Persona anonimizzata"))
        return f"{self.first_name} {self.last_name}"

    @property
    def short_code(self) -> str:
        """A non-identifying reference for staff conversations and logs."""
        return str(self.pk).split("-")[0].upper()


class SpecialCategoryData(models.Model):
    """Health or disability information: kept apart, only with explicit consent, only if the desk enables it."""

    citizen = models.OneToOneField(Citizen, on_delete=models.CASCADE, primary_key=True, related_name="special")
    notes = models.TextField(_("informazioni su salute o disabilità utili all'orientamento"))
    explicit_consent_at = models.DateTimeField()
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("dati particolari")
        verbose_name_plural = _("dati particolari")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class Consultation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="+")
    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="consultations")
    held_at = models.DateTimeField(_("data e ora"))
    operator = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, related_name="+",
                                 verbose_name=_("operatore"))
    reason = models.CharField(_("motivo"), max_length=200)
    needs = models.ManyToManyField("network.TaxonomyTerm", blank=True, related_name="+",
                                   verbose_name=_("bisogni rilevati"))
    notes = models.TextField(_("note"), blank=True)
    outcome = models.TextField(_("esito"), blank=True)
    next_steps = models.TextField(_("prossimi passi"), blank=True)
    # The appointment this consultation was held for, when it came from the agenda.
    booking = models.ForeignKey("booking.Booking", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="consultations", verbose_name=_("appuntamento"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_at"]
        verbose_name = _("colloquio")
        verbose_name_plural = _("colloqui")
        # the monitoring counts a desk's consultations by day (the open month is always counted live), and finds a
        # person's first consultation (new or returning, hires after it) by one step down the second index
        indexes = [models.Index(fields=["desk", "held_at"], name="consultation_desk_held"),
                   models.Index(fields=["citizen", "held_at"], name="consultation_citizen_held")]

    def __str__(self) -> str:
        return f"{self.held_at:%Y-%m-%d} {self.reason}"


class JobPortal(models.Model):
    """A job portal the desk helps citizens register with, configurable per desk."""

    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="job_portals")
    name = models.CharField(_("nome"), max_length=200)
    url = models.URLField(_("indirizzo web"))
    what_to_bring = models.TextField(_("cosa serve"), help_text=_("Es. SPID o CIE, codice fiscale, curriculum"))
    checklist = models.TextField(_("passi della registrazione"), help_text=_("Un passo per riga."))
    next_steps = models.TextField(_("dopo la registrazione"), blank=True)
    position = models.PositiveSmallIntegerField(_("ordine"), default=0)
    is_active = models.BooleanField(_("attivo"), default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("portale del lavoro")
        verbose_name_plural = _("portali del lavoro")
        constraints = [models.UniqueConstraint(fields=["desk", "name"], name="portal_name_unique_per_desk")]

    def __str__(self) -> str:
        return self.name

    @property
    def steps(self) -> list[str]:
        return [line.strip() for line in self.checklist.splitlines() if line.strip()]


class PortalAssistance(models.Model):
    """The checklist of one portal, ticked with the citizen during a consultation."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="portal_help")
    portal = models.ForeignKey(JobPortal, on_delete=models.PROTECT, related_name="+")
    done_steps = models.JSONField(default=list)
    completed = models.BooleanField(_("registrazione completata"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["portal__position", "portal__name"]
        constraints = [models.UniqueConstraint(fields=["consultation", "portal"], name="portal_help_unique")]

    def __str__(self) -> str:
        return f"{self.portal_id}: {len(self.done_steps)}"


class AuditAction(models.TextChoices):
    VIEW = "view", _("lettura")
    LIST = "list", _("elenco")
    CREATE = "create", _("creazione")
    UPDATE = "update", _("modifica")
    EXPORT = "export", _("esportazione")
    ERASE = "erase", _("cancellazione")
    ANONYMISE = "anonymise", _("anonimizzazione")
    EMAIL = "email", _("invio e-mail")
    SHARE = "share", _("condivisione con un soggetto della rete")


class AuditEntry(models.Model):
    """Who read or changed which citizen's data, when, and what (field names, never values)."""

    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="+")
    citizen_ref = models.UUIDField(db_index=True)  # not a foreign key: the entry outlives an erased record
    actor = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, related_name="+")
    action = models.CharField(max_length=16, choices=AuditAction.choices)
    what = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("voce del registro accessi")
        verbose_name_plural = _("registro accessi")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.citizen_code}"

    @property
    def citizen_code(self) -> str:
        return str(self.citizen_ref).split("-")[0].upper()
