from django.contrib import admin

from .models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "desk", "template", "state", "attempts", "next_attempt_at", "last_error"]
    list_filter = ["state", "desk"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]
