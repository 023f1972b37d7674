"""Forms of the labour pages: they validate shapes; the rules live in services."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from .models import (
    CEFR_LEVELS,
    EQF_CHOICES,
    LANGUAGES,
    ContractType,
    Licence,
    Occupation,
    ProposalState,
    Skill,
    Vacancy,
)

LANGUAGE_SLOTS = 3
OCCUPATION_SLOTS = 3


class LanguagesMixin:
    """Up to three (language, CEFR level) pairs, as fields lingua_N / livello_N, into a dict."""

    def add_language_fields(self, initial: dict[str, str]) -> None:
        pairs = list((initial or {}).items())
        for n in range(LANGUAGE_SLOTS):
            code, level = pairs[n] if n < len(pairs) else ("", "")
            self.fields[f"lingua_{n}"] = forms.ChoiceField(
                label=_("Lingua %(n)d") % {"n": n + 1}, required=False, initial=code,
                choices=[("", "—"), *LANGUAGES])
            self.fields[f"livello_{n}"] = forms.ChoiceField(
                label=_("Livello QCER %(n)d") % {"n": n + 1}, required=False, initial=level,
                choices=[("", "—"), *[(lv, lv) for lv in CEFR_LEVELS]])

    def languages(self) -> dict[str, str]:
        result = {}
        for n in range(LANGUAGE_SLOTS):
            code, level = self.cleaned_data.get(f"lingua_{n}"), self.cleaned_data.get(f"livello_{n}")
            if code and level:
                result[code] = level
        return result

    def language_rows(self):
        return [(self[f"lingua_{n}"], self[f"livello_{n}"]) for n in range(LANGUAGE_SLOTS)]


class EmployerForm(forms.Form):
    name = forms.CharField(label=_("Ragione sociale"), max_length=200)
    tax_code = forms.CharField(label=_("Partita IVA o codice fiscale"), max_length=20)
    ateco_code = forms.CharField(label=_("Codice ATECO dell'attività"), max_length=10, required=False,
                                 help_text=_("Es. 55.10 (alberghi), 52.24 (movimentazione merci)."))
    address = forms.CharField(label=_("Indirizzo"), max_length=200, required=False)
    comune = forms.CharField(label=_("Comune"), max_length=100)
    contact_name = forms.CharField(label=_("Persona di riferimento"), max_length=200)
    contact_email = forms.EmailField(label=_("E-mail della persona di riferimento"))
    contact_phone = forms.CharField(label=_("Telefono"), max_length=32, required=False)
    privacy = forms.BooleanField(label=_("Ho letto l'informativa sul trattamento dei dati"), required=False)


class PublicOfferForm(EmployerForm):
    """The public "offer a job": the employer and a first vacancy, reviewed by the desk before publication."""

    title = forms.CharField(label=_("Che figura cercate?"), max_length=200,
                            help_text=_("Es. «cameriere/a di sala», «carrellista», «badante»."))
    occupation_text = forms.CharField(label=_("Professione"), max_length=200,
                                      help_text=_("Scegli dall'elenco mentre scrivi."))
    description = forms.CharField(label=_("Descrizione del lavoro"), widget=forms.Textarea(attrs={"rows": 5}),
                                  max_length=5000)
    contract_type = forms.ChoiceField(label=_("Contratto"), choices=ContractType.choices)
    workplace = forms.CharField(label=_("Comune del luogo di lavoro"), max_length=100)
    how_to_apply = forms.CharField(label=_("Come candidarsi"), widget=forms.Textarea(attrs={"rows": 2}),
                                   max_length=2000)
    expires_on = forms.DateField(label=_("Scadenza"), widget=forms.DateInput(attrs={"type": "date"}))


class VacancyForm(LanguagesMixin, forms.ModelForm):
    licences = forms.MultipleChoiceField(label=_("Patenti richieste"), required=False, choices=Licence.choices,
                                         widget=forms.CheckboxSelectMultiple)
    essential = forms.ModelMultipleChoiceField(
        label=_("Competenze essenziali"), queryset=Skill.objects.all(), required=False,
        help_text=_("Se non ne scegli, si usano quelle essenziali della professione (ESCO)."),
        widget=forms.SelectMultiple(attrs={"size": 8}))
    optional = forms.ModelMultipleChoiceField(
        label=_("Competenze facoltative"), queryset=Skill.objects.all(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}))

    class Meta:
        model = Vacancy
        fields = ["title", "occupation", "description", "education_eqf", "experience_months", "contract_type",
                  "working_time", "hours_per_week", "comune", "address", "remote", "salary_min", "salary_max",
                  "openings", "work_permit_required", "published_on", "expires_on", "how_to_apply"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "how_to_apply": forms.Textarea(attrs={"rows": 2}),
            "published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "expires_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.add_language_fields(instance.languages if instance.pk else {})
        if instance.pk:
            self.fields["licences"].initial = instance.licences
            self.fields["essential"].initial = list(instance.essential_skills.all())
            self.fields["optional"].initial = list(instance.optional_skills.all())
        for name in ("title", "comune", "address"):
            self.fields[name].max_length = self.fields[name].max_length or 200
        self.fields["salary_min"].validators.append(MaxValueValidator(10_000_000))
        self.fields["salary_max"].validators.append(MaxValueValidator(10_000_000))
        self.fields["occupation"].queryset = Occupation.objects.order_by("preferred_label")

    def _chosen(self, name: str) -> list[Skill]:
        """The skills chosen in a field (what was sent, or the vacancy's), for the type-ahead's checkboxes."""
        values = self[name].value() or []
        ids = [int(v) for v in (v.pk if isinstance(v, Skill) else v for v in values) if str(v).isdigit()]
        return list(Skill.objects.filter(pk__in=ids[:200]).order_by("preferred_label"))

    @property
    def chosen_essential(self) -> list[Skill]:
        return self._chosen("essential")

    @property
    def chosen_optional(self) -> list[Skill]:
        return self._chosen("optional")

    def clean(self):
        data = super().clean()
        smin, smax = data.get("salary_min"), data.get("salary_max")
        if smin is not None and smax is not None and smin > smax:
            self.add_error("salary_max", _("La retribuzione minima supera la massima."))
        published, expires = data.get("published_on"), data.get("expires_on")
        if published and expires and expires < published:
            self.add_error("expires_on", _("La scadenza è prima della pubblicazione."))
        for name in ("published_on", "expires_on"):
            value = data.get(name)
            if value and value.year > 2100:
                self.add_error(name, _("Data troppo lontana."))
        return data

    def service_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["languages"] = self.languages()
        data["licences"] = self.cleaned_data["licences"]
        return data


class ProfileForm(LanguagesMixin, forms.Form):
    consent = forms.BooleanField(
        label=_("La persona acconsente a essere proposta ai datori di lavoro (consenso separato e revocabile)"),
        required=False)
    skills = forms.ModelMultipleChoiceField(label=_("Competenze"), queryset=Skill.objects.all(), required=False,
                                            widget=forms.CheckboxSelectMultiple)
    licences = forms.MultipleChoiceField(label=_("Patenti e patentini"), required=False, choices=Licence.choices,
                                         widget=forms.CheckboxSelectMultiple)
    education_eqf = forms.TypedChoiceField(label=_("Titolo di studio (EQF)"), required=False, coerce=int,
                                           empty_value=None, choices=[("", "—"), *EQF_CHOICES])
    available_from = forms.DateField(label=_("Disponibile dal"), required=False,
                                     widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    hours_per_week = forms.IntegerField(label=_("Ore settimanali desiderate"), required=False, min_value=1,
                                        max_value=60)
    shifts = forms.BooleanField(label=_("Disponibile a turni"), required=False)
    home_comune = forms.CharField(label=_("Comune di residenza"), max_length=100, required=False)
    mobility_comuni = forms.CharField(label=_("Altri Comuni raggiungibili (uno per riga)"), required=False,
                                      max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    own_vehicle = forms.BooleanField(label=_("Mezzo proprio"), required=False)
    contract_preferences = forms.MultipleChoiceField(label=_("Contratti graditi"), required=False,
                                                     choices=ContractType.choices,
                                                     widget=forms.CheckboxSelectMultiple)
    work_permit = forms.BooleanField(label=_("Può lavorare in Italia (cittadinanza UE o permesso valido)"),
                                     required=False, initial=True)
    cv = forms.FileField(label=_("Curriculum (PDF, al massimo 5 MB)"), required=False)

    def __init__(self, *args, desk, profile=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.desk = desk
        wanted = list(profile.wanted.all()) if profile else []
        for n in range(OCCUPATION_SLOTS):
            w = wanted[n] if n < len(wanted) else None
            self.fields[f"professione_{n}"] = forms.CharField(
                label=_("Professione %(n)d") % {"n": n + 1}, max_length=200, required=False,
                initial=w.occupation.preferred_label if w else "",
                widget=forms.TextInput(attrs={"list": "occupation-list", "autocomplete": "off"}))
            self.fields[f"mesi_{n}"] = forms.IntegerField(
                label=_("Mesi di esperienza"), required=False, min_value=0, max_value=720,
                initial=w.experience_months if w else None)
        self.add_language_fields(profile.languages if profile else {})
        if profile is not None:
            for name in ("licences", "education_eqf", "available_from", "hours_per_week", "shifts", "home_comune",
                         "mobility_comuni", "own_vehicle", "contract_preferences", "work_permit"):
                self.fields[name].initial = getattr(profile, name)
            self.fields["consent"].initial = profile.consent_at is not None
            self.fields["skills"].initial = [s.pk for s in profile.skills.all()]

    def clean(self):
        from . import selectors

        data = super().clean()
        self.occupations = {}
        for n in range(OCCUPATION_SLOTS):
            text = data.get(f"professione_{n}", "")
            if not text:
                continue
            occupation = selectors.resolve_occupation(text, self.desk)
            if occupation is None:
                self.add_error(f"professione_{n}", _("Professione non trovata: scegli una voce dall'elenco."))
            else:
                self.occupations[occupation] = data.get(f"mesi_{n}") or 0
        return data

    def occupation_rows(self):
        return [(self[f"professione_{n}"], self[f"mesi_{n}"]) for n in range(OCCUPATION_SLOTS)]

    def service_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in (
            "licences", "education_eqf", "available_from", "hours_per_week", "shifts", "home_comune",
            "mobility_comuni", "own_vehicle", "contract_preferences", "work_permit")}
        data["languages"] = self.languages()
        return data


class ProposeForm(forms.Form):
    vacancy = forms.UUIDField(widget=forms.HiddenInput)
    candidate_agreed = forms.BooleanField(
        label=_("La persona è stata informata e vuole essere proposta per questa offerta"), required=False)
    message = forms.CharField(label=_("Messaggio per il datore di lavoro"), required=False, max_length=1000,
                              widget=forms.Textarea(attrs={"rows": 2}))


class ProposalMoveForm(forms.Form):
    """An outcome of a proposal; for the interview, its date and time, read in the desk's time zone (the guard on
    the date lives in services.move_proposal)."""

    to_state = forms.ChoiceField(choices=ProposalState.choices, widget=forms.HiddenInput)
    note = forms.CharField(label=_("Nota"), required=False, max_length=300)
    interview_at = forms.CharField(
        label=_("Data e ora del colloquio"), required=False, max_length=30,
        help_text=_("Serve per registrare il colloquio. Formato gg/mm/aaaa hh:mm."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))

    def __init__(self, *args, tz, **kwargs):
        super().__init__(*args, **kwargs)
        self.tz = tz

    def clean_interview_at(self):
        text = self.cleaned_data["interview_at"].replace("\x00", "").strip()
        if not text:
            return None
        for fmt in ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %H.%M"):
            try:
                naive = dt.datetime.strptime(text, fmt)
            except ValueError:
                continue
            break
        else:
            raise forms.ValidationError(_("Data e ora non valide: usa il formato gg/mm/aaaa hh:mm."))
        if not 2000 <= naive.year <= 2100:
            raise forms.ValidationError(_("Data troppo lontana."))
        aware = naive.replace(tzinfo=self.tz)
        if aware.astimezone(dt.UTC).astimezone(self.tz).replace(tzinfo=None) != naive:
            raise forms.ValidationError(_("Quest'ora non esiste per il cambio dell'ora legale: scegline un'altra."))
        return aware


class AlertForm(forms.Form):
    email = forms.EmailField(label=_("La tua e-mail"))
    privacy = forms.BooleanField(label=_("Ho letto l'informativa: la mia e-mail serve solo a inviarmi le offerte"))
