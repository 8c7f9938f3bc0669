"""/healthz: database, cache and broker for load balancers (503 without the database, 200
"degraded" without the cache or the broker); the details only for staff and monitors with the
token."""

import pytest

from platform_site import views
from tests.factories import SuperUserFactory, UserFactory

pytestmark = pytest.mark.django_db

TOKEN = "s3cret-monitoring-token"


@pytest.fixture
def monitor(client, settings):
    """A client sending the configured monitoring token."""
    settings.HEALTHZ_TOKEN = TOKEN
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {TOKEN}"
    return client


def test_healthz_tells_strangers_only_up(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_every_dependency_to_a_monitor_with_the_token(monitor):
    response = monitor.get("/healthz")

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok"
    for name in ("database", "cache", "broker"):
        assert report[name]["ok"] is True, name
    assert report["database"]["backend"] in ("postgresql", "sqlite")


def test_healthz_reports_every_dependency_to_staff(client):
    client.force_login(SuperUserFactory())

    report = client.get("/healthz").json()

    assert set(report) == {"status", "database", "cache", "broker"}


@pytest.mark.parametrize(
    "header",
    ["Bearer wrong-token", f"Basic {TOKEN}", TOKEN, f"Bearer {TOKEN}x", "Bearer "],
)
def test_healthz_shows_no_details_for_a_wrong_token(client, settings, header):
    settings.HEALTHZ_TOKEN = TOKEN
    response = client.get("/healthz", headers={"Authorization": header})
    assert response.json() == {"status": "ok"}


def test_healthz_accepts_no_token_when_none_is_configured(client, settings):
    settings.HEALTHZ_TOKEN = ""
    response = client.get("/healthz", headers={"Authorization": "Bearer "})
    assert response.json() == {"status": "ok"}


def test_healthz_shows_no_details_to_a_member(client):
    client.force_login(UserFactory())
    assert client.get("/healthz").json() == {"status": "ok"}


class BrokenCache:
    def set(self, *args, **kwargs):
        raise ConnectionError("cache is down")

    def get(self, *args, **kwargs):
        raise ConnectionError("cache is down")


class ForgetfulCache:
    def set(self, *args, **kwargs):
        pass

    def get(self, *args, **kwargs):
        return None


@pytest.mark.parametrize("cache", [BrokenCache(), ForgetfulCache()], ids=["down", "forgetful"])
def test_healthz_is_degraded_but_up_when_the_cache_fails(monitor, monkeypatch, cache):
    """Pages are served uncached: a load balancer keeps sending traffic."""
    monkeypatch.setattr(views, "cache", cache)

    response = monitor.get("/healthz")

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "degraded"
    assert report["cache"] == {"ok": False}
    assert report["database"]["ok"] is True


def test_healthz_tells_strangers_only_degraded(client, monkeypatch):
    monkeypatch.setattr(views, "cache", BrokenCache())

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded"}


def test_healthz_is_503_when_the_database_fails(monitor, monkeypatch):
    def broken():
        raise ConnectionError("database is down")

    monkeypatch.setattr(views, "_check_database", broken)
    response = monitor.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["database"] == {"ok": False}


def test_healthz_checks_a_real_broker_when_tasks_are_not_eager(monitor, monkeypatch, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False

    class Unreachable:
        def __enter__(self):
            raise ConnectionError("broker is down")

        def __exit__(self, *exc):
            return False

    from platform_site.celery import app

    monkeypatch.setattr(app, "connection_for_write", lambda **options: Unreachable())
    response = monitor.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["broker"] == {"ok": False}


def test_healthz_answers_get_only(client):
    assert client.post("/healthz").status_code == 405
