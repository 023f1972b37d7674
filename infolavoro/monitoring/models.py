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


class Figure(models.Model):
    """The monthly (and weekly, quarterly, yearly) pre-aggregate: one indicator's count for one desk, bucket and
    row, as the indicator's grouped query gave it, *before* suppression (pages, exports and the API only ever read
    it through `indicators.compute`, which suppresses). Filled by the `refresh_figures` task for buckets that had
    ended; the open bucket is always counted live. Aggregates only: no person, no id of a person."""

    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="+")
    indicator = models.CharField(max_length=64)
    grain = models.CharField(max_length=8)
    bucket = models.DateField()  # first local day of the week, month, quarter or year
    key = models.TextField()  # the row (category) key; «__total__» the distinct people of the column
    n = models.BigIntegerField()
    value_sum = models.FloatField(null=True)  # for averages: the sum of the values over the n counted

    class Meta:
        constraints = [models.UniqueConstraint(fields=["desk", "indicator", "grain", "bucket", "key"],
                                               name="figure_once")]
        indexes = [models.Index(fields=["indicator", "grain", "bucket"], name="figure_read")]

    def __str__(self) -> str:
        return f"{self.desk_id} {self.indicator} {self.grain} {self.bucket} {self.key}={self.n}"


class FigureCoverage(models.Model):
    """Which buckets of a grain `Figure` holds for a desk: every bucket starting in [covered_from, covered_to)."""

    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="+")
    grain = models.CharField(max_length=8)
    covered_from = models.DateField()
    covered_to = models.DateField()
    refreshed_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["desk", "grain"], name="figure_coverage_once"),
                       models.CheckConstraint(condition=models.Q(covered_to__gte=models.F("covered_from")),
                                              name="figure_coverage_range")]

    def __str__(self) -> str:
        return f"{self.desk_id} {self.grain} {self.covered_from}–{self.covered_to}"


class FreeSlotSnapshot(models.Model):
    """How long a person booking at that hour would have waited: the first free slot of a desk's calendar as the
    booking engine saw it, taken every hour by the `take_free_slot_snapshots` task. The history behind «days to
    the first free slot». No person, no booking: only the desk's own calendar and two instants."""

    desk = models.ForeignKey("desks.Desk", on_delete=models.CASCADE, related_name="+")
    calendar = models.ForeignKey("booking.Calendar", on_delete=models.SET_NULL, null=True, related_name="+")
    taken_at = models.DateTimeField()  # aware (stored in UTC)
    hour = models.DateTimeField()  # taken_at truncated to the UTC hour: one snapshot per calendar and hour
    first_free_slot = models.DateTimeField(null=True)  # null: no free slot within the calendar's horizon
    days = models.FloatField(null=True)  # from taken_at to first_free_slot; null with it (never counted as 0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["desk", "calendar", "hour"], name="free_slot_snapshot_once")]
        indexes = [models.Index(fields=["desk", "taken_at"], name="free_slot_snapshot_read")]

    def __str__(self) -> str:
        return f"{self.desk_id} {self.hour:%Y-%m-%d %H} {self.days}"
