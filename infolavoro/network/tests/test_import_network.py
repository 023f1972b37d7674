"""import_network: HSDS ZIP and spreadsheet template, round trips, all or nothing, bad input in Italian."""

import datetime as dt
import io
import zipfile

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from infolavoro.network import demo, importer, services, tabular, template
from infolavoro.network.models import Location, Organization, Schedule, Service, TrainingOpportunity

pytestmark = pytest.mark.django_db


def normalized(desk):
    """The desk's HSDS tables with every id replaced by the name (or code) of what it points to."""
    tables = tabular.rows(desk)
    names = {}
    for table in ("organizations", "services", "locations", "contacts", "taxonomy_terms"):
        for row in tables[table]:
            names[row["id"]] = row.get("code") or row["name"]
    out = {}
    for table, rows in tables.items():
        if table not in tabular.TABLES:  # translations.csv: compared by its own test
            continue
        out[table] = sorted(
            tuple((column, str(names.get(row.get(column)) if column == "id" or column.endswith("_id")
                               else row.get(column)))
                  for column in tabular.TABLES[table] if column != "last_modified")
            for row in rows)
    return out


def import_bytes(desk, name, data, **options):
    return services.import_network(desk, importer.read_upload(name, data), None, **options)


def test_hsds_round_trip_gives_the_same_directory(desk, other_desk):
    demo.load(desk)
    before = Organization.objects.filter(desk=desk).count()
    report = import_bytes(other_desk, "rete.zip", tabular.zip_bytes(desk))
    assert report.applied
    assert report.rejected == []
    assert report.created["soggetti"] == 33
    assert normalized(other_desk) == normalized(desk)
    assert Organization.objects.filter(desk=desk).count() == before  # the source desk is untouched
    # Importing the same file again changes nothing.
    again = import_bytes(other_desk, "rete.zip", tabular.zip_bytes(desk))
    assert (again.created, again.updated) == ({}, {})


def test_template_round_trip_through_xlsx(desk, other_desk):
    demo.load(desk)
    sheets = template.sheets(desk)
    report = import_bytes(other_desk, "rete.xlsx", template.workbook_bytes(sheets))
    assert report.applied
    assert report.created["corsi"] == len(sheets["corsi"])
    assert template.sheets(other_desk) == sheets


def test_demo_network_keeps_its_33_members_and_is_plausible(desk):
    monday = dt.date(2026, 11, 23)
    demo.load(desk, today=monday)
    assert Organization.objects.filter(desk=desk).count() == 33
    assert Organization.objects.filter(desk=desk, slug="centro-per-limpiego-della-spezia-regione-liguria").exists()
    courses = list(TrainingOpportunity.objects.filter(organization__desk=desk))
    assert courses
    assert all(c.starts_on.weekday() < 5 and c.ends_on.weekday() < 5 for c in courses)
    assert all(c.starts_on > monday for c in courses)
    assert max(c.starts_on for c in courses) - min(c.starts_on for c in courses) > dt.timedelta(days=120)
    assert len({c.starts_on for c in courses}) == len(courses)  # no bunching on one or two dates
    assert not any("sportello" in c.title.lower() or "tirocini" in c.title.lower() for c in courses)
    translations = Service.objects.get(organization__desk=desk, slug="traduzioni-per-il-riconoscimento-dei-titoli")
    assert "test" not in (translations.how_to_access + translations.description).lower()


def test_demo_dates_follow_the_run_date_by_whole_weeks(desk):
    later = dt.date(2027, 6, 17)  # a Thursday, 29 weeks after the reference week
    demo.load(desk, today=later)
    courses = TrainingOpportunity.objects.filter(organization__desk=desk)
    assert all(c.starts_on.weekday() < 5 for c in courses)
    assert min(c.starts_on for c in courses) > later - dt.timedelta(days=7)
    assert demo.date_shift_days(later) % 7 == 0


