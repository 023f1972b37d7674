from django.contrib import admin

from .models import MonthlyReport


@admin.register(MonthlyReport)
class MonthlyReportAdmin(admin.ModelAdmin):
    list_display = ["desk", "month", "sent_at", "recipients"]
    readonly_fields = ["desk", "month", "sent_at", "recipients"]
