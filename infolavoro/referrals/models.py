"""Closed-loop referrals from the desk to a member's service, with their state history.

Transitions are guarded by the database twice: the state moves with a conditional UPDATE on the expected
current state (so two people cannot both move it), and every history row must be an allowed transition.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    SENT = "sent", _("inviata")
    ACCEPTED = "accepted", _("accettata")
    DECLINED = "declined", _("rifiutata")
    APPOINTMENT_SET = "appointment_set", _("appuntamento fissato")
    SERVED = "served", _("servizio erogato")
    NO_SHOW = "no_show", _("la persona non si è presentata")
    CLOSED = "closed", _("chiusa")


# from-state -> allowed to-states. The first row of a referral has no from-state and goes to SENT.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    State.SENT: (State.ACCEPTED, State.DECLINED, State.CLOSED),
    State.ACCEPTED: (State.APPOINTMENT_SET, State.SERVED, State.NO_SHOW, State.CLOSED),
    State.APPOINTMENT_SET: (State.SERVED, State.NO_SHOW, State.CLOSED),
    State.DECLINED: (State.CLOSED,),
    State.SERVED: (State.CLOSED,),
    State.NO_SHOW: (State.APPOINTMENT_SET, State.CLOSED),
    State.CLOSED: (),
}
# The member's own steps (it accepts, declines, sets the appointment, records the outcome); the desk closes.
MEMBER_STATES = (State.ACCEPTED, State.DECLINED, State.APPOINTMENT_SET, State.SERVED, State.NO_SHOW)
# States where the member still has to act: the desk is alerted when they last too long.
WAITING_STATES = (State.SENT, State.ACCEPTED, State.APPOINTMENT_SET)
# States where the loop is closed from the desk's point of view (an outcome is known).
LOOP_CLOSED_STATES = (State.DECLINED, State.SERVED, State.NO_SHOW, State.CLOSED)


def _allowed_transitions() -> Q:
    condition = Q(from_state="", to_state=State.SENT)
    for source, targets in TRANSITIONS.items():
        if targets:
            condition |= Q(from_state=source, to_state__in=list(targets))
    return condition


class Referral(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="+")
    citizen = models.ForeignKey("intake.Citizen", on_delete=models.CASCADE, related_name="referrals")
    consultation = models.ForeignKey("intake.Consultation", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="referrals")
    service = models.ForeignKey("network.Service", on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("servizio"))
    organization = models.ForeignKey("network.Organization", on_delete=models.PROTECT, related_name="+")
    need = models.ForeignKey("network.TaxonomyTerm", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name=_("bisogno"))
    message = models.TextField(_("messaggio per il soggetto"), blank=True,
                               help_text=_("Solo quanto serve al soggetto per accogliere la persona."))
    what_to_bring = models.TextField(_("cosa portare"), blank=True)
    state = models.CharField(_("stato"), max_length=20, choices=State.choices, default=State.SENT)
    state_changed_at = models.DateTimeField(db_index=True)
    decline_reason = models.CharField(_("motivo del rifiuto"), max_length=300, blank=True)
    appointment_at = models.DateTimeField(_("appuntamento"), null=True, blank=True)
    # The slot booked in the member's calendar by the desk, when it has one.
    booking = models.ForeignKey("booking.Booking", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="referrals", verbose_name=_("prenotazione presso il soggetto"))
    outcome = models.TextField(_("esito"), blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("segnalazione")
        verbose_name_plural = _("segnalazioni")
        # the monitoring counts a desk's referrals by day sent and by day of the last change
        indexes = [models.Index(fields=["desk", "created_at"], name="referral_desk_created"),
                   models.Index(fields=["desk", "state_changed_at"], name="referral_desk_changed")]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=State.values), name="referral_state_valid"),
            models.CheckConstraint(
                condition=~Q(state=State.DECLINED) | ~Q(decline_reason=""), name="referral_declined_has_reason"
            ),
            models.CheckConstraint(
                condition=~Q(state=State.APPOINTMENT_SET) | Q(appointment_at__isnull=False),
                name="referral_appointment_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} → {self.organization_id}"

    @property
    def code(self) -> str:
        return str(self.pk).split("-")[0].upper()

    @property
    def allowed_next(self) -> tuple[str, ...]:
        return TRANSITIONS[self.state]

    @property
    def loop_closed(self) -> bool:
        return self.state in LOOP_CLOSED_STATES

    @property
    def badge_class(self) -> str:
        """The Bootstrap colour of the state's badge: green when the service was given, amber when the loop closed
        without it, blue while an appointment is set, grey while waiting."""
        return {State.SERVED: "bg-success", State.DECLINED: "bg-warning", State.NO_SHOW:
                "bg-warning", State.APPOINTMENT_SET: "bg-primary", State.CLOSED: "bg-dark"
                }.get(self.state, "bg-secondary")


class ReferralEvent(models.Model):
    """One state change: who, when, from what to what, with an optional note."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, choices=State.choices)
    actor = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField()
    note = models.CharField(max_length=300, blank=True)
    # The desk recorded the member's answer (given on the phone) on its behalf: `actor` is the operator. Only the
    # member's own steps can be recorded so.
    on_behalf_of_member = models.BooleanField(_("registrato dallo sportello per conto del soggetto"), default=False)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(condition=_allowed_transitions(), name="referral_event_allowed"),
            models.CheckConstraint(condition=Q(on_behalf_of_member=False) | Q(to_state__in=list(MEMBER_STATES)),
                                   name="referral_event_on_behalf_member_steps"),
        ]
        # the monitoring's answers by day (members' answers are the events from «sent»: the second index lets
        # the database start from the period's events rather than from every referral of the desks)
        indexes = [models.Index(fields=["at"], name="referral_event_at"),
                   models.Index(fields=["from_state", "at"], name="referral_event_from_at")]

    def __str__(self) -> str:
        return f"{self.from_state or '-'} → {self.to_state}"
