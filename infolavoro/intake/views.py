"""Staff pages of the listening point. Thin: selectors read, services write, every read is audited."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infolavoro.accounts.permissions import can, require
from infolavoro.intake.decorators import signed_in_or_404

from . import selectors, services
from .forms import (
    AuditFilterForm,
    CitizenForm,
    ConsultationForm,
    IntakeSettingsForm,
    JobPortalForm,
    PortalChecklistForm,
    SearchForm,
)
from .models import AuditAction, JobPortal, SpecialCategoryData


def _citizen_kwargs(form: CitizenForm) -> dict:
    data = form.cleaned_data
    kwargs = {"interests": data.get("interests") or [], "sharing_consent": data.get("sharing_consent", False),
              "special_consent": data.get("special_consent", False)}
    if "special_notes" in form.fields:
        kwargs["special_notes"] = data.get("special_notes", "")
    return kwargs


@login_required
def index(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Recent citizens and a search. The search is a POST: names never go into URLs or access logs."""
    desk = request.desk
    require(request.user, "citizen.view", desk)
    form = SearchForm(request.POST or None)
    query = form.cleaned_data["q"] if request.method == "POST" and form.is_valid() else ""
    citizens = list(selectors.citizens(request.user, desk, query)[:30])
    if citizens:
        services.record_list_access(desk, citizens, request.user, "elenco" if not query else "ricerca")
    return render(request, "intake/index.html", {"form": form, "citizens": citizens, "query": query})


