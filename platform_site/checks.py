"""System checks of the deployment (``manage.py check --deploy``)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def site_url_is_set(app_configs, **kwargs):
    """Background tasks have no request to take the site's address from: without SITE_URL the
    links in e-mails and in the bulk downloads would lead nowhere."""
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme in ("http", "https") and parts.netloc:
        return []
    return [
        Error(
            "SITE_URL is not the site's public address.",
            hint="Set SITE_URL to it, e.g. https://green.example.org: e-mails and the bulk "
            "downloads link to the site from there.",
            id="platform_site.E001",
        )
    ]
