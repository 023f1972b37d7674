"""Public booking flow (Designers Italia "Prenotazione appuntamento": office, date and time, topic, contacts,
summary, confirmation) and the citizen's manage link. The flow's state lives in the session, never in URLs.
Works without JavaScript: every step is a plain form."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from infolavoro.network.models import Service

from . import dates, engine, selectors, services
from .calendar_files import booking_ics
from .forms import CalendarChoiceForm, ContactForm, ReasonForm, TimeChoiceForm
from .models import Booking, BookingStatus, Calendar

STEPS = [("start", gettext_lazy("Ufficio")), ("when", gettext_lazy("Data e orario")),
         ("reason", gettext_lazy("Argomento")), ("contacts", gettext_lazy("I tuoi dati")),
         ("summary", gettext_lazy("Riepilogo"))]
# At a member's premises step 3 asks no topic (its service is the subject), only what the person needs.
MEMBER_STEPS = [(name, gettext_lazy("Richiesta") if name == "reason" else label) for name, label in STEPS]
BOOK_RATE = "10/h"
# What a person types into the flow stays in the session only while the flow is under way: the draft is dropped
# DRAFT_TTL after it started, a visitor's session expires with it (expired sessions are purged daily,
# core.tasks.clear_expired_sessions), and confirming empties it.
DRAFT_TTL = dt.timedelta(hours=2)


def _state(request: HttpRequest) -> dict[str, Any]:
    key = f"booking:{request.desk.pk}"
    state = request.session.setdefault(key, {})
    started = state.get("started_at")
    if started and dt.datetime.fromisoformat(started) <= timezone.now() - DRAFT_TTL:
        state = request.session[key] = {}
        messages.info(request, _("Per proteggere i tuoi dati abbiamo cancellato la prenotazione lasciata a metà: "
                                 "ricomincia da qui."))
    return state


def _save(request: HttpRequest, **values: Any) -> None:
    state = _state(request)
    state.setdefault("started_at", timezone.now().isoformat())
    state.update(values)
    request.session.modified = True
    if not request.user.is_authenticated:
        request.session.set_expiry(int(DRAFT_TTL.total_seconds()))


def _calendar(request: HttpRequest) -> Calendar | None:
    pk = _state(request).get("calendar")
    if pk is None:
        return None
    return (Calendar.objects.filter(pk=pk, desk=request.desk, is_active=True)
            .select_related("desk", "service__organization").first())


def _go(request: HttpRequest, step: str, **query: str) -> HttpResponse:
    url = reverse(f"booking:{step}", kwargs={"desk_slug": request.desk.slug})
    if query:
        from urllib.parse import urlencode

        url += "?" + urlencode(query)
    return redirect(url)


def _page(request: HttpRequest, template: str, step: str, **context: Any) -> HttpResponse:
    names = [name for name, _label in STEPS]
    steps = MEMBER_STEPS if request.session.get(f"booking:{request.desk.pk}", {}).get("member") else STEPS
    context.update(steps=steps, step=step, step_number=names.index(step) + 1 if step in names else len(STEPS),
                   step_count=len(STEPS))
    return render(request, template, context, status=context.pop("status", 200))


def _missing(request: HttpRequest, *keys: str) -> HttpResponse | None:
    """Send back to the first step whose answer is missing (e.g. after the session expired)."""
    state = _state(request)
    for key, step in (("calendar", "start"), ("start", "when"), ("reason", "reason"), ("first_name", "contacts")):
        if key == "reason" and state.get("member") and "reason" in state:
            continue  # at a member's premises no topic is asked: its service is the subject
        if key in keys and not state.get(key):
            if state:
                messages.info(request, _("Completa prima questo passaggio."))
            return _go(request, step)
    return None


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Step 1: the office. From a member's service page (?servizio=<uuid>) its premises are preselected."""
    desk = request.desk
    calendars = [c for c in [selectors.desk_calendar(desk)] if c]
    initial = calendars[0].pk if calendars else None
    service_id = request.GET.get("servizio")
    if service_id:
        try:
            service = Service.objects.filter(pk=service_id, organization__desk=desk, is_active=True,
                                             organization__is_active=True).first()
        except ValidationError:
            service = None
        member = selectors.calendar_for_service(service) if service else None
        if member:
            calendars.append(member)
            initial = member.pk
    elif _state(request).get("calendar"):
        chosen = _calendar(request)
        if chosen and chosen not in calendars:
            calendars.append(chosen)
        initial = chosen.pk if chosen else initial
    if not calendars:
        return render(request, "booking/unavailable.html")
    form = CalendarChoiceForm(request.POST or None, calendars=calendars, initial={"calendar": initial})
    if request.method == "POST" and form.is_valid():
        chosen = next(c for c in calendars if c.pk == form.cleaned_data["calendar"])
        if chosen.pk != _state(request).get("calendar"):
            for key in ("start", "reason"):
                _state(request).pop(key, None)
        _save(request, calendar=chosen.pk, member=not chosen.is_desk_calendar)
        return _go(request, "when")
    return _page(request, "booking/step_start.html", "start", form=form, calendars=calendars)


