from django.contrib.sitemaps import Sitemap

from .registry import DATABASES


class TranslatedSitemap(Sitemap):
    """A sitemap section listing every item in every language, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True

    def lastmod(self, item):
        return item.updated_at


class RecordSitemap(TranslatedSitemap):
    """Every published record of one database."""

    limit = 5000

    def __init__(self, database):
        self.database = database

    def items(self):
        return self.database.model.objects.published().only("slug", "updated_at").order_by("pk")


sitemaps = {database.key: RecordSitemap(database) for database in DATABASES}
