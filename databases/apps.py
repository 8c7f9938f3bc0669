from functools import partial

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatabasesConfig(AppConfig):
    name = "databases"
    verbose_name = _("Resource databases")

    def ready(self):
        from databases import files
        from databases.models import FiguresSnapshot
        from platform_site import cache

        # Any change to what the public pages show makes the cached pages and choices of its
        # area stale: a record's database, or the taxonomies every database is filed under.
        # Not a new count of the figures: it follows a change, and would ask for another.
        for model in self.get_models():
            if model is not FiguresSnapshot:
                cache.watch(model, content_area(model))
        # Stored files follow the rows that hold their names.
        files.connect()
        # The pages ask for the figures' count by the task's name (databases/statistics.py).
        from databases import tasks  # noqa: F401

    def media_holders(self):
        """The rows that hold stored files (platform_site/media.py): each database's records,
        by their own file fields and by their gallery; public once published, and seen
        unpublished by their enterprise's members where they have one. (The open data files are
        sent by their own view, /data/<database>.<format>.)"""
        from django.db.models import Q

        from databases.files import in_gallery
        from databases.models import PublicationStatus
        from databases.registry import DATABASES
        from platform_site.media import Holder, file_columns

        published = Q(status=PublicationStatus.PUBLISHED)
        holders = []
        for database in DATABASES:
            model = database.model
            members = bool(model.enterprise_field)
            holders.append(Holder(model, file_columns, published, members))
            holders.append(Holder(model, in_gallery, published, members))
        return holders


# Shown on no public page of a database, but on the open data page.
OPEN_DATA = "open-data"


def content_area(model):
    """The area of the page cache (platform_site/cache.py) a change to ``model`` stales."""
    from databases.registry import BY_KEY, DATABASES, TAXONOMIES

    by_model = {database.model: database.key for database in DATABASES}
    if model in by_model:
        return by_model[model]
    if model.__name__ == "DataDownload":
        return OPEN_DATA
    if model.__name__ == "Membership":
        # Who may edit an enterprise's records; its page shows its members' work.
        return BY_KEY["enterprises"].key
    if any(field.name == "content_type" for field in model._meta.get_fields()):
        # A record's image or review note: its record's database.
        return partial(_area_of_record, by_model)
    return TAXONOMIES


def _area_of_record(by_model, instance):
    return by_model.get(instance.content_type.model_class()) if instance else None
