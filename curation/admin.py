"""Corrections in the admin: a read-only log of every hand correction (who, when, why, before and after).

Corrections are written by the change forms of drafts, votes, positions, paragraphs and sponsorships, never
typed in here."""

from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from .models import Correction


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ["created_at", "created_by", "record_link", "field", "old_value", "new_value", "short_reason"]
    list_filter = ["content_type", "field", "created_by"]
    list_select_related = ["content_type", "created_by"]
    search_fields = ["reason", "old_value", "new_value", "field"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="record")
    def record_link(self, obj):
        label = f"{obj.content_type.model} {obj.object_id}"
        if obj.key:
            label = f"{obj.content_type.model}: " + " ".join(str(value) for value in obj.key.values())
        try:
            url = reverse(f"admin:{obj.content_type.app_label}_{obj.content_type.model}_change", args=[obj.object_id])
        except NoReverseMatch:
            return label
        return format_html('<a href="{}">{}</a>', url, label)

    @admin.display(description="reason")
    def short_reason(self, obj):
        return obj.reason if len(obj.reason) <= 80 else obj.reason[:79] + "…"
