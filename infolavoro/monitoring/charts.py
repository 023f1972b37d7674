"""Charts as server-rendered SVG (matplotlib, no JavaScript). Each chart draws only published figures; its text
alternative says what it shows, and the page puts the same figures in a table beside it."""

from __future__ import annotations

import hashlib
import io
import json
import re
import threading

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .indicators import Result

PALETTE = ["#0066cc", "#00838f", "#d1344c", "#6d5b97", "#a66300", "#2e7d32", "#5c6f82", "#004d99"]
_lock = threading.Lock()  # pyplot-free figures are thread-safe, but the font cache warms up once


_fonts_added = False


def _add_fonts() -> None:
    """The theme's Titillium Web, so that matplotlib lays text out with the metrics the page uses (without it,
    each lookup warns and falls back)."""
    global _fonts_added
    if _fonts_added:
        return
    from pathlib import Path

    import bootstrap_italia_template
    from matplotlib import font_manager

    folder = Path(bootstrap_italia_template.__file__).parent / "static" / "fonts" / "Titillium_Web"
    for path in sorted(folder.glob("titillium-web-*-regular.ttf")) + sorted(folder.glob("titillium-web-*-600.ttf")):
        font_manager.fontManager.addfont(str(path))
    _fonts_added = True


def _figure(width: float = 6.4, height: float = 2.8):
    import matplotlib

    matplotlib.use("svg")
    _add_fonts()
    # Text drawn as shapes: a chart is an image, and an image cannot use the page's web fonts, so a legend laid out
    # for Titillium Web was cut off when the browser wrote it in a wider font.
    matplotlib.rcParams.update({"svg.fonttype": "path", "svg.hashsalt": "infolavoro", "font.size": 9,
                                "font.family": ["Titillium Web", "DejaVu Sans", "sans-serif"],
                                "axes.spines.top": False, "axes.spines.right": False})
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _svg(fig, uid: str) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    # Several charts share a page: make their ids unique.
    svg = re.sub(r'id="([^"]+)"', rf'id="{uid}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{uid}-\1)", svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{uid}-\1"', svg)
    svg = re.sub(r"<svg ", '<svg focusable="false" aria-hidden="true" class="il-chart" ', svg, count=1)
    svg = re.sub(r'(width|height)="[\d.]+pt"', "", svg, count=2)
    return without_inline_style(svg)


# The page's Content-Security-Policy allows no inline style: matplotlib's `style="…"` attributes and its one
# `<style>` rule become SVG presentation attributes, which draw the same and are not style.
_STYLE_ATTR = re.compile(r'\sstyle="([^"]*)"')
_STYLE_ELEMENT = re.compile(r"\s*<defs>\s*<style[^>]*>(.*?)</style>\s*</defs>", re.S)
_PROPERTY = re.compile(r"^[a-z-]+$")


def _attributes(declarations: str) -> str:
    pairs = []
    for declaration in declarations.split(";"):
        name, sep, value = declaration.partition(":")
        name, value = name.strip(), value.strip().replace('"', "'")
        if sep and _PROPERTY.match(name) and value:
            pairs.append(f' {name}="{value}"')
    return "".join(pairs)


def without_inline_style(svg: str) -> str:
    root_rules = ""
    element = _STYLE_ELEMENT.search(svg)
    if element:
        # matplotlib writes one universal rule, `*{stroke-linejoin: …; stroke-linecap: …}`: both are inherited,
        # so they go on the root element.
        root_rules = _attributes(element.group(1).strip().lstrip("*").strip("{} \n"))
        svg = svg[:element.start()] + svg[element.end():]
    svg = _STYLE_ATTR.sub(lambda m: _attributes(m.group(1)), svg)
    return svg.replace("<svg ", "<svg" + root_rules + " ", 1)


MAX_SERIES = 7


