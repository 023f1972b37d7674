"""Use cases of the labour app: employers, vacancies and their review, candidate profiles, proposals, alerts.
One transaction each, plain arguments and the acting user."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from infolavoro.accounts.models import Role
from infolavoro.accounts.permissions import can
from infolavoro.intake.models import AuditAction, Citizen
from infolavoro.intake.services import audit
from infolavoro.notifications.services import queue_email

from .checker import check_vacancy
from .models import (
    EMPLOYER_STATES,
    PROPOSAL_TRANSITIONS,
    VACANCY_TRANSITIONS,
    AlertSubscription,
    CandidateProfile,
    Employer,
    Occupation,
    ProfileOccupation,
    Proposal,
    ProposalEvent,
    ProposalState,
    Skill,
    Vacancy,
    VacancyEvent,
    VacancyState,
)
from .selectors import forget_board
from .validators import normalise_tax_code, validate_ateco

EMPLOYER_FIELDS = ("name", "tax_code", "ateco_code", "address", "comune", "contact_name", "contact_email",
                   "contact_phone")
VACANCY_FIELDS = ("title", "occupation", "description", "languages", "licences", "education_eqf",
                  "experience_months", "contract_type", "working_time", "hours_per_week", "comune", "address",
                  "remote", "salary_min", "salary_max", "openings", "work_permit_required", "published_on",
                  "expires_on", "how_to_apply")
CV_MAX_BYTES = 5 * 1024 * 1024


def _check(actor: Any, action: str, obj: Any) -> None:
    if not can(actor, action, obj):
        raise PermissionDenied


def _clean(value: Any) -> Any:
    return value.replace("\x00", "").strip() if isinstance(value, str) else value


# --- Employers --------------------------------------------------------------------------------------------


def _employer_values(data: dict[str, Any]) -> dict[str, Any]:
    values = {name: _clean(data.get(name, "")) for name in EMPLOYER_FIELDS}
    errors = {}
    try:
        values["tax_code"] = normalise_tax_code(values["tax_code"])
    except ValidationError as exc:
        errors["tax_code"] = exc.messages
    try:
        values["ateco_code"] = validate_ateco(values["ateco_code"])
    except ValidationError as exc:
        errors["ateco_code"] = exc.messages
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic
def create_employer(desk: Any, data: dict[str, Any], actor: Any, *, privacy_acknowledged: bool) -> Employer:
    """An employer registered by an operator (verified at once) or through the public form (to be verified)."""
    public = not getattr(actor, "is_authenticated", False)
    if not public:
        _check(actor, "desk.operate", desk)
    if not privacy_acknowledged:
        raise ValidationError({"privacy": _("Serve la presa visione dell'informativa privacy.")})
    values = _employer_values(data)
    if Employer.objects.filter(desk=desk, tax_code=values["tax_code"]).exists():
        raise ValidationError({"tax_code": _("Questo datore di lavoro è già registrato: cercalo nell'elenco.")})
    return Employer.objects.create(
        desk=desk, **values, privacy_acknowledged_at=timezone.now(),
        status=Employer.Status.PENDING if public else Employer.Status.APPROVED,
        created_by=None if public else actor)


@transaction.atomic
def review_employer(employer: Employer, approve: bool, actor: Any) -> Employer:
    _check(actor, "desk.operate", employer.desk)
    employer.status = Employer.Status.APPROVED if approve else Employer.Status.REJECTED
    employer.save(update_fields=["status"])
    if not approve:
        for vacancy in employer.vacancies.filter(state__in=[VacancyState.DRAFT, VacancyState.IN_REVIEW]):
            move_vacancy(vacancy, VacancyState.WITHDRAWN, actor, note=_("datore di lavoro non verificato"))
    return employer


@transaction.atomic
def invite_contact(employer: Employer, *, email: str, first_name: str, last_name: str, actor: Any):
    """Invite the employer's contact person to log in (the invitation mechanism of the staff)."""
    from infolavoro.accounts.services import _grant

    _check(actor, "desk.operate", employer.desk)
    if employer.status != Employer.Status.APPROVED:
        raise ValidationError(_("Prima verifica il datore di lavoro."))
    return _grant(employer.desk, email=email, first_name=first_name, last_name=last_name,
                  role=Role.EMPLOYER_CONTACT, affiliation=employer.name[:200], organization=None,
                  employer=employer)


