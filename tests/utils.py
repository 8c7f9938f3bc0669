"""Helpers shared by the tests (fixtures live in tests/conftest.py)."""

import html
import re
import socket
import time

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from tests.factories import RECORD_FACTORIES, TOTP_SECRET

DATABASE_KEYS = list(RECORD_FACTORIES)
LANGUAGE_CODES = ["en", "zh-hans", "ru", "pt-br", "hi"]
URL_NAMES = {
    "technologies": "technology",
    "projects": "project",
    "talents": "talent",
    "enterprises": "enterprise",
    "institutions": "institution",
}


# What a list page calls its records, one and many ("1 expert", "3 experts").
NOUNS = {
    "technologies": ("technology", "technologies"),
    "projects": ("project", "projects"),
    "talents": ("expert", "experts"),
    "enterprises": ("enterprise", "enterprises"),
    "institutions": ("service institution", "service institutions"),
}


def counted(key, number):
    """A list page's result count in English: "1 project", "1,200 projects"."""
    one, many = NOUNS[key]
    return f"{number:,} {one if number == 1 else many}"


def list_url(key, lang="en"):
    return f"/{lang}/{key}/"


def text(response):
    return response.content.decode()


def without_marks(markup):
    """Text without the <mark> of the search's highlighted words."""
    return re.sub(r"</?mark>", "", markup)


def card_titles(response):
    """The titles of the record cards on a page, in order (highlights removed)."""
    return [
        html.unescape(without_marks(title))
        for title in re.findall(r'<h3><a href="[^"]*"[^>]*>(.*?)</a></h3>', text(response))
    ]


def result_count(response):
    """The result count sentence of a list page, e.g. "3 projects"."""
    match = re.search(r'<p class="result-count"[^>]*>(.*?)</p>', text(response), re.S)
    assert match, "no result count on the page"
    return " ".join(match.group(1).split())


def links(response, pattern=r'<a [^>]*href="([^"]*)"'):
    return [html.unescape(href) for href in re.findall(pattern, text(response))]


def totp(secret=TOTP_SECRET):
    """The code an authenticator app shows now for ``secret``."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in_staff(client, user, reauthenticated=True):
    """Sign ``user`` in as the log-in page does after the second factor: the session records it
    (and, with ``reauthenticated``, a confirmation recent enough for imports and reverts)."""
    client.force_login(user)
    session = client.session
    now = time.time()
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "type": "totp", "reauthenticated": reauthenticated},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client


def form_data(client, url):
    """The fields of the form at ``url`` (an admin change, revert or recover form) as the
    browser would post them back unchanged."""
    page = text(client.get(url))
    data = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page):
        data[name] = html.unescape(value)
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        data[name] = html.unescape(body.strip())
    for attributes, options in re.findall(r"<select([^>]*)>(.*?)</select>", page, re.S):
        name = re.search(r'name="([^"]+)"', attributes).group(1)
        selected = re.findall(r'<option value="([^"]*)"[^>]*selected', options)
        if selected:
            data[name] = selected if " multiple" in attributes else selected[0]
    data.pop("csrfmiddlewaretoken", None)
    return data


def closed_port():
    """A port of this machine nothing listens on: connections to it are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_redis_cache_at(settings, port):
    """The production cache (platform_site/redis_cache.py), on a Redis at ``port``."""
    settings.CACHES = {
        "default": {
            "BACKEND": "platform_site.redis_cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5, "retry_seconds": 5},
        }
    }


def wait_until(condition, timeout=30, interval=0.1, what="the condition"):
    """Poll ``condition`` until it returns something true (returned), or fail after
    ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {what}")
        time.sleep(interval)
