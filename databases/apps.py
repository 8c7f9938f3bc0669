from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatabasesConfig(AppConfig):
    name = "databases"
    verbose_name = _("Resource databases")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from databases import files
        from databases.models import FiguresSnapshot
        from platform_site.cache import content_changed

        # Any change to what the public pages show makes the cached pages and choices stale.
        # Not a new count of the figures: it follows a change, and would ask for another.
        for model in self.get_models():
            if model is FiguresSnapshot:
                continue
            for signal in (post_save, post_delete):
                signal.connect(content_changed, sender=model, dispatch_uid=f"content-{model}")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    content_changed,
                    sender=field.remote_field.through,
                    dispatch_uid=f"content-{field.remote_field.through}",
                )
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
