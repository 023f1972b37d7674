from django.contrib import admin

from .models import Closure, Desk, OpeningInterval


class OpeningIntervalInline(admin.TabularInline):
    model = OpeningInterval
    extra = 0


@admin.register(Desk)
class DeskAdmin(admin.ModelAdmin):
    list_display = ["name", "comune", "slug", "is_active"]
    search_fields = ["name", "comune", "slug"]
    prepopulated_fields = {"slug": ["comune"]}
    inlines = [OpeningIntervalInline]


@admin.register(Closure)
class ClosureAdmin(admin.ModelAdmin):
    list_display = ["desk", "starts_on", "ends_on", "reason"]
    list_filter = ["desk"]
