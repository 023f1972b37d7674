from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from infolavoro.desks.models import Desk
from infolavoro.intake.selectors import taxonomy_terms

from .selectors import services_for_need


class NeedFilterForm(forms.Form):
    bisogno = forms.ModelChoiceField(queryset=None, required=False, label=_("Bisogno"),
                                     empty_label=_("Tutti i bisogni"))

    def __init__(self, *args, desk: Desk, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bisogno"].queryset = taxonomy_terms(desk)


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.organization.name} – {obj.name}"


class ReferralForm(forms.Form):
    service = ServiceChoiceField(queryset=None, label=_("Servizio"), widget=forms.RadioSelect,
                                     error_messages={"required": _("Scegli il servizio a cui indirizzare la persona."),
                                                     "invalid_choice": _("Servizio non disponibile.")})
    message = forms.CharField(label=_("Messaggio per il soggetto"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Solo quanto serve al soggetto per accogliere la persona."))
    what_to_bring = forms.CharField(label=_("Cosa portare all'appuntamento"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, desk: Desk, need=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services_for_need(desk, need)


class MoveForm(forms.Form):
    decline_reason = forms.CharField(label=_("Motivo del rifiuto"), max_length=300, required=False)
    appointment_at = forms.DateTimeField(
        label=_("Data e ora dell'appuntamento"), required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": _("Data e ora non valide: usa il formato gg/mm/aaaa hh:mm.")},
    )
    outcome = forms.CharField(label=_("Esito"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
