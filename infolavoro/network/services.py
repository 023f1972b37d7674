"""Members keep their data current: every change goes live at once, is written to the history with a
field-level diff, and waits in the desk administrators' review queue. One transaction each."""

from __future__ import annotations

import datetime as dt
import html
import logging
import uuid
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import nh3
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from infolavoro.accounts.permissions import can
from infolavoro.desks import public_cache
from infolavoro.notifications.services import queue_email

from . import selectors
from .models import ChangeRecord, Contact, Location, Organization, Project, Schedule, Service, TrainingOpportunity

# Free-text fields members write: tags and scripts are stripped, the text is kept (templates escape it).
TEXT_FIELDS = {"description", "audience", "eligibility", "how_to_access", "requirements", "how_to_apply",
               "alternate_name", "name", "title", "place", "cost", "funded_by", "address_1", "address_2", "city",
               "accessibility", "transportation", "department", "notes"}
TEXT_FIELDS |= {f"{name}_{lang}" for name in ("name", "description", "audience", "eligibility", "cost",
                                                "how_to_access", "accessibility", "transportation", "notes")
                for lang in ("it", "en")}
REMIND_EVERY = dt.timedelta(days=14)
logger = logging.getLogger(__name__)
# Paths under /<desk>/rete/ and /<desk>/gestione/rete/ that a member's slug must not take.
RESERVED_SLUGS = {"temi", "opuscolo", "open-data", "revisione", "importa"}
LOGO_TYPES = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}  # verified format → stored file's extension
LOGO_MAX_BYTES = 1024 * 1024
LOGO_MAX_SIDE = 4000  # pixels: a larger image is refused before it is decoded (decompression bombs)


def clean_text(value: str) -> str:
    """Plain text as a reader would see it, with no markup left: tags (and script/style content) removed and
    entities decoded, repeated until nothing changes, so an encoded tag (`&lt;script&gt;`) cannot come back as
    a real one. Stored as plain text; every output escapes it (templates, e-mails; JSON and CSV carry text)."""
    text = (value or "").replace("\x00", "")
    for _attempt in range(8):
        plain = html.unescape(nh3.clean(text, tags=set()))
        if plain == text:
            break
        text = plain
    else:  # pathological nesting: drop what could still open a tag
        text = text.replace("<", "").replace(">", "")
    return text.strip()


def check_logo(upload: Any) -> str:
    """Type by content (Pillow), not by name; at most 1 MB and LOGO_MAX_SIDE pixels a side, checked from the
    header before anything is decoded. Returns the extension the file is stored under."""
    from PIL import Image, UnidentifiedImageError

    if upload.size > LOGO_MAX_BYTES:
        raise ValidationError({"logo": _("Il logo è troppo grande: al massimo 1 MB.")})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the size is checked right below
            image = Image.open(upload)
        with image:
            kind, (width, height) = image.format, image.size
            if width > LOGO_MAX_SIDE or height > LOGO_MAX_SIDE:
                raise ValidationError({"logo": _("Il logo è troppo grande: al massimo %(side)d × %(side)d pixel.")
                                       % {"side": LOGO_MAX_SIDE}})
            image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError({"logo": _("Il file non è un'immagine valida.")}) from error
    if kind not in LOGO_TYPES:
        raise ValidationError({"logo": _("Formato non ammesso: usa PNG, JPEG o WebP.")})
    upload.seek(0)
    return LOGO_TYPES[kind]


def _require_edit(actor: Any, organization: Organization) -> None:
    # A suspended member's editors lose access; the desk's administrators keep it.
    if not can(actor, "organization.edit", organization) or (
        not organization.is_active and not can(actor, "desk.administer", organization)
    ):
        raise PermissionDenied


def _display(value: Any) -> str:
    if hasattr(value, "all"):
        return ", ".join(sorted(str(v) for v in value.all()))
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _snapshot(obj: Model, fields: Iterable[str]) -> dict[str, str]:
    return {name: _display(getattr(obj, name)) for name in fields}


