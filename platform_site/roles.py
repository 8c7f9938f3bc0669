"""The secretariat's staff roles, as Django groups with only the permissions each needs.

- Secretariat editor: keeps the site's content and the databases' records current, and brokers
  the introductions (no deleting records, no publishing, archiving or verifying, no accounts).
- Reviewer: reviews members' submissions, publishes and archives records, verifies enterprises,
  decides membership requests; reads the records but edits nothing else.
- Administrator: everything of the platform's own apps (starting a matchmaking run included),
  the audit trail and the e-mail outbox, and staff accounts (but is not a superuser).

The machinery's own models (the log-in lock-outs, which lift by themselves; beat's schedules;
allauth's and reversion's rows) are for superusers only, whatever a group holds
(admin_site.TECHNICAL_APPS): no role lists them.

Groups are created and kept in step by migrations (platform_site 0002, 0004, 0008, 0009) calling
``install``.
"""

from django.utils.translation import gettext_noop

RECORDS = ["technology", "project", "talent", "enterprise", "serviceinstitution"]
TAXONOMIES = ["country", "sector", "technologyfield", "sdg", "cooperationtype", "language"]
CMS_CONTENT = [
    "page",
    "countryoverview",
    "ministerialmeeting",
    "event",
    "policydocument",
    "story",
    "storyimage",
]


def _perms(app_label, models, actions):
    return {f"{app_label}.{action}_{model}" for model in models for action in actions}


EDITOR = (
    _perms("cms", CMS_CONTENT, ["add", "change", "view"])
    # A story is unpublished, never deleted by an editor; its images may be removed.
    | _perms("cms", ["event", "policydocument", "storyimage"], ["delete"])
    | _perms("cms", ["sitesettings"], ["change", "view"])
    | _perms("cms", ["inquiry"], ["change", "view"])
    | _perms("databases", RECORDS, ["add", "change", "view"])
    | _perms("databases", TAXONOMIES, ["view"])
    | _perms("matchmaking", ["matchrun", "match", "dismissal"], ["view"])
    | _perms("matchmaking", ["introduction", "interest"], ["change", "view"])
)
REVIEWER = (
    _perms("databases", RECORDS, ["view"])
    | _perms("databases", RECORDS, ["review"])
    | _perms("databases", ["membership"], ["change", "view"])
    | _perms("databases", ["reviewnote"], ["view"])
)
ADMINISTRATOR = {
    "*:cms",
    "*:databases",
    "*:platform_site",
    "*:matchmaking",
} | (_perms("auth", ["user"], ["add", "change", "view"]) | _perms("auth", ["group"], ["view"]))

ROLES = {
    gettext_noop("Secretariat editor"): EDITOR,
    gettext_noop("Reviewer"): REVIEWER,
    gettext_noop("Administrator"): ADMINISTRATOR,
}


def install(apps, using="default"):
    """Create the groups and set exactly their permissions (running it again changes nothing)."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLES.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        apps_whole = {item.split(":", 1)[1] for item in wanted if item.startswith("*:")}
        codes = [item.split(".", 1) for item in wanted if not item.startswith("*:")]
        permissions = list(
            Permission.objects.using(using).filter(content_type__app_label__in=apps_whole)
        )
        for app_label, codename in codes:
            permissions += list(
                Permission.objects.using(using).filter(
                    content_type__app_label=app_label, codename=codename
                )
            )
        group.permissions.set(permissions)
