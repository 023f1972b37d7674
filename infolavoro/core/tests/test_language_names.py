"""A service's languages read as names in the page's language, not as ISO codes ("IT, AR")."""

from django.template import Context, Template
from django.utils import translation


def render(codes) -> str:
    return Template("{% load infolavoro %}{{ codes|language_names }}").render(Context({"codes": codes}))


def test_codes_become_names_in_the_pages_language():
    with translation.override("it"):
        assert render(["it", "ar", "uk"]) == "italiano, arabo, ucraino"
    with translation.override("en"):
        assert render(["it", "ar", "uk"]) == "Italian, Arabic, Ukrainian"


def test_an_unknown_code_stays_as_written_and_nothing_is_empty():
    with translation.override("it"):
        assert render(["xx", " EN "]) == "XX, inglese"
        assert render([]) == ""
        assert render(None) == ""
    with translation.override("en"):
        assert render(["<b>"]) == "&lt;B&gt;"  # escaped like any text
