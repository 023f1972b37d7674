"""Django admin: the taxonomy (read-mostly, loaded by import_esco) and the local synonyms administrators add."""

from django.contrib import admin

from .models import Employer, IscoGroup, Occupation, Skill, Synonym


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ("term", "occupation", "skill", "desk")
    list_filter = ("desk",)
    search_fields = ("term", "occupation__preferred_label", "skill__preferred_label")
    autocomplete_fields = ("occupation", "skill")


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ("preferred_label", "isco_code", "uri")
    search_fields = ("preferred_label", "alt_labels", "isco_code")


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ("preferred_label", "skill_type", "reuse_level")
    list_filter = ("skill_type",)
    search_fields = ("preferred_label", "alt_labels")


@admin.register(IscoGroup)
class IscoGroupAdmin(admin.ModelAdmin):
    list_display = ("code", "label")
    search_fields = ("code", "label")


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ("name", "tax_code", "comune", "status", "desk")
    list_filter = ("status", "desk")
    search_fields = ("name", "tax_code")
