"""Referral pages: the desk's list with overdue alerts, the member's inbox, a referral, creating one."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infolavoro.accounts.permissions import can, require
from infolavoro.booking import engine
from infolavoro.booking import selectors as booking_selectors
from infolavoro.booking.dates import askable, parse_instant
from infolavoro.booking.services import SlotUnavailable
from infolavoro.intake import selectors as intake_selectors
from infolavoro.intake import services as intake_services
from infolavoro.intake.decorators import signed_in_or_404

from . import selectors, services
from .forms import MoveForm, NeedFilterForm, ReferralForm
from .models import State
from .services import MEMBER_STATES


@login_required
def desk_list(request: HttpRequest, desk_slug: str) -> HttpResponse:
    desk = request.desk
    state = request.GET.get("stato", "")
    if state not in State.values:
        state = ""
    return render(request, "referrals/desk_list.html", {
        "referrals": selectors.desk_referrals(request.user, desk, state)[:200],
        "overdue": list(selectors.overdue(request.user, desk)),
        "alert_days": intake_selectors.settings_for(desk).referral_alert_days,
        "states": State.choices, "state": state,
    })


@login_required
def inbox(request: HttpRequest, desk_slug: str) -> HttpResponse:
    return render(request, "referrals/inbox.html", {"referrals": selectors.inbox(request.user, request.desk)})


@signed_in_or_404
def new(request: HttpRequest, desk_slug: str, consultation_pk) -> HttpResponse:
    """Refer the citizen of a consultation: pick a need, then one of the network's services for it."""
    desk = request.desk
    consultation = intake_selectors.consultation_by_pk(request.user, desk, consultation_pk)
    citizen = consultation.citizen
    require(request.user, "citizen.change", citizen)
    needs = list(consultation.needs.all())
    filter_form = NeedFilterForm(request.GET or None, desk=desk,
                                 initial={"bisogno": needs[0] if needs else None})
    need = filter_form.cleaned_data["bisogno"] if filter_form.is_bound and filter_form.is_valid() else None
    if not filter_form.is_bound and needs:
        need = needs[0]
    form = ReferralForm(request.POST or None, desk=desk, need=need)
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.create_referral(
                consultation, form.cleaned_data["service"], request.user, need=need,
                message=form.cleaned_data["message"], what_to_bring=form.cleaned_data["what_to_bring"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Segnalazione %(code)s inviata.") % {"code": referral.code})
            if not referral.citizen_emailed:
                messages.warning(request, _("La persona non riceverà l'e-mail con i contatti del soggetto: "
                                            "consegnaglieli tu."))
            if not referral.member_can_respond:
                messages.warning(request, _(
                    "%(name)s non ha ancora un accesso a InfoLavoro: sentilo per telefono e registra qui, per suo "
                    "conto, quello che ti dice; puoi invitare un suo referente dalla gestione della rete."
                ) % {"name": referral.organization.name})
            return redirect("referrals:detail", desk_slug=desk.slug, pk=referral.pk)
    elif request.method == "GET":
        intake_services.record_access(citizen, request.user, "nuova segnalazione")
    return render(request, "referrals/new.html", {
        "consultation": consultation, "citizen": citizen, "filter_form": filter_form, "form": form, "need": need,
        "service_choices": _service_choices(form),
    })


def _service_choices(form: ReferralForm) -> list[tuple]:
    """The service radios, each with the warning to read BEFORE sending when its member cannot log in: it will
    only get an e-mail (or nothing, without an address) and the operator records its answers."""
    from infolavoro.network.selectors import member_recipients

    choices = list(form["service"])
    services_ = {s.pk: s for s in form.fields["service"].queryset.select_related("organization")}
    organizations = {s.organization_id: s.organization for s in services_.values()}
    recipients = member_recipients(list(organizations.values()))
    rows = []
    for choice in choices:
        service = services_.get(getattr(choice.data["value"], "value", choice.data["value"]))
        found = recipients.get(service.organization_id) if service else None
        if service is None or (found and found.editors):
            warning = ""
        elif found:
            warning = _("Questo membro non ha accesso a InfoLavoro: riceverà un'e-mail; registrerai tu l'esito.")
        else:
            warning = _("Questo membro non ha accesso a InfoLavoro né un indirizzo e-mail: avvisalo tu per "
                        "telefono; registrerai tu l'esito.")
        rows.append((choice, warning))
    return rows


def _on_behalf(referral, user) -> bool:
    """The desk records the member's answers itself when the member has no login."""
    return can(user, "desk.operate", referral) and not services.member_has_access(referral.organization)


def _move_forms(referral, user):
    """The state changes this user may make now, each with its own small form, and whether the member's steps are
    recorded on its behalf."""
    forms = []
    on_behalf = _on_behalf(referral, user) if any(s in MEMBER_STATES for s in referral.allowed_next) else False
    for to_state in referral.allowed_next:
        if to_state in MEMBER_STATES:
            allowed = can(user, "referral.respond", referral) or on_behalf
        else:
            allowed = can(user, "desk.operate", referral) or can(user, "referral.respond", referral)
        if allowed:
            forms.append((to_state, State(to_state).label, MoveForm(prefix=to_state)))
    return forms, on_behalf


def _render_detail(request: HttpRequest, referral, move_forms, on_behalf: bool, status: int = 200) -> HttpResponse:
    is_desk = can(request.user, "desk.operate", referral)
    can_book = (is_desk and not referral.booking_id and referral.state in (State.SENT, State.ACCEPTED)
                and booking_selectors.calendar_for_service(referral.service) is not None)
    return render(request, "referrals/detail.html", {
        "can_book": can_book,
        "referral": referral, "is_desk": is_desk, "shows_data": is_desk or referral.citizen.sharing_consent,
        "move_forms": move_forms, "on_behalf": on_behalf, "member_states": MEMBER_STATES,
        "waiting_days": (timezone.now() - referral.state_changed_at).days,
    }, status=status)


@signed_in_or_404
def detail(request: HttpRequest, desk_slug: str, pk) -> HttpResponse:
    referral = selectors.referral(request.user, request.desk, pk)
    shows_data = can(request.user, "desk.operate", referral) or referral.citizen.sharing_consent
    services.record_view(referral, request.user, shows_data)
    return _render_detail(request, referral, *_move_forms(referral, request.user))


@signed_in_or_404
@require_POST
def move(request: HttpRequest, desk_slug: str, pk) -> HttpResponse:
    referral = selectors.referral(request.user, request.desk, pk)
    to_state = request.POST.get("to_state", "")
    if to_state not in State.values:
        messages.error(request, _("Richiesta non valida: controlla i dati e riprova."))
        return redirect("referrals:detail", desk_slug=desk_slug, pk=pk)
    form = MoveForm(request.POST, prefix=to_state)
    if form.is_valid():
        data = form.cleaned_data
        by_desk = (to_state in MEMBER_STATES and not can(request.user, "referral.respond", referral)
                   and _on_behalf(referral, request.user))
        try:
            (services.record_for_member if by_desk else services.move)(
                referral, to_state, request.user, decline_reason=data["decline_reason"],
                appointment_at=data["appointment_at"], outcome=data["outcome"])
        except PermissionDenied:
            messages.error(request, _("Questo passaggio spetta al soggetto che ha ricevuto la segnalazione."))
            return redirect("referrals:detail", desk_slug=desk_slug, pk=pk)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Stato aggiornato: %(state)s.") % {"state": State(to_state).label})
            return redirect("referrals:detail", desk_slug=desk_slug, pk=pk)
    # Show the page again with this form's errors and what was typed.
    forms, on_behalf = _move_forms(referral, request.user)
    forms = [(s, label, form if s == to_state else f) for s, label, f in forms]
    return _render_detail(request, referral, forms, on_behalf, status=400)


@signed_in_or_404
def book(request: HttpRequest, desk_slug: str, pk) -> HttpResponse:
    """Book the referred citizen into the member's calendar: the free times of the next three weeks."""
    referral = selectors.referral(request.user, request.desk, pk)
    require(request.user, "desk.operate", referral)
    calendar = booking_selectors.calendar_for_service(referral.service)
    if calendar is None or referral.booking_id:
        return redirect("referrals:detail", desk_slug=desk_slug, pk=pk)
    today = timezone.localtime(timezone.now(), calendar.desk.tz).date()
    slots = engine.free_slots(calendar, today, today + dt.timedelta(days=21), enforce_notice=False)
    error = ""
    if request.method == "POST":
        # The one date-range guard: malformed, year 1 or 9999, or beyond the staff's range is "choose a time".
        start = parse_instant(request.POST.get("start", ""), askable(calendar, staff=True), calendar.desk.tz)
        try:
            if start is None:
                raise ValueError
            services.book_appointment(referral, start, request.user)
        except ValueError:
            error = _("Scegli un orario.")
        except ValidationError as exc:
            error = " ".join(exc.messages)
        except SlotUnavailable as exc:  # taken meanwhile
            error = str(exc)
        else:
            messages.success(request, _("Appuntamento fissato presso %(name)s: la persona riceve la conferma.")
                             % {"name": referral.organization.name})
            return redirect("referrals:detail", desk_slug=desk_slug, pk=pk)
    days: dict = {}
    for slot in slots:
        days.setdefault(slot.start.date(), []).append(slot)
    return render(request, "referrals/book.html", {"referral": referral, "calendar": calendar, "days": days,
                                                   "error": error}, status=400 if error else 200)
