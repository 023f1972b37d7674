from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import OrganizationKind


class DirectorySearchForm(forms.Form):
    q = forms.CharField(label=_("Cerca"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
                        help_text=_("Per esempio: curriculum, corsi di formazione, apprendistato, lingua italiana"))
    tipo = forms.ChoiceField(label=_("Tipo di soggetto"), required=False,
                             choices=[("", _("Tutti i tipi"))] + list(OrganizationKind.choices))
    tema = forms.ChoiceField(label=_("Bisogno o argomento"), required=False)

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tema"].choices = [("", _("Tutti gli argomenti"))] + [(t.code, t.name) for t in topics]
