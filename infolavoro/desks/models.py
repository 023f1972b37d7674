"""The desk (sportello) is the tenant: every desk-scoped row elsewhere has a `desk` foreign key."""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from infolavoro.core.validators import validate_phone_number, validate_single_line

from .hours import HolidayRule

MIN_CELL_SIZE_FLOOR = 3

WEEKDAYS = [
    (0, _("lunedì")),
    (1, _("martedì")),
    (2, _("mercoledì")),
    (3, _("giovedì")),
    (4, _("venerdì")),
    (5, _("sabato")),
    (6, _("domenica")),
]


# First path segments the site uses itself: a desk cannot take them as its slug.
RESERVED_SLUGS = {"admin", "accounts", "api", "static", "media", "healthz", "i18n", "gestione", "rete",
                  "monitoraggio"}


def validate_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("Questo indirizzo breve è riservato."))


# "di" + an article at the start of a Comune's name makes one word: Comune della Spezia, dell'Aquila, del Cairo.
_DI_ARTICLE = {"la": "della", "il": "del", "lo": "dello", "le": "delle", "i": "dei", "gli": "degli"}


def default_denomination(comune: str) -> str:
    """How the Comune is named in the visitor's language when the desk has not written it: in Italian the
    preposition merges with the name's article ("Comune della Spezia", "Comune dell'Aquila")."""
    if not translation.get_language() or translation.get_language().split("-")[0] != "it":
        return translation.gettext("Comune di %(comune)s") % {"comune": comune}
    first, _space, rest = comune.partition(" ")
    if rest and first.lower() in _DI_ARTICLE:
        return f"Comune {_DI_ARTICLE[first.lower()]} {rest}"
    if comune[:2].lower() == "l'" or comune[:2].lower() == "l’":
        return f"Comune dell'{comune[2:]}"
    return f"Comune di {comune}"


def validate_istat_code(value: str) -> None:
    if not (len(value) == 6 and value.isdigit()):
        raise ValidationError(_("Il codice ISTAT del Comune è di sei cifre, es. 011015."))


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Fuso orario sconosciuto: %(value)s"), params={"value": value})


