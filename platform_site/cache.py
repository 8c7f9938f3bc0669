"""Whole-page caching of the public pages for visitors without a live session, and of the
fragments of a page that are the same for everyone, for those with one.

A page is cached under its absolute URL (scheme, host, path and normalised query string), the
active language and the content versions of the areas it shows (a database, the taxonomies, the
cms pages; see ``content_version``), which a change in one of them bumps once it is committed
(see ``content_changed``): a request with another ``Host`` or ``X-Forwarded-Proto`` gets a page
of its own and never fixes the absolute links (``og:url``, hreflang, JSON-LD) other visitors get.
Visitors with a live session (members, staff) or a pending message always get a fresh page, so
every such page varies on ``Cookie``; a cookie that names no session does not count. A page that
used something made for one request, the CSP nonce or a CSRF token, is never stored.
"""

import hashlib
import uuid
from functools import cache as memoised
from functools import partial, wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from platform_site import redis_cache

# The site-wide part of every version: renewed by hand (seeding) and after a cache outage.
VERSION_KEY = "content-version"
# The area every change bumps besides its own: what shows everything depends on it.
EVERY_AREA = "*"


def _new_version():
    # Never a number used before: a version lost with the cache's data (a Redis restart
    # without its data) must not bring back pages stored under it before.
    return uuid.uuid4().hex


# What shapes a stored page or fragment besides the content: the templates that render it, the
# code that cuts and fills it, the translations (``code_version``).
CODE_FOLDERS = ("templates", "platform_site", "databases", "cms", "matchmaking", "locale")
CODE_SUFFIXES = (".py", ".html", ".mo")


@memoised
def code_version():
    """A digest of the templates, code and translations this process renders with. Pages and
    fragments stored by another release (before a deploy, or by a worker of the old one still
    running during it) are never served by this one: its templates may cut a fragment into
    other parts."""
    digest = hashlib.sha256()
    for folder in CODE_FOLDERS:
        for path in sorted((settings.BASE_DIR / folder).rglob("*")):
            if path.suffix in CODE_SUFFIXES and path.is_file():
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _area_key(area):
    return f"{VERSION_KEY}:{area}"


def content_version(*areas):
    """The version the cached pages, fragments, menus and choices showing ``areas`` are kept
    under (by default every area: anything that changes makes it stale). Without the cache,
    a new one each time: nothing is kept, and nothing kept in a process is reused."""
    keys = [VERSION_KEY, *(_area_key(area) for area in sorted(areas or (EVERY_AREA,)))]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        # add(), not set(): a version another process has just set stays.
        for key in missing:
            cache.add(key, _new_version(), timeout=None)
        found.update(cache.get_many(missing))
    versions = code_version() + "".join(found.get(key) or _new_version() for key in keys)
    return hashlib.sha256(versions.encode()).hexdigest()[:32]


def bump_content_version(*areas, **kwargs):
    """Make what shows ``areas`` stale, at once; without areas, everything cached so far."""
    if not areas:
        cache.set(VERSION_KEY, _new_version(), timeout=None)
        return
    cache.set_many({_area_key(area): _new_version() for area in (*areas, EVERY_AREA)}, timeout=None)


# {model: its area, or a function of the changed instance giving it}; see ``watch``.
_areas = {}


def watch(model, area):
    """Changes to ``model`` (saved, deleted, its many-to-many relations) change ``area``: a
    name, or a function of the changed row that gives one."""
    _areas[model] = area
    for signal in (post_save, post_delete):
        signal.connect(content_changed, sender=model, dispatch_uid=f"content-{model}")
    for field in model._meta.local_many_to_many:
        through = field.remote_field.through
        _areas[through] = area if isinstance(area, str) else None
        m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"content-{through}")


def changed_after_commit(*areas, using=None):
    """Bump the versions of ``areas`` once the transaction commits (``content_changed``): for a
    change that sends no signal, a conditional ``update()`` or rows bulk-written."""
    transaction.on_commit(partial(bump_content_version, *areas), using=using, robust=True)


def content_changed(sender=None, using=None, instance=None, **kwargs):
    """A save or delete of public content: bump its area's version once the transaction
    commits (a model nobody said the area of stales everything).

    Not before: a request between the bump and the commit would read the old rows and cache
    them under the new version. Reads that start after the bump see the commit, since each
    cached page reads the version before it reads the database. A failure of the cache is
    logged and does not undo the commit (the cache then keeps nothing anyway).
    """
    area = _areas.get(sender)
    if callable(area):
        area = area(instance)
    changed_after_commit(*((area,) if area else ()), using=using)


def cache_reachable():
    """Whether the cache answers now; one that cannot be away (local memory) always does."""
    reachable = getattr(cache, "reachable", None)
    return reachable() if reachable else True


def _after_a_cache_outage(**kwargs):
    # The bumps of changes committed while Redis was away were lost: pages cached before the
    # outage would come back as if nothing had changed.
    bump_content_version()


redis_cache.reconnected.connect(_after_a_cache_outage, dispatch_uid="content-after-cache-outage")