def _record(organization: Organization, obj: Model, kind: str, action: str, before: dict[str, str],
            after: dict[str, str], actor: Any, now: dt.datetime) -> ChangeRecord | None:
    model = type(obj)
    changes = {str(model._meta.get_field(name).verbose_name): [before.get(name, ""), after[name]]
               for name in after if before.get(name, "") != after[name]}
    if action == ChangeRecord.Action.UPDATE and not changes:
        return None
    # An administrator's own edits are history, not something to review.
    reviewed = can(actor, "desk.administer", organization)
    desk_id = organization.desk_id
    public_cache.bump(desk_id)  # every member's and administrator's edit passes here: the public pages change
    transaction.on_commit(lambda: _rebuild_brochure(desk_id))
    return ChangeRecord.objects.create(
        desk_id=organization.desk_id, organization=organization, object_type=kind, object_id=str(obj.pk),
        object_label=str(obj)[:200], action=action, changes=changes, actor=actor, at=now,
        reviewed_at=now if reviewed else None, reviewed_by=actor if reviewed else None,
    )


def _rebuild_brochure(desk_id: int) -> None:
    """A change to the directory: the printed brochure is rebuilt in the background (never in a request)."""
    from .tasks import rebuild_brochure

    try:
        rebuild_brochure.enqueue(desk_id)
    except Exception:  # the periodic sweep (tasks.rebuild_stale_brochures) builds it anyway
        logger.warning("brochure: could not enqueue a rebuild", exc_info=True)


def _save(organization: Organization, obj: Model, kind: str, data: dict[str, Any], actor: Any,
          terms: Iterable[Any] | None = None, now: dt.datetime | None = None) -> Model:
    """Apply `data` to `obj`, validate, save, record the diff. Publishing is a review: the entry is current."""
    now = now or timezone.now()
    _require_edit(actor, organization)
    creating = obj._state.adding
    fields = list(data) + (["taxonomy_terms"] if terms is not None else [])
    before = {} if creating else _snapshot(obj, fields)
    for name, value in data.items():
        setattr(obj, name, clean_text(value) if name in TEXT_FIELDS and isinstance(value, str) else value)
    if hasattr(obj, "last_reviewed_at"):
        obj.last_reviewed_at = now
        obj.last_reviewed_by = actor
    obj.full_clean()
    obj.save()
    if terms is not None:
        if any(term.desk_id != organization.desk_id for term in terms):
            raise ValidationError(_("Argomento sconosciuto."))
        obj.taxonomy_terms.set(terms)
    _record(organization, obj, kind, ChangeRecord.Action.CREATE if creating else ChangeRecord.Action.UPDATE,
            before, _snapshot(obj, fields), actor, now)
    return obj


@transaction.atomic
def update_organization(organization: Organization, data: dict[str, Any], actor: Any) -> Organization:
    """`data["logo"]`: a new upload, False to remove it, absent to keep it. The replaced file is deleted once
    the change is committed."""
    old_logo = Organization.objects.filter(pk=organization.pk).values_list("logo", flat=True).first() or ""
    if data.get("logo") is False:
        data = {**data, "logo": ""}
    elif data.get("logo") and hasattr(data["logo"], "size"):
        data["logo"].name = f"{uuid.uuid4().hex}.{check_logo(data['logo'])}"  # named by its verified type
    organization = _save(organization, organization, "organization", data, actor)
    if old_logo and "logo" in data and organization.logo.name != old_logo:
        storage = organization.logo.storage
        transaction.on_commit(lambda: storage.delete(old_logo))
    return organization


@transaction.atomic
def save_service(organization: Organization, service: Service | None, data: dict[str, Any], actor: Any,
                 terms: Iterable[Any] = ()) -> Service:
    service = service or Service(organization=organization)
    if service.organization_id != organization.pk:
        raise PermissionDenied
    return _save(organization, service, "service", data, actor, list(terms))


