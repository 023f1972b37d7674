"""A need can be flagged as special-category data (health, disability): by the desk's administrator on the needs
page, or by the spreadsheet's optional `dati_particolari` column; the demo flags «Disabilità e inclusione
lavorativa»."""

import io
import zipfile

import pytest
from django.urls import reverse

from infolavoro.network import importer, services
from infolavoro.network.models import TaxonomyTerm
from infolavoro.network.tests.test_administration import terms_post

pytestmark = pytest.mark.django_db


def test_administrator_flags_a_need_as_special_category(client, desk, desk_admin):
    TaxonomyTerm.objects.create(desk=desk, code="cv", name="CV")
    TaxonomyTerm.objects.create(desk=desk, code="disabilita", name="Disabilità", position=1)
    client.force_login(desk_admin)
    url = reverse("network_manage:terms", args=["la-spezia"])
    assert "Dato particolare (salute, disabilità)" in client.get(url).content.decode()
    client.post(url, terms_post([{"code": "cv", "name": "CV", "position": 0},
                                 {"code": "disabilita", "name": "Disabilità", "position": 1,
                                  "special_category": "on"}]))
    assert list(TaxonomyTerm.objects.filter(special_category=True).values_list("code", flat=True)) == ["disabilita"]
    page = client.get(url).content.decode()
    assert page.count("checked") == 1


def _import(desk, csv_text):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("bisogni.csv", csv_text)
        archive.writestr("soggetti.csv", "codice,nome,tipo\n")
    return services.import_network(desk, importer.read_upload("rete.zip", data.getvalue()), None)


def test_spreadsheet_column_flags_the_need_and_rejects_other_values(desk):
    report = _import(desk, "codice,nome,descrizione,dati_particolari\n"
                           "cv,CV,,\ndisabilita,Disabilità,,sì\n")
    assert report.applied, report.rejected
    assert dict(TaxonomyTerm.objects.values_list("code", "special_category")) == {"cv": False, "disabilita": True}
    report = _import(desk, "codice,nome,descrizione,dati_particolari\ncv,CV,,forse\n")
    assert not report.applied
    assert "non è sì o no" in report.rejected[0].reason
    # A file without the column leaves the flag as it is.
    assert _import(desk, "codice,nome,descrizione\ndisabilita,Disabilità e inclusione,\n").applied
    assert TaxonomyTerm.objects.get(code="disabilita").special_category
