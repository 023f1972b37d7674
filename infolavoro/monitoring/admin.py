from django.contrib import admin

from .models import MonitoringSettings, MonthlyReport


@admin.register(MonitoringSettings)
class MonitoringSettingsAdmin(admin.ModelAdmin):
    list_display = ["desk", "min_cell_size"]


@admin.register(MonthlyReport)
class MonthlyReportAdmin(admin.ModelAdmin):
    list_display = ["desk", "month", "sent_at", "recipients"]
    readonly_fields = ["desk", "month", "sent_at", "recipients"]
