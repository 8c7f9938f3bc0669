import logging
import sys

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import TooManyFilesSent
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe

from platform_site import media as media_files
from platform_site.cache import cache_reachable
from platform_site.site_url import absolute_url

logger = logging.getLogger(__name__)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def _check_cache():
    if not cache_reachable():
        raise RuntimeError("the cache cannot be reached")
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return what was stored")
    return settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


def _check_broker():
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "in-process (eager)"
    from platform_site.celery import app

    # Within a load balancer's patience: one attempt, each step of it at most half a second.
    quick = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    with app.connection_for_write(connect_timeout=0.5, transport_options=quick) as conn:
        conn.ensure_connection(max_retries=0)
    return conn.transport_cls


def _may_see_health_details(request):
    """Signed-in staff, or a monitor sending ``Authorization: Bearer <HEALTHZ_TOKEN>``."""
    token = settings.HEALTHZ_TOKEN
    scheme, _space, credentials = request.headers.get("Authorization", "").partition(" ")
    if token and scheme.lower() == "bearer" and constant_time_compare(credentials.strip(), token):
        return True
    try:
        return request.user.is_staff
    except DatabaseError:
        # The session and the user are read from the database, which may be what is down.
        return False


# Without the database no page can be served: a load balancer should send the traffic elsewhere.
# Without the cache or the broker pages are served uncached and background work waits in the
# database until a relay queues it: the node still serves, "degraded".
ESSENTIAL_CHECKS = {"database"}


@require_GET
@never_cache
def healthz(request):
    """Liveness and dependencies for load balancers: 200 "ok" when all are up, 200 "degraded"
    when only the cache or the broker is down, 503 "unavailable" when the database is.

    Strangers learn only the status; which check failed and the backends' names are for staff
    and monitors with the token (HEALTHZ_TOKEN).
    """
    checks = {"database": _check_database, "cache": _check_cache, "broker": _check_broker}
    report = {}
    for name, check in checks.items():
        try:
            report[name] = {"ok": True, "backend": str(check())}
        except Exception as error:
            # Probes come every few seconds: one line each, not a traceback.
            logger.warning("Health check %s failed: %r", name, error)
            report[name] = {"ok": False}
    failed = {name for name, result in report.items() if not result["ok"]}
    status = "unavailable" if failed & ESSENTIAL_CHECKS else "degraded" if failed else "ok"
    if not _may_see_health_details(request):
        report = {}
    return JsonResponse(
        {**report, "status": status}, status=503 if status == "unavailable" else 200
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: /{code}/member/" for code, _name in settings.LANGUAGES),
        *(f"Disallow: /{code}/accounts/" for code, _name in settings.LANGUAGES),
        f"Sitemap: {absolute_url(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def _error_page(template_name, status, context=None):
    # Rendered without the request, so no context processor runs and nothing reads the
    # database: either may be what failed. LocaleMiddleware has already chosen the language.
    return HttpResponse(loader.render_to_string(template_name, context or {}), status=status)


def bad_request(request, exception):
    if isinstance(exception, TooManyFilesSent):
        return _error_page(
            "400.html", 400, {"too_many_files": settings.DATA_UPLOAD_MAX_NUMBER_FILES}
        )
    return _error_page("400.html", 400)


def request_too_large(request):
    return _error_page("413.html", 413, {"limit": settings.MAX_REQUEST_BYTES})


def length_required(request):
    # Only clients that stream a body in chunks get here; no browser does.
    return _error_page("400.html", 411)


def permission_denied(request, exception):
    return _error_page("403.html", 403)


def csrf_failure(request, reason=""):
    # The reason is for developers; visitors get the 403 page with advice they can act on.
    return _error_page("403.html", 403, {"csrf_failure": True})


def server_error(request):
    # Django calls this while it handles the exception, wherever it was raised (a view, a
    # middleware, a template): a database that cannot be reached is a 503, not our error.
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return service_unavailable(request)
    return _error_page("500.html", 500)


# Seconds after which a client may try again what a 503 page refused (Retry-After).
RETRY_AFTER_SECONDS = 30


def service_unavailable(request, paused_action=False):
    """The 503 page: the database could not be reached (or, with ``paused_action``, an account
    action is paused while its rate limit cannot be counted: platform_site/middleware.py).

    A form that was posted is offered again: its fields, as the browser sent them (the CSRF
    token included, which the browser's cookie still matches), in a form that posts them to
    the same address, so that "Try again" works once the site is back. Files cannot be put
    back in a form, and passwords are not written into a page: the page asks for them again.
    """
    context = {"paused_action": paused_action}
    if request.method == "POST":
        fields = [
            (name, value)
            for name, values in request.POST.lists()
            if "password" not in name
            for value in values
        ]
        context.update(
            resubmit_url=request.get_full_path(),
            resubmit_fields=fields,
            passwords_left_out=any("password" in name for name in request.POST),
            files_left_out=bool(request.FILES),
        )
    response = _error_page("503.html", 503, context)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # What was typed stays out of every cache, the browser's included.
    add_never_cache_headers(response)
    return response


@require_safe
def media(request, name):
    """An uploaded file, for those who may see it (platform_site/media.py)."""
    return media_files.serve(request.user, name)


@require_GET
def benchmark_baseline(request):
    """The cheapest page the stack can serve: the yardstick of `manage.py bench_http`."""
    return HttpResponse("ok", content_type="text/plain")
