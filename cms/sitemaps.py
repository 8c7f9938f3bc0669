from django.db.models import Q
from django.urls import reverse

from databases.sitemaps import TranslatedSitemap

from .models import CountryOverview, Page


class PageSitemap(TranslatedSitemap):
    """Every published page of the about section (the pages with a route of their own)."""

    def items(self):
        return (
            Page.objects.published()
            .filter(
                Q(parent__isnull=True, slug="about")
                | Q(parent__slug="about", parent__parent__isnull=True)
            )
            .select_related("parent")
            .order_by("parent_id", "ordering", "pk")
        )


class CountrySitemap(TranslatedSitemap):
    """Every published country overview."""

    def items(self):
        return CountryOverview.objects.published().select_related("country").order_by("pk")


class MeetingsSitemap(TranslatedSitemap):
    """The ministerial meetings page."""

    def items(self):
        return ["cms:meetings"]

    def location(self, url_name):
        return reverse(url_name)

    def lastmod(self, url_name):
        return None


sitemaps = {
    "pages": PageSitemap(),
    "meetings": MeetingsSitemap(),
    "countries": CountrySitemap(),
}