@login_required
def citizen_new(request: HttpRequest, desk_slug: str) -> HttpResponse:
    desk = request.desk
    require(request.user, "citizen.change", desk)
    special_enabled = selectors.settings_for(desk).special_categories_enabled
    booking = _booking_param(request)
    initial = ({"first_name": booking.first_name, "last_name": booking.last_name, "email": booking.email,
                "phone": booking.phone} if booking else None)
    form = CitizenForm(request.POST or None, desk=desk, special_enabled=special_enabled, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            citizen = services.create_citizen(
                desk, form.cleaned_data, request.user, privacy_acknowledged=True, **_citizen_kwargs(form)
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Scheda creata. Ora registra il colloquio."))
            url = reverse("intake:consultation_new", kwargs={"desk_slug": desk.slug, "pk": citizen.pk})
            return redirect(url + (f"?prenotazione={booking.pk}" if booking else ""))
    return render(request, "intake/citizen_form.html", {"form": form, "citizen": None})


@signed_in_or_404
def citizen_detail(request: HttpRequest, desk_slug: str, pk) -> HttpResponse:
    citizen = selectors.citizen(request.user, request.desk, pk)
    services.record_access(citizen, request.user, "scheda e storia")
    special = SpecialCategoryData.objects.filter(citizen=citizen).first()
    return render(request, "intake/citizen_detail.html", {
        "citizen": citizen,
        "interests": list(citizen.interests.all()),
        "special": special,
        "consultations": selectors.citizen_history(citizen),
        "can_see_audit": can(request.user, "audit.view", request.desk),
    })


@signed_in_or_404
def citizen_edit(request: HttpRequest, desk_slug: str, pk) -> HttpResponse:
    desk = request.desk
    citizen = selectors.citizen(request.user, desk, pk)
    require(request.user, "citizen.change", citizen)
    special_enabled = selectors.settings_for(desk).special_categories_enabled
    form = CitizenForm(request.POST or None, instance=citizen, desk=desk, special_enabled=special_enabled)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_citizen(citizen, form.cleaned_data, request.user, **_citizen_kwargs(form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Scheda aggiornata."))
            return redirect("intake:citizen", desk_slug=desk.slug, pk=citizen.pk)
    elif request.method == "GET":
        services.record_access(citizen, request.user, "modulo di modifica")
    return render(request, "intake/citizen_form.html", {"form": form, "citizen": citizen})


@signed_in_or_404
def consultation_new(request: HttpRequest, desk_slug: str, pk) -> HttpResponse:
    desk = request.desk
    citizen = selectors.citizen(request.user, desk, pk)
    require(request.user, "citizen.change", citizen)
    booking = _booking_param(request)
    # The needs already on the record (just ticked when it was created) and, from the agenda, the appointment's
    # reason, details and time.
    initial = {"needs": list(citizen.interests.all())}
    if booking:
        initial.update(reason=booking.reason.label, notes=booking.details, held_at=booking.start)
    form = ConsultationForm(request.POST or None, desk=desk, citizen=citizen, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            consultation = services.record_consultation(citizen, data, request.user, needs=data["needs"],
                                                        booking=booking, special_consent=data.get("special_consent"))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Colloquio registrato."))
            return redirect("intake:consultation", desk_slug=desk.slug, pk=citizen.pk,
                            consultation_pk=consultation.pk)
    elif request.method == "GET":
        services.record_access(citizen, request.user, "modulo colloquio")
    return render(request, "intake/consultation_form.html", {"form": form, "citizen": citizen, "booking": booking})


def _booking_param(request: HttpRequest):
    """The agenda's appointment this page works on (`?prenotazione=<id>`), checked against the desk."""
    booking_id = request.GET.get("prenotazione")
    if not booking_id or not booking_id.isdigit():
        return None
    return selectors.booking_for_intake(request.user, request.desk, booking_id)


@signed_in_or_404
def from_booking(request: HttpRequest, desk_slug: str, booking_id: int) -> HttpResponse:
    """From the agenda: open the consultation for an appointment, on the person's record if there is one
    (matched on e-mail or phone), or on a new record prefilled from the booking."""
    booking = selectors.booking_for_intake(request.user, request.desk, booking_id)
    citizen = selectors.citizen_for_booking(request.desk, booking)
    if citizen is None:
        messages.info(request, _("Nessuna scheda con questi recapiti: controlla i dati e crea la scheda."))
        return redirect(reverse("intake:citizen_new", kwargs={"desk_slug": desk_slug})
                        + f"?prenotazione={booking.pk}")
    return redirect(reverse("intake:consultation_new", kwargs={"desk_slug": desk_slug, "pk": citizen.pk})
                    + f"?prenotazione={booking.pk}")


def _checklist_forms(consultation, portals, data=None, portal_pk=None):
    done = {h.portal_id: h for h in consultation.portal_help.all()}
    forms = []
    for portal in portals:
        bound = data if portal_pk == portal.pk else None
        help_row = done.get(portal.pk)
        form = PortalChecklistForm(bound, portal=portal, done=help_row.done_steps if help_row else [],
                                   prefix=f"p{portal.pk}", initial={"completed": bool(help_row and help_row.completed)})
        forms.append((portal, form, help_row))
    return forms


@signed_in_or_404
def consultation_detail(request: HttpRequest, desk_slug: str, pk, consultation_pk) -> HttpResponse:
    """The consultation, its job-portal checklists (one form per portal) and what to do next."""
    desk = request.desk
    consultation = selectors.consultation(request.user, desk, pk, consultation_pk)
    citizen = consultation.citizen
    portals = list(selectors.portals(desk))
    portal_pk = None
    if request.method == "POST":
        require(request.user, "citizen.change", citizen)
        portal_id = request.POST.get("portal", "")
        if not portal_id.isdigit():
            raise Http404
        portal = get_object_or_404(selectors.portals(desk), pk=int(portal_id))
        portal_pk = portal.pk
        forms = _checklist_forms(consultation, portals, request.POST, portal_pk)
        form = next(f for p, f, _h in forms if p.pk == portal_pk)
        if form.is_valid():
            services.update_portal_checklist(consultation, portal, form.cleaned_data["steps"],
                                             form.cleaned_data["completed"], request.user)
            messages.success(request, _("Checklist di «%(portal)s» salvata.") % {"portal": portal.name})
            return redirect(request.path + f"#portal-{portal.pk}")
    else:
        services.record_access(citizen, request.user, "colloquio")
        forms = _checklist_forms(consultation, portals)
    return render(request, "intake/consultation_detail.html", {
        "citizen": citizen, "consultation": consultation, "checklists": forms,
        "needs": list(consultation.needs.all()),
        "referrals": list(consultation.referrals.select_related("service", "organization")),
    })


@signed_in_or_404
@require_POST
def portal_summary(request: HttpRequest, desk_slug: str, pk, consultation_pk) -> HttpResponse:
    consultation = selectors.consultation(request.user, request.desk, pk, consultation_pk)
    try:
        services.send_portal_summary(consultation, request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Riepilogo inviato per e-mail."))
    return redirect("intake:consultation", desk_slug=desk_slug, pk=pk, consultation_pk=consultation_pk)


@signed_in_or_404
def portal_summary_print(request: HttpRequest, desk_slug: str, pk, consultation_pk) -> HttpResponse:
    """The same summary as the e-mail, on a page to print and hand over (or when there is no e-mail)."""
    consultation = selectors.consultation(request.user, request.desk, pk, consultation_pk)
    services.record_access(consultation.citizen, request.user, "riepilogo portali da stampare")
    return render(request, "intake/portal_summary_print.html", {
        "citizen": consultation.citizen, "consultation": consultation,
        "summary": selectors.portal_summary_context(consultation),
    })


@signed_in_or_404
@require_POST
def citizen_export(request: HttpRequest, desk_slug: str, pk) -> HttpResponse:
    citizen = selectors.citizen(request.user, request.desk, pk)
    payload = services.export_citizen(citizen, request.user)
    response = HttpResponse(payload, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="dati-{citizen.short_code}.zip"'
    response["Cache-Control"] = "no-store"
    return response


@signed_in_or_404
def citizen_erase(request: HttpRequest, desk_slug: str, pk) -> HttpResponse:
    citizen = selectors.citizen(request.user, request.desk, pk)
    require(request.user, "citizen.change", citizen)
    if request.method == "POST":
        services.erase_citizen(citizen, request.user)
        messages.success(request, _("Dati cancellati. Nel registro accessi resta solo il codice %(code)s.")
                         % {"code": citizen.short_code})
        return redirect("intake:index", desk_slug=desk_slug)
    services.record_access(citizen, request.user, "conferma cancellazione")
    return render(request, "intake/citizen_erase.html", {"citizen": citizen})


@login_required
def audit_log(request: HttpRequest, desk_slug: str) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    code = form.cleaned_data["scheda"] if form.is_bound and form.is_valid() else ""
    entries = selectors.audit_log(request.user, request.desk, code=code)
    page = Paginator(entries, 100).get_page(request.GET.get("pagina"))
    return render(request, "intake/audit_log.html", {"page": page, "actions": AuditAction, "form": form,
                                                     "code": code})


@login_required
def manage_portals(request: HttpRequest, desk_slug: str, portal_pk: int | None = None) -> HttpResponse:
    desk = request.desk
    require(request.user, "desk.administer", desk)
    portal = get_object_or_404(JobPortal, pk=portal_pk, desk=desk) if portal_pk else None
    form = JobPortalForm(request.POST or None, instance=portal)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_portal(desk, form.cleaned_data, request.user, portal)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Portale salvato."))
            return redirect("intake:portals", desk_slug=desk.slug)
    return render(request, "intake/portals.html", {
        "form": form, "portal": portal, "portals": selectors.portals(desk, active_only=False),
    })


@login_required
def manage_settings(request: HttpRequest, desk_slug: str) -> HttpResponse:
    desk = request.desk
    require(request.user, "desk.administer", desk)
    form = IntakeSettingsForm(request.POST or None, instance=selectors.settings_for(desk))
    if request.method == "POST" and form.is_valid():
        services.update_settings(desk, form.cleaned_data, request.user)
        messages.success(request, _("Impostazioni salvate."))
        return redirect("intake:settings", desk_slug=desk.slug)
    return render(request, "intake/settings.html", {"form": form})
