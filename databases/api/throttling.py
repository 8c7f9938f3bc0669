"""The API's rate limit: requests per client address, counted in the shared cache."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

from platform_site.client_ip import client_ip


class ClientAddressThrottle(AnonRateThrottle):
    """``API_RATE_LIMIT`` requests per client address (behind the site's own proxies, the
    address they saw: platform_site/client_ip.py). Over it: 429 with Retry-After."""

    scope = "api"

    def get_rate(self):
        # Read at each request, not once at import: the setting may change (tests, reloads).
        return settings.API_RATE_LIMIT

    def get_ident(self, request):
        # A garbled proxies' header has no address: such requests share one allowance.
        return client_ip(request) or "unknown"
