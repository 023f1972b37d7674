"""Labour pages. Staff and employer contacts: employers, vacancies and their review, a person's profile with
ranked vacancies, proposals. Public: the "offer a job" form, a vacancy's page, the Atom feed, alerts."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infolavoro.accounts.permissions import can, require
from infolavoro.intake import selectors as intake_selectors
from infolavoro.intake import services as intake_services
from infolavoro.intake.decorators import signed_in_or_404
from infolavoro.intake.models import AuditAction

from . import jobposting, selectors, services
from .checker import check_vacancy
from .forms import AlertForm, EmployerForm, ProfileForm, ProposalMoveForm, ProposeForm, PublicOfferForm, VacancyForm
from .models import Occupation, Relation, Skill, VacancyState


def _error(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _is_staff(request: HttpRequest) -> bool:
    return can(request.user, "desk.operate", request.desk)


# --- Staff and employer contacts --------------------------------------------------------------------------


@login_required
def index(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Vacancies in scope (desk: all; employer contact: its own), those to review first for the desk."""
    desk = request.desk
    state = request.GET.get("stato", "")
    employers = list(selectors.employers(request.user, desk))
    if not employers and not _is_staff(request):
        raise Http404
    return render(request, "labour/index.html", {
        "vacancies": selectors.vacancies(request.user, desk, state)[:300],
        "to_review": selectors.vacancies(request.user, desk, VacancyState.IN_REVIEW).count() if _is_staff(request)
        else 0,
        "employers": employers, "states": VacancyState.choices, "state": state, "is_staff": _is_staff(request),
    })


@login_required
def employer_new(request: HttpRequest, desk_slug: str) -> HttpResponse:
    desk = request.desk
    require(request.user, "desk.operate", desk)
    form = EmployerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            employer = services.create_employer(desk, form.cleaned_data, request.user,
                                                privacy_acknowledged=form.cleaned_data["privacy"])
        except ValidationError as exc:
            _error(form, exc)
        else:
            messages.success(request, _("Datore di lavoro registrato."))
            return redirect("labour:employer", desk.slug, employer.pk)
    return render(request, "labour/employer_form.html", {"form": form})


@signed_in_or_404
def employer_detail(request: HttpRequest, desk_slug: str, pk) -> HttpResponse:
    desk = request.desk
    employer = selectors.employer(request.user, desk, pk)
    if request.method == "POST":
        try:
            if "approve" in request.POST or "reject" in request.POST:
                services.review_employer(employer, "approve" in request.POST, request.user)
                messages.success(request, _("Fatto."))
            elif "invite" in request.POST:
                services.invite_contact(employer, email=request.POST.get("email", "")[:254],
                                        first_name=request.POST.get("first_name", "")[:150],
                                        last_name=request.POST.get("last_name", "")[:150], actor=request.user)
                messages.success(request, _("Invito inviato."))
        except PermissionDenied as exc:
            raise Http404 from exc
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("labour:employer", desk.slug, employer.pk)
    return render(request, "labour/employer_detail.html", {
        "employer": employer, "vacancies": employer.vacancies.select_related("occupation").order_by("-created_at"),
        "is_staff": _is_staff(request)})


def _vacancy_form(request: HttpRequest, employer, vacancy=None) -> HttpResponse:
    desk = request.desk
    form = VacancyForm(request.POST or None, instance=vacancy)
    if request.method == "POST" and form.is_valid():
        essential = list(form.cleaned_data["essential"])
        occupation = form.cleaned_data["occupation"]
        if not essential:
            essential = list(Skill.objects.filter(occupation_links__occupation=occupation,
                                                  occupation_links__relation=Relation.ESSENTIAL))
        try:
            vacancy = services.save_vacancy(employer, form.service_data(), request.user, essential=essential,
                                            optional=list(form.cleaned_data["optional"]), vacancy=vacancy)
        except ValidationError as exc:
            _error(form, exc)
        else:
            messages.success(request, _("Offerta salvata."))
            return redirect("labour:vacancy", desk.slug, vacancy.pk)
    return render(request, "labour/vacancy_form.html", {"form": form, "employer": employer, "vacancy": vacancy})


@signed_in_or_404
def vacancy_new(request: HttpRequest, desk_slug: str, employer_pk) -> HttpResponse:
    employer = selectors.employer(request.user, request.desk, employer_pk)
    require(request.user, "employer.manage", employer)
    return _vacancy_form(request, employer)


