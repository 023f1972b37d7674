from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from infolavoro.core.bilingual import BilingualModelForm, english_label

from .models import WEEKDAYS, Closure


class ClosureForm(BilingualModelForm):
    class Meta:
        model = Closure
        fields = ["starts_on", "ends_on", "reason_it", "reason_en"]
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


class NewDeskForm(forms.Form):
    """The guided page for a new Comune's desk: the same fields as `create_desk`, grouped in steps."""

    comune = forms.CharField(label=_("Comune"), max_length=120,
                             help_text=_("Il nome (es. Sarzana) o il codice ISTAT di sei cifre (es. 011027)."))
    name = forms.CharField(label=_("Nome dello sportello"), max_length=120, initial="InfoLavoro")
    slug = forms.SlugField(label=_("Indirizzo breve"), max_length=60,
                           help_text=_("Compare negli indirizzi delle pagine, es. sarzana → /sarzana/"))
    address = forms.CharField(label=_("Indirizzo"), max_length=200)
    postal_code = forms.CharField(label=_("CAP"), max_length=5, required=False)
    office = forms.CharField(label=_("Piano e ufficio"), max_length=200, required=False)
    phone = forms.CharField(label=_("Telefono"), max_length=32)
    email = forms.EmailField(label=_("E-mail dello sportello"))
    comune_denomination = forms.CharField(
        label=_("Denominazione del Comune"), max_length=160, required=False,
        help_text=_("Come il Comune si presenta, es. «Comune della Spezia». Vuoto: composta dal nome."))
    comune_denomination_en = forms.CharField(label=english_label(_("Denominazione del Comune")), max_length=160,
                                             required=False, help_text=_("Es. «City of La Spezia»."))
    presentation = forms.CharField(label=_("Presentazione"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    presentation_en = forms.CharField(label=english_label(_("Presentazione")), required=False,
                                      widget=forms.Textarea(attrs={"rows": 3}))
    hours = forms.CharField(
        label=_("Orari settimanali"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Un giorno per riga con le sue fasce, es. «mar 08:30-12:00 14:30-17:30»."))
    patron_saint = forms.CharField(
        label=_("Santo patrono"), max_length=120, required=False,
        help_text=_("Solo se il Comune non è il capoluogo di provincia (le festività del capoluogo sono già note)."))
    patron_day = forms.CharField(label=_("Giorno del santo patrono"), max_length=5, required=False,
                                 help_text=_("giorno/mese, es. 30/11"))
    reasons = forms.CharField(label=_("Argomenti degli appuntamenti"), widget=forms.Textarea(attrs={"rows": 6}),
                              help_text=_("Uno per riga."))
    portals = forms.MultipleChoiceField(label=_("Portali del lavoro"), required=False,
                                        widget=forms.CheckboxSelectMultiple)
    retention_months = forms.IntegerField(label=_("Mesi di conservazione dei dati personali"), initial=24,
                                          min_value=1, max_value=120)
    min_cell_size = forms.IntegerField(
        label=_("Soglia minima delle celle statistiche"), initial=5, min_value=3, max_value=100,
        help_text=_("Il monitoraggio non mostra dati che contano meno persone di così (minimo 3)."))
    admin_first_name = forms.CharField(label=_("Nome"), max_length=150)
    admin_last_name = forms.CharField(label=_("Cognome"), max_length=150)
    admin_email = forms.EmailField(label=_("E-mail"), help_text=_("Riceve l'invito a scegliere la password."))

    def __init__(self, *args, portal_names=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["portals"].choices = [(name, name) for name in portal_names]