def month_grid(calendar: Calendar, month: dt.date, now: dt.datetime | None = None
               ) -> tuple[list[list[dt.date | None]], set[dt.date], dt.date | None, dt.date | None]:
    """Weeks of the month (Monday first), the days with free slots, and the previous/next bookable months."""
    now = now or timezone.now()
    last = month.replace(day=pycalendar.monthrange(month.year, month.month)[1])
    free_days = {s.start.date() for s in engine.free_slots(calendar, month, last, now)}
    weeks = [[d if d.month == month.month else None for d in week]
             for week in pycalendar.Calendar().monthdatescalendar(month.year, month.month)]
    today = now.astimezone(calendar.desk.tz).date()
    horizon = today + dt.timedelta(days=calendar.horizon_days)
    previous = (month - dt.timedelta(days=1)).replace(day=1) if month > today.replace(day=1) else None
    following = last + dt.timedelta(days=1) if last < horizon else None
    return weeks, free_days, previous, following


def _choose_time(request: HttpRequest, calendar: Calendar, template: str, step: str, on_chosen, **context: Any
                 ) -> HttpResponse:
    """The month view, then the free times of the chosen day. Shared by booking and rescheduling."""
    today = timezone.localtime(timezone.now(), calendar.desk.tz).date()
    allowed = dates.askable(calendar)  # out-of-range or malformed dates fall back to this month
    day = dates.parse_day(request.POST.get("giorno") or request.GET.get("giorno"), allowed)
    month = day.replace(day=1) if day else (dates.parse_month(request.GET.get("mese"), allowed)
                                            or today.replace(day=1))
    weeks, free_days, previous, following = month_grid(calendar, month)
    if not day and not request.GET.get("mese") and not free_days and following:
        # Late in the month the rest of it may be full or closed: open on the first month that has a free day
        # rather than an empty grid.
        first = next(iter(engine.free_slots(calendar, following, today + dt.timedelta(days=calendar.horizon_days))),
                     None)
        if first is not None:
            month = first.start.date().replace(day=1)
            weeks, free_days, previous, following = month_grid(calendar, month)
    slots = engine.free_slots(calendar, day, day) if day else []
    form = TimeChoiceForm(request.POST or None, slots=slots) if day else None
    if request.method == "POST" and form is not None and form.is_valid():
        return on_chosen(dt.datetime.fromisoformat(form.cleaned_data["start"]))
    if request.method == "POST" and day and not slots:
        messages.error(request, _("In questo giorno non ci sono più orari liberi: scegline un altro."))
    return _page(request, template, step, calendar=calendar, weeks=weeks, free_days=free_days, month=month,
                 previous=previous, following=following, day=day, slots=slots, form=form,
                 weekdays=[_("lun"), _("mar"), _("mer"), _("gio"), _("ven"), _("sab"), _("dom")], today=today,
                 **context)


