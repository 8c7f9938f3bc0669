"""Atom feeds of newly published events, policy documents and stories, in the language of
their URL, dated by their first publication (``PublicationDateModel``)."""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from cms.models import Event, PolicyDocument, Story

FEED_ENTRIES = 30


class PublishedFeed(Feed):
    """The newest published rows of ``model``; entries show its public title and summary."""

    feed_type = Atom1Feed
    model = None
    list_url_name = ""
    feed_url_name = ""
    related = ()

    def link(self):
        return reverse(self.list_url_name)

    def feed_url(self):
        return reverse(self.feed_url_name)

    def items(self):
        return (
            self.model.objects.published()
            .select_related(*self.related)
            .order_by(F("published_at").desc(nulls_last=True), "-pk")[:FEED_ENTRIES]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at or item.updated_at

    def item_updateddate(self, item):
        return self.item_pubdate(item)


class EventFeed(PublishedFeed):
    model = Event
    related = ("country",)
    list_url_name = "cms:events"
    feed_url_name = "cms:events-feed"
    title = _("Events: newly published · Green Industry Service Platform")
    subtitle = _("Forums, trainings, competitions and exhibitions on green industry.")


class PolicyFeed(PublishedFeed):
    model = PolicyDocument
    related = ("country",)
    list_url_name = "cms:policies"
    feed_url_name = "cms:policies-feed"
    title = _("Policy documents: newly published · Green Industry Service Platform")
    subtitle = _("Green industry policies of the BRICS countries and their partners.")


class StoryFeed(PublishedFeed):
    model = Story
    list_url_name = "cms:stories"
    feed_url_name = "cms:stories-feed"
    title = _("Stories of cooperation · Green Industry Service Platform")
    subtitle = _("How partners the platform brought together work on green industry.")
