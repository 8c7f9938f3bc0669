"""The content pages: the about section, country overviews, the meetings, menu and footer,
the home page's additions, the sitemap sections and the Organization's JSON-LD."""

import datetime
import html
import json
import re

import pytest
from django.utils import timezone, translation

from cms.models import CountryOverview, Event, MinisterialMeeting, Page
from platform_site.cache import bump_content_version
from tests.factories import TechnologyFactory
from tests.utils import LANGUAGE_CODES, links, text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_site_chrome():
    """The menu and footer are cached per content version, which a rolled-back test leaves
    behind: each test starts on a new version (as any content change would)."""
    bump_content_version()
    yield
    bump_content_version()


def h1(response):
    """The h1's text, without what is hidden from assistive technology (a flag)."""
    match = re.search(r"<h1[^>]*>(.*?)</h1>", text(response), re.S)
    assert match, "no h1"
    visible = re.sub(r'<span aria-hidden="true">.*?</span>', "", match.group(1))
    return html.unescape(re.sub(r"<[^>]+>", "", visible)).strip()


def title_in(lang, **lookup):
    """A page's title in ``lang`` (the seed translates the content; English is the fallback)."""
    with translation.override(lang):
        return Page.objects.get(**lookup).title


def country_name_in(lang, iso2):
    from databases.models import Country

    with translation.override(lang):
        return Country.objects.get(iso2=iso2).name


def breadcrumbs(response):
    match = re.search(r'<nav class="breadcrumbs"[^>]*>(.*?)</nav>', text(response), re.S)
    assert match, "no breadcrumbs"
    return [
        html.unescape(label).strip()
        for label in re.findall(r"<a [^>]*>(.*?)</a>", match.group(1), re.S)
    ]


def main_menu(response):
    match = re.search(r'<nav class="main-nav"[^>]*>(.*?)</nav>', text(response), re.S)
    assert match, "no main menu"
    return match.group(1)


def footer(response):
    match = re.search(r'<footer class="site-footer">(.*?)</footer>', text(response), re.S)
    assert match, "no footer"
    return match.group(1)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_about_root_answers_in_every_language(client, lang):
    response = client.get(f"/{lang}/about/")
    assert response.status_code == 200
    about = title_in(lang, parent=None, slug="about")
    assert h1(response) == about
    assert breadcrumbs(response)[1:] == [about]
    assert f'<meta property="og:title" content="{about}">' in text(response)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_an_about_page_answers_in_every_language(client, lang):
    response = client.get(f"/{lang}/about/platform-profile/")
    assert response.status_code == 200
    about = title_in(lang, parent=None, slug="about")
    profile = title_in(lang, parent__slug="about", slug="platform-profile")
    assert h1(response) == profile
    assert breadcrumbs(response)[1:] == [about, profile]
    if lang == "en":
        assert "<p>Guided by Xi Jinping Thought" in text(response)


def test_the_about_pages_have_a_side_navigation_of_the_published_children(client):
    content = text(client.get("/en/about/innovation-alliance/"))
    section = re.search(r'<nav class="section-nav".*?</nav>', content, re.S).group(0)
    assert re.findall(r'href="([^"]*)"', section) == [
        "/en/about/",
        "/en/about/platform-profile/",
        "/en/about/brics-partnir-innovation-center/",
        "/en/about/innovation-alliance/",
        "/en/about/cietc-branch/",
    ]
    assert 'href="/en/about/innovation-alliance/" aria-current="page"' in section


@pytest.mark.parametrize(
    "path",
    [
        "/en/about/organization-profile/",  # unpublished in the seed
        "/en/about/no-such-page/",
        "/en/about/meetings/",  # a top-level page is not an about child
        "/en/countries/fr/",  # a country without an overview
        "/en/countries/xx/",
        "/en/countries/chn/",
        "/en/countries/1/",
    ],
)
def test_unknown_or_unpublished_pages_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_an_unpublished_about_root_hides_the_whole_section(client):
    Page.objects.filter(parent=None, slug="about").update(published=False)
    assert client.get("/en/about/").status_code == 404
    assert client.get("/en/about/platform-profile/").status_code == 404


def test_an_unpublished_country_overview_is_not_found(client):
    CountryOverview.objects.filter(country__iso2="RU").update(published=False)
    assert client.get("/en/countries/ru/").status_code == 404


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("iso2", ["cn", "CN"])
def test_a_country_overview_answers_in_every_language(client, lang, iso2):
    response = client.get(f"/{lang}/countries/{iso2}/")
    assert response.status_code == 200
    name = country_name_in(lang, "CN")
    assert h1(response) == name
    assert breadcrumbs(response)[1:] == [name]


