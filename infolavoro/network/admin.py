from django.contrib import admin

from .models import Location, Organization, Service, TaxonomyTerm


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "desk", "is_active"]
    list_filter = ["desk", "kind", "is_active"]
    search_fields = ["name"]


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "is_active"]
    search_fields = ["name", "organization__name"]
    list_select_related = ["organization"]


admin.site.register(Location)
admin.site.register(TaxonomyTerm)
