"""The five resource databases: one entry each, shared by URLs, navigation, search and home."""

from dataclasses import dataclass

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Database:
    key: str  # URL segment and template suffix
    model_path: str
    title: str
    tagline: str
    icon: str  # name of an inline SVG icon in templates/icons/

    @cached_property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_path)

    @property
    def url_name(self):
        return self.model.url_name


DATABASES = (
    Database(
        "technologies",
        "databases.Technology",
        _("Technologies"),
        _("Green and low-carbon technologies ready for transfer"),
        "technology",
    ),
    Database(
        "projects",
        "databases.Project",
        _("Projects"),
        _("Green projects seeking partners and investment"),
        "project",
    ),
    Database(
        "talents",
        "databases.Talent",
        _("Talents"),
        _("Experts for consulting, training and mentoring"),
        "talent",
    ),
    Database(
        "enterprises",
        "databases.Enterprise",
        _("Enterprises"),
        _("Enterprises in green industries"),
        "enterprise",
    ),
    Database(
        "institutions",
        "databases.ServiceInstitution",
        _("Service institutions"),
        _("Finance, consulting, certification, law and training"),
        "institution",
    ),
)

BY_KEY = {db.key: db for db in DATABASES}


class _ByModel(dict):
    """Registry entries by model class, filled on first use (models load after this module)."""

    def __missing__(self, model):
        self.update({db.model: db for db in DATABASES})
        return self[model]


BY_MODEL = _ByModel()
