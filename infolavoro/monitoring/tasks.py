from django_tasks import task

from . import services


@task()
def send_monthly_reports() -> int:
    return services.send_monthly_reports()
