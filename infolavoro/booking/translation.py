"""Booking texts entered by staff that have an English version (django-modeltranslation, falling back to Italian)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Reason


@register(Reason)
class ReasonTranslation(TranslationOptions):
    fields = ("label",)
