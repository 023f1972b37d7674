"""The directory of the "Rete per il lavoro", shaped and named after Open Referral HSDS 3.0.

HSDS ids are UUIDs, so the directory's primary keys are UUIDs too.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infolavoro.core.validators import validate_phone_number, validate_single_line


class OrganizationKind(models.TextChoices):
    TRAINING_BODY = "training_body", _("Ente di formazione")
    ASSOCIATION = "association", _("Associazione")
    TRADE_ASSOCIATION = "trade_association", _("Associazione di categoria")
    UNION = "union", _("Sindacato")
    PUBLIC_BODY = "public_body", _("Ente pubblico")


class TaxonomyTerm(models.Model):
    """A need or topic a citizen may come with (orientation, CV, training courses, …)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="taxonomy_terms")
    code = models.SlugField(_("codice"), max_length=60)
    name = models.CharField(_("nome"), max_length=120, validators=[validate_single_line])
    description = models.TextField(_("descrizione"), blank=True)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    position = models.PositiveSmallIntegerField(_("ordine"), default=0)
    # Ticking it on a person says something about their health (GDPR art. 9): stored only with explicit consent.
    special_category = models.BooleanField(
        _("dato particolare"), default=False,
        help_text=_("Rivela informazioni sulla salute o sulla disabilità: sulla scheda di una persona si registra "
                    "solo con il suo consenso esplicito."),
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("bisogno / argomento")
        verbose_name_plural = _("bisogni / argomenti")
        constraints = [models.UniqueConstraint(fields=["desk", "code"], name="taxonomy_code_unique_per_desk")]

    def __str__(self) -> str:
        return self.name


class Organization(models.Model):
    """A member of the network (HSDS organization)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="organizations")
    name = models.CharField(_("nome"), max_length=200, validators=[validate_single_line])
    alternate_name = models.CharField(_("nome breve o sigla"), max_length=120, blank=True,
                                      validators=[validate_single_line])
    slug = models.SlugField(_("indirizzo breve"), max_length=80)
    kind = models.CharField(_("tipo"), max_length=32, choices=OrganizationKind.choices)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    description = models.TextField(_("descrizione"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("sito web"), blank=True)
    phone = models.CharField(_("telefono"), max_length=32, blank=True, validators=[validate_phone_number])
    is_active = models.BooleanField(
        _("attivo"), default=True, help_text=_("Un soggetto sospeso non compare nelle pagine pubbliche.")
    )
    last_reviewed_at = models.DateTimeField(_("ultima verifica"), null=True, blank=True)
    last_reviewed_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # When its editors were last reminded of stale entries (not more often than every two weeks).
    stale_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("soggetto della rete")
        verbose_name_plural = _("soggetti della rete")
        constraints = [models.UniqueConstraint(fields=["desk", "slug"], name="organization_slug_unique_per_desk")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:organization", kwargs={"desk_slug": self.desk.slug, "slug": self.slug})


class Location(models.Model):
    """Where a member receives people (HSDS location with its physical address)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("nome della sede"), max_length=200, validators=[validate_single_line])
    address_1 = models.CharField(_("indirizzo"), max_length=200)
    address_2 = models.CharField(_("piano, scala, ufficio"), max_length=200, blank=True)
    accessibility = models.TextField(_("accessibilità della sede"), blank=True,
                                     help_text=_("Es. «ingresso senza gradini, ascensore, bagno accessibile»"))
    transportation = models.CharField(_("come arrivare"), max_length=300, blank=True)
    city = models.CharField(_("città"), max_length=100)
    postal_code = models.CharField(_("CAP"), max_length=5, blank=True)
    state_province = models.CharField(_("provincia"), max_length=2, blank=True)
    country = models.CharField(_("paese"), max_length=2, default="IT")
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("sede")
        verbose_name_plural = _("sedi")

    def __str__(self) -> str:
        return f"{self.name}, {self.address_1}, {self.city}"


