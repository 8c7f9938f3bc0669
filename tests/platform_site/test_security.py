"""Security headers on every HTML response (error pages too), the error pages themselves,
cookie flags, and production settings that pass `check --deploy` and refuse to start unsafely."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import django
import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path as route
from django.urls import reverse
from django.utils import translation

from platform_site import urls as site_urls
from tests.factories import SuperUserFactory, TechnologyFactory
from tests.utils import sign_in_staff

BASE_DIR = Path(__file__).resolve().parents[2]


def _raises(exception):
    def view(request):
        raise exception

    return view


def _form_target(request):
    return HttpResponse("sent")


# A test-only URLconf (``ROOT_URLCONF=__name__``): the site's routes and error handlers, plus
# pages that fail, so that no production route exists only to be broken.
urlpatterns = [
    *site_urls.urlpatterns,
    *i18n_patterns(
        route("boom/", _raises(RuntimeError("password=hunter2 in a failing query"))),
        route("forbidden/", _raises(PermissionDenied("internal reason"))),
        route("suspicious/", _raises(SuspiciousOperation("internal reason"))),
        route("form/", _form_target),
    ),
]
handler400 = site_urls.handler400
handler403 = site_urls.handler403
handler500 = site_urls.handler500

# Production's HTTPS settings, set explicitly: the test settings turn the HTTPS redirect off.
PRODUCTION = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "LANGUAGE_COOKIE_SECURE": True,
}


@pytest.fixture
def html_pages(db):
    record = TechnologyFactory()
    return [
        "/en/",
        "/en/technologies/",
        record.get_absolute_url(),
        "/zh-hans/search/?q=solar",
        "/en/technologies/no-such-record/",  # the 404 page too
    ]


def directives(policy):
    """{directive: [sources]} of a Content-Security-Policy header."""
    result = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        result[name] = sources
    return result


def assert_security_headers(response, path):
    assert response["Content-Type"].startswith("text/html"), path

    policy = directives(response["Content-Security-Policy"])
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive], path
        assert "'unsafe-eval'" not in policy[directive], path
    assert policy["default-src"] == ["'self'"], path
    assert policy["object-src"] == ["'none'"], path
    assert policy["base-uri"] == ["'self'"], path
    assert policy["form-action"] == ["'self'"], path
    assert policy["frame-ancestors"] == ["'none'"], path
    assert response["X-Content-Type-Options"] == "nosniff", path
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", path
    assert response["X-Frame-Options"] == "DENY", path
    assert "camera=()" in response["Permissions-Policy"], path
    assert "geolocation=()" in response["Permissions-Policy"], path
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", path
    assert response["Cross-Origin-Resource-Policy"] == "same-origin", path


def assert_reveals_nothing(response, path):
    """No stack trace, exception detail or software version in an error response."""
    content = response.content.decode()
    for leak in ("Traceback", "RuntimeError", "hunter2", "internal reason", "Django", "Python"):
        assert leak not in content, (path, leak)
    assert django.get_version() not in content, path
    assert "Server" not in response.headers, path
    assert "X-Powered-By" not in response.headers, path


def test_security_headers_on_html_responses(client, html_pages):
    for path in html_pages:
        assert_security_headers(client.get(path), path)


def test_no_inline_script_without_the_nonce(client, html_pages):
    """The CSP forbids inline scripts: a page may only carry ones that have the nonce, or
    JSON-LD data blocks, which browsers never execute (and so the CSP does not cover)."""
    for path in html_pages:
        content = client.get(path).content.decode()
        for attributes in re.findall(r"<script([^>]*)>", content):
            data = attributes == ' type="application/ld+json"'
            assert "src=" in attributes or "nonce=" in attributes or data, path


SETTINGS_PROBE = (
    "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
)


def _production_environment(**environment):
    """This process's environment without the variables that shape the settings, plus these.

    DATABASE_URL is dropped too: production settings must pass with their defaults.
    """
    shaping = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "CSP_")
    env = {key: value for key, value in os.environ.items() if not key.startswith(shaping)}
    env.update(DJANGO_SETTINGS_MODULE="platform_site.settings", **environment)
    return env


def _run(arguments, **environment):
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=BASE_DIR,
        env=_production_environment(**environment),
        capture_output=True,
        text=True,
        timeout=60,
    )


def _start_settings(**environment):
    return _run(["-c", SETTINGS_PROBE], **environment)


@pytest.mark.parametrize("secret", [None, ""], ids=["unset", "empty"])
def test_production_settings_refuse_to_start_without_a_secret_key(secret):
    environment = {"DJANGO_DEBUG": "false"}
    if secret is not None:
        environment["DJANGO_SECRET_KEY"] = secret

    result = _start_settings(**environment)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_settings_start_with_a_secret_key():
    result = _start_settings(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="a-real-secret-from-the-vault")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_development_settings_start_without_a_secret_key():
    result = _start_settings(DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def _production_secret():
    # check --deploy wants 50+ characters with enough variety; token_urlsafe(50) gives 67.
    return secrets.token_urlsafe(50)


def test_check_deploy_reports_no_issues():
    result = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SECRET_KEY=_production_secret(),
        DJANGO_DEBUG="false",
        DJANGO_ALLOWED_HOSTS="green.example.org",
        SITE_URL="https://green.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("site_url", ["", "green.example.org"])
def test_check_deploy_refuses_a_missing_or_relative_site_url(site_url):
    result = _run(
        ["manage.py", "check", "--deploy"],
        DJANGO_SECRET_KEY=_production_secret(),
        DJANGO_DEBUG="false",
        DJANGO_ALLOWED_HOSTS="green.example.org",
        SITE_URL=site_url,
    )
    assert result.returncode == 1
    assert "platform_site.E001" in result.stderr + result.stdout


SECURITY_SETTINGS_PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.utils.csp import build_policy
names = [
    "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "LANGUAGE_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_HTTPONLY", "LANGUAGE_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE", "CSRF_COOKIE_SAMESITE", "LANGUAGE_COOKIE_SAMESITE",
]
values = {name: getattr(settings, name) for name in names}
values["policy"] = build_policy(settings.SECURE_CSP)
print(json.dumps(values))
"""


