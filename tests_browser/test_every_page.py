"""Every page of the site, once per view (and per set of query parameters), for each kind of person: anonymous,
desk administrator, operator, member editor and monitoring viewer. Pages are found by following links from the
places each person starts, as they would; each is loaded in Chromium and checked with axe-core. Nothing may
answer with a server error and no page may have an axe violation."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from infolavoro.accounts.demo import ADMIN_EMAIL, DEMO_PASSWORD
from infolavoro.accounts.models import Role, RoleAssignment
from tests_browser.conftest import axe

pytestmark = pytest.mark.browser

START = ["/la-spezia/", "/la-spezia/agenda/", "/la-spezia/sportello/", "/la-spezia/gestione/rete/",
         "/la-spezia/segnalazioni/", "/la-spezia/segnalazioni/ricevute/", "/la-spezia/gestione/personale/",
         "/rete/?q=curriculm&vicino=Lerici", "/la-spezia/rete/?q=zzzqqq",
         # The second demo desk: every page is tried with two desks.
         "/sarzana/", "/sarzana/agenda/", "/sarzana/gestione/rete/", "/accounts/"]
# Downloads, the admin, the API, logging out: not pages to check here.
SKIP = re.compile(r"/logout|/esci|/static/|/media/|/admin/|/api/|\.(pdf|zip|ics|json|csv)$|/export|/open-data"
                  r"|/esporta/")
# Every staff page carries the staff menu (more links per page): the budget of URLs followed is set to match.
MAX_PAGES = 1000
# Pages each person must reach by following links (so the crawl really covers their part of the site).
REACHES = {
    None: {"desks:home", "booking:start", "network:index", "network:organization", "network:service",
           "network:topics", "opportunities:index", "desks:privacy", "desks:accessibility", "accounts:login"},
    "admin": {"booking_staff:agenda", "booking_staff:calendars", "booking_staff:reasons", "desks:manage_hours",
              "desks:manage_closures", "desks:staff", "intake:audit_log", "intake:portals", "intake:settings",
              "network_manage:index", "network_manage:review", "network_manage:terms", "network_manage:synonyms",
              "referrals:desk_list", "monitoring:dashboard", "network_manage:import", "create_desk"},
    Role.DESK_OPERATOR: {"booking_staff:agenda", "booking_staff:walk_in", "intake:index", "intake:citizen",
                         "intake:consultation", "referrals:desk_list", "referrals:detail"},
    Role.MEMBER_EDITOR: {"network_manage:organization", "network_manage:edit", "referrals:inbox",
                         "booking_staff:agenda"},
    Role.MONITORING_VIEWER: {"accounts:dashboard", "network:index", "monitoring:dashboard"},
}


def pages_of(client: Client) -> dict[tuple, str]:
    """One URL per (view, desk, query keys), found by following the links of every page reached."""
    found: dict[tuple, str] = {}
    seen: set[str] = set()
    queue = list(START)
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        parts = urlsplit(url)
        try:
            match = resolve(parts.path)
        except Resolver404:
            continue
        key = (match.view_name, match.kwargs.get("desk_slug"), tuple(sorted(k for k, _ in parse_qsl(parts.query))))
        if key in found:
            continue
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        found[key] = url
        for href in re.findall(r'href="([^"#]+)', response.content.decode()):
            href = urljoin(url, href.replace("&amp;", "&"))
            if href.startswith("/") and not SKIP.search(href) and href not in seen:
                queue.append(href)
    return found


def who(role: str | None):
    if role is None:
        return None
    if role == "admin":
        from infolavoro.accounts.models import User

        return User.objects.get(email=ADMIN_EMAIL)
    return RoleAssignment.objects.filter(role=role).select_related("user").order_by("pk").first().user


@pytest.mark.parametrize("role", [None, "admin", Role.DESK_OPERATOR, Role.MEMBER_EDITOR, Role.MONITORING_VIEWER])
def test_every_page_answers_and_has_no_axe_violation(browser_page, demo_desk, role):
    user = who(role)
    client = Client()
    if user is not None:
        client.force_login(user)
    pages = pages_of(client)
    views = {view for view, *_ in pages}
    assert views >= REACHES[role], REACHES[role] - views
    if role in (None, Role.MEMBER_EDITOR, Role.MONITORING_VIEWER):
        assert not {v for v in views if v.startswith("intake:")}, "no citizen data outside the desk's staff"
    page = browser_page
    if user is not None:
        page.goto("/accounts/login/")
        page.get_by_label("E-mail").fill(user.email)
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        with page.expect_navigation():
            page.get_by_role("button", name="Accedi").click()
    for (view, *_), url in sorted(pages.items(), key=lambda item: (item[0][0], str(item[0][1:]))):
        response = page.goto(url)
        assert response.status < 500, url
        axe(page, f"{view} {url} ({role or 'anonymous'})")


def test_every_public_page_on_a_phone(phone_page, demo_desk):
    """Citizens mostly come from a phone: the same public pages at 390 px, no violation, nothing wider than it."""
    pages = pages_of(Client())
    for (view, *_), url in sorted(pages.items(), key=lambda item: (item[0][0], str(item[0][1:]))):
        phone_page.goto(url)
        axe(phone_page, f"{view} {url} (phone)")
        overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} is {overflow}px wider than the phone"


def test_a_suspended_members_editor_reaches_none_of_the_members_pages(demo_desk):
    """The same crawl as a member editor, before and after the member is suspended: its grants are void."""
    from infolavoro.network.models import Organization

    assignment = RoleAssignment.objects.filter(role=Role.MEMBER_EDITOR).order_by("pk").first()
    client = Client()
    client.force_login(assignment.user)
    members_pages = {"referrals:inbox", "referrals:detail", "booking_staff:agenda", "booking_staff:booking",
                     "network_manage:organization", "network_manage:edit"}
    assert {key[0] for key in pages_of(client)} & members_pages  # reached while the member is active
    Organization.objects.filter(pk=assignment.organization_id).update(is_active=False)
    client.force_login(assignment.user)
    reached = {key[0] for key in pages_of(client)}  # pages_of also asserts that nothing answers 5xx
    assert not reached & members_pages, reached & members_pages
