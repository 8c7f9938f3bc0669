"""Atom feeds of each database's newly published records, in the language of their URL.

An entry carries only what the record's public card shows (title, summary, country, sectors)
and is dated by the record's publication. Only published records appear.
"""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from databases.registry import BY_KEY

FEED_ENTRIES = 30


class RecordFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, database_key):
        super().__init__()
        self.database = BY_KEY[database_key]

    def title(self):
        return _("%(database)s: newly published · Green Industry Service Platform") % {
            "database": self.database.title
        }

    def subtitle(self):
        return str(self.database.tagline)

    def link(self):
        return reverse(f"databases:{self.database.url_name}-list")

    def feed_url(self):
        return reverse(f"databases:{self.database.url_name}-feed")

    def items(self):
        return (
            self.database.model.objects.published()
            .select_related("country")
            .prefetch_related("sectors")
            .only("pk", "title", "slug", "summary", "published_at", "created_at", "country__name")
            .order_by(F("published_at").desc(nulls_last=True), "-pk")[:FEED_ENTRIES]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        # Records published before the date was kept (imports of old data) have none.
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        return self.item_pubdate(item)

    def item_categories(self, item):
        return [sector.name for sector in item.sectors.all()] + (
            [item.country.name] if item.country else []
        )
