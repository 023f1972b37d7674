from django.db import models


class PeriodicRun(models.Model):
    """When each periodic task was last enqueued (see core.scheduler)."""

    name = models.CharField(max_length=200, unique=True)
    last_enqueued_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.name
