"""The home page: the slogan, the databases with live counts, the BRICS members, the newest
projects and technologies, upcoming events and the Organization's JSON-LD."""

import json

from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext

from cms.models import CountryOverview, Event
from databases import services as database_services
from databases.models import BricsStatus, Country
from platform_site.context_processors import site_chrome

UPCOMING_EVENTS = 3

# What json_script escapes: nothing in the data can close the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def organization_json_ld(request, site_settings):
    """schema.org Organization of the platform, serialised safely for a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": gettext("Green Industry Service Platform"),
        "url": request.build_absolute_uri("/"),
    }
    if site_settings["address"]:
        data["address"] = {"@type": "PostalAddress", "streetAddress": site_settings["address"]}
    if site_settings["emails"]:
        data["email"] = site_settings["emails"][0]
    if site_settings["phones"]:
        data["telephone"] = site_settings["phones"][0]
    return json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)


def home(request):
    site_settings = site_chrome(request.LANGUAGE_CODE)["site_settings"]
    members = Country.objects.filter(brics_status=BricsStatus.MEMBER).annotate(
        has_overview=Exists(CountryOverview.objects.published().filter(country=OuterRef("pk")))
    )
    events = (
        Event.objects.published()
        .filter(start_date__gte=timezone.localdate())
        .select_related("country")
        .order_by("start_date", "title")[:UPCOMING_EVENTS]
    )
    context = {
        **database_services.home_context(),
        "brics_members": members,
        "upcoming_events": events,
        "organization_json_ld": organization_json_ld(request, site_settings),
    }
    return render(request, "cms/home.html", context)
