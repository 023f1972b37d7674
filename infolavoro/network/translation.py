"""Network texts entered by staff and members that have an English version (django-modeltranslation, falling
back to Italian): needs and topics, members' descriptions, services' names, descriptions, audience,
requirements, cost and how to access them, the premises' accessibility and directions, the notes on opening hours.
Names of members and premises and addresses are proper names and are not translated."""

from django.db.models import NOT_PROVIDED
from modeltranslation.translator import TranslationOptions, register

from .models import Location, Organization, Schedule, Service, TaxonomyTerm


@register(TaxonomyTerm)
class TaxonomyTermTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("description",)


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = ("name", "description", "audience", "eligibility", "cost", "how_to_access")


@register(Location)
class LocationTranslation(TranslationOptions):
    fields = ("accessibility", "transportation")


@register(Schedule)
class ScheduleTranslation(TranslationOptions):
    fields = ("description", "notes")


# The Italian defaults of new services ("Gratuito", "Presso la sede del soggetto, su appuntamento.") are not English:
# a new service has no English version of them until someone writes it, and English pages show the Italian marked
# as Italian (core templatetags `translated`).
for _name in ("cost", "how_to_access"):
    Service._meta.get_field(f"{_name}_en").default = NOT_PROVIDED
