"""The client address used by rate limits, directly and behind trusted reverse proxies."""

import pytest
from django.test import RequestFactory

from platform_site.client_ip import client_ip


def request(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    "count, forwarded, expected",
    [
        # One proxy (e.g. nginx) appends the address it saw.
        (1, "203.0.113.9", "203.0.113.9"),
        # A client that forges the header cannot choose its address: the proxy's entry counts.
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),
        # A CDN and then a load balancer: the client is the second entry from the right.
        (2, "198.51.100.1, 203.0.113.9, 192.0.2.10", "203.0.113.9"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_behind_proxies_the_address_they_appended_is_used(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(request("10.0.0.2", forwarded)) == expected


@pytest.mark.parametrize("forwarded", [None, "", "not an address"])
def test_a_missing_or_garbled_header_behind_a_proxy_gives_no_address(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("10.0.0.2", forwarded)) == ""