@transaction.atomic
def submit_offer(desk: Any, data: dict[str, Any], occupation: Occupation) -> Employer:
    """The public "offer a job" form: a new employer (to be verified) and its vacancy, straight into review.
    Nothing is public before the desk publishes it."""
    from .models import Relation

    employer = create_employer(desk, data, None, privacy_acknowledged=data.get("privacy", False))
    now = timezone.now()
    values = _vacancy_values({"title": data["title"], "occupation": occupation, "description": data["description"],
                              "contract_type": data["contract_type"], "comune": data["workplace"],
                              "how_to_apply": data["how_to_apply"], "expires_on": data["expires_on"]})
    vacancy = Vacancy.objects.create(desk=desk, employer=employer, state=VacancyState.DRAFT, state_changed_at=now,
                                     created_at=now, **values)
    VacancyEvent.objects.create(vacancy=vacancy, from_state="", to_state=VacancyState.DRAFT, at=now,
                                note="modulo pubblico")
    vacancy.essential_skills.set(Skill.objects.filter(occupation_links__occupation=occupation,
                                                      occupation_links__relation=Relation.ESSENTIAL))
    _transition(vacancy, VacancyState.IN_REVIEW, None, now)
    return employer


# --- Vacancies --------------------------------------------------------------------------------------------


def _vacancy_values(data: dict[str, Any]) -> dict[str, Any]:
    values = {name: _clean(data[name]) for name in VACANCY_FIELDS if name in data}
    errors: dict[str, list[str]] = {}
    smin, smax = values.get("salary_min"), values.get("salary_max")
    if smin is not None and smax is not None and smin > smax:
        errors["salary_max"] = [_("La retribuzione minima supera la massima.")]
    published, expires = values.get("published_on"), values.get("expires_on")
    if published and expires and expires < published:
        errors["expires_on"] = [_("La scadenza è prima della pubblicazione.")]
    if errors:
        raise ValidationError(errors)
    if isinstance(values.get("occupation"), Occupation):
        values["isco_code"] = values["occupation"].isco_code
    return values


@transaction.atomic
def save_vacancy(employer: Employer, data: dict[str, Any], actor: Any, *, essential: list[Skill] = (),
                 optional: list[Skill] = (), vacancy: Vacancy | None = None, now: dt.datetime | None = None
                 ) -> Vacancy:
    """Create a draft, or edit one that is not yet published (a published one goes back to review)."""
    _check(actor, "employer.manage", employer)
    now = now or timezone.now()
    values = _vacancy_values(data)
    if vacancy is None:
        vacancy = Vacancy(desk_id=employer.desk_id, employer=employer, state=VacancyState.DRAFT,
                          state_changed_at=now, created_by=actor if getattr(actor, "pk", None) else None,
                          created_at=now, **values)
        vacancy.save()
        VacancyEvent.objects.create(vacancy=vacancy, from_state="", to_state=VacancyState.DRAFT,
                                    actor=vacancy.created_by, at=now)
    else:
        if vacancy.employer_id != employer.pk:
            raise PermissionDenied
        if vacancy.state not in (VacancyState.DRAFT, VacancyState.IN_REVIEW, VacancyState.PUBLISHED,
                                 VacancyState.EXPIRED):
            raise ValidationError(_("Un'offerta coperta o ritirata non si modifica più."))
        for name, value in values.items():
            setattr(vacancy, name, value)
        vacancy.save()
        if vacancy.state == VacancyState.PUBLISHED and not can(actor, "desk.operate", vacancy):
            # A change by the employer is reviewed again before it is public.
            _transition(vacancy, VacancyState.EXPIRED, actor, now, note=_("modificata dal datore di lavoro"))
            _transition(vacancy, VacancyState.IN_REVIEW, actor, now)
    vacancy.essential_skills.set(essential)
    vacancy.optional_skills.set([s for s in optional if s not in set(essential)])
    forget_board(vacancy.desk_id)
    return vacancy


