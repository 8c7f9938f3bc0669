from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PlatformSiteConfig(AppConfig):
    default = True
    name = "platform_site"
    verbose_name = _("Platform")

    def ready(self):
        # lookups and checks register themselves.
        from platform_site import audit, checks, lookups  # noqa: F401

        audit.connect()


class PlatformAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "platform_site.admin_site.PlatformAdminSite"

    def ready(self):
        super().ready()
        from allauth.mfa.models import Authenticator
        from django.contrib import admin
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from platform_site.user_admin import RoleAdmin, SecondFactorAdmin, StaffUserAdmin

        # Django's user and group admins and allauth's second factors, with the Administrator
        # role's limits and re-authentication.
        admin.site.unregister(get_user_model())
        admin.site.register(get_user_model(), StaffUserAdmin)
        admin.site.unregister(Group)
        admin.site.register(Group, RoleAdmin)
        admin.site.unregister(Authenticator)
        admin.site.register(Authenticator, SecondFactorAdmin)
