"""The four queries of issue 13, stop words, synonyms, typos, and what the page says about them. The same tests
run on SQLite (FTS5) and on PostgreSQL (tsvector + pg_trgm): CI runs the suite on both."""

import pytest
from django.urls import reverse

from infolavoro.network.selectors import directory

pytestmark = pytest.mark.django_db


def slugs(hits, n=5):
    return [h.organization.slug for h in hits[:n]]


def test_ho_perso_il_lavoro_finds_unemployment_help(demo):
    hits = directory(demo, text="ho perso il lavoro")
    assert "sindacato-autonomo-lavoratori-del-golfo" in slugs(hits, 3)  # "Domanda di NASpI"
    assert hits.result.terms[0].label == "perso lavoro"


def test_a_typo_is_corrected_and_said(demo, client):
    hits = directory(demo, text="curriculm")
    assert hits.result.corrected == {"curriculm": "curriculum"}
    assert hits.result.understood == "curriculum"
    assert "informagiovani-della-spezia" in slugs(hits, 3)
    page = client.get(reverse("network:index", args=[demo.slug]), {"q": "curriculm"}).content.decode()
    assert "Risultati per" in page
    assert "<em class=\"fw-semibold\">curriculum</em>" in page


def test_badante_and_cv_are_understood_through_the_desks_synonyms(demo):
    assert slugs(directory(demo, text="badante"), 1) == ["centro-studi-lunigiana-lavoro"]  # OSS course
    assert set(slugs(directory(demo, text="CV"), 2)) == {"giovani-al-centro-aps", "informagiovani-della-spezia"}


def test_words_not_found_do_not_empty_the_result_and_are_named(demo, client):
    # "patentino per il carrello elevatore", "mezzi di sollevamento": the port logistics course
    assert slugs(directory(demo, text="patente muletto"), 1) == ["ente-formazione-golfo-dei-poeti"]
    hits = directory(demo, text="muletto zqzqzq")
    assert slugs(hits, 1) == ["ente-formazione-golfo-dei-poeti"]
    assert hits.result.not_found == ["zqzqzq"]
    page = client.get(reverse("network:index", args=[demo.slug]), {"q": "muletto zqzqzq"}).content.decode()
    assert "Parole non trovate:" in page
    assert "<s>zqzqzq</s>" in page


def test_more_words_matched_rank_first_and_a_name_beats_a_description(desk):
    from infolavoro.network.models import Organization, Service

    Organization.objects.create(desk=desk, name="Alfa", slug="alfa", kind="association",
                                description="Ci occupiamo di saldatura.")
    Organization.objects.create(desk=desk, name="Saldatura Zeta", slug="zeta", kind="association")
    both = Organization.objects.create(desk=desk, name="Omega", slug="omega", kind="association")
    Service.objects.create(organization=both, name="Corso di saldatura navale", slug="c", description="Navi.")
    assert slugs(directory(desk, text="saldatura navale")) == ["omega", "zeta", "alfa"]
    assert slugs(directory(desk, text="saldatura")) == ["zeta", "omega", "alfa"]


def test_stop_words_only_lists_everyone_and_the_empty_result_suggests_topics_and_phone(demo, client):
    url = reverse("network:index", args=[demo.slug])
    everyone = directory(demo)
    assert len(directory(demo, text="vorrei cerco un ho mi")) == len(everyone) == 33
    page = client.get(url, {"q": "zzzqqq xxyyww"}).content.decode()
    assert "Nessun soggetto corrisponde" in page
    assert "Di cosa hai bisogno?" in page
    assert reverse("network:topic", args=[demo.slug, "orientamento"]) in page
    assert "tel:" in page


@pytest.mark.parametrize("typed", [
    "x" * 1000, "!!!???...", '"', '"lavoro', "corsi*", "* OR *", "NEAR(corsi formazione)", "title: lavoro",
    "lavoro:*A & !", "corsi\x00formazione", "💼 lavoro 🇮🇹", "'; DROP TABLE search_document; --", "{title}:x",
    "a" * 60 + " " + "é" * 50, " ".join(["lavoro"] * 200),
])
def test_bad_input_gets_an_answer_never_an_error(organization, client, typed):
    desk = organization.desk
    response = client.get(reverse("network:index", args=[desk.slug]), {"q": typed})
    assert response.status_code == 200
    assert response.context["form"]["q"].value() == typed.replace("\x00", "") or "\x00" in typed  # kept
    directory(desk, text=typed)[:12]  # the selector itself never raises either


def test_the_page_keeps_a_constant_query_count(demo, client, django_assert_max_num_queries):
    url = reverse("network:index", args=[demo.slug])
    client.get(url, {"q": "corsi"})  # caches warm (synonyms)
    for typed in ["corsi", "corsi di formazione per stranieri giovani", "curriculm"]:
        # 13: a search (and its corrected re-run) first counts its words' documents, up to the common-word cap
        # (remembered five minutes); the number never grows with the network.
        with django_assert_max_num_queries(13):
            assert client.get(url, {"q": typed}).status_code == 200