def _transition(vacancy: Vacancy, to_state: str, actor: Any, now: dt.datetime, note: str = "",
                extra: dict[str, Any] | None = None) -> None:
    if to_state not in VACANCY_TRANSITIONS.get(vacancy.state, ()):
        raise ValidationError(_("Questo passaggio di stato non è possibile."))
    updated = Vacancy.objects.filter(pk=vacancy.pk, state=vacancy.state).update(
        state=to_state, state_changed_at=now, **(extra or {}))
    if not updated:
        raise ValidationError(_("L'offerta è stata appena modificata da qualcun altro: ricarica la pagina."))
    VacancyEvent.objects.create(vacancy=vacancy, from_state=vacancy.state, to_state=to_state,
                                actor=actor if getattr(actor, "pk", None) else None, at=now, note=note[:300])
    vacancy.state = to_state
    for name, value in (extra or {}).items():
        setattr(vacancy, name, value)
    forget_board(vacancy.desk_id)


@transaction.atomic
def move_vacancy(vacancy: Vacancy, to_state: str, actor: Any, *, note: str = "", acknowledge_flags: bool = False,
                 now: dt.datetime | None = None) -> Vacancy:
    """The employer (or the desk) submits and withdraws; only the desk publishes, after reading the checker's
    flags; the employer or the desk marks it filled."""
    now = now or timezone.now()
    if to_state == VacancyState.PUBLISHED:
        _check(actor, "desk.operate", vacancy)
        if vacancy.employer.status != Employer.Status.APPROVED:
            raise ValidationError(_("Il datore di lavoro non è ancora verificato."))
        if check_vacancy(vacancy) and not acknowledge_flags:
            raise ValidationError(_("Il testo contiene requisiti vietati: correggili, oppure conferma di averli "
                                    "verificati."))
        today = timezone.localdate(now)
        published_on = vacancy.published_on or today
        if vacancy.expires_on is None or vacancy.expires_on < max(published_on, today):
            raise ValidationError({"expires_on": _("Indica una scadenza non passata prima di pubblicare.")})
        _transition(vacancy, to_state, actor, now, note, {"published_on": published_on})
    else:
        _check(actor, "employer.manage", vacancy)
        _transition(vacancy, to_state, actor, now, note)
    return vacancy


def expire_vacancies(today: dt.date | None = None) -> int:
    """Scheduled: published vacancies past their expiry date become expired (the board already hides them by
    date; this records it in the history)."""
    today = today or timezone.localdate()
    now = timezone.now()
    count = 0
    for vacancy in Vacancy.objects.filter(state=VacancyState.PUBLISHED, expires_on__lt=today).only("pk", "state"):
        with transaction.atomic():
            try:
                _transition(vacancy, VacancyState.EXPIRED, None, now, note="scaduta")
            except ValidationError:
                continue
        count += 1
    return count


# --- Candidate profile ------------------------------------------------------------------------------------


PROFILE_FIELDS = ("languages", "licences", "education_eqf", "available_from", "hours_per_week", "shifts",
                  "home_comune", "mobility_comuni", "own_vehicle", "contract_preferences", "work_permit")


@transaction.atomic
def save_profile(citizen: Citizen, data: dict[str, Any], actor: Any, *, occupations: dict[Occupation, int],
                 skills: list[Skill], consent: bool, now: dt.datetime | None = None) -> CandidateProfile:
    """Create or update the person's profile; the consent to be proposed is separate and revocable."""
    _check(actor, "citizen.change", citizen)
    now = now or timezone.now()
    profile, created = CandidateProfile.objects.select_for_update().get_or_create(
        citizen=citizen, defaults={"desk_id": citizen.desk_id})
    changed = [name for name in PROFILE_FIELDS if name in data and getattr(profile, name) != _clean(data[name])]
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(profile, name, _clean(data[name]))
    if consent and profile.consent_at is None:
        profile.consent_at = now
        changed.append("consenso a essere proposto/a: dato")
    elif not consent and profile.consent_at is not None:
        profile.consent_at = None
        changed.append("consenso a essere proposto/a: revocato")
    profile.save()
    ProfileOccupation.objects.filter(profile=profile).exclude(occupation__in=list(occupations)).delete()
    for occupation, months in occupations.items():
        ProfileOccupation.objects.update_or_create(profile=profile, occupation=occupation,
                                                   defaults={"experience_months": months or 0})
    profile.skills.set(skills)
    audit(citizen, actor, AuditAction.CREATE if created else AuditAction.UPDATE,
          ("profilo professionale: " + ", ".join(changed or ["professioni e competenze"]))[:300], now)
    return profile