@transaction.atomic
def save_training(organization: Organization, training: TrainingOpportunity | None, data: dict[str, Any],
                  actor: Any, terms: Iterable[Any] = ()) -> TrainingOpportunity:
    training = training or TrainingOpportunity(organization=organization)
    if training.organization_id != organization.pk:
        raise PermissionDenied
    return _save(organization, training, "training", data, actor, list(terms))


@transaction.atomic
def save_project(organization: Organization, project: Project | None, data: dict[str, Any], actor: Any,
                 terms: Iterable[Any] = ()) -> Project:
    project = project or Project(organization=organization)
    if project.organization_id != organization.pk:
        raise PermissionDenied
    return _save(organization, project, "project", data, actor, list(terms))


def _check_own(organization: Organization, data: dict[str, Any]) -> None:
    """A contact or a schedule may point only at the member's own services and premises."""
    for name in ("service", "location"):
        target = data.get(name)
        if target is not None and target.organization_id != organization.pk:
            raise ValidationError({name: _("Scegli tra i servizi e le sedi del soggetto.")})


@transaction.atomic
def save_location(organization: Organization, location: Location | None, data: dict[str, Any], actor: Any,
                  terms: Iterable[Any] | None = None) -> Location:
    """A member's premises (address, accessibility, how to get there): live at once, history and review queue."""
    location = location or Location(organization=organization)
    if location.organization_id != organization.pk:
        raise PermissionDenied
    return _save(organization, location, "location", data, actor)


@transaction.atomic
def save_contact(organization: Organization, contact: Contact | None, data: dict[str, Any], actor: Any,
                 terms: Iterable[Any] | None = None) -> Contact:
    """A phone or an e-mail of the member (for the whole member, one service or one premises)."""
    contact = contact or Contact(organization=organization)
    if contact.organization_id != organization.pk:
        raise PermissionDenied
    _check_own(organization, data)
    return _save(organization, contact, "contact", data, actor)


def schedule_owner(schedule: Schedule) -> Any:
    """The member a schedule belongs to, through its service or its premises."""
    subject = schedule.service or schedule.location
    return subject.organization_id if subject else None


@transaction.atomic
def save_schedule(organization: Organization, schedule: Schedule | None, data: dict[str, Any], actor: Any,
                  terms: Iterable[Any] | None = None) -> Schedule:
    """Service hours (HSDS schedule) of one of the member's services or premises."""
    if schedule is not None and schedule_owner(schedule) != organization.pk:
        raise PermissionDenied
    _check_own(organization, data)
    return _save(organization, schedule or Schedule(), "schedule", data, actor)


@transaction.atomic
def delete_entry(organization: Organization, obj: Model, kind: str, actor: Any,
                 now: dt.datetime | None = None) -> None:
    """Remove a contact, a schedule or premises no longer current; the history keeps what was there."""
    now = now or timezone.now()
    _require_edit(actor, organization)
    owner = schedule_owner(obj) if isinstance(obj, Schedule) else getattr(obj, "organization_id", None)
    if owner != organization.pk or not isinstance(obj, (Location, Contact, Schedule)):
        raise PermissionDenied
    field = "byday" if isinstance(obj, Schedule) else "name"
    _record(organization, obj, kind, ChangeRecord.Action.DELETE, {field: str(obj)}, {field: ""}, actor, now)
    obj.delete()


@transaction.atomic
def confirm_current(organization: Organization, actor: Any, now: dt.datetime | None = None) -> None:
    """"The data are up to date": the organisation and everything it publishes count as reviewed today."""
    now = now or timezone.now()
    _require_edit(actor, organization)
    for model in (Service, TrainingOpportunity, Project):
        model.objects.filter(organization=organization).update(last_reviewed_at=now, last_reviewed_by=actor)
    Organization.objects.filter(pk=organization.pk).update(last_reviewed_at=now, last_reviewed_by=actor,
                                                          stale_reminder_sent_at=None)
    _record(organization, organization, "organization", ChangeRecord.Action.UPDATE, {"last_reviewed_at": ""},
            {"last_reviewed_at": now.date().isoformat()}, actor, now)


