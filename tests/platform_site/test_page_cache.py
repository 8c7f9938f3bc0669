"""The whole-page cache of the public pages (platform_site/cache.py)."""

import re

import pytest
from django.http import HttpResponse
from django.template import engines
from django.test import override_settings
from django.urls import path, reverse

from databases.models import Enterprise
from platform_site import cache as page_cache
from platform_site import urls as site_urls
from platform_site.cache import bump_content_version, content_version, public_page
from tests.factories import (
    EventFactory,
    MembershipFactory,
    ProjectFactory,
    SectorFactory,
    TechnologyFactory,
    UserFactory,
)

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
    # The cache outlives a test's rolled-back rows, whose commits never bumped a version.
    bump_content_version()
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=300, PERSONAL_PAGE_CACHE_SECONDS=300):
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


def test_a_visitor_with_a_session_always_gets_a_fresh_page(client):
    TechnologyFactory(title="Heliostat field controller")
    client.get("/en/technologies/")
    client.force_login(UserFactory())
    response = client.get("/en/technologies/")
    assert response.status_code == 200
    assert response.context is not None  # rendered, not replayed
    assert "Sign out" in response.content.decode()


@pytest.mark.parametrize(
    "cookies",
    [
        {"sessionid": "not-a-real-session"},
        {"tracking": "anything"},
        {"messages": "not-a-signed-message"},
    ],
)
def test_a_cookie_that_is_no_live_session_gets_the_cached_page(
    client, django_assert_max_num_queries, cookies
):
    """Any cookie used to render the page afresh: a free way around the cache."""
    TechnologyFactory(title="Heliostat field controller")
    first = client.get("/en/technologies/")
    for name, value in cookies.items():
        client.cookies[name] = value
    # At most the session store's lookup of the key (not in the cache: in the database).
    with django_assert_max_num_queries(1):
        second = client.get("/en/technologies/")
    assert second.context is None  # replayed
    assert second.content == first.content
    if "sessionid" in cookies:
        # The middleware tells the browser to forget a session that does not exist.
        assert second.cookies["sessionid"].value == ""


@pytest.mark.parametrize(
    "variant",
    [
        # Repeated values in another order, an unknown parameter, empty values.
        "?sort=title&sector=solar-energy&sector=wind-energy",
        "?sector=wind-energy&utm_source=mail&sector=solar-energy&q=&sort=title&country=",
        # A value of one repeated: the last counts, as for the form.
        "?sort=newest&sector=solar-energy&sort=title&sector=wind-energy&sector=wind-energy",
    ],
)
def test_query_strings_are_normalised_before_they_key_the_cache(
    client, django_assert_num_queries, variant
):
    SectorFactory(code="solar-energy", name="Solar energy")
    SectorFactory(code="wind-energy", name="Wind energy")
    TechnologyFactory(title="Heliostat field controller")
    first = client.get("/en/technologies/?sector=solar-energy&sector=wind-energy&sort=title")
    with django_assert_num_queries(0):
        second = client.get("/en/technologies/" + variant)
    assert second.content == first.content


def test_the_view_reads_the_normalised_query(client):
    SectorFactory(code="solar-energy", name="Solar energy")
    page = client.get("/en/technologies/?utm_source=mail&sector=solar-energy&q=").content.decode()
    # Its links carry what it was cached under, nothing else.
    assert "utm_source" not in page
    assert 'name="utm_source"' not in page


def test_a_page_without_parameters_ignores_any(client, django_assert_num_queries):
    technology = TechnologyFactory(title="Heliostat field controller")
    first = client.get(technology.get_absolute_url())
    with django_assert_num_queries(0):
        second = client.get(technology.get_absolute_url() + "?utm_source=mail&page=2")
    assert second.content == first.content


