"""The staff area's navigation: one definition of the menu, by role, for every staff page.

Sections (agenda, people, referrals, network, labour, monitoring, settings) and the pages inside each come
from here and only here; `staff_base.html` shows the sections in the header (Bootstrap Italia's navbar, which
collapses behind the menu button on phones) and the current section's pages in a sidebar. Every entry asks
`accounts.permissions` whether the user may use it, so a role sees only what it may do. Member editors and
employer contacts get their own smaller menus.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from infolavoro.accounts.permissions import can, edits_member_on, is_employer_contact, staff_desk_ids

# The section each staff view belongs to when it is not one of the menu's own entries (view name -> section).
# Namespaces give the default; the exceptions below name pages that live in another section.
SECTION_OF_NAMESPACE = {
    "booking_staff": "agenda", "intake": "persone", "referrals": "segnalazioni", "network_manage": "rete",
    "labour": "lavoro", "monitoring": "monitoraggio", "accounts": "inizio",
}
SECTION_OF_VIEW = {
    "booking_staff:calendars": "impostazioni", "booking_staff:calendar": "impostazioni",
    "booking_staff:reasons": "impostazioni", "intake:portals": "impostazioni", "intake:portal_edit": "impostazioni",
    "intake:settings": "impostazioni", "network_manage:import": "impostazioni",
    "desks:manage_hours": "impostazioni", "desks:manage_closures": "impostazioni", "desks:staff": "impostazioni",
    "create_desk": "impostazioni",
}


@dataclass
class Link:
    label: str
    url: str
    view: str  # the view name the link opens, to mark it current
    current: bool = False


@dataclass
class Section:
    key: str
    label: str
    links: list[Link] = field(default_factory=list)
    current: bool = False

    @property
    def url(self) -> str:
        return self.links[0].url


@dataclass
class StaffMenu:
    desk: Any
    user_name: str
    sections: list[Section]

    @property
    def current(self) -> Section | None:
        return next((s for s in self.sections if s.current), None)


def _desk_for(request: Any) -> Any:
    """The page's desk; on pages without one (the staff home, monitoring), the one asked for or the user's first."""
    from infolavoro.desks.models import Desk

    desk = getattr(request, "desk", None)
    if desk is not None:
        return desk
    ids = staff_desk_ids(request.user)
    if not ids and not request.user.is_superuser:
        return None
    desks = Desk.objects.filter(is_active=True).order_by("name")
    if not request.user.is_superuser:
        desks = desks.filter(pk__in=ids)
    wanted = request.GET.get("desk")
    return (desks.filter(slug=wanted).first() if wanted else None) or desks.first()


def _member_calendars(user: Any, desk: Any) -> bool:
    from infolavoro.booking.selectors import calendars_for

    return bool(calendars_for(user, desk))


def _build(user: Any, desk: Any) -> list[Section]:
    slug = desk.slug
    sections: dict[str, Section] = {}

    def add(key: str, label: str, view: str, text: str, args: tuple = (slug,), query: str = "") -> None:
        section = sections.setdefault(key, Section(key, str(label)))
        url = reverse(view, args=args) + query
        if all(link.url != url for link in section.links):
            section.links.append(Link(str(text), url, view))

    add("inizio", _("Inizio"), "accounts:dashboard", _("Cosa c'è da fare oggi"), args=())
    operate, administer = can(user, "desk.operate", desk), can(user, "desk.administer", desk)
    member, employer = edits_member_on(user, desk), is_employer_contact(user)
    if operate:
        add("agenda", _("Agenda"), "booking_staff:agenda", _("Agenda del giorno"))
        add("agenda", _("Agenda"), "booking_staff:book", _("Prenota per una persona"))
        add("agenda", _("Agenda"), "booking_staff:walk_in", _("Accesso senza appuntamento"))
        add("agenda", _("Agenda"), "booking_staff:block", _("Blocca orari o giorni"))
        add("persone", _("Persone"), "intake:index", _("Persone e colloqui"))
        add("persone", _("Persone"), "intake:citizen_new", _("Nuova scheda"))
        if can(user, "audit.view", desk):
            add("persone", _("Persone"), "intake:audit_log", _("Registro accessi"))
        add("segnalazioni", _("Segnalazioni"), "referrals:desk_list", _("Segnalazioni ai soggetti"))
    elif member and _member_calendars(user, desk):
        add("agenda", _("Agenda"), "booking_staff:agenda", _("Agenda dei vostri servizi"))
    if member and not operate:
        add("segnalazioni", _("Segnalazioni"), "referrals:inbox", _("Segnalazioni ricevute"))
    if administer:
        add("rete", _("Rete"), "network_manage:index", _("Soggetti della rete"))
        add("rete", _("Rete"), "network_manage:review", _("Modifiche da rivedere"))
        add("rete", _("Rete"), "network_manage:terms", _("Bisogni e temi"))
        add("rete", _("Rete"), "network_manage:synonyms", _("Sinonimi della ricerca"))
    elif member:
        add("rete", _("Il vostro soggetto"), "network_manage:index", _("Profilo, servizi, corsi e progetti"))
    if operate or (employer and not user.is_superuser):
        add("lavoro", _("Lavoro"), "labour:index", _("Offerte e datori di lavoro") if operate
            else _("Le vostre offerte di lavoro"))
        add("lavoro", _("Lavoro"), "labour:proposals", _("Proposte di candidatura"))
    if can(user, "monitoring.view", desk):
        add("monitoraggio", _("Monitoraggio"), "monitoring:dashboard", _("Indicatori ed esportazioni"), args=(),
            query=f"?desk={slug}")
    if administer:
        add("impostazioni", _("Impostazioni"), "desks:manage_hours", _("Orari di apertura"))
        add("impostazioni", _("Impostazioni"), "desks:manage_closures", _("Chiusure"))
        add("impostazioni", _("Impostazioni"), "desks:staff", _("Personale"))
        add("impostazioni", _("Impostazioni"), "booking_staff:calendars", _("Calendari"))
        add("impostazioni", _("Impostazioni"), "booking_staff:reasons", _("Argomenti degli appuntamenti"))
        add("impostazioni", _("Impostazioni"), "intake:portals", _("Portali del lavoro"))
        add("impostazioni", _("Impostazioni"), "intake:settings", _("Accoglienza"))
        add("impostazioni", _("Impostazioni"), "network_manage:import", _("Importa la rete"))
    if can(user, "installation.administer", None):
        add("impostazioni", _("Impostazioni"), "create_desk", _("Nuovo sportello"), args=())
    return list(sections.values())


def staff_menu(request: Any) -> StaffMenu | None:
    """The menu for this request's user and page (computed once per request); None for anonymous visitors."""
    if hasattr(request, "_staff_menu"):
        return request._staff_menu
    menu = None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        desk = _desk_for(request)
        if desk is not None:
            sections = _build(user, desk)
            match = getattr(request, "resolver_match", None)
            view = match.view_name if match else ""
            key = SECTION_OF_VIEW.get(view) or SECTION_OF_NAMESPACE.get(view.partition(":")[0] if ":" in view else "")
            for section in sections:
                section.current = section.key == key
                for link in section.links:
                    link.current = link.view == view and (
                        "?" not in link.url or link.url.split("?", 1)[1] in request.get_full_path())
            menu = StaffMenu(desk=desk, user_name=user.get_full_name() or user.email, sections=sections)
    request._staff_menu = menu
    return menu