@transaction.atomic
def mark_reviewed(desk: Any, record_ids: Iterable[int], actor: Any, now: dt.datetime | None = None) -> int:
    if not can(actor, "desk.administer", desk):
        raise PermissionDenied
    return ChangeRecord.objects.filter(desk=desk, pk__in=list(record_ids), reviewed_at__isnull=True).update(
        reviewed_at=now or timezone.now(), reviewed_by=actor)


def send_stale_reminders(now: dt.datetime | None = None) -> int:
    """Daily: e-mail each member with stale entries (its active editors, else its own address) the list of
    what to check, at most once every two weeks. Returns how many members were written to."""
    now = now or timezone.now()
    written = 0
    from infolavoro.desks.models import Desk

    for desk in Desk.objects.filter(is_active=True):
        cutoff = selectors.stale_cutoff(desk, now)
        stale = selectors.stale_entries(desk, now)
        due = Q(stale_reminder_sent_at__isnull=True) | Q(stale_reminder_sent_at__lt=now - REMIND_EVERY)
        organizations = list(Organization.objects.filter(due, desk=desk, is_active=True, pk__in=stale.keys()))
        recipients = selectors.member_recipients(organizations)
        for org in organizations:
            if org.pk not in recipients:
                continue
            # Without an editor the member cannot log in: it reads its public page and answers the desk.
            by_reply = not recipients[org.pk].editors
            link = reverse("network:organization" if by_reply else "network_manage:organization",
                           kwargs={"desk_slug": desk.slug, "slug": org.slug})
            with transaction.atomic():
                if not Organization.objects.filter(due, pk=org.pk).update(stale_reminder_sent_at=now):
                    continue
                queue_email(desk=desk, to=recipients[org.pk].emails,
                            subject=_("Rete per il lavoro: dati da verificare"),
                            template="network/email/stale_reminder.txt",
                            reply_to=[desk.email] if desk.email else None,
                            context={"organization": org, "entries": stale[org.pk], "cutoff": cutoff,
                                     "link": settings.SITE_URL + link, "by_reply": by_reply})
            written += 1
    return written


# --- Administration by the desk ----------------------------------------------------------------------


def _require_admin(actor: Any, desk: Any) -> None:
    if not can(actor, "desk.administer", desk):
        raise PermissionDenied


@transaction.atomic
def add_member(desk: Any, *, name: str, kind: str, email: str = "", actor: Any) -> Organization:
    from django.utils.text import slugify

    _require_admin(actor, desk)
    base = slugify(name)[:70] or "soggetto"
    taken = set(Organization.objects.filter(desk=desk).values_list("slug", flat=True)) | RESERVED_SLUGS
    slug = next(s for s in (base if n == 0 else f"{base}-{n}" for n in range(1000)) if s not in taken)
    organization = Organization(desk=desk, name=clean_text(name), slug=slug, kind=kind, email=email.strip())
    organization.full_clean()
    organization.save()
    _record(organization, organization, "organization", ChangeRecord.Action.CREATE, {},
            {"name": organization.name}, actor, timezone.now())
    return organization


@transaction.atomic
def set_suspended(organization: Organization, suspended: bool, actor: Any) -> None:
    """A suspended member disappears from the public pages, the API and the brochure; its editors lose access."""
    _require_admin(actor, organization.desk)
    # updated_at moves the brochure's data version: it is rebuilt without (or with) the member.
    Organization.objects.filter(pk=organization.pk).update(is_active=not suspended, updated_at=timezone.now())
    desk_id = organization.desk_id
    public_cache.bump(desk_id)
    transaction.on_commit(lambda: _rebuild_brochure(desk_id))


