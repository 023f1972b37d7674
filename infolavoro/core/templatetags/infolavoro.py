"""Template helpers shared by every app."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from infolavoro.core.validators import format_phone_number, phone_number_uri

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_item(context: template.Context, url: str, label: str, exact: bool = False) -> str:
    """A Bootstrap Italia navbar item, marked as current for the page (and its sub-pages unless exact)."""
    path = context["request"].path
    current = path == url if exact else path.startswith(url)
    if current:
        return format_html(
            '<li class="nav-item"><a class="nav-link active" href="{}" aria-current="page"><span>{}</span></a></li>',
            url,
            label,
        )
    return format_html('<li class="nav-item"><a class="nav-link" href="{}"><span>{}</span></a></li>', url, label)


@register.filter
def long_date(value, with_time: bool = False) -> str:
    """`{{ day|long_date }}` → "mercoledì 9 dicembre 2026"; `{{ start|long_date:True }}` adds the time
    (convert aware datetimes to the desk's zone first, e.g. with the `timezone` filter)."""
    from infolavoro.core.dates import long_date as fmt

    return fmt(value, with_time) if value else ""


@register.filter
def date_text(value, fmt: str = "l j F Y") -> str:
    """`{{ day|date_text:"j F Y" }}` → "9 dicembre 2026": like `date`, with Italian names in lower case."""
    from infolavoro.core.dates import date_text as fmt_date

    return fmt_date(value, fmt) if value else ""


@register.filter
def phone(value: str) -> str:
    return format_phone_number(value) if value else ""


@register.filter
def phone_uri(value: str) -> str:
    return phone_number_uri(value) if value else ""


@register.inclusion_tag("includes/field.html")
def field(bound_field, help_text: str = "") -> dict:
    """A form field in Bootstrap Italia markup, with its errors tied to it for screen readers."""
    widget = bound_field.field.widget
    input_type = getattr(widget, "input_type", "")
    if input_type == "checkbox":
        css = "form-check-input"
    elif input_type == "select" or widget.__class__.__name__.endswith("Select"):
        css = "form-select"
    else:
        css = "form-control"
    attrs = {"class": css}
    described = []
    help_text = help_text or bound_field.help_text
    if help_text:
        described.append(f"{bound_field.auto_id}-help")
    if bound_field.errors:
        attrs["class"] += " is-invalid"
        attrs["aria-invalid"] = "true"
        described.append(f"{bound_field.auto_id}-error")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return {
        "field": bound_field,
        "widget_html": bound_field.as_widget(attrs=attrs),
        "is_checkbox": input_type == "checkbox",
        "help_text": help_text,
    }


@register.simple_tag(takes_context=True)
def staff_menu(context: template.Context):
    """`{% staff_menu as menu %}`: the staff area's menu for this user and page (core/staff_nav.py)."""
    from infolavoro.core.staff_nav import staff_menu as build

    return build(context["request"])


@register.filter
def translated(obj, field_name: str) -> str:
    """`{{ service|translated:"audience" }}`: a text staff entered in Italian and, optionally, in English
    (django-modeltranslation), as the page's language shows it. On English pages the English version when there
    is one, otherwise the Italian one inside `<span lang="it">` so that screen readers pronounce it as Italian.
    Escaped; an untranslated field is shown as it is."""
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language

    if obj is None:
        return ""
    italian_attr = f"{field_name}_it"
    if not hasattr(obj, italian_attr):
        return conditional_escape(getattr(obj, field_name, "") or "")
    if not (get_language() or "it").startswith("en"):
        return conditional_escape(getattr(obj, field_name) or "")
    english = getattr(obj, f"{field_name}_en", None)
    if english:
        return conditional_escape(english)
    italian = getattr(obj, italian_attr) or ""
    return format_html('<span lang="it">{}</span>', italian) if italian else mark_safe("")


@register.filter
def language_names(codes) -> str:
    """`{{ service.languages|language_names }}`: ISO 639-1 codes ("it", "ar") as names in the page's language
    ("italiano, arabo" / "Italian, Arabic"), from Django's own list; a code it does not know stays as written."""
    from django.utils.translation import get_language, get_language_info

    italian = (get_language() or "it").startswith("it")  # Italian writes language names in lower case
    names = []
    for code in codes or ():
        try:
            name = str(get_language_info(str(code).strip().lower())["name_translated"])
        except KeyError:
            names.append(str(code).strip().upper())
            continue
        names.append(name[:1].lower() + name[1:] if italian else name)
    return ", ".join(names)
