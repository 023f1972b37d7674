"""Monitoring owns no personal data: only its per-desk settings."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .suppression import DEFAULT_THRESHOLD, MIN_THRESHOLD


class MonitoringSettings(models.Model):
    desk = models.OneToOneField("desks.Desk", on_delete=models.CASCADE, related_name="monitoring_settings")
    min_cell_size = models.PositiveSmallIntegerField(
        _("numero minimo di persone per cella"), default=DEFAULT_THRESHOLD,
        validators=[MinValueValidator(MIN_THRESHOLD)],
        help_text=_("Le cifre più piccole sono nascoste (mai meno di 3)."),
    )

    class Meta:
        verbose_name = _("impostazioni del monitoraggio")
        verbose_name_plural = _("impostazioni del monitoraggio")
        constraints = [models.CheckConstraint(condition=Q(min_cell_size__gte=MIN_THRESHOLD),
                                              name="monitoring_min_cell_size_floor")]

    def __str__(self) -> str:
        return str(self.desk)


class MonthlyReport(models.Model):
    """That a desk's monthly report was sent: the unique row makes the scheduled job send each one once."""

    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # first day of the month reported
    sent_at = models.DateTimeField()
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["desk", "month"], name="monthly_report_once")]

    def __str__(self) -> str:
        return f"{self.desk_id} {self.month:%Y-%m}"
