"""Desk texts entered by staff that have an English version (django-modeltranslation, falling back to Italian)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Closure, Desk


@register(Desk)
class DeskTranslation(TranslationOptions):
    fields = ("presentation", "comune_denomination")


@register(Closure)
class ClosureTranslation(TranslationOptions):
    fields = ("reason",)
