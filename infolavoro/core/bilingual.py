"""Staff forms for content with an English version (django-modeltranslation): every translated field appears
twice, the Italian one as required as the model says and labelled as before, the English one optional and
labelled "… (in inglese)". One rule for every form that edits such content."""

from __future__ import annotations

import copy

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

LANGUAGES = ("it", "en")


def translated_fields(model) -> tuple[str, ...]:
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def english_label(label) -> str:
    return format_lazy("{} ({})", label, _("in inglese, facoltativo"))


def capitalised(label) -> str:
    label = str(label)
    return label[:1].upper() + label[1:]


class BilingualModelForm(forms.ModelForm):
    """List both versions in Meta.fields (`"name_it", "name_en"`) and widgets under the base name; the Italian
    field is required when the model field is, the English one optional (empty: Italian is shown)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = self._meta.model
        widgets = self._meta.widgets or {}
        for name in translated_fields(model):
            original = model._meta.get_field(name)
            italian, english = self.fields.get(f"{name}_it"), self.fields.get(f"{name}_en")
            for field in (italian, english):
                if field is not None and name in widgets:
                    field.widget = copy.deepcopy(widgets[name])
            if italian is not None:
                italian.widget.attrs["lang"] = "it"  # also on an English page: read as Italian
                italian.label = capitalised(original.verbose_name)
                italian.required = not original.blank
                italian.help_text = original.help_text
            if english is not None:
                english.label = english_label(capitalised(original.verbose_name))
                english.required = False
                english.help_text = ""
                english.widget.attrs["lang"] = "en"
                english.empty_value = None  # no English text: stored as NULL, the page shows the Italian one

