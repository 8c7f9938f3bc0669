"""The five resource databases: one entry each, shared by URLs, navigation, search and home."""

from dataclasses import dataclass

from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Database:
    key: str  # URL segment and template suffix
    model_path: str
    title: str
    tagline: str
    icon: str  # name of an inline SVG icon in templates/icons/
    # The member area's form for the records members submit ("": the secretariat keeps them).
    form_path: str = ""
    # The heading of the member area's form for a new record ("": members do not create them
    # there; an enterprise is registered, databases/members.py).
    new_title: str = ""

    @cached_property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_path)

    @cached_property
    def form(self):
        return import_string(self.form_path)

    @property
    def url_name(self):
        return self.model.url_name

    @property
    def takes_submissions(self):
        """Whether members submit its records for review (and the review queue lists them)."""
        return bool(self.form_path)

    @property
    def takes_new_records(self):
        """Whether members create its records in the member area."""
        return bool(self.new_title)


DATABASES = (
    Database(
        "technologies",
        "databases.Technology",
        _("Technologies"),
        _("Green and low-carbon technologies ready for transfer"),
        "technology",
        form_path="databases.forms.TechnologyForm",
        new_title=_("Submit a technology"),
    ),
    Database(
        "projects",
        "databases.Project",
        _("Projects"),
        _("Green projects seeking partners and investment"),
        "project",
        form_path="databases.forms.ProjectForm",
        new_title=_("Submit a project"),
    ),
    Database(
        "talents",
        "databases.Talent",
        _("Talents"),
        _("Experts for consulting, training and mentoring"),
        "talent",
        form_path="databases.forms.TalentForm",
        new_title=_("Add an expert"),
    ),
    Database(
        "enterprises",
        "databases.Enterprise",
        _("Enterprises"),
        _("Enterprises in green industries"),
        "enterprise",
        form_path="databases.forms.EnterpriseProfileForm",
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


def taking_submissions():
    """The databases whose records members submit for review."""
    return [database for database in DATABASES if database.takes_submissions]


class _ByModel(dict):
    """Registry entries by model class, filled on first use (models load after this module)."""

    def __missing__(self, model):
        self.update({db.model: db for db in DATABASES})
        return self[model]


BY_MODEL = _ByModel()
