from django_tasks import task

from . import services


@task()
def send_monthly_reports() -> int:
    return services.send_monthly_reports()


@task()
def refresh_figures() -> int:
    """The monitoring's pre-aggregate, so that the dashboard reads a year of a busy desk in a few queries."""
    return services.refresh_figures()


@task()
def take_free_slot_snapshots() -> int:
    """Hourly: the first free slot of each desk's calendar, the history of «days to the first free slot»."""
    return services.take_free_slot_snapshots()
