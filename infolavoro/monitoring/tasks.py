from django_tasks import task

from . import services


@task()
def send_monthly_reports() -> int:
    return services.send_monthly_reports()


@task()
def refresh_figures() -> int:
    """The monitoring's pre-aggregate, so that the dashboard reads a year of a busy desk in a few queries."""
    return services.refresh_figures()
