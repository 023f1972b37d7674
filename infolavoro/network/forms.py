from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from infolavoro.core.bilingual import BilingualModelForm, english_label

from .models import (
    Contact,
    Location,
    Organization,
    OrganizationKind,
    Project,
    Schedule,
    Service,
    TaxonomyTerm,
    TrainingOpportunity,
)


class DirectorySearchForm(forms.Form):
    q = forms.CharField(label=_("Cerca"), required=False, max_length=1000,
                        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
                        help_text=_("Per esempio: curriculum, corsi di formazione, apprendistato, lingua italiana"))
    tipo = forms.ChoiceField(label=_("Tipo di soggetto"), required=False,
                             choices=[("", _("Tutti i tipi"))] + list(OrganizationKind.choices))
    tema = forms.ChoiceField(label=_("Bisogno o argomento"), required=False)

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tema"].choices = [("", _("Tutti gli argomenti"))] + [(t.code, t.name) for t in topics]


class TermsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


def _terms_field(desk) -> TermsField:
    return TermsField(queryset=TaxonomyTerm.objects.filter(desk=desk), required=False,
                      label=_("Bisogni e argomenti"))


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _formfield(model_field, **kwargs):
    """Web addresses typed without a scheme are https (Django 6's default, chosen now)."""
    from django.db import models

    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class OrganizationForm(BilingualModelForm):
    class Meta:
        model = Organization
        formfield_callback = _formfield
        fields = ["name", "alternate_name", "description_it", "description_en", "email", "phone", "website", "logo"]
        # A plain file input: the current logo is shown by the page (media are served by network:logo).
        widgets = {"description": forms.Textarea(attrs={"rows": 5}), "logo": forms.FileInput}

    remove_logo = forms.BooleanField(label=_("Togli il logo"), required=False)



class ServiceForm(BilingualModelForm):
    class Meta:
        model = Service
        formfield_callback = _formfield
        fields = ["name_it", "name_en", "description_it", "description_en", "audience_it", "audience_en",
                  "eligibility_it", "eligibility_en", "cost_it", "cost_en", "how_to_access_it", "how_to_access_en",
                  "url", "email", "is_active"]
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in ("description", "audience", "eligibility",
                                                                   "how_to_access")}

    def __init__(self, *args, desk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["terms"] = _terms_field(desk)
        if self.instance.pk:
            self.fields["terms"].initial = list(self.instance.taxonomy_terms.all())


class TrainingForm(forms.ModelForm):
    class Meta:
        model = TrainingOpportunity
        formfield_callback = _formfield
        fields = ["title", "description", "starts_on", "ends_on", "application_deadline", "place", "cost", "seats",
                  "requirements", "how_to_apply", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "requirements": forms.Textarea(attrs={"rows": 2}),
                   "how_to_apply": forms.Textarea(attrs={"rows": 2}), "starts_on": DATE, "ends_on": DATE,
                   "application_deadline": DATE}

    def __init__(self, *args, desk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["terms"] = _terms_field(desk)
        if self.instance.pk:
            self.fields["terms"].initial = list(self.instance.taxonomy_terms.all())

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("La data di fine non può precedere quella di inizio."))
        return cleaned


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        formfield_callback = _formfield
        fields = ["kind", "title", "description", "starts_on", "ends_on", "funded_by", "url", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args, desk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["terms"] = _terms_field(desk)
        if self.instance.pk:
            self.fields["terms"].initial = list(self.instance.taxonomy_terms.all())


class LocationForm(BilingualModelForm):
    """A member's premises: address and accessibility, as they appear on every public page and in the brochure."""

    class Meta:
        model = Location
        fields = ["name", "address_1", "address_2", "postal_code", "city", "state_province", "accessibility_it",
                  "accessibility_en", "transportation_it", "transportation_en"]
        widgets = {"accessibility": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, desk, organization, **kwargs):
        super().__init__(*args, **kwargs)


def _own(field, queryset, label):
    field.queryset = queryset
    field.label = label
    field.empty_label = _("— nessuno —")


class ContactForm(forms.ModelForm):
    """A phone or e-mail to reach the member, optionally for one of its services or premises."""

    class Meta:
        model = Contact
        fields = ["name", "title", "department", "phone", "email", "service", "location"]

    def __init__(self, *args, desk, organization, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the member's own services and premises can be chosen: another's is an invalid choice.
        _own(self.fields["service"], organization.services.all(), _("Per il servizio"))
        _own(self.fields["location"], organization.locations.all(), _("Per la sede"))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email"):
            self.add_error("phone", _("Scrivi almeno un telefono o un indirizzo e-mail."))
        return cleaned


DAYS = [("MO", _("lunedì")), ("TU", _("martedì")), ("WE", _("mercoledì")), ("TH", _("giovedì")),
        ("FR", _("venerdì")), ("SA", _("sabato")), ("SU", _("domenica"))]
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ScheduleForm(BilingualModelForm):
    """Service hours (HSDS schedule): the days of the week and the times, for a service or for premises."""

    days = forms.MultipleChoiceField(label=_("Giorni"), choices=DAYS, widget=forms.CheckboxSelectMultiple,
                                     error_messages={"required": _("Scegli almeno un giorno.")})
    field_order = ["service", "location", "days", "opens_at", "closes_at"]

    class Meta:
        model = Schedule
        fields = ["service", "location", "opens_at", "closes_at", "valid_from", "valid_to", "description_it",
                  "description_en", "notes_it", "notes_en"]
        widgets = {"opens_at": TIME, "closes_at": TIME, "valid_from": DATE, "valid_to": DATE}

    def __init__(self, *args, desk, organization, **kwargs):
        super().__init__(*args, **kwargs)
        _own(self.fields["service"], organization.services.all(), _("Servizio"))
        _own(self.fields["location"], organization.locations.all(), _("Sede"))
        if self.instance.pk:
            self.fields["days"].initial = [d for d in self.instance.byday.split(",") if d]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("service") and not cleaned.get("location"):
            self.add_error("service", _("Scegli il servizio o la sede a cui si riferisce l'orario."))
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("L'orario di chiusura deve essere successivo all'apertura."))
        starts, ends = cleaned.get("valid_from"), cleaned.get("valid_to")
        if starts and ends and ends < starts:
            self.add_error("valid_to", _("La data di fine non può precedere quella di inizio."))
        order = [code for code, _label in DAYS]
        cleaned["byday"] = ",".join(sorted(cleaned.get("days") or [], key=order.index))
        return cleaned


class NewMemberForm(forms.Form):
    name = forms.CharField(label=_("Nome"), max_length=200)
    kind = forms.ChoiceField(label=_("Tipo"), choices=OrganizationKind.choices)
    email = forms.EmailField(label=_("E-mail"), required=False)


class InviteEditorForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), error_messages={"invalid": _("Indirizzo e-mail non valido.")})
    first_name = forms.CharField(label=_("Nome"), max_length=150)
    last_name = forms.CharField(label=_("Cognome"), max_length=150)