def test_demo_load_is_idempotent(desk):
    demo.load(desk)
    counts = (Service.objects.count(), Schedule.objects.count(), TrainingOpportunity.objects.count())
    report = demo.load(desk)
    assert (report.created, report.updated) == ({}, {})
    assert (Service.objects.count(), Schedule.objects.count(), TrainingOpportunity.objects.count()) == counts


def csv_zip(**files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(f"{name}.csv", text)
    return buffer.getvalue()


MEMBERS = ("codice,nome,tipo\n"
           "ponte,Cooperativa Il Ponte,Associazione\n"
           "edile,Scuola Edile,Ente di formazione\n")


def test_a_service_of_a_missing_member_is_rejected_and_nothing_is_written(desk):
    data = csv_zip(soggetti=MEMBERS, servizi="soggetto,nome,descrizione\nponte,Tirocini,Tirocini in azienda\n"
                                             "fantasma,Corso,Un corso\n")
    report = import_bytes(desk, "rete.zip", data)
    assert not report.applied
    assert [(r.sheet, r.row) for r in report.rejected] == [("servizi", 3)]
    assert "fantasma" in report.rejected[0].reason
    assert "non è nel foglio «soggetti»" in report.rejected[0].reason
    assert not Organization.objects.filter(desk=desk).exists()
    # Asked to skip the invalid rows, the valid ones are written.
    report = import_bytes(desk, "rete.zip", data, skip_invalid=True)
    assert report.applied
    assert Service.objects.filter(organization__desk=desk).count() == 1


def test_duplicate_ids_are_rejected(desk):
    report = import_bytes(desk, "soggetti.csv", (MEMBERS + "ponte,Altro Ponte,Sindacato\n").encode())
    assert [(r.sheet, r.row) for r in report.rejected] == [("soggetti", 4)]
    assert "due volte" in report.rejected[0].reason
    hsds = csv_zip(organizations="id,name\n1,Uno\n1,Due\n", services="id,organization_id,name\n")
    report = import_bytes(desk, "hsds.zip", hsds)
    assert "ripetuto" in report.rejected[0].reason
    assert not Organization.objects.filter(desk=desk).exists()


def test_hsds_service_pointing_at_a_missing_organization(desk):
    hsds = csv_zip(organizations="id,name,legal_status\nA,Uno,Sindacato\n",
                   services="id,organization_id,name,description\nS,B,Servizio,Testo\n")
    report = import_bytes(desk, "hsds.zip", hsds)
    assert report.rejected[0].sheet == "services"
    assert "organization_id «B»" in report.rejected[0].reason


@pytest.mark.parametrize(("name", "data", "message"), [
    ("soggetti.csv", b"nome,categoria\nUno,Sindacato\n", "mancano le colonne: tipo"),
    ("soggetti.csv", b"nome,tipo,colore\nUno,Sindacato,blu\n", "colonne che non conosco: colore"),
    ("soggetti.csv", b"nome,tipo\nUno\x00,Sindacato\n", "NUL"),
    ("rete.xlsx", b"PK\x03\x04 not really a workbook", "XLSX"),
    ("rete.zip", b"not a zip", "ZIP"),
    ("rete.pdf", b"%PDF", "Formato non supportato"),
    ("rete.zip", None, "Non riconosco il formato"),
])
def test_unusable_files_get_a_clear_italian_message(desk, name, data, message):
    data = csv_zip(varie="a,b\n1,2\n") if data is None else data
    with pytest.raises(importer.ImportFileError, match=message):
        import_bytes(desk, name, data)


def test_windows_spreadsheet_csv_is_read(desk):
    """Excel on Windows saves CSV as cp1252 with semicolons."""
    data = "nome;tipo;descrizione\nCittà dei Mestieri;Ente pubblico;Orientamento è gratuito\n".encode("cp1252")
    report = import_bytes(desk, "soggetti.csv", data)
    assert report.applied
    assert Organization.objects.get(desk=desk).name == "Città dei Mestieri"


def test_bad_values_are_reported_row_by_row(desk):
    data = csv_zip(
        soggetti="codice,nome,tipo,email\nponte,Il Ponte,Associazione,non-una-mail\nedile,Scuola,Parrocchia,\n",
        orari="soggetto,servizio,giorni,dalle,alle\nponte,x,lun,25:00,12:00\n")
    report = import_bytes(desk, "rete.zip", data)
    reasons = {(r.sheet, r.row): r.reason for r in report.rejected}
    assert "e-mail non valido" in reasons[("soggetti", 2)]
    assert "Parrocchia" in reasons[("soggetti", 3)]
    assert ("orari", 2) in reasons


def test_command_reports_and_refuses_a_half_import(desk, tmp_path):
    path = tmp_path / "soggetti.csv"
    path.write_text(MEMBERS + "senza-nome,,Associazione\n", encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 righe scartate"):
        call_command("import_network", str(path), desk=desk.slug, stdout=out)
    assert "soggetti, riga 4" in out.getvalue()
    assert not Organization.objects.filter(desk=desk).exists()
    call_command("import_network", str(path), desk=desk.slug, skip_invalid=True, stdout=out)
    assert Organization.objects.filter(desk=desk).count() == 2
    with pytest.raises(CommandError, match="Sportello sconosciuto"):
        call_command("import_network", str(path), desk="nessuno")


def test_import_writes_in_bulk_a_fixed_number_of_queries(desk, other_desk, django_assert_max_num_queries):
    demo.load(desk)
    tables = importer.read_upload("rete.zip", tabular.zip_bytes(desk))
    with django_assert_max_num_queries(45):  # writes per table, then the search index once
        services.import_network(other_desk, tables, None)
    with django_assert_max_num_queries(30):
        services.import_network(other_desk, tables, None)


def test_template_text_that_looks_like_a_formula_is_written_inert_and_read_back(desk, other_desk):
    sheets = {"soggetti": [{"nome": "Ponte", "tipo": "Associazione", "descrizione": "=HYPERLINK(\"x\")"}]}
    data = template.workbook_bytes(sheets)
    cell = openpyxl.load_workbook(io.BytesIO(data))["soggetti"]["E2"]
    assert cell.data_type == "s"
    assert cell.value.startswith("'=")
    import_bytes(other_desk, "rete.xlsx", data)
    assert Organization.objects.get(desk=other_desk).description == "=HYPERLINK(\"x\")"


def test_hsds_export_of_formula_like_text_round_trips(desk, other_desk):
    Organization.objects.create(desk=desk, name="Ponte", slug="ponte", kind="association",
                                description="-sportello aperto; =SOMMA non è una formula qui")
    import_bytes(other_desk, "rete.zip", tabular.zip_bytes(desk))
    assert Organization.objects.get(desk=other_desk).description == "-sportello aperto; =SOMMA non è una formula qui"


def test_template_en_columns_give_the_english_versions_and_a_sheet_without_them_keeps_them(desk):
    data = csv_zip(
        soggetti="codice,nome,tipo,come_accedere,come_accedere_en\n"
                 "ponte,Il Ponte,Associazione,Telefona,Call us\n",
        sedi="soggetto,nome,indirizzo,citta,accessibilita,accessibilita_en,come_arrivare,come_arrivare_en\n"
             "ponte,Sede,Via Roma 1,La Spezia,Ascensore,Lift,Autobus 3,Bus 3\n",
        servizi="soggetto,nome,descrizione,a_chi_si_rivolge,a_chi_si_rivolge_en,requisiti,requisiti_en,costo,"
                "costo_en,come_accedere,come_accedere_en\n"
                "ponte,Tirocini,Tirocini in azienda,Giovani,Young people,Maggiore età,Aged 18 or over,Gratuito,"
                "Free,,\n"
                "ponte,Corsi,Corsi serali,Adulti,,,,,,Scrivi,Write to us\n",
        orari="soggetto,servizio,giorni,dalle,alle,descrizione,descrizione_en\n"
              "ponte,tirocini,lun,09:00,12:00,su appuntamento,by appointment\n")
    report = import_bytes(desk, "rete.zip", data)
    assert report.applied, report.rejected
    internships, courses = Service.objects.filter(organization__desk=desk).order_by("slug").reverse()
    assert (internships.audience_it, internships.audience_en, internships.eligibility_en, internships.cost_en) == (
        "Giovani", "Young people", "Aged 18 or over", "Free")
    # No own way to access: the member's, in both languages; an own one comes with its own English.
    assert (internships.how_to_access_it, internships.how_to_access_en) == ("Telefona", "Call us")
    assert (courses.how_to_access_it, courses.how_to_access_en) == ("Scrivi", "Write to us")
    assert courses.audience_en is None  # empty English cell: English pages show the Italian
    location = Location.objects.get(organization__desk=desk)
    assert (location.accessibility_en, location.transportation_en) == ("Lift", "Bus 3")
    schedule = Schedule.objects.get(service=internships)
    assert (schedule.description_it, schedule.description_en) == ("su appuntamento", "by appointment")
    # The downloaded spreadsheet carries the English columns back.
    sheet = template.sheets(desk)
    assert sheet["servizi"][1]["a_chi_si_rivolge_en"] == "Young people"
    assert sheet["sedi"][0]["accessibilita_en"] == "Lift"
    assert sheet["orari"][0]["descrizione_en"] == "by appointment"
    # A sheet without the English columns changes the Italian and keeps the English already stored.
    report = import_bytes(desk, "rete.zip", csv_zip(
        soggetti="codice,nome,tipo\nponte,Il Ponte,Associazione\n",
        sedi="soggetto,nome,indirizzo,citta,accessibilita\nponte,Sede,Via Roma 1,La Spezia,Ascensore e rampa\n",
        servizi="soggetto,nome,descrizione,a_chi_si_rivolge\nponte,Tirocini,Tirocini in azienda,Giovani e adulti\n",
        orari="soggetto,servizio,giorni,dalle,alle,descrizione\nponte,tirocini,lun,09:00,13:00,su appuntamento\n"))
    assert report.applied, report.rejected
    internships.refresh_from_db()
    location.refresh_from_db()
    assert (internships.audience_it, internships.audience_en) == ("Giovani e adulti", "Young people")
    assert (location.accessibility_it, location.accessibility_en) == ("Ascensore e rampa", "Lift")
    schedule = Schedule.objects.get(service=internships)
    assert (schedule.closes_at, schedule.description_en) == (dt.time(13), "by appointment")


def test_hsds_round_trip_keeps_the_english_texts_in_translations_csv(desk, other_desk):
    import json

    demo.load(desk)
    data = tabular.zip_bytes(desk)
    archive = zipfile.ZipFile(io.BytesIO(data))
    package = json.loads(archive.read("datapackage.json"))
    assert "translations" in [r["name"] for r in package["resources"]]
    assert "eligibility_description" in archive.read("translations.csv").decode()

    def english(d):
        return sorted((r["record_table"], r["field"], r["value"]) for r in tabular.rows(d)["translations"])

    assert len(english(desk)) > 500
    assert import_bytes(other_desk, "rete.zip", data).applied
    assert english(other_desk) == english(desk)
    service = Service.objects.get(organization__desk=other_desk, slug="corso-di-aiuto-cuoco")
    assert (service.name_en, service.cost_en, service.how_to_access_en) == (
        "Assistant cook course", "Free",
        "At the office, by appointment: call in the afternoon or write to info@fsriviera.example. "
        "You can also drop in to pick up the course calendar.")
    assert service.eligibility_en == "Unemployed adults. Aged 18 or over; unemployed."
    assert Schedule.objects.get(service=service).description_en == "by appointment"
    assert Location.objects.get(organization=service.organization).accessibility_en.startswith("Lift")
    # An HSDS archive from elsewhere, without translations.csv, leaves the stored English as it is.
    bare = io.BytesIO()
    with zipfile.ZipFile(bare, "w") as out:
        for info in archive.infolist():
            if info.filename != "translations.csv":
                out.writestr(info, archive.read(info))
    assert import_bytes(other_desk, "rete.zip", bare.getvalue()).applied
    assert english(other_desk) == english(desk)