@transaction.atomic
def attach_cv(profile: CandidateProfile, upload: Any, actor: Any) -> None:
    """A CV in PDF, at most 5 MB, stored outside the static and media roots."""
    _check(actor, "citizen.change", profile.citizen)
    if upload.size > CV_MAX_BYTES:
        raise ValidationError({"cv": _("Il curriculum supera 5 MB: riducilo o caricane una versione più leggera.")})
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError({"cv": _("Il curriculum deve essere un file PDF.")})
    if profile.cv:
        profile.cv.delete(save=False)
    profile.cv.save("cv.pdf", upload, save=True)
    audit(profile.citizen, actor, AuditAction.UPDATE, "profilo professionale: curriculum")


def citizen_labour_data(citizen: Citizen) -> dict[str, Any]:
    """The person's profile and proposals, for the export of everything held about them."""
    profile = (CandidateProfile.objects.filter(citizen=citizen).prefetch_related("wanted__occupation", "skills")
               .first())
    proposals = (Proposal.objects.filter(citizen=citizen).select_related("vacancy", "employer")
                 .prefetch_related("events").order_by("created_at"))
    return {
        "candidate_profile": None if profile is None else {
            "consent_at": profile.consent_at,
            "occupations": [{"occupation": w.occupation.preferred_label, "esco_uri": w.occupation.uri,
                             "experience_months": w.experience_months} for w in profile.wanted.all()],
            "skills": [s.preferred_label for s in profile.skills.all()],
            **{name: getattr(profile, name) for name in PROFILE_FIELDS},
            "cv": bool(profile.cv),
        },
        "proposals": [
            {"code": p.code, "vacancy": p.vacancy.title, "employer": p.employer.name, "state": p.get_state_display(),
             "candidate_agreed_at": p.candidate_agreed_at, "message": p.message,
             "history": [{"from": e.from_state, "to": e.to_state, "at": e.at} for e in p.events.all()]}
            for p in proposals
        ],
    }


def anonymise_labour_data(citizen_ids: list[Any]) -> None:
    """Retention: the profile and CV go; proposals keep their states (what the Region counts), not their text."""
    erase_cv_files(citizen_ids)
    Proposal.objects.filter(citizen_id__in=citizen_ids).update(message="")
    ProposalEvent.objects.filter(proposal__citizen_id__in=citizen_ids).update(note="")


def erase_cv_files(citizen_ids: list[Any]) -> None:
    """Called by intake when records are erased or anonymised: the CV files go with them."""
    for profile in CandidateProfile.objects.filter(citizen_id__in=citizen_ids).exclude(cv=""):
        profile.cv.delete(save=False)
    CandidateProfile.objects.filter(citizen_id__in=citizen_ids).delete()


# --- Proposals --------------------------------------------------------------------------------------------


