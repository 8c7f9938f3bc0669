from django.urls import path

from databases.registry import TAXONOMIES
from platform_site.cache import public_page

from . import feeds, views
from .apps import CMS

app_name = "cms"

# The site's own pages with their countries and sectors; stories (which link records), the
# country pages and the home page show records too, and depend on everything.
OWN = (CMS, TAXONOMIES)

urlpatterns = [
    path("", public_page(views.home, parameters={}), name="home"),
    path("about/", public_page(views.page, OWN), name="about"),
    path("about/<slug:slug>/", public_page(views.page, OWN), name="page"),
    path("countries/<str:iso2>/", public_page(views.country), name="country"),
    path("meetings/", public_page(views.meetings, OWN), name="meetings"),
    path("events/", public_page(views.EventListView.as_view(), OWN), name="events"),
    path("events/feed/", public_page(feeds.EventFeed(), OWN), name="events-feed"),
    path("events/<slug:slug>/", public_page(views.event, OWN), name="event"),
    path("policies/", public_page(views.PolicyListView.as_view(), OWN), name="policies"),
    path("policies/feed/", public_page(feeds.PolicyFeed(), OWN), name="policies-feed"),
    path("policies/<slug:slug>/", public_page(views.policy, OWN), name="policy"),
    path("stories/", public_page(views.StoryListView.as_view()), name="stories"),
    path("stories/feed/", public_page(feeds.StoryFeed()), name="stories-feed"),
    path("stories/<slug:slug>/", public_page(views.story), name="story"),
    # Not cached: the form carries a CSRF token and the thanks page is personal.
    path("contact/", views.contact, name="contact"),
    path("contact/thanks/", views.contact_thanks, name="contact-thanks"),
]
