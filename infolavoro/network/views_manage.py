"""Members keep their data current (editors of a member, desk administrators): profile, services, training
opportunities, projects; "the data are up to date"; the administrators' review queue and stale list."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infolavoro.accounts.models import Role, RoleAssignment
from infolavoro.accounts.permissions import can, require
from infolavoro.accounts.services import invite_member_editor

from . import selectors, services
from .forms import (
    ContactForm,
    InviteEditorForm,
    LocationForm,
    NewMemberForm,
    OrganizationForm,
    ProjectForm,
    ScheduleForm,
    ServiceForm,
    TermFormSet,
    TrainingForm,
)
from .models import Contact, Location, Organization, Project, Schedule, Service, TrainingOpportunity


def _schedules(org: Organization):
    return Schedule.objects.filter(Q(service__organization=org) | Q(location__organization=org))


# kind in the URL → (model, form, service, the member's own objects of that kind)
KINDS = {
    "servizi": (Service, ServiceForm, services.save_service, lambda org: org.services.all()),
    "corsi": (TrainingOpportunity, TrainingForm, services.save_training, lambda org: org.trainings.all()),
    "progetti": (Project, ProjectForm, services.save_project, lambda org: org.projects.all()),
    "sedi": (Location, LocationForm, services.save_location, lambda org: org.locations.all()),
    "contatti": (Contact, ContactForm, services.save_contact, lambda org: org.contacts.all()),
    "orari": (Schedule, ScheduleForm, services.save_schedule, _schedules),
}
# Kinds that can be removed (premises, phones, hours no longer current); the history keeps them.
REMOVABLE = {"sedi": "location", "contatti": "contact", "orari": "schedule"}


def _organization(request: HttpRequest, slug: str) -> Organization:
    organization = get_object_or_404(Organization, desk=request.desk, slug=slug)
    require(request.user, "organization.edit", organization)
    if not organization.is_active and not can(request.user, "desk.administer", request.desk):
        raise Http404  # a suspended member's editors lose access
    return organization


@login_required
def index(request: HttpRequest, desk_slug: str) -> HttpResponse:
    organizations = list(selectors.editable_organizations(request.user, request.desk))
    if not organizations and not can(request.user, "desk.administer", request.desk):
        raise Http404
    if len(organizations) == 1 and not can(request.user, "desk.administer", request.desk):
        return redirect("network_manage:organization", desk_slug=desk_slug, slug=organizations[0].slug)
    stale = selectors.stale_entries(request.desk)
    is_admin = can(request.user, "desk.administer", request.desk)
    form = NewMemberForm(request.POST or None) if is_admin else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            org = services.add_member(request.desk, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _with_form_errors(form, error)
        else:
            messages.success(request, _("Soggetto aggiunto: completa il profilo e invita chi lo terrà aggiornato."))
            return redirect("network_manage:organization", desk_slug=desk_slug, slug=org.slug)
    return render(request, "network/manage/index.html", {
        "form": form,
        "rows": [(org, stale.get(org.pk, [])) for org in organizations],
        "queue_count": selectors.review_queue(request.desk).count()
        if can(request.user, "desk.administer", request.desk) else None,
    })


def _with_form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def organization(request: HttpRequest, desk_slug: str, slug: str) -> HttpResponse:
    org = _organization(request, slug)
    form = OrganizationForm(request.POST or None, request.FILES or None, instance=Organization.objects.get(pk=org.pk))
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in OrganizationForm.Meta.fields}
        if form.cleaned_data["remove_logo"] and not request.FILES.get("logo"):
            data["logo"] = False
        elif not request.FILES.get("logo"):
            data.pop("logo")
        try:
            services.update_organization(org, data, request.user)
        except ValidationError as error:
            _with_form_errors(form, error)
        else:
            messages.success(request, _("Profilo aggiornato: è già visibile sul sito."))
            return redirect("network_manage:organization", desk_slug=desk_slug, slug=slug)
    is_admin = can(request.user, "desk.administer", request.desk)
    return render(request, "network/manage/organization.html", {
        "is_admin": is_admin, "invite_form": InviteEditorForm() if is_admin else None,
        "editors": RoleAssignment.objects.filter(organization=org, role=Role.MEMBER_EDITOR, is_active=True)
        .select_related("user") if is_admin else [],
        "organization": org, "form": form, "stale": selectors.is_stale(org, request.desk),
        "services": org.services.all(), "trainings": org.trainings.all(), "projects": org.projects.all(),
        "locations": org.locations.all(), "contacts": org.contacts.select_related("service", "location"),
        "schedules": _schedules(org).select_related("service", "location").order_by("service__name",
                                                                                     "location__name", "opens_at"),
    })


@login_required
@require_POST
def confirm(request: HttpRequest, desk_slug: str, slug: str) -> HttpResponse:
    org = _organization(request, slug)
    services.confirm_current(org, request.user)
    messages.success(request, _("Grazie: i dati risultano verificati oggi."))
    return redirect("network_manage:organization", desk_slug=desk_slug, slug=slug)


@login_required
def entry(request: HttpRequest, desk_slug: str, slug: str, kind: str, pk=None) -> HttpResponse:
    """Add or edit a service, a training opportunity or a project of the member."""
    if kind not in KINDS:
        raise Http404
    model, form_class, save, own = KINDS[kind]
    org = _organization(request, slug)
    instance = get_object_or_404(own(org), pk=pk) if pk else None  # another member's object: 404
    # The form gets its own copy: validating a ModelForm writes into its instance, and the service must see
    # the stored values to record the diff.
    blank = model() if model is Schedule else model(organization=org)
    extra = {"organization": org} if kind in REMOVABLE else {}
    form = form_class(request.POST or None, instance=model.objects.get(pk=pk) if pk else blank,
                      desk=request.desk, **extra)
    if request.method == "POST" and request.POST.get("remove") == "1" and instance is not None \
            and kind in REMOVABLE:
        services.delete_entry(org, instance, REMOVABLE[kind], request.user)
        messages.success(request, _("Tolto: non compare più sul sito."))
        return redirect("network_manage:organization", desk_slug=desk_slug, slug=slug)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form_class.Meta.fields}
        if model is Schedule:
            data["byday"] = form.cleaned_data["byday"]
        if instance is None and any(f.name == "slug" for f in model._meta.get_fields()):
            base = slugify(data.get("name_it") or data.get("name") or data.get("title"))[:70] or "voce"
            taken = set(own(org).values_list("slug", flat=True))
            data["slug"] = next(f"{base}-{n}" if n else base for n in range(1000)
                                if (f"{base}-{n}" if n else base) not in taken)
        try:
            save(org, instance, data, request.user, form.cleaned_data.get("terms"))
        except ValidationError as error:
            _with_form_errors(form, error)
        else:
            messages.success(request, _("Salvato: è già visibile sul sito."))
            return redirect("network_manage:organization", desk_slug=desk_slug, slug=slug)
    return render(request, "network/manage/entry.html", {"organization": org, "form": form, "kind": kind,
                                                          "instance": instance, "removable": kind in REMOVABLE})


@login_required
def review(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """The administrators' review queue: members' changes with the field-level diff, to be marked as seen."""
    require(request.user, "desk.administer", request.desk)
    stale = selectors.stale_entries(request.desk)
    if request.method == "POST":
        ids = [int(i) for i in request.POST.getlist("record") if i.isdigit()]
        count = services.mark_reviewed(request.desk, ids, request.user)
        messages.success(request, _("%(n)d modifiche segnate come viste.") % {"n": count})
        return redirect("network_manage:review", desk_slug=desk_slug)
    return render(request, "network/manage/review.html", {
        "records": list(selectors.review_queue(request.desk)[:200]),
        "stale": [(org, stale[org.pk]) for org in Organization.objects.filter(desk=request.desk, pk__in=stale)
                  .order_by("name")],
    })


@login_required
@require_POST
def invite(request: HttpRequest, desk_slug: str, slug: str) -> HttpResponse:
    """A desk administrator invites someone to keep this member's data current (one-time link by e-mail)."""
    org = _organization(request, slug)
    require(request.user, "desk.administer", request.desk)
    form = InviteEditorForm(request.POST)
    if form.is_valid():
        try:
            invite_member_editor(org, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Invito inviato a %(email)s.") % {"email": form.cleaned_data["email"]})
    else:
        messages.error(request, _("Invito non inviato: controlla e-mail, nome e cognome."))
    return redirect("network_manage:organization", desk_slug=desk_slug, slug=slug)


@login_required
@require_POST
def suspend(request: HttpRequest, desk_slug: str, slug: str) -> HttpResponse:
    org = _organization(request, slug)
    require(request.user, "desk.administer", request.desk)
    suspended = request.POST.get("suspend") == "1"
    services.set_suspended(org, suspended, request.user)
    messages.success(request, _("Soggetto sospeso: non compare più nelle pagine pubbliche.") if suspended
                     else _("Soggetto di nuovo pubblicato."))
    return redirect("network_manage:organization", desk_slug=desk_slug, slug=slug)


@login_required
def terms(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Needs and topics of the desk's network: add, rename, reorder, delete those not in use."""
    require(request.user, "desk.administer", request.desk)
    existing = list(selectors.topics(request.desk))
    formset = TermFormSet(request.POST or None, prefix="t", initial=[
        {"code": t.code, "name": t.name_it, "name_en": t.name_en or "", "description": t.description_it or "",
         "description_en": t.description_en or "", "position": t.position,
         "special_category": t.special_category} for t in existing])
    if request.method == "POST" and formset.is_valid():
        rows = [f.cleaned_data for f in formset.forms if f.cleaned_data.get("code")]
        try:
            services.save_terms(request.desk, rows, request.user)
        except ValidationError as error:
            formset._non_form_errors.extend(error.messages)
        else:
            messages.success(request, _("Argomenti salvati."))
            return redirect("network_manage:terms", desk_slug=desk_slug)
    return render(request, "network/manage/terms.html", {"formset": formset})