def series(result: Result) -> tuple[list[str], list[tuple[str, list[float | None]]]]:
    """What a chart draws: per row, the published value of each column (None when hidden). Rows with nothing
    published are left out (the table still lists them); beyond seven rows, the smaller ones are drawn together as
    «altri» (their published values summed: a hidden one stays out)."""
    if result.lines is not None:  # waits: the medians (per desk), at most seven lines
        return result.columns, [(line.label, line.values) for line in result.lines[::2]][:MAX_SERIES]
    if result.means is not None:
        return result.columns, [(result.indicator.name, result.means)]
    rows = [(row.label, [c.value for c in row.cells]) for row in result.rows]
    rows = [row for row in rows if any(v for v in row[1])]
    if len(rows) > MAX_SERIES:
        rows.sort(key=lambda row: -sum(v or 0 for v in row[1]))
        rest = rows[MAX_SERIES - 1:]
        rows = rows[:MAX_SERIES - 1] + [(_("altri"), [sum(values[i] or 0 for _label, values in rest)
                                                      for i in range(len(result.columns))])]
    return result.columns, rows


def describe(result: Result) -> str:
    """The text alternative: what the chart shows, in words, including its highest point."""
    columns, rows = series(result)
    if not columns or not rows:
        return _("Nessun dato nel periodo.")
    totals = [sum(v or 0 for _label, values in rows for v in [values[i]]) for i in range(len(columns))]
    peak = max(range(len(columns)), key=lambda i: totals[i])
    text = _("%(name)s, da %(first)s a %(last)s, per %(what)s.") % {
        "name": result.indicator.name, "first": columns[0], "last": columns[-1],
        "what": ", ".join(label for label, _v in rows[:6])}
    if totals[peak]:
        text += " " + _("Il valore più alto è in %(col)s.") % {"col": columns[peak]}
    if any(v is None for _l, values in rows for v in values):
        text += " " + _("Le cifre nascoste per la riservatezza non sono disegnate.")
    return text + " " + _("Le stesse cifre sono nella tabella.")


def chart(result: Result, uid: str) -> str:
    columns, rows = series(result)
    # The language too: the axis, the legend and the text alternative are in the page's language, while the
    # figures and the desks' names are the same in both.
    key = "chart:" + hashlib.sha256(json.dumps([uid, columns, rows, result.indicator.kind, get_language()]).encode()
                                    ).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = _draw(result, columns, rows, uid)
        cache.set(key, svg, 24 * 3600)
    return svg


def _draw(result: Result, columns: list[str], rows, uid: str) -> str:
    with _lock:
        fig = _figure()
    import textwrap

    from matplotlib.ticker import MaxNLocator

    ax = fig.subplots()
    x = list(range(len(columns)))
    lines = result.means is not None or result.lines is not None
    if not lines:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if lines:
        for n, (label, values) in enumerate(rows):
            ax.plot([i for i in x if values[i] is not None], [v for v in values if v is not None], marker="o",
                    color=PALETTE[n % len(PALETTE)], linewidth=2, label=textwrap.fill(str(label), 26))
        if len(rows) > 1:
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7.5)
        top = 5.2 if result.indicator.code == "satisfaction.score" else None
        if top is None and not any(v for _label, values in rows for v in values if v is not None):
            top = 1
        ax.set_ylim(bottom=0, top=top)
    else:
        bottom = [0.0] * len(columns)
        for n, (label, values) in enumerate(rows):
            heights = [v or 0 for v in values]
            ax.bar(x, heights, bottom=bottom, label=textwrap.fill(str(label), 26), color=PALETTE[n % len(PALETTE)],
                   width=0.8)
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        if len(rows) > 1:
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7.5)
        if not any(bottom):
            ax.set_ylim(0, 1)  # nothing to draw: an empty axis from zero, not ±0.04
    step = max(1, len(columns) // 12)
    ax.set_xticks(x[::step], columns[::step], rotation=45 if len(columns) > 6 else 0, ha="right"
                  if len(columns) > 6 else "center")
    ax.set_ylabel(result.indicator.unit)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    return _svg(fig, uid)