def test_a_country_overview_counts_the_published_records_of_the_country(client):
    from databases.models import Country

    china = Country.objects.get(iso2="CN")
    TechnologyFactory.create_batch(2, country=china)
    TechnologyFactory(country=china, status="draft")
    response = client.get("/en/countries/cn/")
    assert h1(response) == "China"
    content = text(response)
    assert '<a href="/en/technologies/?country=CN">2 technologies</a>' in content
    assert '<a href="/en/projects/?country=CN">0 projects</a>' in content
    for key in ["talents", "enterprises", "institutions"]:
        assert f'href="/en/{key}/?country=CN"' in content
    assert "BRICS member" in content or "Member" in content


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_meetings_page_answers_in_every_language(client, lang):
    response = client.get(f"/{lang}/meetings/")
    assert response.status_code == 200
    meetings = title_in(lang, parent=None, slug="meetings")
    assert h1(response) == meetings
    assert breadcrumbs(response)[1:] == [meetings]


def test_the_meetings_page_lists_both_series_oldest_first(client):
    content = text(client.get("/en/meetings/"))
    timelines = re.findall(
        r'<h2 id="series-(\w+)">(.*?)</h2>.*?<ol class="timeline">(.*?)</ol>', content, re.S
    )
    assert [(key, title) for key, title, _items in timelines] == [
        ("industry", "BRICS Industry Ministers Meeting"),
        ("communications", "BRICS Communications Ministers Meeting"),
    ]
    industry, communications = (items for _key, _title, items in timelines)
    assert industry.count("<li>") == 7 and communications.count("<li>") == 9
    # The first and last industry meetings: Moscow 2015 and by video in 2023.
    assert industry.index("Moscow, Russia") < industry.index("By video")
    assert "BRICS Industrial Cooperation: New Opportunities for Growth" in industry
    assert "BRICS Ministerial Declaration on Industry" in industry
    assert industry.rstrip().endswith("</li>")
    last_industry = industry.rsplit("<li>", 1)[1]
    assert "7th meeting" in last_industry and "By video" in last_industry
    assert "Joint Declaration of the 7th BRICS Conference of Industry Ministers" in last_industry
    # The communications series: 2015 (only the year known) to Cape Town 2023.
    first_communications = communications.split("<li>")[1]
    assert '<time datetime="2015">2015</time>' in first_communications
    last_communications = communications.rsplit("<li>", 1)[1]
    assert "Cape Town, South Africa" in last_communications
    assert (
        "Achieving Universal Connectivity and Prospering the Digital Economy" in last_communications
    )


def test_the_meetings_page_works_without_its_intro_page(client):
    Page.objects.filter(parent=None, slug="meetings").update(published=False)
    response = client.get("/en/meetings/")
    assert response.status_code == 200
    assert h1(response) == "Ministerial meetings"
    assert MinisterialMeeting.objects.count() == 16


def test_the_menu_lists_the_about_pages_meetings_databases_and_consult_us(client):
    menu = main_menu(client.get("/en/"))
    hrefs = re.findall(r'href="([^"]*)"', menu)
    for href in [
        "/en/about/",
        "/en/about/platform-profile/",
        "/en/about/cietc-branch/",
        "/en/meetings/",
        "/en/technologies/",
        "/en/institutions/",
        "/en/contact/",
    ]:
        assert href in hrefs
    assert "/en/about/organization-profile/" not in hrefs  # unpublished
    assert "Consult us" in menu


def test_the_menu_follows_content_changes(client, django_capture_on_commit_callbacks):
    assert "/en/about/cietc-branch/" in links(client.get("/en/"))
    # The signal bumps the content version once the deletion is committed.
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(slug="cietc-branch").delete()
    assert "/en/about/cietc-branch/" not in links(client.get("/en/"))


def test_the_footer_shows_the_site_settings(client):
    content = footer(client.get("/en/about/"))
    assert 'href="tel:010-68200638"' in content and "010-68207966" in content
    assert 'href="mailto:biandq@cietc.org.cn"' in content
    assert "songxm@cietc.org.cn" in content
    assert "Yinling Center" in content


