from django.urls import path

from platform_site.cache import public_page

from . import feeds, views

app_name = "cms"

urlpatterns = [
    path("", public_page(views.home), name="home"),
    path("about/", public_page(views.page), name="about"),
    path("about/<slug:slug>/", public_page(views.page), name="page"),
    path("countries/<str:iso2>/", public_page(views.country), name="country"),
    path("meetings/", public_page(views.meetings), name="meetings"),
    path("events/", public_page(views.EventListView.as_view()), name="events"),
    path("events/feed/", public_page(feeds.EventFeed()), name="events-feed"),
    path("events/<slug:slug>/", public_page(views.event), name="event"),
    path("policies/", public_page(views.PolicyListView.as_view()), name="policies"),
    path("policies/feed/", public_page(feeds.PolicyFeed()), name="policies-feed"),
    path("policies/<slug:slug>/", public_page(views.policy), name="policy"),
    path("stories/", public_page(views.StoryListView.as_view()), name="stories"),
    path("stories/feed/", public_page(feeds.StoryFeed()), name="stories-feed"),
    path("stories/<slug:slug>/", public_page(views.story), name="story"),
    # Not cached: the form carries a CSRF token and the thanks page is personal.
    path("contact/", views.contact, name="contact"),
    path("contact/thanks/", views.contact_thanks, name="contact-thanks"),
]
