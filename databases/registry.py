"""The five resource databases: one entry each, shared by URLs, navigation, search and home."""

from dataclasses import dataclass

from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from platform_site.l10n import number


@dataclass(frozen=True)
class Database:
    key: str  # URL segment and template suffix
    model_path: str
    title: str
    tagline: str
    icon: str  # name of an inline SVG icon in templates/icons/
    # How many records, in plain words with each language's plural forms ("345 technologies"):
    # ngettext_lazy choosing by "count", showing "number" (the count in the reader's locale).
    counted: str
    counted_beyond: str  # the same, for a count that stopped at a cap ("More than 1,000 …")
    none_match: str  # a list whose filters leave nothing
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

    def count_text(self, count, capped=False):
        """``count`` records of this database in words: "1 project", "More than 1,000 projects"."""
        phrase = self.counted_beyond if capped else self.counted
        return phrase % {"count": count, "number": number(count)}

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
        ngettext_lazy("%(number)s technology", "%(number)s technologies", "count"),
        ngettext_lazy(
            "More than %(number)s technology", "More than %(number)s technologies", "count"
        ),
        _("No technologies match these filters."),
        form_path="databases.forms.TechnologyForm",
        new_title=_("Submit a technology"),
    ),
    Database(
        "projects",
        "databases.Project",
        _("Projects"),
        _("Green projects seeking partners and investment"),
        "project",
        ngettext_lazy("%(number)s project", "%(number)s projects", "count"),
        ngettext_lazy("More than %(number)s project", "More than %(number)s projects", "count"),
        _("No projects match these filters."),
        form_path="databases.forms.ProjectForm",
        new_title=_("Submit a project"),
    ),
    Database(
        "talents",
        "databases.Talent",
        _("Talents"),
        _("Experts for consulting, training and mentoring"),
        "talent",
        ngettext_lazy("%(number)s expert", "%(number)s experts", "count"),
        ngettext_lazy("More than %(number)s expert", "More than %(number)s experts", "count"),
        _("No experts match these filters."),
        form_path="databases.forms.TalentForm",
        new_title=_("Add an expert"),
    ),
    Database(
        "enterprises",
        "databases.Enterprise",
        _("Enterprises"),
        _("Enterprises in green industries"),
        "enterprise",
        ngettext_lazy("%(number)s enterprise", "%(number)s enterprises", "count"),
        ngettext_lazy(
            "More than %(number)s enterprise", "More than %(number)s enterprises", "count"
        ),
        _("No enterprises match these filters."),
        form_path="databases.forms.EnterpriseProfileForm",
    ),
    Database(
        "institutions",
        "databases.ServiceInstitution",
        _("Service institutions"),
        _("Finance, consulting, certification, law and training"),
        "institution",
        ngettext_lazy("%(number)s service institution", "%(number)s service institutions", "count"),
        ngettext_lazy(
            "More than %(number)s service institution",
            "More than %(number)s service institutions",
            "count",
        ),
        _("No service institutions match these filters."),
    ),
)

BY_KEY = {db.key: db for db in DATABASES}

# The areas of content the page cache keeps versions of (platform_site/cache.py): each
# database's own, and the taxonomies every database is filed under (databases/apps.py).
TAXONOMIES = "taxonomies"


# What members see of their own affairs besides records: introductions, interests, dismissed
# and current matches (the member dashboard, with every database's area).
MEMBERS = "members"


def content_areas(*databases):
    """What a page showing records of ``databases`` (by default all) depends on."""
    return (*(database.key for database in databases or DATABASES), TAXONOMIES)


def member_areas():
    """What a member's dashboard depends on: the records their enterprises keep and are
    recommended (every database), their memberships (the enterprises' area) and ``MEMBERS``."""
    return (*content_areas(), MEMBERS)


def taking_submissions():
    """The databases whose records members submit for review."""
    return [database for database in DATABASES if database.takes_submissions]


class _ByModel(dict):
    """Registry entries by model class, filled on first use (models load after this module)."""

    def __missing__(self, model):
        self.update({db.model: db for db in DATABASES})
        return self[model]


BY_MODEL = _ByModel()
