"""Images of a record beyond its main one: a small gallery that members upload."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .records import AboutARecord, record_image_path


class RecordImage(AboutARecord):
    image = models.ImageField(_("image"), upload_to=record_image_path, max_length=255)
    thumbnail = models.ImageField(
        _("small image"), upload_to=record_image_path, max_length=255, blank=True
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["position", "pk"]
        indexes = [
            # A record's gallery, in order, on its detail and edit pages.
            models.Index(fields=["content_type", "object_id", "position"], name="record_image_idx"),
            # Which gallery images hold a stored file: the media view's access check
            # (platform_site/media.py) and the deletion of unreferenced files (databases/files.py).
            models.Index(fields=["image"], name="record_image_file_idx"),
            models.Index(fields=["thumbnail"], name="record_image_thumbnail_idx"),
        ]

    def __str__(self):
        return self.image.name