class TermRowForm(forms.Form):
    code = forms.SlugField(label=_("Codice"), max_length=60)
    name = forms.CharField(label=_("Nome"), max_length=120)
    name_en = forms.CharField(label=english_label(_("Nome")), max_length=120, required=False)
    description = forms.CharField(label=_("Spiegazione per il cittadino"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    description_en = forms.CharField(label=english_label(_("Spiegazione per il cittadino")), required=False,
                                     widget=forms.Textarea(attrs={"rows": 2}))
    position = forms.IntegerField(label=_("Ordine"), min_value=0, initial=0)
    special_category = forms.BooleanField(
        label=_("Dato particolare (salute, disabilità): serve il consenso esplicito"), required=False)
    delete = forms.BooleanField(label=_("Elimina"), required=False)


TermFormSet = forms.formset_factory(TermRowForm, extra=1)


class InstallationSearchForm(forms.Form):
    """The installation-wide directory: every desk's network, by Comune or near a place."""

    q = forms.CharField(label=_("Cerca"), required=False, max_length=1000,
                        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
                        help_text=_("Per esempio: curriculum, corsi di formazione, ho perso il lavoro"))
    comune = forms.ChoiceField(label=_("Comune della sede"), required=False)
    vicino = forms.ChoiceField(label=_("Vicino a"), required=False)
    raggio = forms.TypedChoiceField(label=_("Entro"), required=False, coerce=int, empty_value=20,
                                    choices=[(5, "5 km"), (10, "10 km"), (20, "20 km"), (50, "50 km")], initial=20)

    def __init__(self, *args, comuni, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comune"].choices = [("", _("Tutti i Comuni"))] + [(c, c) for c in comuni]
        self.fields["vicino"].choices = [("", _("Ovunque"))] + [(p, p) for p in places]