def test_production_settings_force_https_and_harden_cookies():
    result = _run(
        ["-c", SECURITY_SETTINGS_PROBE],
        DJANGO_SECRET_KEY=_production_secret(),
        DJANGO_DEBUG="false",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)

    assert values.pop("DEBUG") is False
    assert values.pop("SECURE_HSTS_SECONDS") >= 31536000
    assert "upgrade-insecure-requests" in directives(values.pop("policy"))
    for name, value in values.items():
        assert value == ("Lax" if name.endswith("SAMESITE") else True), name


def test_development_settings_do_not_upgrade_requests_to_https():
    result = _run(["-c", SECURITY_SETTINGS_PROBE], DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert "upgrade-insecure-requests" not in directives(values["policy"])


@override_settings(**PRODUCTION)
def test_production_redirects_to_https_and_sends_hsts(client, db):
    redirect = client.get("/en/")
    assert redirect.status_code == 301
    assert redirect["Location"] == "https://testserver/en/"

    response = client.get("/en/", secure=True)
    assert response.status_code == 200
    assert_security_headers(response, "/en/")
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@override_settings(**PRODUCTION)
def test_production_cookies_are_secure_httponly_and_samesite(client, db):
    from allauth.account.models import EmailAddress

    user = SuperUserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    login = reverse("account_login")

    form = client.get(login, secure=True)
    login_response = client.post(
        login,
        {"login": user.email, "password": "correct horse battery staple"},
        secure=True,
    )

    assert login_response.status_code == 302
    cookies = {**form.cookies, **login_response.cookies}
    assert {"csrftoken", "sessionid"} <= set(cookies)
    for name, cookie in cookies.items():
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name


# The error pages need neither the database nor the context processors: these tests have no
# database at all, as during an outage.


@override_settings(ROOT_URLCONF=__name__)
def test_server_error_page_is_translated_and_reveals_nothing(client):
    client.raise_request_exception = False

    response = client.get("/ru/boom/")

    assert response.status_code == 500
    content = response.content.decode()
    assert '<html lang="ru"' in content
    assert "Перейти на главную страницу" in content  # "Go to the home page"
    with translation.override("ru"):
        assert translation.gettext("Something went wrong on our side") in content
    assert 'href="/static/css/site.css"' in content
    assert_security_headers(response, "/ru/boom/")
    assert_reveals_nothing(response, "/ru/boom/")


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize(
    ("path", "status", "heading"),
    [
        ("/ru/forbidden/", 403, "Access denied"),
        ("/ru/suspicious/", 400, "We could not understand this request"),
    ],
)
def test_bad_request_and_permission_denied_pages(client, path, status, heading):
    response = client.get(path)

    assert response.status_code == status
    content = response.content.decode()
    assert '<html lang="ru"' in content
    with translation.override("ru"):
        assert translation.gettext(heading) in content
    assert_security_headers(response, path)
    assert_reveals_nothing(response, path)


@override_settings(ROOT_URLCONF=__name__)
def test_csrf_failure_is_the_sites_403_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/ru/form/", {"message": "hello"})

    assert response.status_code == 403
    content = response.content.decode()
    assert '<html lang="ru"' in content
    with translation.override("ru"):
        assert translation.gettext("Access denied") in content
    assert "CSRF" not in content
    assert_security_headers(response, "/ru/form/")
    assert_reveals_nothing(response, "/ru/form/")


def test_a_disallowed_host_gets_the_400_page_with_the_headers(client):
    """The host is refused by middleware, before any view: the headers still apply."""
    response = client.get("/ru/", HTTP_HOST="attacker.example")

    assert response.status_code == 400
    assert '<html lang="ru"' in response.content.decode()
    assert_security_headers(response, "/ru/ (bad host)")
    assert_reveals_nothing(response, "/ru/ (bad host)")


def test_not_found_page_is_translated_and_reveals_nothing(client, db):
    path = "/ru/technologies/no-such-record/"

    response = client.get(path)

    assert response.status_code == 404
    content = response.content.decode()
    assert "Страница не найдена" in content  # "Page not found"
    assert "matches the given query" not in content
    assert_security_headers(response, path)
    assert_reveals_nothing(response, path)


def test_admin_pages_have_no_inline_style_or_unsigned_script(client, db):
    """style-src 'self' ignores style attributes and script-src refuses inline scripts."""
    sign_in_staff(client, SuperUserFactory())
    record = TechnologyFactory(image="records/solar.jpg")
    # page -> the class of the record image it shows, if any
    pages = {
        reverse("admin:index"): None,
        reverse("admin:databases_technology_changelist"): "record-thumbnail",
        reverse("admin:databases_technology_add"): None,
        reverse("admin:databases_technology_change", args=[record.pk]): "record-image-preview",
    }
    for page, image_class in pages.items():
        response = client.get(page)
        assert response.status_code == 200, page
        assert_security_headers(response, page)
        content = response.content.decode()
        assert not re.search(r"\sstyle=", content), page
        for attributes in re.findall(r"<script([^>]*)>", content):
            inert = 'type="application/json"' in attributes
            assert "src=" in attributes or "nonce=" in attributes or inert, (page, attributes)
        if image_class:
            assert f'class="{image_class}"' in content, page
            assert "/static/css/admin.css" in content, page


PROXY_PROBE = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.SECURE_PROXY_SSL_HEADER)"
)


@pytest.mark.parametrize(
    ("proxies", "header"),
    [(None, "None"), ("0", "None"), ("1", "('HTTP_X_FORWARDED_PROTO', 'https')")],
    ids=["unset", "no-proxy", "one-proxy"],
)
def test_x_forwarded_proto_is_trusted_only_behind_a_proxy(proxies, header):
    environment = {"DJANGO_SECRET_KEY": _production_secret(), "DJANGO_DEBUG": "false"}
    if proxies is not None:
        environment["DJANGO_TRUSTED_PROXY_COUNT"] = proxies
    result = _run(["-c", PROXY_PROBE], **environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == header


@override_settings(**PRODUCTION)
def test_a_client_cannot_claim_https_without_a_proxy(client, db):
    """Facing clients directly (the test settings: no trusted proxy), the header is ignored."""
    response = client.get("/en/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/"
    assert "Strict-Transport-Security" not in response
