"""Test settings: the real settings, pointed at PostgreSQL and Redis when they are reachable.

CI always has both on 127.0.0.1; a laptop without them falls back to the embedded defaults
(SQLite, local-memory cache, eager Celery). The pytest header says which were used.
"""

import os
import re
import socket


def _reachable(host, port):
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


# `make test` runs the suite in two pytest-xdist processes (gw0, gw1): pytest-django gives each
# a test database of its own; here each also gets a Redis database (cache and Celery broker, so
# that one process's worker never takes the other's tasks) and a media folder of its own.
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key")
if "DATABASE_URL" not in os.environ and _reachable("127.0.0.1", 5432):
    os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/green_platform"
if "REDIS_URL" not in os.environ and _reachable("127.0.0.1", 6379):
    os.environ["REDIS_URL"] = "redis://127.0.0.1:6379/15"
if _WORKER and os.environ.get("REDIS_URL"):
    os.environ["REDIS_URL"] = re.sub(
        r"/(\d+)$", lambda number: f"/{(int(number[1]) - _WORKER) % 16}", os.environ["REDIS_URL"]
    )

from platform_site.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "var" / f"test-media-{_WORKER}"  # noqa: F405
# Tests call tasks directly or through a real worker; by default they run in-process.
CELERY_TASK_ALWAYS_EAGER = True
SECURE_SSL_REDIRECT = False
# Static files come from the finders in tests; there is no collectstatic output to serve.
STATIC_ROOT = None
# Tests count queries page by page; the whole-page cache has tests of its own.
PUBLIC_PAGE_CACHE_SECONDS = 0
PERSONAL_PAGE_CACHE_SECONDS = 0
