"""Job-portal guidance entered by staff that has an English version (django-modeltranslation, falling back to
Italian); the portal's name is a proper name and is not translated."""

from modeltranslation.translator import TranslationOptions, register

from .models import JobPortal


@register(JobPortal)
class JobPortalTranslation(TranslationOptions):
    fields = ("what_to_bring", "checklist", "next_steps")