@transaction.atomic
def propose(vacancy: Vacancy, citizen: Citizen, actor: Any, *, candidate_agreed: bool, message: str = "",
            score: int = 0, now: dt.datetime | None = None) -> Proposal:
    """The operator proposes a person who agreed, for a published vacancy; the employer is told by e-mail."""
    _check(actor, "citizen.change", citizen)
    _check(actor, "desk.operate", vacancy)
    now = now or timezone.now()
    if citizen.desk_id != vacancy.desk_id:
        raise PermissionDenied
    if not candidate_agreed:
        raise ValidationError({"candidate_agreed": _("Chiedi prima alla persona se vuole essere proposta per "
                                                     "questa offerta e spunta la conferma.")})
    if not CandidateProfile.objects.filter(citizen=citizen, consent_at__isnull=False).exists():
        raise ValidationError(_("La persona non ha dato il consenso a essere proposta ai datori di lavoro: "
                                "raccoglilo nel profilo professionale."))
    if vacancy.state != VacancyState.PUBLISHED or (vacancy.expires_on and vacancy.expires_on < timezone.localdate(now)):
        raise ValidationError(_("L'offerta non è più aperta."))
    try:
        with transaction.atomic():
            proposal = Proposal.objects.create(
                desk_id=vacancy.desk_id, vacancy=vacancy, employer_id=vacancy.employer_id, citizen=citizen,
                candidate_agreed_at=now, message=_clean(message), score=score, state=ProposalState.PROPOSED,
                state_changed_at=now, created_by=actor, created_at=now)
    except IntegrityError as exc:
        raise ValidationError(_("Questa persona è già stata proposta per questa offerta.")) from exc
    ProposalEvent.objects.create(proposal=proposal, from_state="", to_state=ProposalState.PROPOSED, actor=actor,
                                 at=now)
    audit(citizen, actor, AuditAction.SHARE,
          f"proposta {proposal.code} a {vacancy.employer.name} per «{vacancy.title}»"[:300], now)
    employer = vacancy.employer
    queue_email(desk=vacancy.desk, to=[employer.contact_email],
                subject=_("Una candidatura per «%(title)s»") % {"title": vacancy.title},
                template="labour/email/employer_proposal.txt",
                context={"employer": employer.name, "title": vacancy.title, "code": proposal.code,
                         "site_url": settings.SITE_URL,
                         "path": reverse("labour:proposal", kwargs={"desk_slug": vacancy.desk.slug,
                                                                    "pk": proposal.pk})},
                reply_to=[vacancy.desk.email] if vacancy.desk.email else None)
    return proposal


INTERVIEW_AHEAD = dt.timedelta(days=366)


def _interview_time(proposal: Proposal, interview_at: dt.datetime | None, now: dt.datetime) -> dt.datetime:
    """The interview's date guard: given, aware, not before the day of the proposal, within a year from now."""
    if interview_at is None:
        raise ValidationError({"interview_at": _("Indica data e ora del colloquio.")})
    if timezone.is_naive(interview_at):
        raise ValidationError({"interview_at": _("Data e ora senza fuso orario.")})
    tz = proposal.desk.tz
    if interview_at.astimezone(tz).date() < proposal.created_at.astimezone(tz).date():
        raise ValidationError({"interview_at": _("Il colloquio non può essere prima della proposta (%(d)s).")
                               % {"d": proposal.created_at.astimezone(tz).strftime("%d/%m/%Y")}})
    if interview_at > now + INTERVIEW_AHEAD:
        raise ValidationError({"interview_at": _("Il colloquio è troppo lontano: al massimo tra un anno.")})
    return interview_at


@transaction.atomic
def move_proposal(proposal: Proposal, to_state: str, actor: Any, *, note: str = "",
                  interview_at: dt.datetime | None = None, now: dt.datetime | None = None) -> Proposal:
    """The employer records seen / interview / hired / not selected; the desk withdraws."""
    if to_state in EMPLOYER_STATES:
        _check(actor, "employer.contact", proposal)
    else:
        _check(actor, "desk.operate", proposal)
    if to_state not in PROPOSAL_TRANSITIONS.get(proposal.state, ()):
        raise ValidationError(_("Questo passaggio di stato non è possibile."))
    now = now or timezone.now()
    changes: dict[str, Any] = {"state": to_state, "state_changed_at": now}
    if to_state == ProposalState.INTERVIEW:
        changes["interview_at"] = _interview_time(proposal, interview_at, now)
    if not Proposal.objects.filter(pk=proposal.pk, state=proposal.state).update(**changes):
        raise ValidationError(_("La proposta è stata appena modificata da qualcun altro: ricarica la pagina."))
    ProposalEvent.objects.create(proposal=proposal, from_state=proposal.state, to_state=to_state, actor=actor,
                                 at=now, note=_clean(note)[:300])
    Citizen.objects.filter(pk=proposal.citizen_id).update(last_activity_at=now)
    proposal.refresh_from_db()
    if to_state == ProposalState.HIRED:
        vacancy = proposal.vacancy
        hired = Proposal.objects.filter(vacancy=vacancy, state=ProposalState.HIRED).count()
        if hired >= vacancy.openings and vacancy.state == VacancyState.PUBLISHED:
            _transition(vacancy, VacancyState.FILLED, actor, now, note=_("posti coperti"))
    return proposal


