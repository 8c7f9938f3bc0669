import pytest
from django.conf import settings


def pytest_report_header(config):
    database = settings.DATABASES["default"]
    return [
        "database: {} {}".format(
            database["ENGINE"].rsplit(".", 1)[-1], database.get("HOST") or database["NAME"]
        ),
        f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}",
        f"celery broker: {settings.CELERY_BROKER_URL.split('@')[-1]}",
    ]


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
