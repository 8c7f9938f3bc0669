"""Whole-page caching of the public pages for visitors without a session.

A page is cached under its absolute URL (scheme, host, path and query string), the active
language and the site's content version, which any change to a record or a taxonomy bumps once
it is committed (see ``content_changed``): a request with another ``Host`` or
``X-Forwarded-Proto`` gets a page of its own and never fixes the absolute links (``og:url``,
hreflang, JSON-LD) other visitors get.
Visitors with a session cookie (members, staff) or a pending message always get a fresh page, so
every such page varies on ``Cookie``. A page that used something made for one request, the CSP
nonce or a CSRF token, is never stored.
"""

import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from platform_site import redis_cache

VERSION_KEY = "content-version"


def _new_version():
    # Never a number used before: a version lost with the cache's data (a Redis restart
    # without its data) must not bring back pages stored under it before.
    return uuid.uuid4().hex


def content_version():
    """The version the cached pages, menus and choices are kept under. Without the cache,
    a new one each time: nothing is kept, and nothing kept in a process is reused."""
    return cache.get_or_set(VERSION_KEY, _new_version, timeout=None)


def bump_content_version(**kwargs):
    """Make every page, menu and choice cached so far stale, at once."""
    cache.set(VERSION_KEY, _new_version(), timeout=None)


def content_changed(using=None, **kwargs):
    """A save or delete of public content: bump the version once the transaction commits.

    Not before: a request between the bump and the commit would read the old rows and cache
    them under the new version. Reads that start after the bump see the commit, since each
    cached page reads the version before it reads the database. A failure of the cache is
    logged and does not undo the commit (the cache then keeps nothing anyway).
    """
    transaction.on_commit(bump_content_version, using=using, robust=True)


def cache_reachable():
    """Whether the cache answers now; one that cannot be away (local memory) always does."""
    reachable = getattr(cache, "reachable", None)
    return reachable() if reachable else True


def _after_a_cache_outage(**kwargs):
    # The bumps of changes committed while Redis was away were lost: pages cached before the
    # outage would come back as if nothing had changed.
    bump_content_version()


redis_cache.reconnected.connect(_after_a_cache_outage, dispatch_uid="content-after-cache-outage")


def page_key(request):
    page = f"{get_language()} {request.build_absolute_uri()}"
    return f"page:{content_version()}:{hashlib.sha256(page.encode()).hexdigest()}"


def _made_for_this_request(request):
    # The CSP nonce is a LazyNonce, true once something rendered it. get_token() flags the
    # CSRF cookie for (re)sending, which CsrfViewMiddleware does only after the view returns.
    return bool(get_nonce(request)) or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def public_page(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        personal = (
            request.method not in ("GET", "HEAD")
            # A session or a pending message makes the page personal.
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or "messages" in request.COOKIES
        )
        key = page_key(request) if seconds and not personal else None
        cached = cache.get(key) if key else None
        if cached is not None:
            content, headers = cached
            return HttpResponse(content, headers=headers)
        response = view(request, *args, **kwargs)
        # Whether a visitor gets the shared page or a fresh one depends on their cookies.
        patch_vary_headers(response, ("Cookie",))
        if key is None:
            return response
        # Rendered now: the nonce and the CSRF token are only used while the template renders.
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if (
            response.status_code == 200
            and not response.cookies
            and not _made_for_this_request(request)
        ):
            cache.set(key, (response.content, dict(response.headers)), seconds)
        return response

    return wrapped
