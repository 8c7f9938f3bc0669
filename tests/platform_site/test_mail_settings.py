"""The mail server comes from the environment: EMAIL_URL, or EMAIL_HOST and its companions."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

NAMES = [
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "EMAIL_USE_SSL",
    "EMAIL_TIMEOUT",
]
SMTP = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE = "django.core.mail.backends.console.EmailBackend"


def mail_settings(**environment):
    """The e-mail settings platform_site/settings.py makes of ``environment`` alone."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "DJANGO_"))}
    env.update(environment, DJANGO_DEBUG="true", DJANGO_SETTINGS_MODULE="platform_site.settings")
    script = (
        "import json; from platform_site import settings as s; "
        f"print(json.dumps([getattr(s, name) for name in {NAMES!r}]))"
    )
    output = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(zip(NAMES, json.loads(output), strict=True))


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, [CONSOLE, "localhost", 25, "", "", False, False, 10]),
        (
            {"EMAIL_URL": "smtp+tls://mailer:p%40ss@smtp.example.org:587", "EMAIL_TIMEOUT": "5"},
            [SMTP, "smtp.example.org", 587, "mailer", "p@ss", True, False, 5],
        ),
        (
            {"EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": "465", "EMAIL_USE_SSL": "true"},
            [SMTP, "smtp.example.org", 465, "", "", False, True, 10],
        ),
        (
            {"EMAIL_URL": "smtp://smtp.example.org", "EMAIL_HOST_PASSWORD": "secret"},
            [SMTP, "smtp.example.org", 25, "", "secret", False, False, 10],
        ),
    ],
    ids=["development: printed", "EMAIL_URL", "EMAIL_HOST and companions", "both: URL first"],
)
def test_the_mail_server_comes_from_the_environment(environment, expected):
    assert mail_settings(**environment) == dict(zip(NAMES, expected, strict=True))
