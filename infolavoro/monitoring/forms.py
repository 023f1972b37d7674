from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from .indicators import GRAIN_LABELS, Period

MAX_COLUMNS = 160  # e.g. three years of weeks


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Dal"), widget=forms.DateInput(attrs={"type": "date"}),
                            error_messages={"invalid": _("Scrivi una data valida, ad esempio 01/01/2026.")})
    end = forms.DateField(label=_("Al"), widget=forms.DateInput(attrs={"type": "date"}),
                          error_messages={"invalid": _("Scrivi una data valida, ad esempio 31/12/2026.")})
    grain = forms.ChoiceField(label=_("Per"), choices=list(GRAIN_LABELS.items()), initial="month")
    desk = forms.MultipleChoiceField(label=_("Sportelli"), required=False,
                                     widget=forms.CheckboxSelectMultiple,
                                     error_messages={"invalid_choice": _(
                                         "Non puoi vedere le cifre di questo sportello: scegli tra quelli "
                                         "elencati.")})

    def __init__(self, *args, desks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.desks = list(desks)
        self.fields["desk"].choices = [(d.slug, f"{d.comune} – {d.name}") for d in self.desks]

    def clean(self):
        data = super().clean()
        start, end, grain = data.get("start"), data.get("end"), data.get("grain")
        for name in ("start", "end"):
            value = data.get(name)
            if value and not dt.date(2000, 1, 1) <= value <= dt.date(2100, 12, 31):
                self.add_error(name, _("Scegli una data tra il 2000 e il 2100."))
                return data
        if start and end and end < start:
            self.add_error("end", _("Il periodo finisce prima di cominciare: la data di fine deve seguire quella "
                                    "di inizio."))
        elif start and end and grain and len(Period(start, end, grain).columns) > MAX_COLUMNS:
            self.add_error("grain", _("Troppe colonne per una tabella: scegli un periodo più breve o un "
                                      "raggruppamento più ampio (trimestre, anno)."))
        return data

    def chosen_desks(self):
        slugs = set(self.cleaned_data.get("desk") or [])
        return [d for d in self.desks if d.slug in slugs] or self.desks

    def period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"], self.cleaned_data["grain"])
