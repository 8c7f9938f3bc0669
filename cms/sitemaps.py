from django.db.models import Q
from django.urls import reverse

from databases.sitemaps import TranslatedSitemap

from .models import CountryOverview, Event, Page, PolicyDocument


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


class SectionSitemap(TranslatedSitemap):
    """The pages of the site's own sections that are not records: meetings, events, policies."""

    def items(self):
        return ["cms:meetings", "cms:events", "cms:policies"]

    def location(self, url_name):
        return reverse(url_name)

    def lastmod(self, url_name):
        return None


class EventSitemap(TranslatedSitemap):
    """Every published event, past ones included."""

    def items(self):
        return Event.objects.published().order_by("pk")


class PolicySitemap(TranslatedSitemap):
    """Every published policy document."""

    def items(self):
        return PolicyDocument.objects.published().order_by("pk")


sitemaps = {
    "pages": PageSitemap(),
    "sections": SectionSitemap(),
    "countries": CountrySitemap(),
    "events": EventSitemap(),
    "policies": PolicySitemap(),
}
