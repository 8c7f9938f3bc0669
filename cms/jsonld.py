"""schema.org JSON-LD of the platform (Organization) and of its events, for search engines."""

import json

from django.utils.translation import gettext

from platform_site.site_url import absolute_url

SCHEMA = "https://schema.org"

# What json_script escapes: nothing in the data can close the <script> element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def dumps(data):
    """``data`` serialised safely for a <script type="application/ld+json"> element."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)


def organization(request, site_settings):
    data = {
        "@context": SCHEMA,
        "@type": "Organization",
        "name": gettext("Green Industry Service Platform"),
        "url": absolute_url(request, "/"),
    }
    if site_settings["address"]:
        data["address"] = {"@type": "PostalAddress", "streetAddress": site_settings["address"]}
    if site_settings["emails"]:
        data["email"] = site_settings["emails"][0]
    if site_settings["phones"]:
        data["telephone"] = site_settings["phones"][0]
    return data


def event(request, event):
    """An Event with its dates, attendance mode and place, organised by the platform."""
    url = absolute_url(request, event.get_absolute_url())
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": event.start_date.isoformat(),
        "endDate": event.end_date.isoformat(),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/"
        + ("OnlineEventAttendanceMode" if event.online else "OfflineEventAttendanceMode"),
        "organizer": {
            "@type": "Organization",
            "name": gettext("Green Industry Service Platform"),
            "url": absolute_url(request, "/"),
        },
    }
    if event.online:
        data["location"] = {"@type": "VirtualLocation", "url": event.url or url}
    elif event.place or event.country_id:
        address = {"@type": "PostalAddress"}
        if event.place:
            address["addressLocality"] = event.place
        if event.country_id:
            address["addressCountry"] = event.country.iso2
        data["location"] = {
            "@type": "Place",
            "name": event.place or event.country.name,
            "address": address,
        }
    if event.summary:
        data["description"] = event.summary
    return data