class Service(models.Model):
    """A service a member gives at its own premises, by appointment (HSDS service)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(_("nome"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("indirizzo breve"), max_length=80)
    description = models.TextField(_("descrizione"))
    audience = models.TextField(_("a chi si rivolge"), blank=True)
    eligibility = models.TextField(_("requisiti"), blank=True)
    cost = models.CharField(_("costo"), max_length=200, blank=True, default="Gratuito")
    how_to_access = models.TextField(
        _("come accedere"), blank=True, default="Presso la sede del soggetto, su appuntamento."
    )
    taxonomy_terms = models.ManyToManyField(TaxonomyTerm, blank=True, related_name="services")
    locations = models.ManyToManyField(Location, blank=True, related_name="services")
    languages = models.JSONField(_("lingue"), default=list, blank=True,
                                 help_text=_("Codici ISO 639-1, es. it, en, fr, ar"))
    url = models.URLField(_("pagina web del servizio"), blank=True)
    email = models.EmailField(_("e-mail del servizio"), blank=True)
    is_active = models.BooleanField(_("attivo"), default=True)
    last_reviewed_at = models.DateTimeField(_("ultima verifica"), null=True, blank=True)
    last_reviewed_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("servizio")
        verbose_name_plural = _("servizi")
        constraints = [
            models.UniqueConstraint(fields=["organization", "slug"], name="service_slug_unique_per_organization")
        ]

    def __str__(self) -> str:
        return self.name


class Schedule(models.Model):
    """When a service is given or a location is open (HSDS schedule, as an iCalendar recurrence)."""

    class Freq(models.TextChoices):
        WEEKLY = "WEEKLY", _("ogni settimana")
        MONTHLY = "MONTHLY", _("ogni mese")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, null=True, blank=True, related_name="schedules")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, null=True, blank=True, related_name="schedules")
    freq = models.CharField(_("frequenza"), max_length=8, choices=Freq.choices, default=Freq.WEEKLY)
    byday = models.CharField(_("giorni"), max_length=40, blank=True, help_text=_("Es. MO,WE,FR"))
    opens_at = models.TimeField(_("dalle"))
    closes_at = models.TimeField(_("alle"))
    valid_from = models.DateField(_("valido dal"), null=True, blank=True)
    valid_to = models.DateField(_("valido fino al"), null=True, blank=True)
    description = models.CharField(_("descrizione"), max_length=300, blank=True)
    notes = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["opens_at"]
        verbose_name = _("orario")
        verbose_name_plural = _("orari")
        constraints = [
            models.CheckConstraint(condition=Q(service__isnull=False) | Q(location__isnull=False),
                                   name="schedule_has_subject"),
            models.CheckConstraint(condition=Q(closes_at__gt=F("opens_at")), name="schedule_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.byday} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"

    @property
    def weekday_labels(self) -> list[str]:
        names = dict(zip(["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
                         [_("lunedì"), _("martedì"), _("mercoledì"), _("giovedì"), _("venerdì"), _("sabato"),
                          _("domenica")], strict=True))
        return [str(names[d]) for d in self.byday.split(",") if d in names]


class Contact(models.Model):
    """A person or office to contact at a member (HSDS contact, with its phone)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="contacts")
    service = models.ForeignKey(Service, on_delete=models.CASCADE, null=True, blank=True, related_name="contacts")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, null=True, blank=True, related_name="contacts")
    name = models.CharField(_("nome o ufficio"), max_length=200, validators=[validate_single_line])
    title = models.CharField(_("ruolo"), max_length=200, blank=True, validators=[validate_single_line])
    department = models.CharField(_("settore"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefono"), max_length=32, blank=True, validators=[validate_phone_number])

    class Meta:
        ordering = ["name"]
        verbose_name = _("contatto")
        verbose_name_plural = _("contatti")

    def __str__(self) -> str:
        return self.name


class ReviewedEntry(models.Model):
    """What members publish beyond services: reviewed like them, kept current like them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("titolo"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("indirizzo breve"), max_length=80)
    description = models.TextField(_("descrizione"))
    taxonomy_terms = models.ManyToManyField(TaxonomyTerm, blank=True, related_name="+",
                                            verbose_name=_("bisogni e argomenti"))
    is_active = models.BooleanField(_("pubblicato"), default=True)
    last_reviewed_at = models.DateTimeField(_("ultima verifica"), null=True, blank=True)
    last_reviewed_by = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, blank=True,
                                         related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


class Project(ReviewedEntry):
    """A project in progress, or a start-up project (the article's "progetti" and "progetti di start-up")."""

    class Kind(models.TextChoices):
        PROJECT = "project", _("Progetto in corso")
        STARTUP = "startup", _("Progetto di avvio d'impresa")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="projects")
    kind = models.CharField(_("tipo"), max_length=10, choices=Kind.choices, default=Kind.PROJECT)
    starts_on = models.DateField(_("inizio"), null=True, blank=True)
    ends_on = models.DateField(_("fine"), null=True, blank=True)
    funded_by = models.CharField(_("finanziato da"), max_length=200, blank=True)
    url = models.URLField(_("pagina web"), blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("progetto")
        verbose_name_plural = _("progetti")
        constraints = [
            models.UniqueConstraint(fields=["organization", "slug"], name="project_slug_unique_per_organization"),
            models.CheckConstraint(condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True)
                                   | Q(ends_on__gte=F("starts_on")), name="project_ends_after_start"),
        ]


class TrainingOpportunity(ReviewedEntry):
    """An active training opportunity: a course, with its dates, deadline, place, cost, seats."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="trainings")
    service = models.ForeignKey(Service, on_delete=models.SET_NULL, null=True, blank=True, related_name="trainings")
    starts_on = models.DateField(_("inizio"))
    ends_on = models.DateField(_("fine"))
    application_deadline = models.DateField(_("scadenza delle iscrizioni"), null=True, blank=True)
    place = models.CharField(_("sede del corso"), max_length=200, blank=True)
    cost = models.CharField(_("costo"), max_length=200, blank=True, default="Gratuito")
    seats = models.PositiveIntegerField(_("posti"), null=True, blank=True)
    requirements = models.TextField(_("requisiti"), blank=True)
    how_to_apply = models.TextField(_("come iscriversi"), blank=True)

    class Meta:
        ordering = ["starts_on", "title"]
        verbose_name = _("opportunità formativa")
        verbose_name_plural = _("opportunità formative")
        constraints = [
            models.UniqueConstraint(fields=["organization", "slug"], name="training_slug_unique_per_organization"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="training_ends_after_start"),
        ]

    def applications_open(self, today: dt.date | None = None) -> bool:
        """One can still apply: no deadline, or the deadline is today or later (the desk's date)."""
        return self.application_deadline is None or self.application_deadline >= (today or timezone.localdate())


class ChangeRecord(models.Model):
    """History and review queue: every change made by a member, field by field, until the desk has seen it."""

    class Action(models.TextChoices):
        CREATE = "create", _("aggiunto")
        UPDATE = "update", _("modificato")
        DELETE = "delete", _("tolto")

    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="+")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="changes")
    object_type = models.CharField(max_length=20)
    object_id = models.CharField(max_length=64)
    object_label = models.CharField(max_length=200)
    action = models.CharField(max_length=8, choices=Action.choices)
    changes = models.JSONField(default=dict)  # {field label: [before, after]}
    actor = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField()
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["desk", "reviewed_at"])]

    def __str__(self) -> str:
        return f"{self.object_label} ({self.get_action_display()})"
