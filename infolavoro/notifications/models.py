"""The e-mail outbox: every e-mail is written here in the transaction that causes it, then delivered by a
background task, so that none is lost when the mail server is down."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxState(models.TextChoices):
    PENDING = "pending", _("Da inviare")
    SENDING = "sending", _("In invio")
    SENT = "sent", _("Inviato")
    FAILED = "failed", _("Non recapitabile")


class OutboxMessage(models.Model):
    # Null desk: e-mails of the installation itself (password reset of a user with no desk).
    desk = models.ForeignKey("desks.Desk", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="outbox_messages", verbose_name=_("sportello"))
    to = models.JSONField(_("destinatari"), default=list)
    reply_to = models.JSONField(_("rispondi a"), default=list, blank=True)
    subject = models.CharField(_("oggetto"), max_length=300)
    body = models.TextField(_("testo"))
    # What the e-mail is about, without personal data, for the administrators' list.
    template = models.CharField(_("modello"), max_length=200)
    state = models.CharField(_("stato"), max_length=10, choices=OutboxState.choices, default=OutboxState.PENDING)
    attempts = models.PositiveSmallIntegerField(_("tentativi"), default=0)
    next_attempt_at = models.DateTimeField(_("prossimo tentativo"))
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(_("ultimo errore"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("creato"), auto_now_add=True)
    sent_at = models.DateTimeField(_("inviato"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail in uscita")
        verbose_name_plural = _("e-mail in uscita")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.template} ({self.get_state_display()})"


class OutboxAttachment(models.Model):
    message = models.ForeignKey(OutboxMessage, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=200)
    mimetype = models.CharField(max_length=100)
    content = models.BinaryField()

    def __str__(self) -> str:
        return self.filename
