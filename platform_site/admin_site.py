"""The back office's admin site: the site's log-in page, and the pages apps add to it.

A module of its own: the admin app builds the default site by importing this class, and
``admin.register`` in a module imported then would register on a site that is thrown away.
"""

from functools import partial

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _


class PlatformAdminSite(admin.AdminSite):
    site_header = _("Green Industry Service Platform")
    site_title = _("Green Industry Service Platform")
    index_title = _("Back office")

    def __init__(self, name="admin"):
        super().__init__(name)
        self._views = []

    def login(self, request, extra_context=None):
        """Staff sign in on the site's log-in page, which asks for the second factor and counts
        failed attempts per account; the admin's own form never checks a password."""
        return secure_admin_login(super().login)(request, extra_context)

    def register_view(self, route, view, name):
        """Serve ``view(request, site=<this site>)`` at ``route`` under the admin, to staff only:
        a page of an app's own that is no model's, such as the review queue. Apps call it from
        their admin module, as they register their models (databases/admin.py)."""
        self._views.append((route, view, name))

    def get_urls(self):
        return [
            *(
                path(route, self.admin_view(partial(view, site=self)), name=name)
                for route, view, name in self._views
            ),
            *super().get_urls(),
        ]
