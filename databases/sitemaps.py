from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse

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


class PageSitemap(Sitemap):
    """Every published page of the about section (the pages with a route of their own)."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        from cms.models import Page

        return (
            Page.objects.published()
            .filter(
                Q(parent__isnull=True, slug="about")
                | Q(parent__slug="about", parent__parent__isnull=True)
            )
            .select_related("parent")
            .order_by("parent_id", "ordering", "pk")
        )

    def lastmod(self, page):
        return page.updated_at


class CountrySitemap(Sitemap):
    """Every published country overview."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        from cms.models import CountryOverview

        return CountryOverview.objects.published().select_related("country").order_by("pk")

    def lastmod(self, overview):
        return overview.updated_at


class MeetingsSitemap(Sitemap):
    """The ministerial meetings page."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["cms:meetings"]

    def location(self, url_name):
        return reverse(url_name)


sitemaps["pages"] = PageSitemap()
sitemaps["meetings"] = MeetingsSitemap()
sitemaps["countries"] = CountrySitemap()
