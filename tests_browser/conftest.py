"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server, with axe-core.

Never downloads a browser: it uses /usr/bin/chromium (`apt-get install chromium`; `.ci/run` does it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = Path(__file__).parent / "assets" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls that tests make between
    # browser steps are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Content-Security-Policy: every violation is recorded (the event in the page, and Chromium's console report)
# and `axe()` / `no_csp_violation()` fail on any.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
"""


def watch_csp(context, page) -> None:
    context.add_init_script(CSP_LISTENER)
    page.csp_console = []
    page.on("console", lambda message: page.csp_console.append(message.text)
            if "Content Security Policy" in message.text else None)


def no_csp_violation(page, context: str | None = None) -> None:
    """Fail if the page (since it loaded) reported any Content-Security-Policy violation."""
    events = page.evaluate("window.__cspViolations || []")
    console, page.csp_console = list(getattr(page, "csp_console", [])), []
    if events or console:
        pytest.fail(f"Content-Security-Policy violations on {context or page.url}:\n"
                    + "\n".join([*events, *console]))


@pytest.fixture
def browser_page(chromium, live_server):
    """A fresh browser context (no cookies) on a desktop viewport, based at the live server."""
    context = chromium.new_context(base_url=live_server.url, locale="it-IT", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    watch_csp(context, page)
    yield page
    context.close()


@pytest.fixture
def phone_page(chromium, live_server):
    """A fresh context the size of a phone, with touch."""
    context = chromium.new_context(base_url=live_server.url, locale="it-IT", viewport={"width": 390, "height": 844},
                                   is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    watch_csp(context, page)
    yield page
    context.close()


@pytest.fixture
def demo_desk(transactional_db):
    """The La Spezia demo, as `make run` loads it."""
    from infolavoro.desks.models import Desk

    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return Desk.objects.get(slug="la-spezia")


def axe(page, context: str | None = None) -> None:
    """Run axe-core on the page (all WCAG 2.x A/AA rules and best practices); fail on any violation."""
    no_csp_violation(page, context)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: a <script> tag would be refused by the page's CSP.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = results["violations"]
    if violations:
        summary = [
            {"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in violations
        ]
        pytest.fail(f"axe-core violations on {context or page.url}:\n{json.dumps(summary, indent=2)}")


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/ for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def fits(page) -> None:
    """Fail if the page is wider than its viewport (something would be cut off on a phone)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"page is {width}px wide"


def login(page, email: str) -> None:
    """Log in through the staff login page with the demo password."""
    from infolavoro.accounts.demo import DEMO_PASSWORD

    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Accedi").click()
