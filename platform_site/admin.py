"""The back office: the admin site with the review queue, and the site-wide models."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from platform_site.models import OutgoingEmail, Profile


class PlatformAdminSite(admin.AdminSite):
    site_header = _("Green Industry Service Platform")
    site_title = _("Green Industry Service Platform")
    index_title = _("Back office")

    def login(self, request, extra_context=None):
        """Staff sign in on the site's log-in page, which asks for the second factor and counts
        failed attempts per account; the admin's own form never checks a password."""
        return secure_admin_login(super().login)(request, extra_context)

    def get_urls(self):
        from databases.admin_review import review_queue

        return [
            path(
                "review/",
                self.admin_view(lambda request: review_queue(request, self)),
                name="review-queue",
            ),
            *super().get_urls(),
        ]


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

    list_display = ["subject", "to", "created_at", "sent_at", "attempts", "last_error"]
    list_filter = ["sent_at"]
    search_fields = ["to", "subject"]
    fields = ["to", "subject", "created_at", "sent_at", "attempts", "last_error"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
