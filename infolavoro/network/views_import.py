"""Desk administrators load a network from a file (HSDS ZIP or the spreadsheet template) and download the
template, empty or filled with the current network."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from infolavoro.accounts.permissions import require

from . import importer, services, template

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File da importare"),
                           help_text=gettext_lazy("Modello compilato (.xlsx), CSV dei soggetti, oppure archivio .zip "
                                                  "(HSDS esportato da InfoLavoro o fogli del modello in CSV)."),
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,.zip"}))
    check_only = forms.BooleanField(label=gettext_lazy("Solo controllo: non scrivere niente"), required=False)
    skip_invalid = forms.BooleanField(label=gettext_lazy("Importa le righe valide anche se altre sono scartate"),
                                      required=False)


@login_required
def import_network(request: HttpRequest, desk_slug: str) -> HttpResponse:
    desk = request.desk
    require(request.user, "desk.administer", desk)
    report, error = None, None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > importer.MAX_FILE_BYTES:
                raise importer.ImportFileError(_("Il file è troppo grande (massimo 10 MB)."))
            tables = importer.read_upload(upload.name, upload.read())
            report = services.import_network(desk, tables, request.user, dry_run=form.cleaned_data["check_only"],
                                             skip_invalid=form.cleaned_data["skip_invalid"])
        except importer.ImportFileError as exc:
            error = str(exc)
        else:
            if report.applied:
                messages.success(request, _("Rete importata."))
                form = ImportForm()
    failed = bool(error or (report and report.rejected and not report.applied))
    return render(request, "network/manage/import.html", {"form": form, "report": report, "error": error},
                  status=400 if failed else 200)


@login_required
def template_download(request: HttpRequest, desk_slug: str, filled: bool = False) -> HttpResponse:
    desk = request.desk
    require(request.user, "desk.administer", desk)
    data = template.workbook_bytes(template.sheets(desk) if filled else None)
    name = f"rete-{desk.slug}.xlsx" if filled else "modello-rete-infolavoro.xlsx"
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