@signed_in_or_404
def vacancy_edit(request: HttpRequest, desk_slug: str, pk) -> HttpResponse:
    vacancy = selectors.vacancy(request.user, request.desk, pk)
    return _vacancy_form(request, vacancy.employer, vacancy)


@signed_in_or_404
def vacancy_detail(request: HttpRequest, desk_slug: str, pk) -> HttpResponse:
    desk = request.desk
    vacancy = selectors.vacancy(request.user, desk, pk)
    is_staff = _is_staff(request)
    candidates = selectors.ranked_candidates(vacancy) if is_staff and vacancy.state == VacancyState.PUBLISHED \
        else []
    return render(request, "labour/vacancy_detail.html", {
        "vacancy": vacancy, "flags": check_vacancy(vacancy), "is_staff": is_staff, "candidates": candidates,
        "proposals": selectors.proposals(request.user, desk).filter(vacancy=vacancy),
        "next_states": [(s, VacancyState(s).label) for s in vacancy.allowed_next
                        if s != VacancyState.EXPIRED and (is_staff or s != VacancyState.PUBLISHED)],
    })


@signed_in_or_404
@require_POST
def vacancy_move(request: HttpRequest, desk_slug: str, pk) -> HttpResponse:
    desk = request.desk
    vacancy = selectors.vacancy(request.user, desk, pk)
    to_state = request.POST.get("to_state", "")
    if to_state not in VacancyState.values:
        raise Http404
    try:
        services.move_vacancy(vacancy, to_state, request.user, note=request.POST.get("note", "")[:300],
                              acknowledge_flags=request.POST.get("acknowledge") == "1")
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Stato dell'offerta: %(s)s.") % {"s": VacancyState(to_state).label})
    return redirect("labour:vacancy", desk.slug, vacancy.pk)


