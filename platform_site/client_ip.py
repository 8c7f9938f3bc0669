"""The client's IP address, for rate limits and log-in lock-outs.

Behind reverse proxies REMOTE_ADDR is the nearest proxy, and each proxy appends the address it
received the request from to X-Forwarded-For. Only the entries that the site's own proxies
appended can be trusted (a client can send the header with anything in it), so the client is the
TRUSTED_PROXY_COUNT-th entry from the right. django-ipware counts proxies differently (the
nearest one is not in the header in its model), which is why this is not delegated to it.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    """The client's address, or "" when the proxies' header is missing or garbled."""
    count = settings.TRUSTED_PROXY_COUNT
    if not count:
        return request.META.get("REMOTE_ADDR", "")
    entries = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(entries) < count:
        return ""
    try:
        return str(ipaddress.ip_address(entries[-count]))
    except ValueError:
        return ""
