"""The desk administrators' import page: upload, report of rejected rows, template downloads, scope."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from infolavoro.network.models import Organization

pytestmark = pytest.mark.django_db


def url(desk, name="network_manage:import"):
    return reverse(name, kwargs={"desk_slug": desk.slug})


def upload(name, text, **extra):
    return {"file": SimpleUploadedFile(name, text.encode() if isinstance(text, str) else text), **extra}


def test_admin_imports_a_csv_and_sees_what_was_created(client, desk, desk_admin):
    client.force_login(desk_admin)
    response = client.post(url(desk), upload("soggetti.csv", "nome,tipo\nCooperativa Il Ponte,Associazione\n"))
    assert response.status_code == 200
    assert "Importazione completata" in response.content.decode()
    assert Organization.objects.filter(desk=desk, slug="cooperativa-il-ponte").exists()


def test_rejected_rows_are_listed_and_nothing_is_written(client, desk, desk_admin):
    client.force_login(desk_admin)
    response = client.post(url(desk), upload("soggetti.csv", "nome,tipo\nUno,Associazione\nDue,Parrocchia\n"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Importazione non eseguita" in body
    assert "Parrocchia" in body
    assert not Organization.objects.filter(desk=desk).exists()


def test_check_only_writes_nothing(client, desk, desk_admin):
    client.force_login(desk_admin)
    response = client.post(url(desk), upload("soggetti.csv", "nome,tipo\nUno,Associazione\n", check_only="on"))
    assert "Controllo superato" in response.content.decode()
    assert not Organization.objects.filter(desk=desk).exists()


@pytest.mark.parametrize(("name", "data"), [("rete.xlsx", b"garbage"), ("rete.zip", b"\x00\x01"),
                                            ("soggetti.csv", b"\xff\xfe\x00n\x00o\x00m\x00e"), ("rete.exe", b"MZ")])
def test_unreadable_files_get_a_message_not_a_500(client, desk, desk_admin, name, data):
    client.force_login(desk_admin)
    response = client.post(url(desk), upload(name, data))
    assert response.status_code == 400
    assert "Importazione non eseguita" in response.content.decode()


def test_template_downloads_open_in_a_spreadsheet(client, desk, desk_admin, organization):
    client.force_login(desk_admin)
    empty = openpyxl.load_workbook(io.BytesIO(client.get(url(desk, "network_manage:template")).content))
    assert "soggetti" in empty.sheetnames
    assert empty["soggetti"].max_row == 1
    filled = openpyxl.load_workbook(io.BytesIO(client.get(url(desk, "network_manage:template_filled")).content))
    assert filled["soggetti"]["B2"].value == organization.name


def test_other_roles_and_other_desks_get_404(client, desk, other_desk, operator, desk_admin):
    client.force_login(operator)
    assert client.get(url(desk)).status_code == 404
    client.force_login(desk_admin)
    assert client.get(url(other_desk)).status_code == 404
    assert client.get(url(other_desk, "network_manage:template_filled")).status_code == 404
