"""Forms of the booking flow and of the agenda. Rules live in services; forms only shape input."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from infolavoro.core.bilingual import english_label
from infolavoro.desks.forms import IntervalForm

from .models import BookingStatus, Calendar


class CalendarChoiceForm(forms.Form):
    calendar = forms.TypedChoiceField(label=_("Ufficio"), coerce=int, widget=forms.RadioSelect,
                                      error_messages={"required": _("Scegli l'ufficio.")})

    def __init__(self, *args, calendars, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["calendar"].choices = [(c.pk, c.label) for c in calendars]


class TimeChoiceForm(forms.Form):
    start = forms.ChoiceField(label=_("Orario"), widget=forms.RadioSelect,
                              error_messages={"required": _("Scegli un orario.")})

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].choices = [(s.start.isoformat(), s.start.strftime("%H:%M")) for s in slots]


class ReasonForm(forms.Form):
    reason = forms.ChoiceField(label=_("Argomento"), widget=forms.RadioSelect,
                               error_messages={"required": _("Scegli l'argomento dell'appuntamento.")})
    details = forms.CharField(label=_("Spiega in breve la tua richiesta"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Facoltativo. Non scrivere dati sulla salute o altri dati delicati."))

    def __init__(self, *args, reasons, **kwargs):
        """`reasons` None: no topic is asked (an appointment at a member's premises is about its service)."""
        super().__init__(*args, **kwargs)
        if reasons is None:
            del self.fields["reason"]
        else:
            self.fields["reason"].choices = [(r.code, r.label) for r in reasons]


class ContactForm(forms.Form):
    first_name = forms.CharField(label=_("Nome"), max_length=100, widget=forms.TextInput(
        attrs={"autocomplete": "given-name"}), error_messages={"required": _("Scrivi il nome.")})
    last_name = forms.CharField(label=_("Cognome"), max_length=100, widget=forms.TextInput(
        attrs={"autocomplete": "family-name"}), error_messages={"required": _("Scrivi il cognome.")})
    email = forms.EmailField(label=_("E-mail"), widget=forms.EmailInput(attrs={"autocomplete": "email"}),
                             help_text=_("Ti invieremo la conferma e il link per spostare o annullare."),
                             error_messages={"required": _("Scrivi il tuo indirizzo e-mail: ti invieremo la "
                                                           "conferma."),
                                             "invalid": _("L'indirizzo e-mail non è valido: controlla di averlo "
                                                          "scritto per intero.")})
    phone = forms.CharField(label=_("Telefono"), max_length=32, required=False,
                            widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
                            help_text=_("Facoltativo: per avvisarti in caso di imprevisti."))
    privacy_consent = forms.BooleanField(
        label=_("Ho letto l'informativa sul trattamento dei dati personali"),
        error_messages={"required": _("Per prenotare devi dichiarare di aver letto l'informativa sulla privacy.")})
    # Honeypot: hidden from people (and from assistive technology); bots fill it.
    company_website = forms.CharField(required=False, label=_("Non compilare questo campo"),
                                      widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))

    def clean_phone(self) -> str:
        from infolavoro.core.validators import validate_phone_number

        phone = self.cleaned_data["phone"].strip()
        if phone:
            validate_phone_number(phone)
        return phone


class StaffBookingForm(ContactForm):
    """Staff booking on behalf of a citizen: e-mail optional (phone or e-mail), consent given orally."""

    reason = forms.ChoiceField(label=_("Argomento"), error_messages={"required": _("Scegli l'argomento.")})
    details = forms.CharField(label=_("Note sulla richiesta"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, reasons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = [("", "—")] + [(r.code, r.label) for r in reasons]
        self.fields["email"].required = False
        self.fields["email"].help_text = _("Se c'è, la persona riceve la conferma e il link per spostare o annullare.")
        self.fields["phone"].help_text = ""
        self.fields["privacy_consent"].label = _("La persona ha ricevuto l'informativa sulla privacy")
        del self.fields["company_website"]


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=[(s.value, s.label) for s in (
        BookingStatus.CHECKED_IN, BookingStatus.COMPLETED, BookingStatus.NO_SHOW)])


class DeskCancelForm(forms.Form):
    cancel_reason = forms.CharField(label=_("Motivo (lo comunichiamo alla persona)"), max_length=300,
                                    error_messages={"required": _("Scrivi il motivo: lo comunichiamo alla "
                                                                  "persona.")})


class NotesForm(forms.Form):
    notes = forms.CharField(label=_("Note"), required=False, max_length=4000,
                            widget=forms.Textarea(attrs={"rows": 2}))


class BlockForm(forms.Form):
    date = forms.DateField(label=_("Giorno"), widget=forms.DateInput(attrs={"type": "date"}),
                           error_messages={"required": _("Scegli il giorno."),
                                           "invalid": _("Data non valida.")})
    starts_at = forms.TimeField(label=_("Dalle"), required=False, widget=forms.TimeInput(attrs={"type": "time"}),
                                help_text=_("Vuoto: tutto il giorno."))
    ends_at = forms.TimeField(label=_("Alle"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    capacity = forms.IntegerField(label=_("Persone per appuntamento"), min_value=0, max_value=50, initial=0,
                                  help_text=_("0 = nessun appuntamento (blocco)."))
    reason = forms.CharField(label=_("Motivo"), max_length=200, required=False)


class CalendarSettingsForm(forms.ModelForm):
    class Meta:
        model = Calendar
        fields = ["slot_minutes", "buffer_minutes", "min_notice_hours", "horizon_days",
                  "max_future_bookings_per_email", "is_active"]


class CapacityIntervalForm(IntervalForm):
    capacity = forms.IntegerField(label=_("Persone per appuntamento"), min_value=1, max_value=50, initial=1,
                                  error_messages={"min_value": _("Almeno una persona.")})


CapacityIntervalFormSet = forms.formset_factory(CapacityIntervalForm, extra=2, can_delete=True)


class ReasonRowForm(forms.Form):
    code = forms.SlugField(label=_("Codice"), max_length=40,
                           help_text=_("Lettere minuscole, numeri e trattini; usato dall'API."))
    label = forms.CharField(label=_("Argomento"), max_length=120)
    label_en = forms.CharField(label=english_label(_("Argomento")), max_length=120, required=False)
    position = forms.IntegerField(label=_("Ordine"), min_value=0, initial=0)
    is_active = forms.BooleanField(label=_("Attivo"), required=False, initial=True)


ReasonFormSet = forms.formset_factory(ReasonRowForm, extra=1)