@require_http_methods(["GET", "POST"])
def when(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Step 2: a month view showing only days with free slots, then the free times of the chosen day."""
    if response := _missing(request, "calendar"):
        return response
    calendar = _calendar(request)
    if calendar is None:
        return _go(request, "start")

    def chosen(start: dt.datetime) -> HttpResponse:
        _save(request, start=start.isoformat())
        return _go(request, "reason")

    return _choose_time(request, calendar, "booking/step_when.html", "when", chosen,
                        chosen_start=_state(request).get("start"))


@require_http_methods(["GET", "POST"])
def reason(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Step 3: the topic, from the desk's list, and a free text. At a member's premises the member's service is
    the subject: the desk's topics are not offered, only the free text."""
    if response := _missing(request, "calendar", "start"):
        return response
    calendar = _calendar(request)
    if calendar is None:
        return _go(request, "start")
    state = _state(request)
    member = not calendar.is_desk_calendar
    form = ReasonForm(request.POST or None, reasons=None if member else selectors.reasons(request.desk),
                      initial={"reason": state.get("reason"), "details": state.get("details", "")})
    if request.method == "POST" and form.is_valid():
        _save(request, **{"reason": "", **form.cleaned_data})
        return _go(request, "contacts")
    return _page(request, "booking/step_reason.html", "reason", form=form, calendar=calendar, member=member)


@require_http_methods(["GET", "POST"])
def contacts(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Step 4: name and contacts, with the privacy notice."""
    if response := _missing(request, "calendar", "start", "reason"):
        return response
    state = _state(request)
    form = ContactForm(request.POST or None, initial={k: state.get(k) for k in
                                                      ("first_name", "last_name", "email", "phone",
                                                       "privacy_consent")})
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.pop("company_website"):
            form.add_error(None, _("Richiesta non valida: riprova."))
        else:
            _save(request, **form.cleaned_data)
            return _go(request, "summary")
    return _page(request, "booking/step_contacts.html", "contacts", form=form)


@require_http_methods(["GET", "POST"])
def summary(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Step 5: everything at a glance, with links to change each part; confirming books at once."""
    if response := _missing(request, "calendar", "start", "reason", "first_name"):
        return response
    state = _state(request)
    calendar = _calendar(request)
    if calendar is None:
        return _go(request, "start")
    start_at = dt.datetime.fromisoformat(state["start"])
    reason_obj = selectors.reasons(request.desk).filter(code=state["reason"]).first() if state["reason"] else None
    context = {"calendar": calendar, "state": state, "start_at": start_at, "reason": reason_obj,
               "address": services.address_of(calendar), "contact": services.contact_of(calendar),
               "end_at": start_at + dt.timedelta(minutes=calendar.slot_minutes)}
    if request.method == "POST":
        if is_ratelimited(request, group="booking.book", key="ip", rate=BOOK_RATE, method="POST", increment=True):
            context["error"] = _("Troppe prenotazioni da questa connessione: riprova tra un'ora o telefona allo "
                                 "sportello. I tuoi dati sono stati conservati.")
            return _page(request, "booking/step_summary.html", "summary", status=429, **context)
        try:
            booking = services.book(
                calendar, start=start_at, reason_code=state["reason"], details=state.get("details", ""),
                first_name=state["first_name"], last_name=state["last_name"], email=state["email"],
                phone=state.get("phone", ""), privacy_consent=bool(state.get("privacy_consent")),
            )
        except services.SlotUnavailable as error:
            state.pop("start", None)
            request.session.modified = True
            messages.error(request, str(error))
            return _go(request, "when", giorno=start_at.date().isoformat())
        except ValidationError as error:
            context["errors"] = [m for messages_ in error.message_dict.values() for m in messages_]
            return _page(request, "booking/step_summary.html", "summary", status=200, **context)
        request.session[f"booking:{request.desk.pk}"] = {}
        request.session[f"booking-done:{request.desk.pk}"] = booking.pk
        return _go(request, "done")
    return _page(request, "booking/step_summary.html", "summary", **context)


def _done_booking(request: HttpRequest) -> Booking:
    pk = request.session.get(f"booking-done:{request.desk.pk}")
    booking = (Booking.objects.filter(pk=pk, desk=request.desk).select_related("calendar__service__organization",
                                                                               "calendar__desk", "reason").first()
               if pk else None)
    if booking is None:
        raise Http404
    return booking


def done(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Step 6: the confirmation, with the booking code and the calendar file."""
    booking = _done_booking(request)
    return _page(request, "booking/done.html", "done", booking=booking, place=services.place_of(booking.calendar),
                 contact=services.contact_of(booking.calendar))


def _ics_response(booking: Booking) -> HttpResponse:
    method = "CANCEL" if booking.status in (BookingStatus.CANCELLED, BookingStatus.CANCELLED_BY_DESK) else "PUBLISH"
    response = HttpResponse(booking_ics(booking, method=method), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="appuntamento-{booking.code}.ics"'
    return response


def done_ics(request: HttpRequest, desk_slug: str) -> HttpResponse:
    return _ics_response(_done_booking(request))


def _managed(request: HttpRequest, token: str) -> Booking:
    booking = services.booking_from_token(token)
    if booking is None or booking.desk_id != request.desk.pk:
        raise Http404
    return booking


@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, desk_slug: str, token: str) -> HttpResponse:
    """The citizen's signed link: see the booking, cancel it (with a confirmation) or move it."""
    booking = _managed(request, token)
    can_change = booking.status == BookingStatus.BOOKED and booking.start > timezone.now()
    if request.method == "POST" and request.POST.get("confirm") == "cancel" and can_change:
        try:
            services.cancel(booking)
        except services.SlotUnavailable as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Appuntamento annullato. Ti abbiamo inviato un'e-mail di conferma."))
        return redirect(request.path)
    return render(request, "booking/manage.html", {
        "booking": booking, "token": token, "can_change": can_change, "place": services.place_of(booking.calendar),
        "contact": services.contact_of(booking.calendar),
        "confirm_cancel": request.GET.get("annulla") == "1" and can_change,
    })


@require_http_methods(["GET", "POST"])
def manage_move(request: HttpRequest, desk_slug: str, token: str) -> HttpResponse:
    """Move an appointment, as in booking: choose a day and a time, read the summary ("Ora: … → Nuovo: …"),
    confirm. The current appointment stays valid until the confirmation."""
    booking = _managed(request, token)
    if booking.status != BookingStatus.BOOKED or booking.start <= timezone.now():
        return redirect("booking:manage", desk_slug=desk_slug, token=token)
    calendar, tz = booking.calendar, booking.calendar.desk.tz

    def back_to_calendar(day: dt.date | None = None) -> HttpResponse:
        return redirect(request.path + (f"?giorno={day.isoformat()}" if day else ""))

    if request.method == "POST" and "conferma" in request.POST:
        start = dates.parse_instant(request.POST.get("start"), dates.askable(calendar), tz)
        if start is None:
            messages.error(request, _("Scegli il nuovo giorno e orario."))
            return back_to_calendar()
        try:
            services.reschedule(booking, start)
        except services.SlotUnavailable as error:
            messages.error(request, str(error))
            return back_to_calendar(start.astimezone(tz).date())
        messages.success(request, _("Appuntamento spostato. Ti abbiamo inviato un'e-mail con i nuovi dati."))
        return redirect("booking:manage", desk_slug=desk_slug, token=services.manage_token(booking))

    proposed = dates.parse_instant(request.GET.get("nuovo"), dates.askable(calendar), tz)
    if proposed is not None:
        slot = engine.slot_at(calendar, proposed)
        if slot is None or not slot.available or slot.start == booking.start.astimezone(tz):
            messages.error(request, _("Questo orario non è più libero: scegline un altro."))
            return back_to_calendar(proposed.astimezone(tz).date())
        return render(request, "booking/manage_move_confirm.html", {
            "booking": booking, "token": token, "slot": slot, "place": services.place_of(calendar),
        })

    def chosen(start: dt.datetime) -> HttpResponse:
        # Not moved yet: the summary comes first.
        return redirect(request.path + "?" + urlencode({"nuovo": start.isoformat()}))

    return _choose_time(request, calendar, "booking/manage_move.html", "when", chosen, booking=booking,
                        token=token)


def manage_ics(request: HttpRequest, desk_slug: str, token: str) -> HttpResponse:
    return _ics_response(_managed(request, token))


@require_http_methods(["GET", "POST"])
def rate(request: HttpRequest, desk_slug: str, token: str) -> HttpResponse:
    """The service rating after an appointment (Designers Italia model): 1-5 and one optional question."""
    data = services.rating_link_data(token, request.desk)
    context: dict[str, Any] = {"invalid": data is None, "done": False, "errors": {}, "score": "", "comment": ""}
    if data is not None and services.already_rated(data):
        context["done"] = True
    elif data is not None and request.method == "POST":
        context.update(score=request.POST.get("score", ""), comment=request.POST.get("comment", ""))
        try:
            services.rate(request.desk, token, score=context["score"], comment=context["comment"])
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                context["errors"] = {k: " ".join(m for e in v for m in e.messages) for k, v in
                                     error.error_dict.items()}
            else:
                context["errors"] = {"score": " ".join(error.messages)}
        else:
            context["done"] = True
    return render(request, "booking/rate.html", context, status=404 if data is None else 200)
