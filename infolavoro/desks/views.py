"""Public desk pages (home, contacts, privacy, accessibility) and the admin pages for hours and closures."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infolavoro.accounts.permissions import require
from infolavoro.core.dates import add_years

from . import selectors, services
from .forms import ClosureForm, IntervalFormSet
from .hours import WeeklyInterval
from .models import Closure


def home(request: HttpRequest, desk_slug: str) -> HttpResponse:
    return render(request, "desks/home.html", {"timetable": selectors.timetable(request.desk)})


def contacts(request: HttpRequest, desk_slug: str) -> HttpResponse:
    return render(request, "desks/contacts.html", {"timetable": selectors.timetable(request.desk)})


def privacy(request: HttpRequest, desk_slug: str) -> HttpResponse:
    return render(request, "desks/privacy.html")


def accessibility(request: HttpRequest, desk_slug: str) -> HttpResponse:
    return render(request, "desks/accessibility.html")


@login_required
def manage_hours(request: HttpRequest, desk_slug: str) -> HttpResponse:
    desk = request.desk
    require(request.user, "desk.administer", desk)
    if request.method == "POST":
        formset = IntervalFormSet(request.POST)
        if formset.is_valid():
            intervals = [
                WeeklyInterval(f.cleaned_data["weekday"], f.cleaned_data["opens_at"], f.cleaned_data["closes_at"])
                for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            try:
                services.set_opening_hours(desk, intervals, request.user)
            except ValidationError as exc:
                for error in exc.messages:
                    formset._non_form_errors.append(error)  # shown above the table, input kept
            else:
                messages.success(request, _("Orari salvati."))
                return redirect("desks:manage_hours", desk_slug=desk.slug)
    else:
        formset = IntervalFormSet(
            initial=[
                {"weekday": i.weekday, "opens_at": i.opens_at, "closes_at": i.closes_at}
                for i in desk.opening_intervals.all()
            ]
        )
    return render(request, "desks/manage_hours.html", {"formset": formset})


@login_required
def manage_closures(request: HttpRequest, desk_slug: str) -> HttpResponse:
    desk = request.desk
    require(request.user, "desk.administer", desk)
    form = ClosureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_closure(desk, form.cleaned_data["starts_on"], form.cleaned_data["ends_on"],
                                 form.cleaned_data["reason_it"], request.user,
                                 reason_en=form.cleaned_data["reason_en"] or "")
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Chiusura aggiunta."))
            return redirect("desks:manage_closures", desk_slug=desk.slug)
    today = timezone.localdate(timezone=desk.tz)
    closures = desk.closures.filter(ends_on__gte=today).select_related("created_by")
    holidays = selectors.closed_days(desk, today, add_years(today, 1))
    return render(request, "desks/manage_closures.html", {
        "form": form,
        "closures": closures,
        "public_holidays": [c for c in holidays.values() if c.is_public_holiday],
    })


@login_required
@require_POST
def delete_closure(request: HttpRequest, desk_slug: str, pk: int) -> HttpResponse:
    closure = get_object_or_404(Closure, pk=pk, desk=request.desk)
    require(request.user, "desk.administer", closure)
    services.remove_closure(closure, request.user)
    messages.success(request, _("Chiusura eliminata."))
    return redirect("desks:manage_closures", desk_slug=desk_slug)


@login_required
def create_desk(request: HttpRequest) -> HttpResponse:
    """The installation administrators' guided page for another Comune's desk (same service as create_desk)."""
    from django.http import Http404

    from infolavoro.accounts.permissions import can

    from .forms import NewDeskForm

    if not can(request.user, "installation.administer", None):
        raise Http404
    portal_names = [p["name"] for p in services.portal_catalogue()]
    form = NewDeskForm(request.POST or None, portal_names=portal_names, initial={
        "reasons": "\n".join(services.DEFAULT_REASONS), "portals": portal_names})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new = services.NewDesk(
                name=data["name"], slug=data["slug"], comune=data["comune"], address=data["address"],
                phone=data["phone"], email=data["email"], admin_email=data["admin_email"],
                admin_first_name=data["admin_first_name"], admin_last_name=data["admin_last_name"],
                postal_code=data["postal_code"], office=data["office"], presentation=data["presentation"],
                presentation_en=data["presentation_en"], comune_denomination=data["comune_denomination"],
                comune_denomination_en=data["comune_denomination_en"],
                patron_saint=data["patron_saint"], reasons=data["reasons"].splitlines(), portals=data["portals"],
                retention_months=data["retention_months"], min_cell_size=data["min_cell_size"])
            errors = {}
            for name, parse, attr in (("hours", services.parse_weekly_hours, "hours"),
                                      ("patron_day", services.parse_day_month, "patron_day_month")):
                try:
                    setattr(new, attr, parse(data[name]))
                except ValidationError as exc:
                    errors[name] = exc.messages
            if errors:
                raise ValidationError(errors)
            desk = services.create_desk(new, request.user)
        except ValidationError as exc:
            for name, problems in (exc.message_dict.items() if hasattr(exc, "error_dict") else [(None, exc.messages)]):
                for problem in problems:
                    form.add_error(name if name in form.fields else None, problem)
        else:
            messages.success(request, _("Sportello creato: %(desk)s. L'invito è stato inviato a %(email)s. Ora "
                                        "importa la sua rete.") % {"desk": desk, "email": data["admin_email"]})
            return redirect("network_manage:import", desk_slug=desk.slug)
    return render(request, "desks/create_desk.html", {"form": form}, status=400 if form.errors else 200)