def normalise_query(request, parameters):
    """Make the query string the one the page is cached under, and the view reads.

    ``parameters`` names those the view reads, each saying whether it takes several values
    (``{"sector": True, "page": False}``): the others are dropped, and so are empty values;
    what remains comes in their order (several values sorted, of one the last, which is the
    one a form reads). ``None`` keeps every parameter, in alphabetical order.
    """
    query = QueryDict(mutable=True)
    for name in sorted(request.GET) if parameters is None else parameters:
        values = request.GET.getlist(name)
        if parameters is not None:
            values = [value for value in values if value.strip()]
            values = sorted(set(values)) if parameters[name] else values[-1:]
        if values:
            query.setlist(name, values)
    query._mutable = False
    request.GET = query
    request.META["QUERY_STRING"] = query.urlencode()


def _url_key(request):
    page = f"{get_language()} {request.build_absolute_uri()}"
    return hashlib.sha256(page.encode()).hexdigest()


def page_key(request, areas=()):
    return f"page:{content_version(*areas)}:{_url_key(request)}"


def _made_for_this_request(request):
    # The CSP nonce is a LazyNonce, true once something rendered it. get_token() flags the
    # CSRF cookie for (re)sending, which CsrfViewMiddleware does only after the view returns.
    return bool(get_nonce(request)) or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def has_live_session(request):
    """Whether the session cookie names a session that exists: one lookup in the session
    store (the cache first with the cached_db backend); any other cookie is nobody's."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    session = request.session
    # Loading a session that does not exist forgets its key (and the middleware the cookie).
    session.keys()
    return session.session_key is not None


def _personal(request):
    if request.method not in ("GET", "HEAD") or has_live_session(request):
        return True
    # A pending message is shown once, to whoever it is for (a forged cookie holds none).
    return "messages" in request.COOKIES and bool(len(get_messages(request)))


def public_page(view, areas=(), parameters=None):
    """Cache ``view``'s page for visitors without a live session, under the versions of the
    content ``areas`` it shows (by default all) and its query string normalised to the
    ``parameters`` it reads (see ``normalise_query``)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            normalise_query(request, parameters)
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        key = page_key(request, areas) if seconds and not _personal(request) else None
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


# What a personal fragment's forms hold in place of the CSRF token while kept: each request
# gets its own (``fragment``).
CSRF_MARK = "csrf-token-of-this-request"


def _kept_or_built(key, seconds, build, storable=lambda: True):
    """The value kept under ``key``, or ``build()``'s, kept for ``seconds`` if ``storable()``
    says so once it is built (no ``key``: built each time)."""
    value = cache.get(key) if key else None
    if value is None:
        value = build()
        if key and storable():
            cache.set(key, value, seconds)
    return value


def fragment(request, areas, build, personal=False):
    """The HTML ``build()`` returns for this page (its normalised URL, in this language),
    kept under the versions of ``areas`` for whoever asks next, signed in or not: what a
    page shows everyone, rendered once, around which each request renders what is its own.
    ``build`` must render nothing made for one request (a CSRF token, the CSP nonce).

    ``personal``: what the page shows its signed-in user alone (their dashboard), kept for
    them for ``PERSONAL_PAGE_CACHE_SECONDS``; ``build`` renders its forms with ``CSRF_MARK``
    as the token (the ``csrf_token`` of its context), which this request's token replaces.
    """
    seconds = (
        settings.PERSONAL_PAGE_CACHE_SECONDS if personal else settings.PUBLIC_PAGE_CACHE_SECONDS
    )
    whose = f"{request.user.pk}:" if personal else ""
    key = f"fragment:{content_version(*areas)}:{whose}{_url_key(request)}" if seconds else None
    # Kept only if building it used nothing made for this request that was not used before.
    made_before = _made_for_this_request(request)
    html = _kept_or_built(
        key,
        seconds,
        lambda: str(build()),
        lambda: made_before or not _made_for_this_request(request),
    )
    if personal:
        html = html.replace(CSRF_MARK, get_token(request))
    return mark_safe(html)


def kept(name, areas, build):
    """What ``build()`` returns, kept under ``name`` and the versions of ``areas`` for
    ``PERSONAL_PAGE_CACHE_SECONDS``: what one member's pages read on every request, until
    something it is made of changes (their standing, matchmaking/interest.py). Kept per
    language, as fragments are: a translated field reads the active one's column."""
    seconds = settings.PERSONAL_PAGE_CACHE_SECONDS
    key = f"kept:{content_version(*areas)}:{get_language()}:{name}" if seconds else None
    return _kept_or_built(key, seconds, build)


# Where a fragment's parts meet: a page whose shared HTML sits around something of its own
# (a member's next step) or in two places (the head and the body) keeps it as one fragment.
FRAGMENT_BREAK = "<!-- fragment-break -->"


def fragment_parts(request, areas, build):
    """``fragment``'s HTML cut at each ``FRAGMENT_BREAK``."""
    return [mark_safe(part) for part in fragment(request, areas, build).split(FRAGMENT_BREAK)]
