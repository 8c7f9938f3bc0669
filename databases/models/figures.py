from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class FiguresSnapshot(models.Model):
    """The aggregates over every published record that the statistics, country and home pages
    draw from (databases/statistics.py), as a task last counted them.

    Counting them takes seconds at a hundred thousand records per database: no visitor waits
    for it. A page reads the snapshot (one row) and asks for a new one when the content changed
    since it was counted."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    counts = models.JSONField(_("counts"), encoder=DjangoJSONEncoder)
    # The content version (platform_site/cache.py) when the counting began: a page under
    # another version asks for a new count.
    content_version = models.CharField(_("content version"), max_length=64)
    computed_at = models.DateTimeField(_("counted"))

    class Meta:
        verbose_name = _("figures snapshot")
        verbose_name_plural = _("figures snapshots")

    def __str__(self):
        return self.name
