"""The operators' agenda: day and week views per calendar (the desk's, or a member's for its editors),
statuses, notes, cancellations by the desk, walk-ins, bookings on behalf of a citizen (also into a member's
calendar), blocked slots and days, and the printable day list."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infolavoro.accounts.permissions import can, require
from infolavoro.core.redirects import redirect_next
from infolavoro.desks.hours import WeeklyInterval
from infolavoro.network.models import Service

from . import dates, engine, selectors, services
from .forms import (
    BlockForm,
    CalendarSettingsForm,
    CapacityIntervalFormSet,
    DeskCancelForm,
    NotesForm,
    ReasonFormSet,
    StaffBookingForm,
    StatusForm,
)
from .models import Booking, BookingStatus, Calendar, CalendarException, Reason


def _calendars(request: HttpRequest) -> list[Calendar]:
    calendars = selectors.calendars_for(request.user, request.desk)
    if not calendars:
        raise Http404
    return calendars


def _pick(request: HttpRequest, calendars: list[Calendar]) -> Calendar:
    wanted = request.GET.get("calendario") or request.POST.get("calendario")
    for calendar in calendars:
        if str(calendar.pk) == wanted:
            return calendar
    return calendars[0]


def _day(request: HttpRequest, calendar: Calendar) -> dt.date:
    """The day asked for, within the staff's range (a year back); today when missing, malformed or outside."""
    value = request.GET.get("giorno") or request.POST.get("giorno")
    return (dates.parse_day(value, dates.askable(calendar, staff=True))
            or timezone.localtime(timezone.now(), calendar.desk.tz).date())


def _agenda_url(calendar: Calendar, day: dt.date, **extra: str) -> str:
    query = f"?calendario={calendar.pk}&giorno={day.isoformat()}"
    for key, value in extra.items():
        query += f"&{key}={value}"
    return reverse("booking_staff:agenda", kwargs={"desk_slug": calendar.desk.slug}) + query


def _consultation_url(desk_slug: str, booking: Booking) -> str | None:
    """The intake page for this appointment, where the listening point is installed."""
    try:
        return reverse("intake:from_booking", kwargs={"desk_slug": desk_slug, "booking_id": booking.pk})
    except NoReverseMatch:
        return None


