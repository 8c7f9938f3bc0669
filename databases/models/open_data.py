"""The bulk downloads of the databases: one row per database and format, naming the current
file in the media storage (databases/open_data.py writes them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DownloadFormat(models.TextChoices):
    CSV = "csv", "CSV"
    JSON = "json", "JSON"
    XLSX = "xlsx", "XLSX"


class DataDownload(models.Model):
    database = models.CharField(_("database"), max_length=20)
    format = models.CharField(_("format"), max_length=4, choices=DownloadFormat.choices)
    file = models.FileField(_("file"), max_length=255)
    byte_size = models.PositiveBigIntegerField(_("size in bytes"))
    row_count = models.PositiveIntegerField(_("records"))
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64)
    generated_at = models.DateTimeField(_("generated"))
    # What the published records looked like when the file was written (open_data.fingerprint):
    # the hourly task writes the files again only when it differs.
    fingerprint = models.CharField(_("fingerprint"), max_length=64)

    class Meta:
        verbose_name = _("data download")
        verbose_name_plural = _("data downloads")
        ordering = ["database", "format"]
        constraints = [
            # The current file of each database in each format; the data page and the
            # catalogue read them all, the stable download URL /data/<database>.<format> one.
            models.UniqueConstraint(fields=["database", "format"], name="datadownload_one_current")
        ]
        indexes = [
            # Which row holds a stored file: the media view's access check (platform_site/media.py).
            models.Index(fields=["file"], name="datadownload_file_idx"),
        ]

    def __str__(self):
        return self.file.name
