from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PlatformSiteConfig(AppConfig):
    default = True
    name = "platform_site"
    verbose_name = _("Platform")


class PlatformAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "platform_site.admin.PlatformAdminSite"
