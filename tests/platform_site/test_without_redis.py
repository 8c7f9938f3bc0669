"""The portal without Redis: pages served uncached within the socket timeouts, and the
content version, bumped after a commit and again after an outage (platform_site/redis_cache.py,
platform_site/cache.py). The account actions are in test_account_actions_without_redis.py.

Redis is away as in production: a closed port (refused at once) or a server that accepts the
connection and never answers (a hung or stopped process, which costs the socket timeout).
"""

import socket
import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from platform_site import cache as page_cache
from platform_site import redis_cache
from tests.factories import TechnologyFactory, UserFactory
from tests.utils import closed_port, text, use_redis_cache_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_away(settings):
    """Redis stopped: its port refuses connections."""
    use_redis_cache_at(settings, closed_port())
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def hung_redis(settings):
    """A Redis that accepts connections and never answers (a frozen process); yields a
    function that counts the connections made to it so far."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        use_redis_cache_at(settings, server.getsockname()[1])
        settings.PUBLIC_PAGE_CACHE_SECONDS = 300
        server.setblocking(False)
        accepted = []

        def connections():
            while True:
                try:
                    accepted.append(server.accept()[0])
                except BlockingIOError:
                    return len(accepted)

        yield connections
        for connection in accepted:
            connection.close()


@pytest.mark.parametrize("path", ["/en/", "/en/technologies/", "/ru/technologies/", "/en/contact/"])
def test_pages_are_served_uncached_without_redis(client, redis_away, path):
    TechnologyFactory(title="Heliostat field controller")
    for _visit in range(2):
        response = client.get(path)
        assert response.status_code == 200
        assert response.context is not None  # rendered, not replayed from a cache


def test_a_record_and_the_account_pages_are_served_without_redis(client, redis_away):
    technology = TechnologyFactory(title="Heliostat field controller")
    assert client.get(technology.get_absolute_url()).status_code == 200
    for page in ("login", "signup", "password/reset"):
        assert client.get(f"/en/accounts/{page}/").status_code == 200


def test_a_member_keeps_working_without_redis(client, redis_away):
    client.force_login(UserFactory())
    assert client.get("/en/member/").status_code == 200


def test_a_hung_redis_costs_one_socket_timeout_then_nothing(client, hung_redis):
    """A frozen Redis costs its socket timeout (0.5 s) once; the pages after it do not wait
    for it again until retry_seconds have passed. Counted in connections, not timed."""
    TechnologyFactory(title="Heliostat field controller")
    for path in ("/en/technologies/", "/en/", "/en/technologies/"):
        assert client.get(path).status_code == 200
    assert hung_redis() == 1
    assert cache._cache._away_until is not None


def test_an_unreachable_redis_is_asked_once_per_retry_period(redis_away, monkeypatch):
    asked = []
    client = cache._cache
    get_client = client.get_client

    def counted(*args, **kwargs):
        asked.append(1)
        return get_client(*args, **kwargs)

    monkeypatch.setattr(client, "get_client", counted)
    now = time.monotonic()
    monkeypatch.setattr(redis_cache.time, "monotonic", lambda: now)

    cache.set("a", 1)
    assert cache.get("a") is None
    assert cache.add("b", 1) is True  # as on an empty cache that keeps nothing
    assert cache.get_many(["a", "b"]) == {}
    assert not cache.delete("a")
    with pytest.raises(ValueError):
        cache.incr("a")
    assert len(asked) == 1

    now += 6  # past retry_seconds: asked again
    assert cache.get("a") is None
    assert len(asked) == 2


def test_the_content_version_is_renewed_when_redis_answers_again(settings, monkeypatch):
    """Changes committed while Redis was away did not bump the version: the pages cached
    before the outage must not come back with it."""
    if "ResilientRedisCache" not in settings.CACHES["default"]["BACKEND"]:
        pytest.skip("needs Redis (REDIS_URL)")
    version = page_cache.content_version()
    client = cache._cache
    real_get = client.get_client

    def refused(*args, **kwargs):
        raise client._lib.ConnectionError("Connection refused")

    monkeypatch.setattr(client, "get_client", refused)
    assert cache.get("anything") is None
    monkeypatch.setattr(client, "get_client", real_get)
    client._away_until = time.monotonic() - 1  # the retry period is over

    assert page_cache.content_version() != version
    assert client._away_until is None


def test_the_content_version_is_bumped_after_the_commit_not_before(
    django_capture_on_commit_callbacks,
):
    version = page_cache.content_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        TechnologyFactory(title="Heliostat field controller")
        # Inside the transaction a request would still read the old rows.
        assert page_cache.content_version() == version
    assert any(
        getattr(callback, "func", None) is page_cache.bump_content_version for callback in callbacks
    )
    for callback in callbacks:
        callback()
    assert page_cache.content_version() != version


def test_a_page_cached_before_the_commit_is_never_served_after_it(
    client, settings, django_capture_on_commit_callbacks
):
    """The row of the issue: a publish whose commit is late, and a request in between that
    cached the old page under the version the change had already bumped: stale for 300 s."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    technology = TechnologyFactory(title="Heliostat field controller")
    with django_capture_on_commit_callbacks(execute=True):
        technology.title = "Heliostat array controller"
        technology.save()
        # Another request, which still reads the committed rows, caches the old page under
        # the version of this moment.
        request = RequestFactory().get("/en/technologies/")
        cache.set(page_cache.page_key(request), (b"the old page", {}), 300)
    assert "Heliostat array controller" in text(client.get("/en/technologies/"))