@transaction.atomic
def save_terms(desk: Any, rows: list[dict[str, Any]], actor: Any) -> None:
    """Add, rename and reorder the needs and topics; delete only those no service, course or project uses
    (checked here: a many-to-many link would otherwise vanish silently)."""
    from .models import TaxonomyTerm

    _require_admin(actor, desk)
    public_cache.bump(desk.pk)
    for position, row in enumerate(rows):
        term, _created = TaxonomyTerm.objects.get_or_create(desk=desk, code=row["code"], defaults={
            "name_it": row["name"], "description_it": row.get("description", ""),
            "position": row.get("position", position), "special_category": bool(row.get("special_category"))})
        if row.get("delete"):
            in_use = (term.services.exists() or Project.objects.filter(taxonomy_terms=term).exists()
                      or TrainingOpportunity.objects.filter(taxonomy_terms=term).exists())
            if in_use:
                raise ValidationError(_("«%(name)s» è usato da servizi o corsi: toglilo prima da quelli.")
                                      % {"name": term.name})
            term.delete()
            continue
        term.name_it = clean_text(row["name"])
        term.description_it = clean_text(row.get("description", ""))
        if "name_en" in row:  # English versions: empty falls back to Italian
            term.name_en = clean_text(row["name_en"]) or None
            term.description_en = clean_text(row.get("description_en", "")) or None
        term.position = row.get("position", position)
        term.special_category = bool(row.get("special_category"))
        term.save()


# --- Importing a network (HSDS tabular ZIP or the spreadsheet template) ------------------------------------------

@dataclass
class ImportReport:
    """What an import did (or, with rejected rows, why it did nothing)."""

    rejected: list[Any] = field(default_factory=list)
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    applied: bool = False

    def count(self, kind: str, created: bool) -> None:
        target = self.created if created else self.updated
        target[kind] = target.get(kind, 0) + 1


def _translated(record: dict[str, Any]) -> list[str]:
    """The Italian and English versions an import record carries (`name_it`, `name_en`, ...)."""
    return [key for key in record if key.endswith(("_it", "_en"))]


