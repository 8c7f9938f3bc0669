import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import TooManyFilesSent
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe

from platform_site import media as media_files
from platform_site.site_url import absolute_url

logger = logging.getLogger(__name__)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def _check_cache():
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return what was stored")
    return settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


def _check_broker():
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "in-process (eager)"
    from platform_site.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
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


@require_GET
@never_cache
def healthz(request):
    """Liveness and dependencies for load balancers: 200 when all are up, 503 otherwise.

    Strangers learn only the status; which check failed and the backends' names are for staff
    and monitors with the token (HEALTHZ_TOKEN).
    """
    checks = {"database": _check_database, "cache": _check_cache, "broker": _check_broker}
    report, healthy = {}, True
    for name, check in checks.items():
        try:
            report[name] = {"ok": True, "backend": str(check())}
        except Exception:
            logger.exception("Health check %s failed", name)
            report[name] = {"ok": False}
            healthy = False
    status = "ok" if healthy else "unavailable"
    if not _may_see_health_details(request):
        report = {}
    return JsonResponse({**report, "status": status}, status=200 if healthy else 503)


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
    return _error_page("500.html", 500)


@require_safe
def media(request, name):
    """An uploaded file, for those who may see it (platform_site/media.py)."""
    return media_files.serve(request.user, name)


@require_GET
def benchmark_baseline(request):
    """The cheapest page the stack can serve: the yardstick of `manage.py bench_http`."""
    return HttpResponse("ok", content_type="text/plain")
