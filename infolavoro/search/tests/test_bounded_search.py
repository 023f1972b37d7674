"""Common words (issue 13): a word matching more documents than the cap only ranks the candidates found by the
other words; a query of common words only ranks a bounded set found in names and keywords first. The ranking
rule is unchanged, the count says "more than" and the number of queries does not grow with the network."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from infolavoro.network.models import Organization, Service
from infolavoro.network.selectors import directory
from infolavoro.search import engines

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _low_cap(settings):
    settings.SEARCH_COMMON_TERM_CAP = 3
    engines.forget_frequencies()
    yield
    engines.forget_frequencies()


def member(desk, name, description="", service=""):
    org = Organization.objects.create(desk=desk, name=name, slug=name.lower().replace(" ", "-"),
                                      kind="association", description=description)
    if service:
        Service.objects.create(organization=org, name=service, slug="s", description="Un servizio.")
    return org


@pytest.fixture
def network(desk):
    for i in range(6):
        member(desk, f"Associazione {i}", "Ci occupiamo di lavoro e di formazione.")
    member(desk, "Lavoro Sicuro", "Sportello.")
    member(desk, "Omega", "Aiutiamo nel lavoro.", service="Corso di saldatura")
    member(desk, "Alfa", "Ci occupiamo di saldatura.")
    return desk


def slugs(hits, n=20):
    return [h.organization.slug for h in hits[:n]]


def test_a_common_word_only_ranks_what_the_selective_words_found(network):
    hits = directory(network, text="lavoro saldatura")
    # "lavoro" is in 8 members (over the cap of 3): only the two "saldatura" members are candidates, and the
    # one with both words comes first, as before.
    assert slugs(hits) == ["omega", "alfa"]
    assert hits.result.approximate is True
    assert hits.result.not_found == []


def test_a_query_of_common_words_only_still_answers_names_first(network):
    hits = directory(network, text="lavoro")
    assert hits.result.approximate is True
    assert slugs(hits, 1) == ["lavoro-sicuro"]  # the candidates: members naming the word


def test_a_common_word_found_only_in_descriptions_still_answers(network):
    hits = directory(network, text="formazione")  # 6 descriptions, no name nor service: anywhere, bounded
    assert hits.result.approximate is True
    assert len(hits) == 6
    assert all(s.startswith("associazione-") for s in slugs(hits))


def test_selective_words_give_the_exact_answer(network):
    hits = directory(network, text="saldatura")
    assert hits.result.approximate is False
    assert hits.total == 2
    assert slugs(hits) == ["omega", "alfa"]  # a service's name (keywords) before a description


def test_the_page_says_more_than_when_the_count_is_approximate(network, client):
    url = reverse("network:index", args=[network.slug])
    page = client.get(url, {"q": "lavoro"}).content.decode()
    assert "Più di" in page
    assert "soggetti trovati" in page
    exact = client.get(url, {"q": "saldatura"}).content.decode()
    assert "2 soggetti trovati" in exact
    assert "Più di" not in exact


def test_the_installation_page_says_more_than_too(network, client):
    page = client.get(reverse("network_installation"), {"q": "lavoro"}).content.decode()
    assert "Più di" in page


def test_word_counts_are_remembered_and_queries_do_not_grow_with_the_network(network):
    def queries(text):
        with CaptureQueriesContext(connection) as captured:
            slugs(directory(network, text=text), 12)
        return len(captured)

    queries("lavoro saldatura")  # caches warm (synonyms)
    engines.forget_frequencies()
    first = queries("lavoro saldatura")
    assert queries("lavoro saldatura") == first - 1  # the words' counts remembered: one query fewer
    for i in range(30):  # indexing forgets the counts
        member(network, f"Cooperativa {i}", "Lavoro e saldatura.")
    assert queries("lavoro saldatura") == first
    assert directory(network, text="lavoro saldatura").result.approximate is True


def test_the_remembered_word_counts_stay_bounded(network, monkeypatch):
    monkeypatch.setattr(engines, "MAX_REMEMBERED", 3)
    from infolavoro.network.search import KIND

    engine = engines.engine()
    words = ["alfa", "omega", "sicuro", "corso", "sportello"]
    for word in words:
        engine._frequencies([engines.Term(word, ((word,),))], KIND, network.pk)
        assert 1 <= len(engines._frequencies) <= 4  # cleared past the bound, then the new word kept
    assert (connection.vendor, KIND, network.pk, (("sportello",),)) in engines._frequencies


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own statistics of the words")
def test_the_installation_skips_counting_a_word_the_statistics_show_common(network):
    """Across the installation, PostgreSQL's statistics (ANALYZE, which autovacuum runs) tell that «lavoro» is in
    far more documents than the cap: it is not counted (a count scans its whole posting list), the rarer word
    still is, and the answer is the same as with both counted."""
    for i in range(20):
        member(network, f"Cooperativa {i}", "Lavoro per tutti.")
    engines._WordStatistics.expires = 0.0
    counted = slugs(directory(None, text="lavoro saldatura"))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_document")
    engines.forget_frequencies()
    engines._WordStatistics.expires = 0.0
    from infolavoro.network.search import KIND

    assert engines._WordStatistics.at_least("lavor", KIND) > engines.COMMON_MARGIN * 3  # 28 of 29 documents
    assert engines._WordStatistics.at_least("xyzzy", KIND) == 0.0
    with CaptureQueriesContext(connection) as captured:
        assert slugs(directory(None, text="lavoro saldatura")) == counted == ["omega", "alfa"]
    counts = [q["sql"] for q in captured.captured_queries if "SELECT COUNT(*) FROM (SELECT 1" in q["sql"]]
    assert len(counts) == 1
    assert "saldatur" in counts[0]
    assert "lavor" not in counts[0]
    # and no parallel worker is started for a search (set around its queries, then the server's setting again)
    sql = [q["sql"] for q in captured.captured_queries]
    assert "SET max_parallel_workers_per_gather = 0" in sql
    assert "RESET max_parallel_workers_per_gather" in sql
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] != "0"
