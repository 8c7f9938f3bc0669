"""The whole-page cache of the public pages (platform_site/cache.py)."""

import pytest
from django.test import override_settings

from tests.factories import TechnologyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_on")]


@pytest.fixture
def cache_on():
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=300):
        yield


def test_a_second_visit_is_served_from_the_cache(client, django_assert_num_queries):
    TechnologyFactory(title="Heliostat field controller")
    first = client.get("/en/technologies/?sort=title")
    with django_assert_num_queries(0):
        second = client.get("/en/technologies/?sort=title")
    assert second.status_code == 200
    assert second.content == first.content
    assert "Content-Security-Policy" in second.headers
    assert "X-Content-Type-Options" in second.headers


def test_a_change_to_a_record_shows_at_once(client):
    technology = TechnologyFactory(title="Heliostat field controller")
    assert "Heliostat field controller" in client.get("/en/technologies/").content.decode()
    technology.title = "Heliostat array controller"
    technology.save()
    page = client.get("/en/technologies/").content.decode()
    assert "Heliostat array controller" in page
    assert ">Heliostat field controller<" not in page


def test_each_language_and_query_has_its_own_page(client):
    TechnologyFactory(title="Heliostat field controller", title_ru="Контроллер гелиостатов")
    assert "Heliostat field controller" in client.get("/en/technologies/").content.decode()
    assert "Контроллер гелиостатов" in client.get("/ru/technologies/").content.decode()
    assert "0 records found" in client.get("/en/technologies/?country=CN").content.decode()


def test_a_visitor_with_a_session_always_gets_a_fresh_page(client, django_assert_max_num_queries):
    TechnologyFactory(title="Heliostat field controller")
    client.get("/en/technologies/")
    client.cookies["sessionid"] = "not-a-real-session"
    response = client.get("/en/technologies/")
    assert response.status_code == 200
    assert response.context is not None  # rendered, not replayed


def test_errors_are_not_cached(client):
    assert client.get("/en/technologies/no-such-record/").status_code == 404
    TechnologyFactory(title="Late record", slug="no-such-record")
    assert client.get("/en/technologies/no-such-record/").status_code == 200
