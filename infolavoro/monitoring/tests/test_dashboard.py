"""The dashboard, exports, report and open data: who sees them, bad input, and that no small group leaks."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zoneinfo

import pytest
from openpyxl import load_workbook

from conftest import make_user
from infolavoro.accounts.models import Role, RoleAssignment
from infolavoro.core.tests.tagged_pdf import assert_tagged_pdf, figure_alternatives
from infolavoro.monitoring import populations as pop
from infolavoro.monitoring import services
from infolavoro.monitoring.indicators import REGISTRY
from infolavoro.notifications.models import OutboxMessage

ROME = zoneinfo.ZoneInfo("Europe/Rome")
QUERY = "?start=2026-01-01&end=2026-06-30&grain=month"


def at(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(10), tzinfo=ROME)


@pytest.fixture
def population(desk):
    """14 young people and 3 older ones in March; one reason typed as a formula; 3 walk-ins in April."""
    young = pop.citizens(desk, 14, age_band="under_25", employment_status="unemployed")
    old = pop.citizens(desk, 3, age_band="65_plus", employment_status="inactive")
    pop.consultations(young[:8], at("2026-03-03"), reason="=HYPERLINK(\"http://x\")")
    pop.consultations(young[8:] + old, at("2026-03-04"), reason="Curriculum")
    pop.bookings(desk, [at("2026-03-03")] * 12)
    pop.bookings(desk, [at("2026-04-07")] * 3, walk_in=True)
    return young + old


@pytest.mark.parametrize(("role", "status"), [
    (None, 404), (Role.DESK_OPERATOR, 404), (Role.MEMBER_EDITOR, 404), (Role.MONITORING_VIEWER, 200),
    (Role.DESK_ADMIN, 200),
])
def test_who_sees_the_dashboard(client, desk, organization, role, status):
    user = make_user("u@example.org", role, desk, organization if role == Role.MEMBER_EDITOR else None)
    client.force_login(user)
    assert client.get("/monitoraggio/" + QUERY).status_code == status
    assert client.get("/monitoraggio/esporta/tutto.csv" + QUERY).status_code == status


def test_anonymous_is_sent_to_login(client):
    response = client.get("/monitoraggio/")
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_viewer_sees_figures_never_people(client, desk, monitoring_viewer, population):
    client.force_login(monitoring_viewer)
    page = client.get("/monitoraggio/" + QUERY).content.decode()
    assert "Prova" not in page  # no surname ever
    assert 'src="/monitoraggio/grafico/access.appointments.svg?' in page
    assert "<table" in page
    # The Content-Security-Policy allows no inline style: neither the page nor its charts use one (matplotlib's
    # styles become SVG presentation attributes).
    assert "<style" not in page
    assert not re.search(r"\sstyle=", page)
    src = re.search(r'src="(/monitoraggio/grafico/access\.appointments\.svg\?[^"]+)"', page).group(1)
    svg = client.get(src.replace("&amp;", "&")).content.decode()
    assert svg.lstrip().startswith("<svg")
    assert "<style" not in svg
    assert not re.search(r"\sstyle=", svg)
    assert 'fill="#0066cc"' in svg
    assert "&lt; 5" in page  # the 3 older people and the 3 walk-ins
    # and the personal pages stay closed to the viewer
    assert client.get(f"/{desk.slug}/sportello/").status_code == 404


def test_nothing_under_the_threshold_in_any_export(client, desk, desk_admin, population):
    client.force_login(desk_admin)
    for grain in ("week", "month", "quarter", "year"):
        query = f"?start=2026-01-01&end=2026-06-30&grain={grain}"
        text = client.get("/monitoraggio/esporta/tutto.csv" + query).content.decode("utf-8-sig")
        for row in csv.reader(io.StringIO(text), delimiter=";"):
            if row and row[0] in ("giorni", "%", "punti su 5"):
                continue  # averages and percentages, not counts
            for value in row[1:]:
                if value.isdigit():
                    assert not 0 < int(value) < 5, (grain, row)
        book = load_workbook(io.BytesIO(client.get("/monitoraggio/esporta/tutto.xlsx" + query).content))
        rates = {code.replace(".", " ")[:31] for code, i in REGISTRY.items() if i.kind in ("mean", "share")}
        for sheet in book.worksheets:
            if sheet.title in rates:
                continue  # averages and percentages, not counts
            for row in sheet.iter_rows(min_row=4, values_only=True):
                for value in row[1:]:
                    assert not (isinstance(value, int) and 0 < value < 5), (grain, sheet.title, row)


def test_a_desk_threshold_above_five_hides_more(client, desk, desk_admin, population):
    desk.min_cell_size = 10
    desk.save(update_fields=["min_cell_size"])
    client.force_login(desk_admin)
    page = client.get("/monitoraggio/" + QUERY).content.decode()
    assert "&lt; 10" in page


def test_formulas_are_neutralised_in_exports(client, desk, desk_admin, population):
    client.force_login(desk_admin)
    text = client.get("/monitoraggio/esporta/service.consultations_by_reason.csv" + QUERY).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert ";=HYPERLINK" not in text
    assert "\n=HYPERLINK" not in text
    book = load_workbook(io.BytesIO(client.get(
        "/monitoraggio/esporta/service.consultations_by_reason.xlsx" + QUERY).content))
    labels = [row[0] for row in book.worksheets[0].iter_rows(values_only=True)]
    assert "'=HYPERLINK(\"http://x\")" in labels


@pytest.mark.parametrize(("query", "message"), [
    ("?start=2026-06-01&end=2026-01-01&grain=month", "finisce prima di cominciare"),
    ("?start=9999-01-01&end=9999-12-31&grain=month", "tra il 2000 e il 2100"),
    ("?start=ieri&end=2026-01-01&grain=month", "data valida"),
    ("?start=2026-01-01%00x&end=2026-01-31&grain=month", "data valida"),  # NUL stripped site-wide, the rest kept
    ("?start=2000-01-01&end=2026-12-31&grain=week", "Troppe colonne"),
    ("?start=2026-01-01&end=2026-01-31&grain=month&desk=sarzana", "Non puoi vedere"),
])
def test_bad_input_is_explained_and_kept(client, desk, other_desk, desk_admin, query, message):
    client.force_login(desk_admin)
    response = client.get("/monitoraggio/" + query)
    assert response.status_code == 200
    assert message in response.content.decode()
    export = client.get("/monitoraggio/esporta/tutto.csv" + query)
    assert export.status_code == 400


def test_a_period_with_no_data(client, desk, desk_admin):
    client.force_login(desk_admin)
    response = client.get("/monitoraggio/?start=2030-01-01&end=2030-03-31&grain=month")
    assert response.status_code == 200
    assert "Nessun dato nel periodo" in response.content.decode() or "0" in response.content.decode()


def test_region_compares_desks_side_by_side(client, desk, other_desk, population):
    viewer = make_user("regione@example.org", Role.MONITORING_VIEWER, desk)
    RoleAssignment.objects.create(user=viewer, role=Role.MONITORING_VIEWER, desk=other_desk)
    pop.bookings(other_desk, [at("2026-03-10")] * 9)
    client.force_login(viewer)
    page = client.get("/monitoraggio/" + QUERY).content.decode()
    assert "Gli sportelli a confronto" in page
    assert "Sarzana" in page
    assert "La Spezia" in page
    text = client.get("/monitoraggio/esporta/confronto.csv" + QUERY).content.decode("utf-8-sig")
    assert "Sarzana" in text


def test_dashboard_queries_do_not_grow_with_the_period(client, desk, desk_admin, population,
                                                       django_assert_max_num_queries):
    client.force_login(desk_admin)
    client.get("/monitoraggio/" + QUERY)  # the session
    # at most three per indicator (coverage once per request, grouped counts, distinct people per column) and the
    # page's own (session, user, desks): however long the period
    limit = 3 * len(REGISTRY) + 10
    with django_assert_max_num_queries(limit):
        client.get("/monitoraggio/?start=2025-10-01&end=2026-03-31&grain=quarter")
    with django_assert_max_num_queries(limit):
        client.get("/monitoraggio/?start=2022-01-01&end=2026-06-30&grain=quarter")


def test_monthly_report_is_queued_once_to_admins_and_viewers(desk, desk_admin, monitoring_viewer, operator,
                                                             population):
    now = dt.datetime(2026, 4, 1, 6, tzinfo=dt.UTC)
    assert services.send_monthly_reports(now) == 1
    assert services.send_monthly_reports(now) == 0
    message = OutboxMessage.objects.get(template="monitoring/email/monthly_report.txt")
    assert sorted(message.to) == sorted([desk_admin.email, monitoring_viewer.email])
    attachment = message.attachments.get()
    assert bytes(attachment.content).startswith(b"%PDF")
    assert_tagged_pdf(bytes(attachment.content), lang="it", title="InfoLavoro La Spezia – monitoraggio di")
    charts = figure_alternatives(bytes(attachment.content))
    assert charts
    assert None not in charts
    assert attachment.filename == "infolavoro-la-spezia-2026-03.pdf"


def test_open_data_is_suppressed_and_licensed(client, desk, population, settings):
    response = client.get(f"/api/v1/desks/{desk.slug}/open-data/monthly?year=2026")
    assert response.status_code == 200
    data = response.json()
    assert data["licence"] == "CC-BY-4.0"
    walk_ins = next(i for i in data["indicators"] if i["code"] == "access.walk_ins")
    for row in walk_ins["rows"]:
        assert all(not (isinstance(v, int) and 0 < v < 5) for v in row["values"])
    assert client.get(f"/api/v1/desks/{desk.slug}/open-data/monthly?format=csv").status_code == 200
    assert "/open-data/monthly" in client.get("/api/openapi.json").content.decode()
    assert client.get("/api/v1/desks/nessuno/open-data/monthly").status_code == 404


def test_charts_are_images_drawn_apart_from_the_page(client, desk, monitoring_viewer, population):
    """The page carries the figures, tables and text alternatives; each chart is an SVG image of its own."""
    client.force_login(monitoring_viewer)
    page = client.get("/monitoraggio/" + QUERY).content.decode()
    assert "<svg focusable" not in page  # no chart drawn inline
    response = client.get("/monitoraggio/grafico/access.appointments.svg" + QUERY)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert response.content.startswith(b"<svg")
    assert b'xmlns="http://www.w3.org/2000/svg"' in response.content
    # an indicator without a chart, or a bad period: not found, never a 500
    assert client.get("/monitoraggio/grafico/people.cpi.svg" + QUERY).status_code == 404
    # the desks' comparison draws its own charts, walk-ins included
    assert client.get("/monitoraggio/grafico/access.walk_ins.svg" + QUERY + "&confronto=1").status_code == 200
    assert client.get("/monitoraggio/grafico/access.appointments.svg?start=2026-05-01&end=2026-01-01"
                      ).status_code == 404


def test_a_chart_writes_its_text_as_shapes_and_travels_compressed(client, desk, monitoring_viewer, population):
    """An image cannot use the page's web fonts: the legend, axis and labels are drawn as Titillium Web's shapes,
    so they fit whatever fonts the viewer has; the larger drawing is sent compressed."""
    import gzip

    client.force_login(monitoring_viewer)
    url = "/monitoraggio/grafico/access.appointments.svg" + QUERY + "&confronto=1"
    plain = client.get(url).content.decode()
    assert "<text" not in plain
    assert "TitilliumWeb-Regular" in plain  # the glyphs' shapes, each defined once
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content).decode() == plain
    assert len(packed.content) < len(plain) / 3


def test_a_chart_drawn_for_an_italian_page_is_not_served_to_an_english_one(client, desk, other_desk, population):
    """The desks' comparison has the same rows in both languages (the desks' names): the cached drawing is kept
    per language, so the English page gets English axis, legend and text alternative."""
    from infolavoro.accounts.models import Role, RoleAssignment, User

    viewer = User.objects.create_user(email="regione.lingua@example.org", password="x" * 16)
    for each in (desk, other_desk):
        RoleAssignment.objects.create(user=viewer, role=Role.MONITORING_VIEWER, desk=each)
    client.force_login(viewer)
    url = "/monitoraggio/grafico/access.appointments.svg" + QUERY + "&confronto=1"
    italian = client.get(url, HTTP_ACCEPT_LANGUAGE="it").content.decode()
    client.cookies["django_language"] = "en"
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "appuntamenti" in italian
    assert "appointments" in english
    assert "appuntamenti" not in english



def test_stored_figures_are_read_in_a_few_queries_not_one_per_indicator(client, desk, desk_admin, population,
                                                                       django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from infolavoro.monitoring.indicators import refresh_figures

    refresh_figures([desk], dt.date(2027, 1, 15))  # the whole canonical year 2026 closed and stored
    client.force_login(desk_admin)
    client.get("/monitoraggio/" + QUERY)  # the session
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/monitoraggio/" + QUERY).status_code == 200
    stored = [q["sql"] for q in ctx.captured_queries if "monitoring_figure\"" in q["sql"]]
    # one per grain and range (the counts' canonical year, the means' period), not one per indicator
    assert 1 <= len(stored) <= 3
    # nothing counted live: the period is closed; the page's own, the coverage and the two snapshot indicators
    # session, user, roles, desks (twice), coverage, stored figures, the two end-of-period snapshots: 10, for
    # about forty indicators
    assert len(ctx.captured_queries) <= 10 < len(REGISTRY)


@pytest.mark.parametrize("language", ["it", "en"])
def test_table_figures_read_the_same_as_django_formats_them(language):
    from django.utils import translation

    from infolavoro.monitoring.templatetags.monitoring import _text, formatter

    with translation.override(language):
        text = formatter()
        values = [0, 7, 999, 1000, 12345, 1234567, -4200, 0.0, 2.5, 3.75, 1234.56, -0.04, True, "ris.", "< 5", "–"]
        assert [text(v) for v in values] == [_text(v) for v in values]
