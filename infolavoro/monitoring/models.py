"""Monitoring owns no personal data: only the record of the monthly reports sent. Its one setting, the minimum cell
size, is the desk's (`desks.Desk.min_cell_size`)."""

from __future__ import annotations

from django.db import models


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
