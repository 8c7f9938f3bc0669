from django.contrib.sitemaps import Sitemap

from .registry import DATABASES


class RecordSitemap(Sitemap):
    """Every published record, in every language, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True
    limit = 5000

    def __init__(self, database):
        self.database = database

    def items(self):
        return self.database.model.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, record):
        return record.updated_at


sitemaps = {database.key: RecordSitemap(database) for database in DATABASES}
