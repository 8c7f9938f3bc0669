"""/healthz: database, cache and broker for load balancers."""

import pytest

from platform_site import views

pytestmark = pytest.mark.django_db


def test_healthz_reports_every_dependency_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    report = response.json()
    assert report["status"] == "ok"
    for name in ("database", "cache", "broker"):
        assert report[name]["ok"] is True, name
    assert report["database"]["backend"] in ("postgresql", "sqlite")
    assert "no-cache" in response["Cache-Control"]


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
def test_healthz_is_503_when_the_cache_fails(client, monkeypatch, cache):
    monkeypatch.setattr(views, "cache", cache)

    response = client.get("/healthz")

    assert response.status_code == 503
    report = response.json()
    assert report["status"] == "unavailable"
    assert report["cache"] == {"ok": False}
    assert report["database"]["ok"] is True


def test_healthz_is_503_when_the_database_fails(client, monkeypatch):
    def broken():
        raise ConnectionError("database is down")

    monkeypatch.setattr(views, "_check_database", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == {"ok": False}


def test_healthz_checks_a_real_broker_when_tasks_are_not_eager(client, monkeypatch, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False

    class Unreachable:
        def __enter__(self):
            raise ConnectionError("broker is down")

        def __exit__(self, *exc):
            return False

    from platform_site.celery import app

    monkeypatch.setattr(app, "connection_for_write", lambda: Unreachable())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"] == {"ok": False}


def test_healthz_answers_get_only(client):
    assert client.post("/healthz").status_code == 405
