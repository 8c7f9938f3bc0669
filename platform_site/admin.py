"""The back office's pages of the site-wide models: profiles, the e-mail queue, the audit trail.
(The admin site itself is platform_site/admin_site.py.)"""

from django.contrib import admin

from platform_site.admin_changelist import SafeDateHierarchyMixin
from platform_site.models import AuditEvent, OutgoingEmail, Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "language"]
    list_filter = ["language"]
    search_fields = ["user__email"]
    autocomplete_fields = ["user"]


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """Delivery status only: the bodies may hold sign-up and password links, so staff do not
    read them here."""

    list_display = ["subject", "to", "created_at", "sent_at", "failed_at", "attempts", "last_error"]
    list_filter = ["sent_at", "failed_at"]
    search_fields = ["to", "subject"]
    fields = [
        "to",
        "reply_to",
        "subject",
        "created_at",
        "claimed_at",
        "sent_at",
        "next_attempt_at",
        "failed_at",
        "attempts",
        "last_error",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(SafeDateHierarchyMixin, admin.ModelAdmin):
    """The audit trail, to read and filter: nobody adds, changes or deletes an event here."""

    list_display = ["created_at", "action", "actor_label", "target_label", "ip_address"]
    list_filter = [
        "action",
        ("actor", admin.RelatedOnlyFieldListFilter),
        ("target_type", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["target_type"]
    search_fields = ["actor_label", "target_label", "ip_address"]
    date_hierarchy = "created_at"
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 100
    fields = [
        "created_at",
        "action",
        "actor",
        "actor_label",
        "ip_address",
        "user_agent",
        "target_type",
        "target_id",
        "target_label",
        "details",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