@transaction.atomic
def import_network(desk: Any, tables: Any, actor: Any, *, skip_invalid: bool = False, dry_run: bool = False,
                   date_shift_days: int = 0) -> ImportReport:
    """Load a network into `desk` from `importer.Tables`, all or nothing.

    Rows are matched on the desk's own keys (need code, member slug, service slug within the member, location
    name within the member, course and project slug), so importing the same file twice changes nothing. With
    rejected rows nothing is written unless `skip_invalid` (then the valid rows, and only those whose parents are
    valid, are written). `actor` None is the command line (the installation's operator); on the web the desk's
    administrators. Raises importer.ImportFileError for a file that cannot be read as a whole."""
    from . import importer
    from .models import Contact, Location, Schedule, TaxonomyTerm

    if actor is not None:
        _require_admin(actor, desk)
    existing_terms = frozenset(TaxonomyTerm.objects.filter(desk=desk).values_list("code", flat=True))
    plan = importer.plan_tables(tables, date_shift_days=date_shift_days, existing_terms=existing_terms)
    report = ImportReport(rejected=plan.rejected)
    if (plan.rejected and not skip_invalid) or dry_run:
        return report
    public_cache.bump(desk.pk)  # the rows below are written in bulk: no per-row edit passes through _record

    def reviewed(day: dt.date | None) -> dt.datetime | None:
        return dt.datetime.combine(day, dt.time(10), tzinfo=desk.tz) if day else None

    def clean(record: dict[str, Any], keys: Iterable[str]) -> dict[str, Any]:
        return {k: clean_text(record[k]) if k in TEXT_FIELDS and isinstance(record[k], str) else record[k]
                for k in keys}

    # Rows are validated one by one (in memory) and written per table in bulk: a fixed number of queries per
    # table whatever the size of the file. UUID primary keys exist before saving, so children can point at them.
    pending: dict[type[Model], tuple[list[Model], list[Model], set[str]]] = {}

    def upsert(model: type[Model], existing: dict[Any, Model], key: Any, values: dict[str, Any], kind: str,
               **parents: Any) -> Model:
        obj = existing.get(key)
        created = obj is None
        if created:
            obj = model(**parents, **values)
        elif any(getattr(obj, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(obj, k, v)
        else:
            return obj
        relations = [f.name for f in model._meta.fields if f.is_relation]  # set here, not looked up again
        try:
            obj.full_clean(exclude=["logo", *relations], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in exc.message_dict.items())
            raise importer.ImportFileError(_("«%(label)s» (%(kind)s) non è valido: %(problems)s")
                                           % {"label": obj, "kind": kind, "problems": problems}) from None
        new, changed, fields = pending.setdefault(model, ([], [], set()))
        if created:
            new.append(obj)
        else:
            changed.append(obj)
            fields.update(values)
        existing[key] = obj
        report.count(kind, created)
        return obj

    def flush(model: type[Model]) -> None:
        new, changed, fields = pending.pop(model, ([], [], set()))
        model.objects.bulk_create(new, batch_size=500)
        if changed:
            if any(f.name == "updated_at" for f in model._meta.fields):
                for obj in changed:
                    obj.updated_at = timezone.now()
                fields.add("updated_at")
            model.objects.bulk_update(changed, sorted(fields), batch_size=500)

    def set_links(field: Any, wanted: dict[Any, set[Any]]) -> None:
        """Many-to-many links of many rows at once: rows whose links differ get exactly the wanted ones."""
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        current: dict[Any, set[Any]] = {}
        for a, b in through.objects.filter(**{f"{source}__in": list(wanted)}).values_list(source, target):
            current.setdefault(a, set()).add(b)
        differ = [pk for pk, targets in wanted.items() if current.get(pk, set()) != targets]
        through.objects.filter(**{f"{source}__in": differ}).delete()
        through.objects.bulk_create([through(**{source: pk, target: t}) for pk in differ for t in wanted[pk]],
                                    batch_size=1000)

    terms = {t.code: t for t in TaxonomyTerm.objects.filter(desk=desk)}
    for record in plan.terms:
        # The special-category flag only when the file says it (the template's column; HSDS has none).
        keys = [*_translated(record), "position"] + (["special_category"] if "special_category" in record else [])
        upsert(TaxonomyTerm, terms, record["code"], clean(record, keys),
               "bisogni", desk=desk, code=record["code"])
    flush(TaxonomyTerm)

    orgs = {o.slug: o for o in Organization.objects.filter(desk=desk)}
    for record in plan.organizations:
        slug = record["slug"] if record["slug"] not in RESERVED_SLUGS else f"{record['slug']}-rete"
        record["slug"] = slug
        values = clean(record, ["name", "kind", "alternate_name", *_translated(record), "email", "website", "phone"])
        if record["last_reviewed_on"]:
            values["last_reviewed_at"] = reviewed(record["last_reviewed_on"])
        upsert(Organization, orgs, slug, {**values, "is_active": True}, "soggetti", desk=desk, slug=slug)
    flush(Organization)

    locations = {(loc.organization.slug, loc.name): loc
                 for loc in Location.objects.filter(organization__desk=desk).select_related("organization")}
    for record in plan.locations:
        org = orgs[record["organization"]]
        values = clean(record, [k for k in record if k not in ("organization", "name")])
        values.setdefault("country", "IT")
        upsert(Location, locations, (org.slug, record["name"]), values, "sedi", organization=org,
               name=record["name"])
    flush(Location)

    services = {(s.organization.slug, s.slug): s
                for s in Service.objects.filter(organization__desk=desk).select_related("organization")}
    service_terms: dict[Any, set[Any]] = {}
    service_locations: dict[Any, set[Any]] = {}
    for record in plan.services:
        org = orgs[record["organization"]]
        values = clean(record, [*_translated(record), "languages", "email", "url"])
        values["is_active"] = record.get("is_active", True)
        if record["last_reviewed_on"]:
            values["last_reviewed_at"] = reviewed(record["last_reviewed_on"])
        service = upsert(Service, services, (org.slug, record["slug"]), values, "servizi", organization=org,
                         slug=record["slug"])
        service_terms[service.pk] = {terms[code].pk for code in record["terms"]}
        names = record["locations"]
        service_locations[service.pk] = {loc.pk for (org_slug, name), loc in locations.items()
                                         if org_slug == org.slug and (names is None or name in names)}
    flush(Service)
    set_links(Service.taxonomy_terms.field, service_terms)
    set_links(Service.locations.field, service_locations)

    # A service's hours are replaced as a whole, and only when they differ from the file's.
    fields = ["freq", "byday", "opens_at", "closes_at", "valid_from", "valid_to", "description_it", "description_en"]
    wanted: dict[Any, list[dict[str, Any]]] = {}
    for r in plan.schedules:
        wanted.setdefault(services[(r["organization"], r["service"])].pk, []).append(
            {"freq": "WEEKLY", "valid_from": None, "valid_to": None}
            | {k: v for k, v in r.items() if k not in ("organization", "service")})
    current: dict[Any, list[dict[str, Any]]] = {}
    for row in Schedule.objects.filter(service_id__in=wanted).values("service_id", *fields):
        current.setdefault(row.pop("service_id"), []).append(row)
    # A file without English descriptions of hours keeps the English already stored for the same Italian text.
    stored_english = {(pk, row["description_it"]): row["description_en"] for pk, rows in current.items()
                      for row in rows}
    for pk, rows in wanted.items():
        for row in rows:
            if "description_en" not in row:
                row["description_en"] = stored_english.get((pk, row["description_it"]))

    def same(rows: list[dict[str, Any]]) -> list[tuple[str, ...]]:
        return sorted(tuple(str(row[k]) for k in fields) for row in rows)

    changed = [pk for pk, rows in wanted.items() if same(rows) != same(current.get(pk, []))]
    Schedule.objects.filter(service_id__in=changed).delete()
    Schedule.objects.bulk_create(Schedule(service_id=pk, **row) for pk in changed for row in wanted[pk])
    if changed:
        report.created["orari"] = sum(len(wanted[pk]) for pk in changed)

    contacts = {(c.organization.slug, c.name): c
                for c in Contact.objects.filter(organization__desk=desk).select_related("organization")}
    for record in plan.contacts:
        org = orgs[record["organization"]]
        upsert(Contact, contacts, (org.slug, record["name"]), clean(record, ["title", "email", "phone"]), "contatti",
               organization=org, name=record["name"])
    flush(Contact)

    for model, records, kind in ((TrainingOpportunity, plan.trainings, "corsi"), (Project, plan.projects, "progetti")):
        existing = {(e.organization.slug, e.slug): e
                    for e in model.objects.filter(organization__desk=desk).select_related("organization")}
        entry_terms: dict[Any, set[Any]] = {}
        for record in records:
            org = orgs[record["organization"]]
            keys = [k for k in record if k not in ("organization", "slug", "terms", "service", "last_reviewed_on")]
            values = clean(record, keys)
            values["last_reviewed_at"] = reviewed(record["last_reviewed_on"])
            if model is TrainingOpportunity:
                values["service"] = services[(org.slug, record["service"])] if record["service"] else None
            entry = upsert(model, existing, (org.slug, record["slug"]), values, kind, organization=org,
                           slug=record["slug"])
            entry_terms[entry.pk] = {terms[code].pk for code in record["terms"]}
        flush(model)
        set_links(model.taxonomy_terms.field, entry_terms)
    # Bulk writes send no signals: the search index is brought up to date once, as network/search.py asks.
    from .search import index_organizations

    index_organizations([orgs[record["slug"]].pk for record in plan.organizations])
    report.applied = True
    return report
