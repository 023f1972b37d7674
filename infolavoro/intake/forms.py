"""Forms of the listening point. They validate input; the services apply the rules."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infolavoro.core.bilingual import BilingualModelForm
from infolavoro.core.validators import validate_phone_number
from infolavoro.desks.models import Desk

from .models import Citizen, Consultation, IntakeSettings, JobPortal
from .selectors import taxonomy_terms
from .validators import normalise_codice_fiscale, validate_codice_fiscale


class TermChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class SpecialConsentMixin:
    """Whether the explicit-consent box shows at first (special-consent.js shows it when a need is ticked)."""

    terms_field = ""

    def show_special_consent(self) -> bool:
        if "special_consent" not in self.fields:
            return False
        if "special_notes" in self.fields or self["special_consent"].value() or self.errors.get("special_consent"):
            return True
        chosen = {str(getattr(v, "pk", v)) for v in (self[self.terms_field].value() or [])}
        return any(str(t.pk) in chosen for t in self.fields[self.terms_field].queryset if t.special_category)


class CitizenForm(SpecialConsentMixin, forms.ModelForm):
    terms_field = "interests"

    privacy_acknowledged = forms.BooleanField(
        label=_("Ho consegnato l'informativa sulla privacy e la persona ne ha preso visione"), required=True,
        error_messages={"required": _("Prima di registrare i dati, consegna l'informativa sulla privacy.")},
    )
    sharing_consent = forms.BooleanField(
        label=_("La persona acconsente a condividere i suoi dati con i soggetti della rete a cui viene "
                "indirizzata"),
        required=False, help_text=_("Facoltativo e revocabile in ogni momento. Senza, non si possono inviare "
                                    "segnalazioni."),
    )
    special_notes = forms.CharField(
        label=_("Informazioni su salute o disabilità utili all'orientamento"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Dati particolari: solo se utili e con il consenso esplicito. Conservati a parte."),
    )
    special_consent = forms.BooleanField(
        label=_("La persona dà il consenso esplicito al trattamento dei suoi dati particolari (salute, disabilità) "
                "registrati qui"),
        required=False,
        help_text=_("Serve per le voci segnate come dato particolare e per le note su salute o disabilità. "
                    "Togliendo il consenso, quei dati vengono cancellati."),
    )

    class Meta:
        model = Citizen
        fields = ["first_name", "last_name", "email", "phone", "codice_fiscale", "age_band", "education_level",
                  "employment_status", "cpi_registered", "languages", "interests", "availability",
                  "driving_licence"]
        error_messages = {
            "email": {"invalid": _("Indirizzo e-mail non valido: controlla che sia scritto come nome@esempio.it.")},
        }

    def __init__(self, *args, desk: Desk, special_enabled: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.desk = desk
        self.fields["interests"] = TermChoiceField(
            queryset=taxonomy_terms(desk), required=False, label=_("Interessi e bisogni")
        )
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.fields["phone"].widget.attrs.update({"type": "tel", "autocomplete": "off"})
        if not self.instance._state.adding:
            del self.fields["privacy_acknowledged"]
            self.fields["sharing_consent"].initial = self.instance.sharing_consent
            self.fields["special_consent"].initial = self.instance.special_consent_at is not None
            special = getattr(self.instance, "special", None) if special_enabled else None
            if special:
                self.fields["special_notes"].initial = special.notes
        if not special_enabled:
            del self.fields["special_notes"]

    def clean_codice_fiscale(self) -> str:
        value = normalise_codice_fiscale(self.cleaned_data.get("codice_fiscale", ""))
        if value:
            validate_codice_fiscale(value)
            clash = Citizen.objects.filter(desk=self.desk, codice_fiscale=value).exclude(pk=self.instance.pk)
            if clash.exists():
                raise forms.ValidationError(_("Esiste già una scheda con questo codice fiscale."))
        return value

    def clean_phone(self) -> str:
        value = self.cleaned_data.get("phone", "").strip()
        if value:
            validate_phone_number(value)
        return value

    def _post_clean(self) -> None:
        # The service builds and validates the model; skip the ModelForm's instance construction.
        pass


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Cerca per nome, cognome, e-mail, telefono o codice fiscale"), max_length=100,
                        required=False)


class ConsultationForm(SpecialConsentMixin, forms.ModelForm):
    terms_field = "needs"

    class Meta:
        model = Consultation
        fields = ["held_at", "reason", "needs", "notes", "outcome", "next_steps"]
        widgets = {
            "held_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "outcome": forms.Textarea(attrs={"rows": 2}),
            "next_steps": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {"held_at": {"invalid": _("Data e ora non valide: usa il formato gg/mm/aaaa hh:mm.")}}

    special_consent = forms.BooleanField(
        label=_("La persona dà il consenso esplicito al trattamento dei suoi dati particolari (salute, disabilità) "
                "registrati qui"),
        required=False, help_text=_("Serve per le voci segnate come dato particolare."),
    )

    def __init__(self, *args, desk: Desk, citizen: Citizen | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["needs"] = TermChoiceField(queryset=taxonomy_terms(desk), required=False,
                                               label=_("Bisogni rilevati"))
        if citizen is not None and citizen.special_consent_at is not None:
            del self.fields["special_consent"]  # already given: recorded on the person's record
        self.fields["held_at"].input_formats = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]
        if not self.is_bound:
            # The appointment's time when there is one, else now; in the zone the input is parsed in.
            held_at = self.initial.get("held_at") or timezone.now()
            self.initial["held_at"] = timezone.localtime(held_at).strftime("%Y-%m-%dT%H:%M")

    def _post_clean(self) -> None:
        pass


class PortalChecklistForm(forms.Form):
    """One portal's steps as checkboxes, ticked with the citizen."""

    completed = forms.BooleanField(label=_("Registrazione completata"), required=False)

    def __init__(self, *args, portal: JobPortal, done: list[str] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.portal = portal
        self.fields["steps"] = forms.MultipleChoiceField(
            label=_("Passi fatti insieme"), required=False, widget=forms.CheckboxSelectMultiple,
            choices=[(s, s) for s in portal.steps], initial=list(done),
        )
        self.order_fields(["steps", "completed"])


class JobPortalForm(BilingualModelForm):
    url = forms.URLField(label=_("indirizzo web"), assume_scheme="https")

    class Meta:
        model = JobPortal
        fields = ["name", "url", "what_to_bring_it", "what_to_bring_en", "checklist_it", "checklist_en",
                  "next_steps_it", "next_steps_en", "position", "is_active"]
        widgets = {"what_to_bring": forms.Textarea(attrs={"rows": 2}), "checklist": forms.Textarea(attrs={"rows": 5}),
                   "next_steps": forms.Textarea(attrs={"rows": 2})}


class IntakeSettingsForm(forms.ModelForm):
    class Meta:
        model = IntakeSettings
        fields = ["special_categories_enabled", "referral_alert_days"]


class AuditFilterForm(forms.Form):
    """Filter the access log by a record's short code (non-identifying, so it may go in the URL)."""

    scheda = forms.RegexField(
        label=_("Codice scheda"), required=False, regex=r"^[0-9A-Fa-f]{8}$", strip=True,
        error_messages={"invalid": _("Il codice scheda è di 8 caratteri tra 0-9 e A-F, es. 3214649E.")},
    )
