"""Absolute links to the site's own pages (og:url, hreflang, JSON-LD, robots.txt).

From SITE_URL when it is set: the canonical address, whatever ``Host`` and
``X-Forwarded-Proto`` a request came with. Without it (development), from the request.
"""

from django.conf import settings


def site_origin(request):
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


def absolute_url(request, path):
    """``path`` (absolute, as ``reverse`` and ``get_absolute_url`` give it) with the origin."""
    return site_origin(request) + path