def test_the_home_page_shows_slogan_members_events_and_consult_us(client):
    Event.objects.create(
        kind="forum", title="Past forum", slug="past", published=True,
        start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2020, 1, 2),
    )  # fmt: skip
    today = timezone.localdate()
    for n in range(4):
        day = today + datetime.timedelta(days=n)
        Event.objects.create(
            kind="training", title=f"Upcoming {n}", slug=f"upcoming-{n}", published=True,
            start_date=day, end_date=day,
        )  # fmt: skip
    Event.objects.create(
        kind="forum", title="Draft forum", slug="draft", published=False,
        start_date=today, end_date=today,
    )  # fmt: skip
    response = client.get("/en/")
    content = text(response)
    assert "CLEAN AND BEAUTIFUL WORLD" in h1(response)
    assert re.findall(r'<h3 class="event-title"><a href="[^"]+">(.*?)</a></h3>', content) == [
        "Upcoming 0",
        "Upcoming 1",
        "Upcoming 2",
    ]
    for iso2 in ["br", "ru", "in", "cn", "za"]:
        assert f'href="/en/countries/{iso2}/"' in content
    main = content.split('<main id="main"', 1)[1]
    assert 'href="/en/contact/"' in main


def test_the_home_page_describes_the_organization_in_json_ld(client):
    content = text(client.get("/en/"))
    # A data block, which the CSP does not execute: no nonce, so the page can be cached.
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    assert match, "no JSON-LD script"
    data = json.loads(match.group(1))[0]
    assert data["@type"] == "Organization"
    assert data["url"] == "http://testserver/"
    assert data["email"] == "biandq@cietc.org.cn"
    assert data["telephone"] == "010-68200638"
    assert "Xiamen" in data["address"]["streetAddress"]


def test_the_json_ld_cannot_close_its_script_element(client):
    from cms.models import SiteSettings

    settings_row = SiteSettings.get_solo()
    settings_row.address = "</script><script>alert(1)</script>"
    settings_row.save()
    content = text(client.get("/en/"))
    script = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', content, re.S)
    data = json.loads(script.group(1))[0]
    assert data["address"]["streetAddress"] == "</script><script>alert(1)</script>"


def test_the_sitemap_lists_the_about_and_country_pages(client):
    index = text(client.get("/sitemap.xml"))
    for section in ["pages", "countries", "sections"]:
        assert f"http://testserver/sitemap-{section}.xml" in index
    pages = text(client.get("/sitemap-pages.xml"))
    assert "<loc>http://testserver/en/about/</loc>" in pages
    assert "<loc>http://testserver/zh-hans/about/platform-profile/</loc>" in pages
    assert 'hreflang="ru" href="http://testserver/ru/about/cietc-branch/"' in pages
    assert "organization-profile" not in pages
    countries = text(client.get("/sitemap-countries.xml"))
    for iso2 in ["br", "ru", "in", "cn", "za"]:
        assert f"<loc>http://testserver/en/countries/{iso2}/</loc>" in countries
    sections = text(client.get("/sitemap-sections.xml"))
    assert "<loc>http://testserver/pt-br/meetings/</loc>" in sections
    assert "<loc>http://testserver/hi/events/</loc>" in sections
    assert "<loc>http://testserver/zh-hans/policies/</loc>" in sections


def warm(client, path):
    """The request that caches the menu and footer, as any earlier visitor's would."""
    client.get(path)


def test_the_about_page_query_budget(client, django_assert_num_queries):
    warm(client, "/en/about/platform-profile/")
    # 1 the published about root (its parent, if any, published too)
    # + 1 prefetch of its published children, for the side navigation
    # + 1 the published child page by slug
    # (the menu and the footer's site settings come from the cache)
    with django_assert_num_queries(3):
        response = client.get("/en/about/platform-profile/")
    assert response.status_code == 200


def test_the_meetings_page_query_budget(client, django_assert_num_queries):
    warm(client, "/en/meetings/")
    # 1 the published "meetings" intro page
    # + 1 every meeting with its country (select_related)
    with django_assert_num_queries(2):
        response = client.get("/en/meetings/")
    assert response.status_code == 200


def test_the_site_chrome_costs_two_queries_once_per_content_version(
    client, django_assert_num_queries
):
    warm(client, "/en/meetings/")
    bump_content_version()
    # 2 queries of the page (above)
    # + 1 the menu's published pages + 1 the site settings, cached again until the next change
    with django_assert_num_queries(4):
        client.get("/en/meetings/")
    with django_assert_num_queries(2):
        client.get("/en/meetings/")
