"""The home page: the slogan, the databases with their counts, the headline figures, the BRICS
members, the newest projects and technologies, the latest stories of cooperation, upcoming
events and the Organization's JSON-LD."""

from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms import headlines, jsonld, stories
from cms.chrome import site_chrome
from cms.models import CountryOverview, Event
from databases import browse, statistics
from databases.models import BricsStatus, Country
from platform_site import cache as page_cache

UPCOMING_EVENTS = 3


def home(request):
    """The page's JSON-LD and content are the same for everyone, kept as one fragment
    (platform_site/cache.py); a signed-in member's page renders only its header afresh."""
    head, content = page_cache.fragment_parts(request, (), lambda: _shared(request))
    return TemplateResponse(request, "cms/home.html", {"head": head, "content": content})


def _shared(request):
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
        "site_settings": site_settings,
        "json_ld": jsonld.dumps(
            [jsonld.organization(request, site_settings)]
            + [jsonld.event(request, event) for event in events]
        ),
    }
    return render_to_string("cms/_home.html", context, request)
