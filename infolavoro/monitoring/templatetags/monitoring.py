from django import template
from django.utils.formats import number_format

from infolavoro.monitoring.tables import grid

register = template.Library()


def _text(value) -> str:
    if isinstance(value, (bool, str)):
        return str(value)
    if isinstance(value, float):
        return number_format(value, 1)
    return number_format(value, force_grouping=True)


@register.inclusion_tag("monitoring/includes/table.html")
def result_table(result, uid: str = "", compare: bool = False):
    """The figures of a result as an accessible table (the same rows as the CSV and the API); `compare` names
    the desks-side-by-side copy apart, so that no two tables on a page share a name."""
    header, rows = grid(result)
    return {"result": result, "header": header[1:], "uid": uid, "compare": compare,
            "rows": [(row[0], [_text(v) for v in row[1:]]) for row in rows]}
