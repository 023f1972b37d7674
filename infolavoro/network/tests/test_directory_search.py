"""The directory's search reads Italian as people type it (accents, plurals, stop words), ranks names above
descriptions, filters by kind and topic, paginates, and keeps a constant query count."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from infolavoro.network import search
from infolavoro.network.models import Organization, Service, TaxonomyTerm
from infolavoro.network.selectors import directory

pytestmark = pytest.mark.django_db


def test_terms_fold_accents_stem_plurals_and_drop_stop_words():
    assert search.terms("Corsi di Formazione") == search.terms("corso formazione")
    assert search.terms("lavoratori")[0] == search.terms("lavoro")[0]
    assert search.terms("Attività per l'imprenditorialità") == search.terms("attivita imprenditorialita")
    assert search.terms("di per la") == []


@pytest.fixture
def network(desk):
    term = TaxonomyTerm.objects.create(desk=desk, code="formazione", name="Corsi di formazione")
    ente = Organization.objects.create(desk=desk, name="Ente Formazione Golfo", slug="ente", kind="training_body",
                                       description="Corsi per adulti.")
    sindacato = Organization.objects.create(desk=desk, name="Camera del Lavoro", slug="cdl", kind="union",
                                            description="Tutela dei lavoratori e delle lavoratrici.")
    assoc = Organization.objects.create(desk=desk, name="Associazione Ponte", slug="ponte", kind="association",
                                        description="Accoglienza e orientamento; anche corsi di formazione.")
    corso = Service.objects.create(organization=ente, name="Corso di saldatura", slug="saldatura",
                                   description="Qualifica professionale.")
    corso.taxonomy_terms.add(term)
    Service.objects.create(organization=sindacato, name="Vertenze", slug="vertenze",
                           description="Contratti e buste paga.")
    return {"term": term, "ente": ente, "sindacato": sindacato, "assoc": assoc}


def names(hits):
    return [h.organization.name for h in hits]


def test_formazione_finds_corsi_di_formazione_ranking_names_first(desk, network):
    hits = directory(desk, text="formazione")
    assert names(hits) == ["Ente Formazione Golfo", "Associazione Ponte"]


def test_lavoro_finds_lavoratori_and_accents_do_not_matter(desk, network):
    assert names(directory(desk, text="lavoro")) == ["Camera del Lavoro"]
    assert names(directory(desk, text="LAVORATRICE")) == ["Camera del Lavoro"]
    assert names(directory(desk, text="tutéla")) == ["Camera del Lavoro"]


def test_members_matching_more_words_come_first_and_filters_combine(desk, network):
    hits = directory(desk, text="corsi saldatura")
    assert names(hits) == ["Ente Formazione Golfo", "Associazione Ponte"]
    assert [h.coverage for h in hits] == [2, 1]
    assert names(directory(desk, text="corsi", kind="association")) == ["Associazione Ponte"]
    assert names(directory(desk, topic=network["term"])) == ["Ente Formazione Golfo"]


def test_hits_list_the_services_that_match_and_suspended_members_are_not_found(desk, network):
    Service.objects.create(organization=network["ente"], name="Sportello orientamento", slug="sportello",
                           description="Colloqui individuali.")
    ente = directory(desk, text="saldatura")[0]
    assert [s.name for s in ente.services] == ["Corso di saldatura"]  # not the desk service that does not match
    by_topic = directory(desk, topic=network["term"])[0]
    assert [s.name for s in by_topic.services] == ["Corso di saldatura"]
    everything = directory(desk)
    assert {s.name for s in everything[names(everything).index("Ente Formazione Golfo")].services} == {
        "Corso di saldatura", "Sportello orientamento"}
    Organization.objects.filter(pk=network["ente"].pk).update(is_active=False)
    assert "Ente Formazione Golfo" not in names(directory(desk)) + names(directory(desk, text="saldatura"))


def test_page_keeps_the_query_and_a_constant_query_count(client, desk, network, django_assert_max_num_queries):
    for i in range(30):
        org = Organization.objects.create(desk=desk, name=f"Ente {i:02d}", slug=f"e{i}", kind="association")
        Service.objects.create(organization=org, name="Orientamento", slug="o", description="Colloqui")
    url = reverse("network:index", args=["la-spezia"])
    with django_assert_max_num_queries(10):  # 10: one counts the words' documents (common-word cap)
        response = client.get(url, {"q": "orientamento", "pagina": 2})
    content = response.content.decode()
    assert "31 soggetti trovati" in content
    assert "?q=orientamento&pagina=3#risultati" in content
    assert response.context["page"].number == 2


def test_bad_input_never_breaks_the_page(client, desk, network):
    url = reverse("network:index", args=["la-spezia"])
    assert client.get(url, {"q": "x" * 500, "tipo": "boh", "pagina": "zz"}).status_code == 200


def test_member_service_and_topic_pages(client, desk, network, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        page = client.get(reverse("network:service", args=["la-spezia", "ente", "saldatura"]))
    assert "Qualifica professionale" in page.content.decode()
    topic = client.get(reverse("network:topic", args=["la-spezia", "formazione"])).content.decode()
    assert "Corso di saldatura" in topic
    assert "Vertenze" not in topic
    assert client.get(reverse("network:topic", args=["la-spezia", "nessuno"])).status_code == 404
    assert "Corsi di formazione" in client.get(reverse("network:topics", args=["la-spezia"])).content.decode()


def test_stale_entries_are_flagged_on_the_public_page(client, desk, network):
    ente = network["ente"]
    ente.last_reviewed_at = timezone.now() - dt.timedelta(days=desk.stale_after_days + 1)
    ente.save()
    assert "Informazioni da verificare" in client.get(
        reverse("network:organization", args=["la-spezia", "ente"])).content.decode()
    ente.last_reviewed_at = timezone.now()
    ente.save()
    assert "Informazioni da verificare" not in client.get(
        reverse("network:organization", args=["la-spezia", "ente"])).content.decode()


def test_result_cards_read_both_languages_without_a_query_more(client, desk, network):
    """A result card loads only what it shows (`shown_organizations`): the English page still has the English
    description and service names, and the Italian text where there is no English, in the same queries."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    Organization.objects.filter(pk=network["ente"].pk).update(description_en="Courses for adults.")
    Service.objects.filter(slug="saldatura").update(name_en="Welding course")
    url = reverse("network:index", args=["la-spezia"])
    pages, counts = {}, {}
    for language in ("it", "en"):
        client.cookies["django_language"] = language
        client.get(url, {"q": "corsi saldatura"}, HTTP_ACCEPT_LANGUAGE=language)  # the words' counts, remembered
        cache.clear()  # not the public page cache's copy: the page built again
        with CaptureQueriesContext(connection) as queries:
            pages[language] = client.get(url, {"q": "corsi saldatura"}, HTTP_ACCEPT_LANGUAGE=language
                                         ).content.decode()
        counts[language] = len(queries)
    assert counts["en"] == counts["it"] <= 10
    assert "Courses for adults." in pages["en"]
    assert "Welding course" in pages["en"]
    assert "Accoglienza e orientamento; anche corsi di formazione." in pages["en"]  # no English: the Italian
    assert "Corsi per adulti." in pages["it"]
    assert "Corso di saldatura" in pages["it"]
