from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatabasesConfig(AppConfig):
    name = "databases"
    verbose_name = _("Resource databases")

    def ready(self):
        from . import choices
        from .models import SDG, CooperationType, Country, Language, Sector, TechnologyField

        choices.connect_signals([Country, Sector, TechnologyField, SDG, CooperationType, Language])
