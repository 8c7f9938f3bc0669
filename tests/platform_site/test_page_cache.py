"""The whole-page cache of the public pages (platform_site/cache.py)."""

import re

import pytest
from django.http import HttpResponse
from django.template import engines
from django.test import override_settings
from django.urls import path

from platform_site import urls as site_urls
from platform_site.cache import public_page
from tests.factories import EventFactory, TechnologyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_on")]

rendered = []


def _page_view(template):
    def view(request):
        rendered.append(request.path)
        return HttpResponse(engines["django"].from_string(template).render({}, request))

    return public_page(view)


# A test-only URLconf (``ROOT_URLCONF=__name__``): the site's routes, plus cached pages that use
# what is made for one request.
urlpatterns = [
    *site_urls.urlpatterns,
    path("nonce/", _page_view('<script nonce="{{ csp_nonce }}">init()</script>'), name="nonce"),
    path("form/", _page_view('<form method="post">{% csrf_token %}</form>'), name="form"),
    path("plain/", _page_view("<p>Nothing personal</p>"), name="plain"),
]

# A deployment behind a TLS proxy, where a second host name is allowed too: a forged request
# can choose among them.
BEHIND_A_PROXY = {
    "ALLOWED_HOSTS": ["testserver", "other.example.org"],
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
}
FORGED = {"HTTP_HOST": "other.example.org", "HTTP_X_FORWARDED_PROTO": "https"}


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


def test_a_change_to_a_record_shows_at_once(client, django_capture_on_commit_callbacks):
    technology = TechnologyFactory(title="Heliostat field controller")
    assert "Heliostat field controller" in client.get("/en/technologies/").content.decode()
    technology.title = "Heliostat array controller"
    with django_capture_on_commit_callbacks(execute=True):
        technology.save()
    page = client.get("/en/technologies/").content.decode()
    assert "Heliostat array controller" in page
    assert ">Heliostat field controller<" not in page


def test_each_language_and_query_has_its_own_page(client):
    TechnologyFactory(title="Heliostat field controller", title_ru="Контроллер гелиостатов")
    assert "Heliostat field controller" in client.get("/en/technologies/").content.decode()
    assert "Контроллер гелиостатов" in client.get("/ru/technologies/").content.decode()
    assert "0 technologies" in client.get("/en/technologies/?country=CN").content.decode()


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


def absolute_links(content):
    """Every absolute URL in the page's og:url, hreflang alternates and JSON-LD."""
    return re.findall(r'"(https?://[^"]+)"', content)


@override_settings(**BEHIND_A_PROXY)
@pytest.mark.parametrize("page", ["home", "event"])
def test_a_forged_host_and_scheme_do_not_reach_other_visitors(client, page):
    """The poisoning of the issue: one request with another allowed Host and
    X-Forwarded-Proto: https used to fix the absolute links every visitor got."""
    event = EventFactory(slug="green-forum")
    path = "/en/" if page == "home" else event.get_absolute_url()

    forged = client.get(path, **FORGED).content.decode()
    assert "https://other.example.org/en/" in forged  # the forger's own page

    links = absolute_links(client.get(path).content.decode())
    assert links, "no absolute links on the page"
    own = [link for link in links if link.startswith("http://testserver/")]
    assert own and not any("other.example.org" in link for link in links)
    if page == "event":
        assert '<meta property="og:url" content="http://testserver/en/events/green-forum/">' in (
            client.get(path).content.decode()
        )


@override_settings(SITE_URL="https://green.example.org", **BEHIND_A_PROXY)
def test_absolute_links_come_from_site_url_when_it_is_set(client):
    EventFactory(slug="green-forum")
    for headers in (FORGED, {}):
        content = client.get("/en/events/green-forum/", **headers).content.decode()
        assert (
            '<meta property="og:url" content="https://green.example.org/en/events/green-forum/">'
            in content
        )
        assert 'hreflang="ru" href="https://green.example.org/ru/events/green-forum/"' in content
        assert '"url": "https://green.example.org/en/events/green-forum/"' in content
        assert "testserver" not in content and "other.example.org" not in content


def test_the_home_page_is_cached(client, django_assert_num_queries):
    EventFactory()
    first = client.get("/en/")
    with django_assert_num_queries(0):
        second = client.get("/en/")
    assert second.content == first.content


def test_a_replayed_page_keeps_its_headers(client, django_assert_num_queries):
    TechnologyFactory(title="Heliostat field controller")
    first = client.get("/ru/technologies/")
    with django_assert_num_queries(0):
        second = client.get("/ru/technologies/")
    for header in ("Content-Type", "Content-Language", "Vary"):
        assert second[header] == first[header], header
    assert second["Content-Language"] == "ru"
    # Whether the shared page is served depends on the session cookie: shared caches must know.
    assert "Cookie" in second["Vary"]


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize("page", ["/nonce/", "/form/"])
def test_a_page_made_for_one_request_is_never_cached(client, page):
    """A CSP nonce or a CSRF token in a shared page would be the same for every visitor."""
    rendered.clear()
    first, second = client.get(page), client.get(page)
    assert rendered == [page, page]
    assert first.content != second.content
    if page == "/nonce/":
        nonce = re.search(r'nonce="([^"]+)"', second.content.decode()).group(1)
        assert f"'nonce-{nonce}'" in second["Content-Security-Policy"]
    else:
        assert "csrftoken" in second.cookies


@override_settings(ROOT_URLCONF=__name__)
def test_a_page_with_nothing_personal_is_cached(client):
    rendered.clear()
    client.get("/plain/")
    assert client.get("/plain/").content == b"<p>Nothing personal</p>"
    assert rendered == ["/plain/"]