def mark_seen(proposal: Proposal, actor: Any) -> None:
    """The employer opened the proposal: recorded once."""
    if proposal.state == ProposalState.PROPOSED and can(actor, "employer.contact", proposal):
        with contextlib.suppress(ValidationError):
            move_proposal(proposal, ProposalState.SEEN, actor)


# --- Alerts -----------------------------------------------------------------------------------------------

ALERT_SALT = "labour.alert"


def alert_token(subscription: AlertSubscription) -> str:
    return signing.dumps(str(subscription.pk), salt=ALERT_SALT)


def subscription_from_token(token: str) -> AlertSubscription | None:
    try:
        pk = signing.loads(token, salt=ALERT_SALT)
    except signing.BadSignature:
        return None
    return AlertSubscription.objects.filter(pk=pk).select_related("desk").first()


@transaction.atomic
def subscribe(desk: Any, email: str, filters: dict[str, str]) -> AlertSubscription:
    """Double opt-in: the subscription is inactive until the link in the e-mail is opened."""
    now = timezone.now()
    email = _clean(email).lower()
    filters = {k: str(v)[:100] for k, v in sorted(filters.items()) if v}
    subscription, _created = AlertSubscription.objects.get_or_create(
        desk=desk, email=email, filters=filters, defaults={"created_at": now})
    token = alert_token(subscription)
    queue_email(desk=desk, to=[email], subject=_("Conferma l'avviso sulle offerte di lavoro"),
                template="labour/email/alert_confirm.txt",
                context={"site_url": settings.SITE_URL,
                         "confirm_path": reverse("jobs:alert_confirm", kwargs={"desk_slug": desk.slug,
                                                                                 "token": token}),
                         "unsubscribe_path": reverse("jobs:alert_unsubscribe",
                                                     kwargs={"desk_slug": desk.slug, "token": token})})
    return subscription


@transaction.atomic
def confirm_subscription(subscription: AlertSubscription) -> None:
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.last_sent_at = subscription.confirmed_at
        subscription.save(update_fields=["confirmed_at", "last_sent_at"])


@transaction.atomic
def unsubscribe(subscription: AlertSubscription) -> None:
    AlertSubscription.objects.filter(pk=subscription.pk).delete()


def send_alert_digests(now: dt.datetime | None = None) -> int:
    """Scheduled (daily): each confirmed subscription gets the vacancies published since its last e-mail."""
    from . import selectors

    now = now or timezone.now()
    sent = 0
    for subscription in AlertSubscription.objects.filter(confirmed_at__isnull=False).select_related("desk"):
        since = subscription.last_sent_at or subscription.confirmed_at
        # Published since the last e-mail: the state changed to "published" after it.
        vacancies = list(selectors.board(subscription.desk, subscription.filters, today=timezone.localdate(now))
                         .filter(state_changed_at__gt=since, state_changed_at__lte=now)[:30])
        with transaction.atomic():
            if vacancies:
                token = alert_token(subscription)
                queue_email(
                    desk=subscription.desk, to=[subscription.email],
                    subject=_("Nuove offerte di lavoro: %(n)d") % {"n": len(vacancies)},
                    template="labour/email/alert_digest.txt",
                    context={"site_url": settings.SITE_URL, "vacancies": [
                        {"title": v.title, "employer": v.employer.name, "comune": v.comune,
                         "path": reverse("jobs:vacancy", kwargs={"desk_slug": subscription.desk.slug,
                                                                          "pk": v.pk})} for v in vacancies],
                        "unsubscribe_path": reverse("jobs:alert_unsubscribe",
                                                    kwargs={"desk_slug": subscription.desk.slug, "token": token})})
                sent += 1
            AlertSubscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
    return sent