@login_required
def agenda(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Day (default) or week view. Query count does not grow with the number of appointments."""
    calendars = _calendars(request)
    calendar = _pick(request, calendars)
    day = _day(request, calendar)
    week = request.GET.get("vista") == "settimana"
    first = day - dt.timedelta(days=day.weekday()) if week else day
    last = first + dt.timedelta(days=6) if week else day
    bookings = selectors.agenda(calendar, first, last)
    for booking in bookings:
        booking.consultation_url = _consultation_url(desk_slug, booking) if booking.is_active else None
    days = []
    for offset in range((last - first).days + 1):
        current = first + dt.timedelta(days=offset)
        days.append((current, [b for b in bookings if timezone.localtime(b.start, calendar.desk.tz).date() == current]))
    free = engine.free_slots(calendar, first, last, enforce_notice=False)
    # A closed day says why; the day view steps from open day to open day (the week view, week by week).
    open_days = engine.open_days(calendar, first, last)
    days = [(current, items, open_days.why_closed(current)) for current, items in days]
    if week:
        previous, following = first - dt.timedelta(days=7), last + dt.timedelta(days=1)
    else:
        previous = open_days.open_day_after(day, -1) or day - dt.timedelta(days=1)
        following = open_days.open_day_after(day) or day + dt.timedelta(days=1)
    template = "booking/staff/agenda_print.html" if request.GET.get("stampa") else "booking/staff/agenda.html"
    return render(request, template, {
        "calendars": calendars, "calendar": calendar, "day": day, "week": week, "days": days,
        "first": first, "last": last, "free_count": sum(s.available for s in free),
        "closed": None if week else days[0][2],
        "previous": previous, "following": following,
        "today": timezone.localtime(timezone.now(), calendar.desk.tz).date(),
        "blocks": selectors.exceptions(calendar, first, last),
        "status_form": StatusForm(), "statuses": StatusForm.base_fields["status"].choices,
    })


def _booking(request: HttpRequest, pk: int) -> Booking:
    booking = get_object_or_404(Booking.objects.select_related("calendar__desk", "calendar__service__organization",
                                                               "reason"), pk=pk, desk=request.desk)
    require(request.user, "calendar.agenda", booking.calendar)
    return booking


@login_required
def booking_detail(request: HttpRequest, desk_slug: str, pk: int) -> HttpResponse:
    booking = _booking(request, pk)
    notes_form = NotesForm(request.POST or None, initial={"notes": booking.notes}, prefix="notes")
    cancel_form = DeskCancelForm(prefix="cancel")
    if request.method == "POST" and "notes-notes" in request.POST and notes_form.is_valid():
        services.set_notes(booking, notes_form.cleaned_data["notes"], request.user)
        messages.success(request, _("Note salvate."))
        return redirect(request.path)
    if request.method == "POST" and "cancel-cancel_reason" in request.POST:
        cancel_form = DeskCancelForm(request.POST, prefix="cancel")
        if cancel_form.is_valid():
            try:
                services.cancel(booking, actor=request.user, by_desk=True,
                                reason=cancel_form.cleaned_data["cancel_reason"])
            except services.SlotUnavailable as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Appuntamento annullato: la persona riceve un'e-mail."))
                return redirect(_agenda_url(booking.calendar, timezone.localtime(booking.start).date()))
    return render(request, "booking/staff/booking_detail.html", {
        "booking": booking, "notes_form": notes_form, "cancel_form": cancel_form,
        "consultation_url": _consultation_url(desk_slug, booking) if booking.is_active else None,
        "statuses": StatusForm.base_fields["status"].choices, "place": services.place_of(booking.calendar),
    })


@login_required
@require_POST
def set_status(request: HttpRequest, desk_slug: str, pk: int) -> HttpResponse:
    booking = _booking(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.set_status(booking, form.cleaned_data["status"], request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(name)s: %(status)s.") % {
                "name": f"{booking.first_name} {booking.last_name}",
                "status": BookingStatus(form.cleaned_data["status"]).label})
    return redirect_next(request, _agenda_url(booking.calendar, timezone.localtime(booking.start).date()))


def _staff_form(request: HttpRequest, calendar: Calendar, data=None) -> StaffBookingForm:
    return StaffBookingForm(data, reasons=selectors.reasons(calendar.desk))


@login_required
def book_on_behalf(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """A citizen phones, or is at the desk and needs a member's appointment: pick the calendar, a free time,
    and write their details. The booking is confirmed at once, with the e-mail if there is an address."""
    calendars = _calendars(request)
    calendar = _pick(request, calendars)
    day = _day(request, calendar)
    slots = engine.free_slots(calendar, day, day, enforce_notice=False)
    form = _staff_form(request, calendar, request.POST or None)
    chosen = request.POST.get("start") or request.GET.get("ora") or ""
    start = dates.parse_instant(chosen, dates.askable(calendar, staff=True), calendar.desk.tz)
    if request.method == "POST" and form.is_valid():
        if start is None:
            form.add_error(None, _("Scegli l'orario."))
        else:
            data = form.cleaned_data
            try:
                booking = services.book(
                    calendar, start=start, reason_code=data["reason"],
                    details=data["details"], first_name=data["first_name"], last_name=data["last_name"],
                    email=data["email"] or "", phone=data["phone"], privacy_consent=data["privacy_consent"],
                    actor=request.user,
                )
            except services.SlotUnavailable as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            except PermissionDenied as error:
                raise Http404 from error
            else:
                messages.success(request, _("Appuntamento %(code)s fissato per %(name)s.") % {
                    "code": booking.code, "name": f"{booking.first_name} {booking.last_name}"})
                return redirect(_agenda_url(calendar, timezone.localtime(booking.start, calendar.desk.tz).date()))
    return render(request, "booking/staff/book.html", {
        "calendars": calendars, "calendar": calendar, "day": day, "slots": slots, "form": form,
        "chosen": chosen, "next_days": [day + dt.timedelta(days=n) for n in range(1, 8)],
    })


@login_required
def walk_in(request: HttpRequest, desk_slug: str) -> HttpResponse:
    calendars = _calendars(request)
    calendar = _pick(request, calendars)
    form = _staff_form(request, calendar, request.POST or None)
    form.fields["privacy_consent"].required = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            booking = services.record_walk_in(calendar, reason_code=data["reason"], first_name=data["first_name"],
                                              last_name=data["last_name"], email=data["email"] or "",
                                              phone=data["phone"], details=data["details"], actor=request.user)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Accesso senza appuntamento registrato."))
            return redirect(_agenda_url(calendar, timezone.localtime(booking.start, calendar.desk.tz).date()))
    return render(request, "booking/staff/walk_in.html", {"calendars": calendars, "calendar": calendar,
                                                          "form": form})


@login_required
def block(request: HttpRequest, desk_slug: str) -> HttpResponse:
    calendars = _calendars(request)
    calendar = _pick(request, calendars)
    form = BlockForm(request.POST or None, initial={"date": _day(request, calendar), "capacity": 0})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.block(calendar, data["date"], data["starts_at"], data["ends_at"], actor=request.user,
                           reason=data["reason"], capacity=data["capacity"])
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Calendario aggiornato."))
            return redirect(_agenda_url(calendar, data["date"]))
    return render(request, "booking/staff/block.html", {"calendars": calendars, "calendar": calendar,
                                                        "form": form})


@login_required
@require_POST
def unblock(request: HttpRequest, desk_slug: str, pk: int) -> HttpResponse:
    exception = get_object_or_404(CalendarException.objects.select_related("calendar__desk",
                                                                           "calendar__service"),
                                  pk=pk, calendar__desk=request.desk)
    require(request.user, "calendar.agenda", exception.calendar)
    services.unblock(exception, actor=request.user)
    messages.success(request, _("Blocco rimosso."))
    return redirect(_agenda_url(exception.calendar, exception.date))


# --- Staff manage calendars ---------------------------------------------------------------------------


@login_required
def calendars(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """The calendars this user manages: all for desk administrators, their members' for member editors;
    members' services without a calendar can get one."""
    desk = request.desk
    manageable = [c for c in Calendar.objects.filter(desk=desk).select_related("service__organization", "desk")
                  .prefetch_related("intervals") if can(request.user, "calendar.manage", c)]
    services_qs = Service.objects.filter(organization__desk=desk, organization__is_active=True, is_active=True,
                                         calendars__isnull=True).select_related("organization").order_by(
        "organization__name", "name")
    without = [s for s in services_qs if can(request.user, "organization.edit", s.organization)]
    if not manageable and not without and not can(request.user, "desk.administer", desk):
        raise Http404
    if request.method == "POST":
        service = next((s for s in without if str(s.pk) == request.POST.get("service")), None)
        if service is None:
            raise Http404
        calendar = services.open_calendar(service, request.user)
        messages.success(request, _("Calendario creato: ora indica i giorni e gli orari."))
        return redirect("booking_staff:calendar", desk_slug=desk_slug, pk=calendar.pk)
    return render(request, "booking/staff/calendars.html", {
        "calendars": sorted(manageable, key=lambda c: (not c.is_desk_calendar, c.name)), "without": without,
        "can_reasons": can(request.user, "desk.administer", desk),
    })


@login_required
def calendar_edit(request: HttpRequest, desk_slug: str, pk: int) -> HttpResponse:
    calendar = get_object_or_404(Calendar.objects.select_related("desk", "service__organization"), pk=pk,
                                 desk=request.desk)
    require(request.user, "calendar.manage", calendar)
    form = CalendarSettingsForm(request.POST or None, instance=calendar)
    if request.method == "POST":
        formset = CapacityIntervalFormSet(request.POST, prefix="i")
        if form.is_valid() and formset.is_valid():
            intervals = [(WeeklyInterval(f.cleaned_data["weekday"], f.cleaned_data["opens_at"],
                                         f.cleaned_data["closes_at"]), f.cleaned_data["capacity"])
                         for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
            try:
                services.configure_calendar(calendar, settings=form.cleaned_data, intervals=intervals,
                                            actor=request.user)
            except ValidationError as error:
                for message in error.messages:
                    formset._non_form_errors.append(message)  # shown above the table, input kept
            else:
                messages.success(request, _("Calendario salvato."))
                return redirect("booking_staff:calendar", desk_slug=desk_slug, pk=pk)
    else:
        formset = CapacityIntervalFormSet(prefix="i", initial=[
            {"weekday": i.weekday, "opens_at": i.opens_at, "closes_at": i.closes_at, "capacity": i.capacity}
            for i in calendar.intervals.all()])
    return render(request, "booking/staff/calendar_edit.html", {"calendar": calendar, "form": form,
                                                                "formset": formset})


@login_required
def reasons(request: HttpRequest, desk_slug: str) -> HttpResponse:
    desk = request.desk
    require(request.user, "desk.administer", desk)
    existing = list(Reason.objects.filter(desk=desk))
    formset = ReasonFormSet(request.POST or None, prefix="r", initial=[
        {"code": r.code, "label": r.label_it, "label_en": r.label_en or "", "position": r.position,
         "is_active": r.is_active} for r in existing])
    if request.method == "POST" and formset.is_valid():
        rows = [f.cleaned_data for f in formset.forms if f.cleaned_data.get("code")]
        # Existing codes cannot disappear (bookings point at them): a missing row keeps its topic.
        try:
            services.save_reasons(desk, rows, request.user)
        except ValidationError as error:
            formset._non_form_errors.extend(error.messages)
        else:
            messages.success(request, _("Argomenti salvati."))
            return redirect("booking_staff:reasons", desk_slug=desk_slug)
    return render(request, "booking/staff/reasons.html", {"formset": formset})
