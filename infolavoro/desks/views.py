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
                                 form.cleaned_data["reason"], request.user)
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