def test_an_edit_stales_the_pages_of_its_own_area_only(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    technology = TechnologyFactory(title="Heliostat field controller")
    ProjectFactory(title="Solar park of Ouarzazate")
    projects = client.get("/en/projects/")
    client.get("/en/technologies/")
    assert "field controller" in client.get("/en/search/?q=heliostat").content.decode()
    technology.title = "Heliostat array controller"
    with django_capture_on_commit_callbacks(execute=True):
        technology.save()
    # The projects list shows no technology: still served from the cache.
    with django_assert_num_queries(0):
        assert client.get("/en/projects/").content == projects.content
    assert "Heliostat array controller" in client.get("/en/technologies/").content.decode()
    # The search shows every database: stale too (the matched word is highlighted).
    assert "array controller" in client.get("/en/search/?q=heliostat").content.decode()


def test_a_taxonomy_edit_stales_every_list(client, django_capture_on_commit_callbacks):
    sector = SectorFactory(code="solar-energy", name="Solar energy")
    ProjectFactory(title="Solar park of Ouarzazate", sectors=[sector])
    assert "Solar energy" in client.get("/en/projects/").content.decode()
    sector.name = "Solar power"
    with django_capture_on_commit_callbacks(execute=True):
        sector.save()
    assert "Solar power" in client.get("/en/projects/").content.decode()


def test_a_member_gets_the_shared_content_around_their_own_header(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """The list's queries and rendering are done once for everyone (a fragment): a signed-in
    member's page costs their header."""
    technology = TechnologyFactory(title="Heliostat field controller")
    anonymous = client.get("/en/technologies/").content.decode()
    client.force_login(UserFactory())
    # The user (the session comes from the cache).
    with django_assert_num_queries(1):
        page = client.get("/en/technologies/").content.decode()
    assert "Sign out" in page and "Sign out" not in anonymous
    main = re.search(r"<main.*</main>", page, re.S).group(0)
    assert main == re.search(r"<main.*</main>", anonymous, re.S).group(0)
    # An edit makes the fragment stale as it does the page.
    technology.title = "Heliostat array controller"
    with django_capture_on_commit_callbacks(execute=True):
        technology.save()
    page = client.get("/en/technologies/").content.decode()
    assert "Heliostat array controller" in page and "Sign out" in page


def test_the_detail_page_s_next_step_is_each_reader_s_own(client):
    """A detail page is a shared fragment around the reader's next step (matchmaking)."""
    membership = MembershipFactory()
    technology = TechnologyFactory(
        title="Heliostat field controller", provider=membership.enterprise
    )
    anonymous = client.get(technology.get_absolute_url()).content.decode()
    assert "Sign up to express interest" in anonymous
    client.force_login(membership.user)
    own = client.get(technology.get_absolute_url()).content.decode()
    assert "Your enterprise published this" in own
    assert "Sign up to express interest" not in own
    client.force_login(UserFactory())
    stranger = client.get(technology.get_absolute_url()).content.decode()
    assert "Register your enterprise" in stranger
    for page in (own, stranger):
        assert "Heliostat field controller" in page


def test_a_kept_detail_page_reads_only_what_the_reader_s_next_step_needs(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """Its title, description and links for sharing come from the kept fragment, the reader's
    standing (their enterprises and what they have open) from what is kept for them."""
    membership = MembershipFactory()
    project = ProjectFactory(title="Floating solar plant", summary="A 20 MW plant on a lake.")
    client.force_login(membership.user)
    assert client.get(project.get_absolute_url()).status_code == 200
    # The user (the record's id and enterprise are in the fragment).
    with django_assert_num_queries(1):
        page = client.get(project.get_absolute_url()).content.decode()
    assert "<title>Floating solar plant · Projects ·" in page
    assert '<meta name="description" content="A 20 MW plant on a lake.">' in page
    assert '<meta property="og:title" content="Floating solar plant">' in page
    assert 'aria-current="page">Floating solar plant</a>' in page
    assert "Express interest" in page

    # What they then express shows on the page at once.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("matchmaking:interest", args=[project.url_name, project.slug]),
            {"message": "We build floating PV."},
        )
    assert response.status_code == 302
    page = client.get(project.get_absolute_url()).content.decode()
    assert "expressed interest on" in page and "Express interest" not in page

    # The reader's standing names their enterprise in the page's language.
    enterprise = membership.enterprise
    Enterprise.objects.filter(pk=enterprise.pk).update(title_ru="ООО «Солнце»")
    with django_capture_on_commit_callbacks(execute=True):
        page_cache.changed_after_commit("enterprises")
    assert enterprise.title in client.get(project.get_absolute_url()).content.decode()
    russian = client.get(project.get_absolute_url().replace("/en/", "/ru/", 1))
    assert "ООО «Солнце»" in russian.content.decode()


def test_pages_kept_by_another_release_are_not_served(monkeypatch):
    """A deploy changes the templates a fragment is cut by: what the last release kept (or a
    worker of it still running) is kept under other versions."""
    assert page_cache.code_version() == page_cache.code_version()
    kept_by_this_release = content_version()
    monkeypatch.setattr(page_cache, "code_version", lambda: "another release")
    assert content_version() != kept_by_this_release


def test_the_member_dashboard_shows_the_latest_edits(client, django_capture_on_commit_callbacks):
    membership = MembershipFactory()
    project = ProjectFactory(title="Solar park of Ouarzazate", enterprise=membership.enterprise)
    client.force_login(membership.user)
    assert "Solar park of Ouarzazate" in client.get("/en/member/").content.decode()
    project.title = "Solar park of Noor"
    with django_capture_on_commit_callbacks(execute=True):
        project.save()
    assert "Solar park of Noor" in client.get("/en/member/").content.decode()


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
