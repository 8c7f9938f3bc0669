"""The home page: the slogan, the databases with live counts, the BRICS members, the newest
projects and technologies, upcoming events and the Organization's JSON-LD."""

from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.utils import timezone

from cms import jsonld
from cms.chrome import site_chrome
from cms.models import CountryOverview, Event
from databases import browse
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
    context = {
        **browse.home_context(),
        "brics_members": members,
        "upcoming_events": events,
        "json_ld": jsonld.dumps(
            [jsonld.organization(request, site_settings)]
            + [jsonld.event(request, event) for event in events]
        ),
    }
    return render(request, "cms/home.html", context)
