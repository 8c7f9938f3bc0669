"""The back office's admin site: the site's log-in page, and the review queue.

A module of its own: the admin app builds the default site by importing this class, and
``admin.register`` in a module imported then would register on a site that is thrown away.
"""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _


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
