"""Bootstrap Italia's fonts are served from this site's static files and used: Titillium Web for the interface,
Lora for card text (the theme's choice), Roboto Mono available; no Content-Security-Policy violation."""

import pytest

from tests_browser.conftest import axe, screenshot

pytestmark = pytest.mark.browser

LOADED = "Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, ''))"


@pytest.mark.parametrize("viewport", ["browser_page", "phone_page"])
def test_theme_fonts_are_loaded_and_used_by_cards(request, viewport, demo_desk, live_server):
    page = request.getfixturevalue(viewport)
    fonts = []
    page.on("response", lambda r: fonts.append((r.url, r.status)) if "/static/fonts/" in r.url else None)
    page.goto("/la-spezia/rete/")
    page.wait_for_load_state("load")
    page.evaluate("async () => { await document.fonts.ready; }")
    assert page.evaluate("""document.fonts.check('16px "Titillium Web"')""")
    loaded = set(page.evaluate(LOADED))
    assert {"Titillium Web", "Lora"} <= loaded, loaded
    assert fonts  # the font files were requested...
    assert all(url.startswith(live_server.url) and status == 200 for url, status in fonts), fonts  # ...here
    card = page.locator(".card .card-body").first
    title_font = card.locator(".card-title").evaluate("el => getComputedStyle(el).fontFamily")
    text_font = card.locator(".card-text").first.evaluate("el => getComputedStyle(el).fontFamily")
    assert title_font.split(",")[0].strip('" ') == "Titillium Web"
    assert text_font.split(",")[0].strip('" ') == "Lora"
    assert page.evaluate("""document.fonts.check('16px "Lora"')""")
    assert page.evaluate("""async () => (await document.fonts.load('16px "Roboto Mono"')).length > 0""")
    axe(page)  # also fails on any CSP violation
    screenshot(page, f"fonts-network-{viewport}")
