"""The desk administrators' page of synonyms: what citizens type and what the directory calls it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from infolavoro.accounts.permissions import require

from . import synonyms


class SynonymsForm(forms.Form):
    lines = forms.CharField(
        label=gettext_lazy("Sinonimi, uno per riga"), required=False, max_length=60_000,
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false"}),
        help_text=gettext_lazy("«parole cercate = significato, altro significato». Es.: «badante = assistenza "
                               "familiare, operatore socio sanitario». Le righe che iniziano con # sono note."))


@login_required
def edit(request: HttpRequest, desk_slug: str) -> HttpResponse:
    require(request.user, "desk.administer", request.desk)
    form = SynonymsForm(request.POST or None, initial={"lines": synonyms.as_lines(request.desk.pk)})
    if request.method == "POST" and form.is_valid():
        try:
            count = synonyms.save(request.desk, form.cleaned_data["lines"], request.user)
        except ValidationError as error:
            form.add_error("lines", error)
        else:
            messages.success(request, _("Sinonimi salvati: %(n)d.") % {"n": count})
            return redirect("network_manage:synonyms", desk_slug=desk_slug)
    return render(request, "search/synonyms.html", {"form": form})
