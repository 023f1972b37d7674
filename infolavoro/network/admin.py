from django.contrib import admin

from .models import (
    ChangeRecord,
    Contact,
    Location,
    Organization,
    Project,
    Schedule,
    Service,
    TaxonomyTerm,
    TrainingOpportunity,
)


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "desk", "is_active", "last_reviewed_at"]
    list_filter = ["desk", "kind", "is_active"]
    search_fields = ["name", "alternate_name"]


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "is_active", "last_reviewed_at"]
    search_fields = ["name", "organization__name"]
    list_select_related = ["organization"]


@admin.register(Project, TrainingOpportunity)
class ReviewedEntryAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "is_active", "last_reviewed_at"]
    search_fields = ["title", "organization__name"]
    list_select_related = ["organization"]


@admin.register(ChangeRecord)
class ChangeRecordAdmin(admin.ModelAdmin):
    list_display = ["object_label", "object_type", "action", "organization", "at", "reviewed_at"]
    list_filter = ["desk", "object_type", "action"]
    list_select_related = ["organization"]


admin.site.register(Location)
admin.site.register(TaxonomyTerm)
admin.site.register(Schedule)
admin.site.register(Contact)
