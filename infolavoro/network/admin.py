from django.contrib import admin

from infolavoro.desks import public_cache

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


def _desk_id(obj) -> int | None:
    if hasattr(obj, "desk_id"):
        return obj.desk_id
    owner = obj if hasattr(obj, "organization_id") else (obj.service or obj.location)  # a schedule
    return owner.organization.desk_id if owner else None


class PublicPagesAdmin(admin.ModelAdmin):
    """Edits here change the public directory pages too: their desk's cached pages are renewed
    (desks.public_cache), as with the edits of the management pages."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        public_cache.bump(_desk_id(obj))

    def delete_model(self, request, obj):
        public_cache.bump(_desk_id(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for desk_id in {_desk_id(obj) for obj in queryset}:
            public_cache.bump(desk_id)
        super().delete_queryset(request, queryset)


@admin.register(Organization)
class OrganizationAdmin(PublicPagesAdmin):
    list_display = ["name", "kind", "desk", "is_active", "last_reviewed_at"]
    list_filter = ["desk", "kind", "is_active"]
    search_fields = ["name", "alternate_name"]


@admin.register(Service)
class ServiceAdmin(PublicPagesAdmin):
    list_display = ["name", "organization", "is_active", "last_reviewed_at"]
    search_fields = ["name", "organization__name"]
    list_select_related = ["organization"]


@admin.register(Project, TrainingOpportunity)
class ReviewedEntryAdmin(PublicPagesAdmin):
    list_display = ["title", "organization", "is_active", "last_reviewed_at"]
    search_fields = ["title", "organization__name"]
    list_select_related = ["organization"]


@admin.register(ChangeRecord)
class ChangeRecordAdmin(admin.ModelAdmin):
    list_display = ["object_label", "object_type", "action", "organization", "at", "reviewed_at"]
    list_filter = ["desk", "object_type", "action"]
    list_select_related = ["organization"]


admin.site.register([Location, TaxonomyTerm, Schedule, Contact], PublicPagesAdmin)
