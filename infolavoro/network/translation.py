"""Network texts entered by staff and members that have an English version (django-modeltranslation, falling
back to Italian): needs and topics, members' descriptions, services' names and descriptions. Names of members
are proper names and are not translated."""

from modeltranslation.translator import TranslationOptions, register

from .models import Organization, Service, TaxonomyTerm


@register(TaxonomyTerm)
class TaxonomyTermTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("description",)


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = ("name", "description")