class Desk(models.Model):
    name = models.CharField(_("nome"), max_length=120, help_text=_("Es. «InfoLavoro»"),
                            validators=[validate_single_line])
    slug = models.SlugField(
        _("indirizzo breve"), max_length=60, unique=True, validators=[validate_not_reserved]
    )
    comune = models.CharField(_("Comune"), max_length=120)
    comune_denomination = models.CharField(
        _("denominazione del Comune"), max_length=160, blank=True, validators=[validate_single_line],
        help_text=_("Come il Comune si presenta, con la preposizione giusta: es. «Comune della Spezia», "
                    "«Comune di Sarzana». Vuoto: composta dal nome del Comune."),
    )
    istat_code = models.CharField(
        _("codice ISTAT del Comune"), max_length=6, blank=True, validators=[validate_istat_code],
        help_text=_("Sei cifre, es. 011015 per La Spezia."),
    )
    address = models.CharField(_("indirizzo"), max_length=200)
    postal_code = models.CharField(_("CAP"), max_length=5, blank=True)
    office = models.CharField(_("piano e ufficio"), max_length=200, blank=True)
    phone = models.CharField(_("telefono"), max_length=32, validators=[validate_phone_number])
    email = models.EmailField(_("e-mail"))
    presentation = models.TextField(_("presentazione"), blank=True)
    timezone = models.CharField(
        _("fuso orario"), max_length=64, default="Europe/Rome", validators=[validate_timezone]
    )
    holiday_subdivision = models.CharField(
        _("provincia per le festività"),
        max_length=8,
        blank=True,
        help_text=_("Sigla della provincia (es. SP): aggiunge la festa del santo patrono."),
    )
    patron_saint = models.CharField(
        _("santo patrono"), max_length=120, blank=True,
        help_text=_("Se il Comune non è il capoluogo di provincia, es. «Sant'Andrea»."),
    )
    patron_month = models.PositiveSmallIntegerField(
        _("mese del santo patrono"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    patron_day = models.PositiveSmallIntegerField(
        _("giorno del santo patrono"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    # Settings used by the capabilities that build on the desk.
    stale_after_days = models.PositiveIntegerField(
        _("giorni prima che un'informazione sia da verificare"), default=90,
        validators=[MinValueValidator(1)],
    )
    retention_months = models.PositiveIntegerField(
        _("mesi di conservazione dei dati personali"), default=24, validators=[MinValueValidator(1)]
    )
    # Monitoring: a figure counting fewer people than this is never shown (Italian official statistics: >= 3).
    min_cell_size = models.PositiveSmallIntegerField(
        _("soglia minima delle celle statistiche"), default=5,
        validators=[MinValueValidator(MIN_CELL_SIZE_FLOOR), MaxValueValidator(100)],
        help_text=_("Un dato che conta meno persone di così non è mostrato nel monitoraggio (minimo 3)."),
    )
    open_data_licence = models.CharField(_("licenza dei dati aperti"), max_length=40, default="CC-BY-4.0")
    privacy_controller = models.CharField(
        _("titolare del trattamento"), max_length=200, blank=True,
        help_text=_("Es. «Comune della Spezia, Piazza Europa 1»"),
    )
    privacy_contact = models.CharField(
        _("contatto del responsabile della protezione dei dati"), max_length=200, blank=True
    )
    is_active = models.BooleanField(_("attivo"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Changed (to a new random value) in the transaction of every edit that changes the public directory pages:
    # the cached pages are keyed by it (desks.public_cache). Random, not a counter: a desk saved from a stale
    # copy must never bring back a version whose pages are cached.
    public_version = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        ordering = ["comune", "name"]
        verbose_name = _("sportello")
        verbose_name_plural = _("sportelli")
        constraints = [
            models.CheckConstraint(condition=Q(min_cell_size__gte=MIN_CELL_SIZE_FLOOR),
                                   name="desk_min_cell_size_floor"),
            models.CheckConstraint(
                condition=(Q(patron_month__isnull=True, patron_day__isnull=True)
                           | Q(patron_month__gte=1, patron_month__lte=12, patron_day__gte=1, patron_day__lte=31)),
                name="desk_patron_day_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.comune}"

    def get_absolute_url(self) -> str:
        return reverse("desks:home", kwargs={"desk_slug": self.slug})

    def clean(self) -> None:
        if bool(self.patron_month) != bool(self.patron_day):
            raise ValidationError({"patron_day": _("Indica sia il giorno sia il mese del santo patrono.")})
        if self.patron_month and self.patron_day:
            try:
                dt.date(2028, self.patron_month, self.patron_day)  # a leap year: 29 February is a real date
            except ValueError:
                raise ValidationError({"patron_day": _("Questa data non esiste.")}) from None

    @property
    def denomination(self) -> str:
        """The Comune as pages, e-mails and the brochure name it, in the visitor's language: the desk's own
        denomination (English falling back to Italian), else one composed from the Comune's name."""
        return self.comune_denomination or default_denomination(self.comune)

    @property
    def holiday_rule(self) -> HolidayRule:
        return HolidayRule(self.holiday_subdivision, self.patron_month, self.patron_day, self.patron_saint)

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)


class OpeningInterval(models.Model):
    """One weekly opening interval in the desk's local wall-clock time (several per day allowed)."""

    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="opening_intervals")
    weekday = models.PositiveSmallIntegerField(
        _("giorno"), choices=WEEKDAYS, validators=[MaxValueValidator(6)]
    )
    opens_at = models.TimeField(_("apertura"))
    closes_at = models.TimeField(_("chiusura"))

    class Meta:
        ordering = ["weekday", "opens_at"]
        verbose_name = _("orario di apertura")
        verbose_name_plural = _("orari di apertura")
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=F("opens_at")), name="opening_ends_after_start"),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="opening_weekday_range"),
            models.UniqueConstraint(fields=["desk", "weekday", "opens_at"], name="opening_unique_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"

    def clean(self) -> None:
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("L'orario di chiusura deve essere successivo all'apertura.")})


class Closure(models.Model):
    """An ad-hoc closure entered by staff (public holidays come from the `holidays` package)."""

    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="closures")
    starts_on = models.DateField(_("dal"))
    ends_on = models.DateField(_("al (compreso)"))
    reason = models.CharField(_("motivo"), max_length=200)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("chiusura")
        verbose_name_plural = _("chiusure")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="closure_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on}–{self.ends_on}: {self.reason}"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("La data di fine non può precedere quella di inizio.")})