@signed_in_or_404
def vacancy_import(request: HttpRequest, desk_slug: str, employer_pk) -> HttpResponse:
    """Vacancies from the CSV template or JobPosting JSON: all or nothing, with a report row by row."""
    from . import imports

    employer = selectors.employer(request.user, request.desk, employer_pk)
    require(request.user, "employer.manage", employer)
    if request.GET.get("modello"):
        response = HttpResponse(imports.csv_template(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="offerte-modello.csv"'
        return response
    report = None
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None or upload.size > 2 * 1024 * 1024:
            messages.error(request, _("Scegli un file CSV o JSON di al massimo 2 MB."))
        else:
            report = imports.import_vacancies(employer, upload.read(), upload.name, request.user)
    return render(request, "labour/import.html", {"employer": employer, "report": report,
                                                  "columns": imports.CSV_COLUMNS})


# --- A person's profile and the vacancies for them ----------------------------------------------------------


@signed_in_or_404
def profile(request: HttpRequest, desk_slug: str, citizen_pk) -> HttpResponse:
    desk = request.desk
    citizen = intake_selectors.citizen(request.user, desk, citizen_pk)
    require(request.user, "citizen.change", citizen)
    current = selectors.profile_for(citizen)
    form = ProfileForm(request.POST or None, request.FILES or None, desk=desk, profile=current)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                current = services.save_profile(
                    citizen, form.service_data(), request.user, occupations=form.occupations,
                    skills=list(form.cleaned_data["skills"]), consent=form.cleaned_data["consent"])
                if form.cleaned_data.get("cv"):
                    services.attach_cv(current, form.cleaned_data["cv"], request.user)
        except ValidationError as exc:
            _error(form, exc)
        else:
            messages.success(request, _("Profilo professionale salvato."))
            return redirect("labour:profile", desk.slug, citizen.pk)
    intake_services.record_access(citizen, request.user, "profilo professionale")
    ranked, courses, missing = [], {}, []
    if current is not None:
        current = selectors.profile_for(citizen)
        ranked = selectors.ranked_vacancies(current)
        missing_ids = set().union(*(m.missing_essential for _v, m in ranked[:10])) if ranked else set()
        missing = list(Skill.objects.filter(pk__in=missing_ids))
        courses = selectors.courses_for_skills(desk, missing)
    selected_skills = list(current.skills.all()) if current else []
    proposed = set(citizen.proposals.values_list("vacancy_id", flat=True))
    return render(request, "labour/profile.html", {
        "citizen": citizen, "profile": current, "form": form, "ranked": ranked, "proposed": proposed,
        "missing": [(s, courses.get(s.pk, [])) for s in missing], "selected_skills": selected_skills,
        "occupations": Occupation.objects.only("preferred_label").order_by("preferred_label"),
        "synonyms": selectors._synonyms(desk).select_related("occupation").filter(occupation__isnull=False),
        "propose_form": ProposeForm(),
    })


@signed_in_or_404
def skill_search(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Type-ahead (htmx): skills whose label, alternative labels or local synonyms contain the text."""
    require(request.user, "desk.operate", request.desk)
    text = request.GET.get("q", "")[:100]
    skills = list(selectors.skill_matches(text, request.desk)[:15]) if len(text.strip()) >= 2 else []
    return render(request, "labour/includes/skill_options.html", {"skills": skills, "q": text})


@signed_in_or_404
def vacancy_skill_search(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Type-ahead (htmx) of the vacancy form, for desk staff and employer contacts: skills whose label,
    alternative labels or local synonyms contain the text, as checkboxes of the field asked for."""
    desk = request.desk
    if not _is_staff(request) and not selectors.employers(request.user, desk).exists():
        raise Http404
    field = request.GET.get("campo", "")
    if field not in ("essential", "optional"):
        raise Http404
    text = request.GET.get(f"q-{field}", "")[:100]
    skills = list(selectors.skill_matches(text, desk)[:15]) if len(text.strip()) >= 2 else []
    return render(request, "labour/includes/skill_choices.html", {"skills": skills, "q": text, "field": field})


@signed_in_or_404
@require_POST
def propose(request: HttpRequest, desk_slug: str, citizen_pk) -> HttpResponse:
    desk = request.desk
    citizen = intake_selectors.citizen(request.user, desk, citizen_pk)
    form = ProposeForm(request.POST)
    if not form.is_valid():
        raise Http404
    vacancy = selectors.vacancy(request.user, desk, form.cleaned_data["vacancy"])
    score = next((m.score for v, m in selectors.ranked_vacancies(selectors.profile_for(citizen), limit=100)
                  if v.pk == vacancy.pk), 0) if selectors.profile_for(citizen) else 0
    try:
        proposal = services.propose(vacancy, citizen, request.user,
                                    candidate_agreed=form.cleaned_data["candidate_agreed"],
                                    message=form.cleaned_data["message"], score=score)
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(reverse("labour:profile", args=[desk.slug, citizen.pk]) + f"#v-{vacancy.pk}")
    messages.success(request, _("Proposta %(code)s inviata al datore di lavoro.") % {"code": proposal.code})
    return redirect("labour:proposal", desk.slug, proposal.pk)


@signed_in_or_404
def cv_download(request: HttpRequest, desk_slug: str, citizen_pk) -> HttpResponse:
    """The CV: desk staff of the person's desk; an employer contact when the person was proposed to it."""
    desk = request.desk
    current = selectors.profile_for_cv(request.user, desk, citizen_pk)
    if current is None or not current.cv:
        raise Http404
    intake_services.audit(current.citizen, request.user, AuditAction.VIEW, "curriculum")
    return FileResponse(current.cv.open("rb"), content_type="application/pdf", as_attachment=True,
                        filename=f"cv-{current.citizen.short_code}.pdf")


# --- Proposals --------------------------------------------------------------------------------------------


@login_required
def proposals(request: HttpRequest, desk_slug: str) -> HttpResponse:
    desk = request.desk
    if not _is_staff(request) and not selectors.employers(request.user, desk).exists():
        raise Http404
    return render(request, "labour/proposals.html", {
        "proposals": selectors.proposals(request.user, desk)[:300], "is_staff": _is_staff(request)})


@signed_in_or_404
def proposal_detail(request: HttpRequest, desk_slug: str, pk) -> HttpResponse:
    desk = request.desk
    proposal = selectors.proposal(request.user, desk, pk)
    services.mark_seen(proposal, request.user)
    is_staff = _is_staff(request)
    form = ProposalMoveForm(request.POST or None, tz=desk.tz)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.move_proposal(proposal, form.cleaned_data["to_state"], request.user,
                                       note=form.cleaned_data["note"],
                                       interview_at=form.cleaned_data["interview_at"])
            except PermissionDenied as exc:
                raise Http404 from exc
            except ValidationError as exc:
                _error(form, exc)
            else:
                messages.success(request, _("Esito registrato."))
                return redirect("labour:proposal", desk.slug, proposal.pk)
        # Shown again with the errors and what was typed.
        status = 400
    intake_services.audit(proposal.citizen, request.user, AuditAction.VIEW, f"proposta {proposal.code}")
    is_employer = can(request.user, "employer.contact", proposal)
    from .models import EMPLOYER_STATES, ProposalState

    allowed = [(s, ProposalState(s).label) for s in proposal.allowed_next
               if (s in EMPLOYER_STATES and is_employer) or (s not in EMPLOYER_STATES and is_staff)]
    profile_ = selectors.profile_for(proposal.citizen)
    return render(request, "labour/proposal_detail.html", {
        "proposal": proposal, "allowed": allowed, "is_staff": is_staff, "profile": profile_, "form": form,
        "interview_at": proposal.interview_at.astimezone(desk.tz) if proposal.interview_at else None,
        "skills": list(profile_.skills.all()) if profile_ else []}, status=status)


# --- Public -----------------------------------------------------------------------------------------------


def offer_job(request: HttpRequest, desk_slug: str) -> HttpResponse:
    """Public "offer a job": an employer describes itself and a vacancy; nothing is public before the desk's
    review."""
    desk = request.desk
    form = PublicOfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        occupation = selectors.resolve_occupation(data["occupation_text"], desk)
        if occupation is None:
            form.add_error("occupation_text", _("Professione non trovata: scegli una voce dall'elenco."))
        elif data["expires_on"] < timezone.localdate() or data["expires_on"].year > 2100:
            form.add_error("expires_on", _("Indica una scadenza futura."))
        else:
            try:
                employer = services.submit_offer(desk, data, occupation)
            except ValidationError as exc:
                _error(form, exc)
            else:
                return render(request, "labour/offer_thanks.html", {"employer": employer})
    return render(request, "labour/offer_form.html", {
        "form": form, "occupations": Occupation.objects.only("preferred_label").order_by("preferred_label"),
        "synonyms": selectors._synonyms(desk).select_related("occupation").filter(occupation__isnull=False)})


def vacancy_public(request: HttpRequest, desk_slug: str, pk) -> HttpResponse:
    vacancy = selectors.public_vacancy(request.desk, pk)
    return render(request, "labour/vacancy_public.html", {
        "vacancy": vacancy, "jsonld": json.dumps(jobposting.to_jobposting(vacancy, request), ensure_ascii=False)
        .replace("</", "<\\/")})


def alert_subscribe(request: HttpRequest, desk_slug: str) -> HttpResponse:
    desk = request.desk
    filters = {k: request.GET.get(k, "")[:100] for k in selectors.BOARD_FILTERS if request.GET.get(k)}
    form = AlertForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.subscribe(desk, form.cleaned_data["email"], filters)
        return render(request, "labour/alert_done.html", {"step": "sent"})
    return render(request, "labour/alert_form.html", {"form": form, "filters": filters})


def alert_confirm(request: HttpRequest, desk_slug: str, token: str) -> HttpResponse:
    subscription = services.subscription_from_token(token)
    if subscription is None or subscription.desk_id != request.desk.pk:
        raise Http404
    if request.method == "POST":
        services.confirm_subscription(subscription)
        return render(request, "labour/alert_done.html", {"step": "confirmed"})
    return render(request, "labour/alert_done.html", {"step": "confirm"})


def alert_unsubscribe(request: HttpRequest, desk_slug: str, token: str) -> HttpResponse:
    """One click: the link in every e-mail (GET shows a button; mail clients' one-click POST works too)."""
    subscription = services.subscription_from_token(token)
    if request.method == "POST":
        if subscription is not None and subscription.desk_id == request.desk.pk:
            services.unsubscribe(subscription)
        return render(request, "labour/alert_done.html", {"step": "unsubscribed"})
    if subscription is None:
        return render(request, "labour/alert_done.html", {"step": "unsubscribed"})
    return render(request, "labour/alert_done.html", {"step": "unsubscribe"})

