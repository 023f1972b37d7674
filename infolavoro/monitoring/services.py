"""Monitoring use cases: the monthly report of each desk, e-mailed through the outbox."""

from __future__ import annotations

import base64
import datetime as dt
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import charts, exports, selectors
from .indicators import Period
from .models import MonthlyReport

logger = logging.getLogger(__name__)

REPORT_CODES = ["access.appointments", "access.walk_ins", "access.channel", "access.lead_days",
                "access.days_to_first_free_slot", "people.served",
                "people.new_returning", "service.consultations_by_reason", "service.portal_registrations",
                "network.referrals_by_member", "network.acceptance_rate", "network.closed_loop_rate",
                "network.verified_members", "labour.vacancies", "labour.open_vacancies", "labour.proposals",
                "labour.hires_by_sector", "satisfaction.ratings", "satisfaction.score"]


def report_period(year: int, month: int) -> Period:
    """The twelve months ending with the month reported (the month itself is the last column)."""
    last = (dt.date(year, month, 1) + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    first = dt.date(year - 1, month, 1) + dt.timedelta(days=32)
    return Period(first.replace(day=1), last, "month")


def report_context(desk, year: int, month: int) -> dict:
    period = report_period(year, month)
    sections = selectors.indicators([desk], period, REPORT_CODES)
    for section in sections:
        for result in section.results:
            if result.snapshot is None:
                result.svg = charts.chart(result, "r-" + result.indicator.code.replace(".", "-"))
                result.svg_uri = "data:image/svg+xml;base64," + base64.b64encode(result.svg.encode()).decode()
                result.alt = charts.describe(result)
    return {"desk": desk, "period": period, "month": dt.date(year, month, 1), "sections": sections,
            "threshold": selectors.threshold_for([desk]),
            "generated_at": timezone.now()}


def recipients(desk) -> list[str]:
    from infolavoro.accounts.models import Role, RoleAssignment

    return sorted(set(RoleAssignment.objects.filter(
        desk=desk, is_active=True, role__in=[Role.DESK_ADMIN, Role.MONITORING_VIEWER], user__is_active=True,
    ).values_list("user__email", flat=True)))


def send_monthly_report(desk, year: int, month: int, now: dt.datetime | None = None) -> bool:
    """Render the desk's PDF for the month and queue it to its administrators and monitoring viewers, once."""
    from infolavoro.notifications.services import queue_email

    now = now or timezone.now()
    to = recipients(desk)
    with translation.override("it"):
        pdf = exports.pdf_bytes(report_context(desk, year, month))  # rendered outside the transaction
        try:
            with transaction.atomic():
                MonthlyReport.objects.create(desk=desk, month=dt.date(year, month, 1), sent_at=now,
                                             recipients=len(to))
                if to:
                    queue_email(desk=desk, to=to, subject=_("InfoLavoro %(comune)s: il monitoraggio di %(month)s")
                                % {"comune": desk.comune, "month": f"{month:02d}/{year}"},
                                template="monitoring/email/monthly_report.txt",
                                context={"month": dt.date(year, month, 1), "dashboard_url": settings.SITE_URL
                                                 + reverse("monitoring:dashboard")},
                                attachments=[(f"infolavoro-{desk.slug}-{year}-{month:02d}.pdf", pdf,
                                              "application/pdf")])
        except IntegrityError:
            return False  # already sent
    return True


def send_monthly_reports(now: dt.datetime | None = None) -> int:
    """The scheduled job: each active desk's report for the month that has just ended, once."""
    from infolavoro.desks.selectors import active_desks

    now = now or timezone.now()
    sent = 0
    for desk in active_desks():
        today = timezone.localtime(now, desk.tz).date()
        last_month = today.replace(day=1) - dt.timedelta(days=1)
        if MonthlyReport.objects.filter(desk=desk, month=last_month.replace(day=1)).exists():
            continue
        sent += send_monthly_report(desk, last_month.year, last_month.month, now)
    return sent


def refresh_figures(today: dt.date | None = None) -> int:
    """Refresh the pre-aggregate of every active desk (see `indicators.refresh_figures`)."""
    from infolavoro.desks.selectors import active_desks

    from .indicators import refresh_figures as refresh

    return refresh(list(active_desks()), today)


def take_free_slot_snapshots(now: dt.datetime | None = None) -> int:
    """The hourly job: record, for each active desk's own calendar, the first free slot a person booking now
    would get (`booking.selectors.first_free_slot`). Once per calendar and UTC hour: a second run in the same hour
    writes nothing. Returns the snapshots written."""
    from infolavoro.booking.selectors import first_free_slot, monitoring_calendars

    from .models import FreeSlotSnapshot

    now = now or timezone.now()
    hour = now.astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)
    rows = []
    for calendar in monitoring_calendars():  # the slot engine, four queries per calendar
        first = first_free_slot(calendar, now)
        # In UTC: Python subtracts two instants of the same zone as wall-clock times, ignoring a DST change.
        wait = first.astimezone(dt.UTC) - now.astimezone(dt.UTC) if first else None
        rows.append(FreeSlotSnapshot(desk_id=calendar.desk_id, calendar=calendar, taken_at=now, hour=hour,
                                     first_free_slot=first,
                                     days=wait.total_seconds() / 86400 if wait is not None else None))
    with transaction.atomic():
        done = set(FreeSlotSnapshot.objects.filter(hour=hour, calendar__in=[r.calendar for r in rows])
                   .values_list("calendar_id", flat=True))
        fresh = [r for r in rows if r.calendar.pk not in done]
        FreeSlotSnapshot.objects.bulk_create(fresh, ignore_conflicts=True)
    return len(fresh)
