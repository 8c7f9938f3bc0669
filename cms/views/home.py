"""The home page: the slogan, the databases with their counts, the headline figures, the BRICS
members, the newest projects and technologies, the latest stories of cooperation, upcoming
events and the Organization's JSON-LD."""

from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms import headlines, jsonld, stories
from cms.chrome import site_chrome
from cms.models import CountryOverview, Event
from databases import browse, statistics
from databases.models import BricsStatus, Country

UPCOMING_EVENTS = 3


def home(request):
    site_settings = site_chrome(request.LANGUAGE_CODE)["site_settings"]
    members = Country.objects.filter(brics_status=BricsStatus.MEMBER).annotate(
        has_overview=Exists(CountryOverview.objects.published().filter(country=OuterRef("pk")))
    )
    events = list(
        Event.objects.published()
        .filter(end_date__gte=timezone.localdate())
        .select_related("country")
        .order_by("start_date", "title")[:UPCOMING_EVENTS]
    )
    databases = statistics.headline()
    context = {
        **browse.home_context(databases["by_database"]),
        # The databases' figures, then those apps above cms plug in (cms/headlines.py).
        "headline_figures": [
            (_("published records"), databases["records"]),
            (_("countries with records"), databases["countries"]),
            *headlines.figures(),
        ],
        "headline_link": headlines.link(),
        "latest_stories": stories.latest(),
        "brics_members": members,
        "upcoming_events": events,
        "json_ld": jsonld.dumps(
            [jsonld.organization(request, site_settings)]
            + [jsonld.event(request, event) for event in events]
        ),
    }
    return render(request, "cms/home.html", context)
