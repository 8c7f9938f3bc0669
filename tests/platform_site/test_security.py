"""Security headers on HTML responses, and production settings that refuse to start unsafely."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import TechnologyFactory

BASE_DIR = Path(__file__).resolve().parents[2]


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


def test_security_headers_on_html_responses(client, html_pages):
    for path in html_pages:
        response = client.get(path)
        assert response["Content-Type"].startswith("text/html"), path

        policy = directives(response["Content-Security-Policy"])
        assert "'unsafe-inline'" not in policy["script-src"], path
        assert "'unsafe-eval'" not in policy["script-src"], path
        assert policy["default-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"], path
        assert policy["frame-ancestors"] == ["'none'"], path
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert response["X-Frame-Options"] == "DENY", path
        assert "camera=()" in response["Permissions-Policy"], path
        assert "geolocation=()" in response["Permissions-Policy"], path
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", path


def test_no_inline_script_without_the_nonce(client, html_pages):
    """The CSP forbids inline scripts: a page may only carry ones that have the nonce."""
    for path in html_pages:
        content = client.get(path).content.decode()
        for attributes in re.findall(r"<script([^>]*)>", content):
            assert "src=" in attributes or "nonce=" in attributes, path


SETTINGS_PROBE = (
    "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
)


def _start_settings(**environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SECRET_KEY", "DJANGO_DEBUG", "DJANGO_SETTINGS_MODULE")
    }
    env.update(DJANGO_SETTINGS_MODULE="platform_site.settings", **environment)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


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
