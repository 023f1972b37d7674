from django import template
from django.utils.formats import number_format
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from infolavoro.monitoring.tables import grid

register = template.Library()


def _text(value) -> str:
    if isinstance(value, (bool, str)):
        return str(value)
    if isinstance(value, float):
        return number_format(value, 1)
    return number_format(value, force_grouping=True)


def formatter():
    """`_text` for the active language, with the separators looked up once per table rather than once per cell
    (thousands of cells on a page of twenty desks). Same output; anything unusual goes through `_text`."""
    from django.utils.formats import get_format

    thousands = get_format("THOUSAND_SEPARATOR")
    if get_format("NUMBER_GROUPING") != 3:
        return _text

    def text(value) -> str:
        if isinstance(value, str):
            return value
        if type(value) is int:
            return f"{value:,}".replace(",", thousands)
        return _text(value)  # floats: Django cuts (not rounds) the decimals, left to it

    return text


@register.simple_tag
def result_table(result, uid: str = "", compare: bool = False) -> SafeString:
    """The figures of a result as an accessible table (the same rows as the CSV and the API). Built here rather than
    by template loops: a page of twenty desks has thousands of cells, and the template engine spent more on them
    than the database on the figures. Every text is escaped."""
    header, rows = grid(result)
    name = result.indicator.name
    label = _("Tabella: %(name)s") % {"name": conditional_escape(name)}
    if uid[:4] == "cmp-":
        label += " – " + conditional_escape(_("per sportello"))
    # The translated caption contains «&lt;»: its variables are escaped, the text is the catalogue's.
    caption = _("%(name)s, per %(grain)s. «&lt; %(t)s»: meno di %(t)s; «ris.»: nascosto perché non si possa "
                "ricavare una cifra piccola.") % {"name": conditional_escape(name),
                                                   "grain": conditional_escape(result.period.grain_label),
                                                   "t": conditional_escape(result.threshold)}
    head = "".join(f'<th scope="col" class="text-end">{escape(h)}</th>' for h in header[1:])
    text = formatter()
    body = "".join(
        f'<tr><th scope="row">{escape(row[0])}</th>'
        + "".join(f'<td class="text-end">{escape(text(v))}</td>' for v in row[1:]) + "</tr>"
        for row in rows)
    return format_html(
        '<div class="table-responsive il-table" tabindex="0" role="region" aria-label="{}">\n'
        '<table class="table table-sm small">\n  <caption class="small"><span class="il-caption">{}</span></caption>\n'
        "  <thead><tr><td></td>{}</tr></thead>\n  <tbody>{}</tbody>\n</table></div>",
        mark_safe(label), mark_safe(caption), mark_safe(head), mark_safe(body))  # noqa: S308 - escaped above
