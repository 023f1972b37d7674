from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import WEEKDAYS, Closure


class ClosureForm(forms.ModelForm):
    class Meta:
        model = Closure
        fields = ["starts_on", "ends_on", "reason"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("La data di fine non può precedere quella di inizio."))
        return cleaned


class IntervalForm(forms.Form):
    weekday = forms.TypedChoiceField(label=_("Giorno"), choices=WEEKDAYS, coerce=int)
    opens_at = forms.TimeField(label=_("Apertura"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    closes_at = forms.TimeField(label=_("Chiusura"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))

    def clean(self):
        cleaned = super().clean()
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("L'orario di chiusura deve essere successivo all'apertura."))
        return cleaned


IntervalFormSet = forms.formset_factory(IntervalForm, extra=2, can_delete=True)
