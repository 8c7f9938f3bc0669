from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatabasesConfig(AppConfig):
    name = "databases"
    verbose_name = _("Resource databases")
