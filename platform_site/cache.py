"""Whole-page caching of the public pages for visitors without a session.

A page is cached under its full path (the language prefix and the query string included) and
the site's content version, which any change to a record or a taxonomy bumps (see
``bump_content_version``). Visitors with a session cookie (members, staff) or a pending
message always get a fresh page. Pages with a form that posts (and so a CSRF token) must not use it.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

VERSION_KEY = "content-version"


def content_version():
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def bump_content_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def public_page(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if (
            not seconds
            or request.method not in ("GET", "HEAD")
            # A session or a pending message makes the page personal.
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or "messages" in request.COOKIES
        ):
            return view(request, *args, **kwargs)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{content_version()}:{path}"
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if response.status_code == 200 and not response.cookies:
            cache.set(key, (response.content, response["Content-Type"]), seconds)
        return response

    return wrapped
