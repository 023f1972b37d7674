"""Appointments: calendars (the desk's, or a member service's at its premises), their weekly opening with capacity,
exceptions (blocked slots, reduced-capacity days, member closures), the desk's reasons, and bookings.

The capacity rule is enforced by the database: each active booking holds a numbered seat (1..capacity) of its
slot, and a partial unique constraint forbids two active bookings on the same seat of the same slot.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from infolavoro.core.validators import validate_phone_number, validate_single_line
from infolavoro.desks.models import WEEKDAYS


class Calendar(models.Model):
    """What can be booked: the desk itself (no service) or a member's service at its own premises."""

    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="calendars")
    service = models.ForeignKey("network.Service", on_delete=models.CASCADE, null=True, blank=True,
                                related_name="calendars", verbose_name=_("servizio"))
    name = models.CharField(_("nome"), max_length=200, validators=[validate_single_line])
    slot_minutes = models.PositiveSmallIntegerField(
        _("durata dell'appuntamento (minuti)"), default=30, validators=[MinValueValidator(5), MaxValueValidator(480)])
    buffer_minutes = models.PositiveSmallIntegerField(
        _("pausa tra appuntamenti (minuti)"), default=0, validators=[MaxValueValidator(120)])
    min_notice_hours = models.PositiveSmallIntegerField(
        _("preavviso minimo (ore)"), default=24, validators=[MaxValueValidator(24 * 30)])
    horizon_days = models.PositiveSmallIntegerField(
        _("prenotabile fino a (giorni)"), default=60, validators=[MinValueValidator(1), MaxValueValidator(366)])
    max_future_bookings_per_email = models.PositiveSmallIntegerField(
        _("appuntamenti futuri per indirizzo e-mail"), default=3, validators=[MinValueValidator(1)])
    is_active = models.BooleanField(_("attivo"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("calendario")
        verbose_name_plural = _("calendari")
        constraints = [
            models.UniqueConstraint(fields=["desk"], condition=Q(service__isnull=True), name="one_calendar_per_desk"),
            models.UniqueConstraint(fields=["service"], condition=Q(service__isnull=False),
                                    name="one_calendar_per_service"),
            models.CheckConstraint(condition=Q(slot_minutes__gte=5), name="calendar_slot_minutes_min"),
            models.CheckConstraint(condition=Q(horizon_days__gte=1), name="calendar_horizon_min"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_desk_calendar(self) -> bool:
        return self.service_id is None

    @property
    def label(self) -> str:
        """How the public sees the office: the desk with its address, or the member and its service."""
        if self.service_id is None:
            return f"{self.desk.name} – {self.desk.address}, {self.desk.comune}"
        return f"{self.service.organization.name} – {self.service.name}"

    @property
    def organization_id(self):
        """The member whose premises these are (None for the desk): read by the permission rules."""
        return self.service.organization_id if self.service_id else None


class CalendarInterval(models.Model):
    """A weekly interval in which appointments are given, with how many people are received at once."""

    calendar = models.ForeignKey(Calendar, on_delete=models.CASCADE, related_name="intervals")
    weekday = models.PositiveSmallIntegerField(_("giorno"), choices=WEEKDAYS, validators=[MaxValueValidator(6)])
    opens_at = models.TimeField(_("dalle"))
    closes_at = models.TimeField(_("alle"))
    capacity = models.PositiveSmallIntegerField(
        _("persone per appuntamento"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Quanti operatori ricevono in contemporanea."))

    class Meta:
        ordering = ["weekday", "opens_at"]
        verbose_name = _("fascia prenotabile")
        verbose_name_plural = _("fasce prenotabili")
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=F("opens_at")), name="calendar_interval_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="calendar_interval_capacity_min"),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="calendar_interval_weekday_range"),
            models.UniqueConstraint(fields=["calendar", "weekday", "opens_at"], name="calendar_interval_unique_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M} ×{self.capacity}"


class CalendarException(models.Model):
    """A change to one date: closed (capacity 0), fewer operators, or one blocked time range."""

    calendar = models.ForeignKey(Calendar, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("data"))
    starts_at = models.TimeField(_("dalle"), null=True, blank=True, help_text=_("Vuoto: tutto il giorno."))
    ends_at = models.TimeField(_("alle"), null=True, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("persone per appuntamento"), default=0, help_text=_("0 = nessun appuntamento (chiuso o bloccato)."))
    reason = models.CharField(_("motivo"), max_length=200, blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "starts_at"]
        verbose_name = _("eccezione al calendario")
        verbose_name_plural = _("eccezioni al calendario")
        constraints = [
            # Either the whole day, or a proper time range.
            models.CheckConstraint(
                condition=(Q(starts_at__isnull=True, ends_at__isnull=True)
                           | Q(starts_at__isnull=False, ends_at__isnull=False, ends_at__gt=F("starts_at"))),
                name="calendar_exception_range",
            ),
        ]
        indexes = [models.Index(fields=["calendar", "date"])]

    def __str__(self) -> str:
        return f"{self.date} {self.reason}"


class Reason(models.Model):
    """A topic a citizen can book for (the desk's list)."""

    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="booking_reasons")
    code = models.SlugField(_("codice"), max_length=40)
    label = models.CharField(_("argomento"), max_length=120)
    position = models.PositiveSmallIntegerField(_("ordine"), default=0)
    is_active = models.BooleanField(_("attivo"), default=True)

    class Meta:
        ordering = ["position", "label"]
        verbose_name = _("argomento dell'appuntamento")
        verbose_name_plural = _("argomenti degli appuntamenti")
        constraints = [models.UniqueConstraint(fields=["desk", "code"], name="reason_code_unique_per_desk")]

    def __str__(self) -> str:
        return self.label


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Prenotato")
    CHECKED_IN = "checked_in", _("Arrivato")
    COMPLETED = "completed", _("Concluso")
    NO_SHOW = "no_show", _("Non presentato")
    CANCELLED = "cancelled", _("Annullato dal cittadino")
    CANCELLED_BY_DESK = "cancelled_by_desk", _("Annullato dallo sportello")


# Statuses that hold their seat.
ACTIVE_STATUSES = (BookingStatus.BOOKED, BookingStatus.CHECKED_IN, BookingStatus.COMPLETED, BookingStatus.NO_SHOW)

# What the desk may record next, from each status: an outcome, once recorded, is final (no "Arrivato" or
# "Non presentato" on a concluded appointment, in any view, and the service refuses them).
STATUS_MOVES = {
    BookingStatus.BOOKED: (BookingStatus.CHECKED_IN, BookingStatus.COMPLETED, BookingStatus.NO_SHOW),
    BookingStatus.CHECKED_IN: (BookingStatus.COMPLETED, BookingStatus.NO_SHOW),
    BookingStatus.COMPLETED: (),
    BookingStatus.NO_SHOW: (),
}


class Booking(models.Model):
    calendar = models.ForeignKey(Calendar, on_delete=models.PROTECT, related_name="bookings")
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="bookings")
    code = models.CharField(_("codice"), max_length=12, unique=True)
    start = models.DateTimeField(_("inizio"))
    end = models.DateTimeField(_("fine"))
    # Null for walk-ins, which take no slot.
    seat = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.ForeignKey(Reason, on_delete=models.PROTECT, related_name="bookings",
                               verbose_name=_("argomento"))
    details = models.TextField(_("di cosa hai bisogno"), blank=True, max_length=2000)
    first_name = models.CharField(_("nome"), max_length=100)
    last_name = models.CharField(_("cognome"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefono"), max_length=32, blank=True, validators=[validate_phone_number])
    privacy_consent_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(_("stato"), max_length=20, choices=BookingStatus.choices, default=BookingStatus.BOOKED)
    walk_in = models.BooleanField(_("senza appuntamento"), default=False)
    notes = models.TextField(_("note dello sportello"), blank=True)
    cancel_reason = models.CharField(_("motivo dell'annullamento"), max_length=300, blank=True)
    # Bumped on every change the citizen is told about (iCalendar SEQUENCE).
    sequence = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["start", "seat"]
        verbose_name = _("appuntamento")
        verbose_name_plural = _("appuntamenti")
        constraints = [
            # The capacity rule: no two active bookings on the same seat of a slot.
            models.UniqueConstraint(fields=["calendar", "start", "seat"],
                                    condition=Q(status__in=[s.value for s in ACTIVE_STATUSES], seat__isnull=False),
                                    name="booking_one_person_per_seat"),
            models.CheckConstraint(condition=Q(seat__isnull=True) | Q(seat__gte=1), name="booking_seat_positive"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="booking_ends_after_start"),
            models.CheckConstraint(condition=Q(walk_in=True) | Q(seat__isnull=False),
                                   name="booking_seat_unless_walk_in"),
        ]
        indexes = [models.Index(fields=["calendar", "start"]), models.Index(fields=["desk", "start"]),
                   models.Index(fields=["desk", "created_at"], name="booking_desk_created"),  # monitoring: channel
                   models.Index(fields=["email", "start"])]

    def __str__(self) -> str:
        return self.code

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def next_statuses(self) -> list[tuple[str, str]]:
        """The statuses the desk may record next (value, label), for the agenda's buttons."""
        return [(status.value, status.label) for status in STATUS_MOVES.get(self.status, ())]

    @property
    def organization_id(self):
        return self.calendar.organization_id

    @property
    def subject(self) -> str:
        """What the appointment is about, as people are told: the member's service at its premises (the desk's
        topics are the desk's own), the chosen topic at the desk."""
        return getattr(self.subject_record, self.subject_field)

    @property
    def subject_record(self):
        """Where `subject` is kept, for pages that show its English version (`translated` filter)."""
        return self.calendar.service if self.calendar.service_id else self.reason

    @property
    def subject_field(self) -> str:
        return "name" if self.calendar.service_id else "label"

    @property
    def subject_label(self) -> str:
        """The heading of `subject`: the service at a member's premises, the topic at the desk."""
        return str(_("Servizio") if self.calendar.service_id else _("Argomento"))

    @property
    def host_name(self) -> str | None:
        """Who receives the person: the member at its premises (None at the desk)."""
        return self.calendar.service.organization.name if self.calendar.service_id else None

    @property
    def status_text(self) -> str:
        """The status as people read it: a cancellation at a member's premises names the member."""
        if self.status == BookingStatus.CANCELLED_BY_DESK and self.host_name:
            return gettext("Annullato da %(name)s") % {"name": self.host_name}
        return str(self.get_status_display())

    @property
    def cancellation_notice(self) -> str:
        """What the person is told when the appointment is cancelled for them: who had to cancel it."""
        if self.host_name:
            return gettext("ci dispiace: %(name)s ha dovuto annullare il tuo appuntamento.") % {"name": self.host_name}
        return gettext("ci dispiace: lo sportello ha dovuto annullare il tuo appuntamento.")


class ServiceRating(models.Model):
    """How a person rated an appointment (the Designers Italia service-rating model: 1–5 and one optional
    question). Anonymous: no link to the booking or the person; `token_digest` only stops a second rating with the
    same link."""

    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="+")
    calendar = models.ForeignKey(Calendar, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    score = models.PositiveSmallIntegerField(_("valutazione"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("cosa possiamo migliorare?"), blank=True, max_length=1000)
    token_digest = models.CharField(max_length=64, unique=True)
    rated_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-rated_at"]
        verbose_name = _("valutazione del servizio")
        verbose_name_plural = _("valutazioni del servizio")
        indexes = [models.Index(fields=["desk", "rated_at"], name="rating_desk_rated")]  # the monitoring, by day
        constraints = [models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="rating_score_range")]

    def __str__(self) -> str:
        return f"{self.rated_at:%Y-%m} {self.score}"


class MemberAgendaSent(models.Model):
    """The daily agenda e-mail of a member without a login was sent for this date: at most one per member per
    day (the unique constraint makes the periodic task idempotent, also when two workers run it at once)."""

    organization = models.ForeignKey("network.Organization", on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization", "date"], name="member_agenda_once_a_day")]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.date}"
