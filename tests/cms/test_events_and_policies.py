"""The events and green policy pages: lists with filters, detail pages, JSON-LD, sitemap."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from cms import demo
from cms.models import Event, PolicyDocument
from platform_site.cache import bump_content_version
from tests.factories import CountryFactory, EventFactory, PolicyDocumentFactory
from tests.utils import LANGUAGE_CODES, text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    bump_content_version()
    yield
    bump_content_version()


def titles(response):
    return re.findall(r'<h3 class="event-title"><a [^>]*>(.*?)</a></h3>', text(response))


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def events():
    return {
        "later": EventFactory(title="Later forum", start_date=days(40), end_date=days(41)),
        "soon": EventFactory(
            title="Soon training", kind="training", online=True, start_date=days(3)
        ),
        "ongoing": EventFactory(title="Ongoing exhibition", start_date=days(-1), end_date=days(2)),
        "past": EventFactory(title="Past forum", start_date=days(-90), end_date=days(-89)),
        "older": EventFactory(title="Older forum", start_date=days(-400), end_date=days(-400)),
        "draft": EventFactory(title="Draft forum", published=False),
    }


def test_the_events_list_shows_upcoming_and_ongoing_events_soonest_first(client, events):
    response = client.get("/en/events/")
    assert response.status_code == 200
    assert titles(response) == ["Ongoing exhibition", "Soon training", "Later forum"]
    assert "3 events found" in text(response)


def test_past_events_are_listed_newest_first(client, events):
    assert titles(client.get("/en/events/?when=past")) == ["Past forum", "Older forum"]
    assert titles(client.get("/en/events/?when=all")) == [
        "Later forum",
        "Soon training",
        "Ongoing exhibition",
        "Past forum",
        "Older forum",
    ]


def test_events_filter_by_kind_format_and_country(client, events):
    assert titles(client.get("/en/events/?kind=training")) == ["Soon training"]
    assert titles(client.get("/en/events/?format=in-person")) == [
        "Ongoing exhibition",
        "Later forum",
    ]
    assert titles(client.get("/en/events/?format=online")) == ["Soon training"]
    brazil = CountryFactory(iso2="BR")
    EventFactory(title="Forum in Brazil", country=brazil, start_date=days(5))
    assert titles(client.get("/en/events/?country=BR")) == ["Forum in Brazil"]


@pytest.mark.parametrize(
    "query", ["when=tomorrow", "kind=party", "format=hologram", "country=XX", "country=%E2%80%AE"]
)
def test_a_wrong_event_filter_is_reported_and_the_others_still_apply(client, events, query):
    response = client.get(f"/en/events/?{query}&kind=training")
    assert response.status_code == 200
    content = text(response)
    assert "Some filters could not be applied" in content
    if not query.startswith("kind="):
        assert "Soon training" in titles(response)


@pytest.mark.parametrize("page", ["2", "0", "x", "99999999999999999999"])
def test_a_page_of_events_that_does_not_exist_is_a_404(client, events, page):
    assert client.get(f"/en/events/?page={page}").status_code == 404


def test_an_empty_events_list_offers_the_past_ones(client):
    content = text(client.get("/en/events/"))
    assert "No events match these filters." in content
    assert 'href="?when=all"' in content


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_event_page_describes_the_event_in_json_ld(client, lang):
    event = EventFactory(
        title="Green <Forum> & more",
        slug="green-forum",
        place="Xiamen",
        country=CountryFactory(iso2="CN"),
        start_date=datetime.date(2030, 5, 6),
        end_date=datetime.date(2030, 5, 7),
        url="https://example.org/forum",
        description="<p>Two days.</p><script>alert(1)</script>",
    )
    response = client.get(f"/{lang}/events/green-forum/")
    assert response.status_code == 200
    content = text(response)
    assert "<script>alert(1)</script>" not in content
    assert 'href="https://example.org/forum"' in content
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    data = json.loads(script.group(1))
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert data["startDate"] == "2030-05-06" and data["endDate"] == "2030-05-07"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Xiamen",
        "addressCountry": "CN",
    }
    assert data["url"] == f"http://testserver/{lang}/events/green-forum/"


def test_an_online_event_has_a_virtual_location(client):
    EventFactory(slug="webinar", online=True, url="https://example.org/join")
    content = text(client.get("/en/events/webinar/"))
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', content).group(1))
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/join"}


@pytest.mark.parametrize("slug", ["draft-forum", "nothing-here", "%E2%80%AE"])
def test_an_unpublished_or_unknown_event_is_a_404(client, slug):
    EventFactory(slug="draft-forum", published=False)
    assert client.get(f"/en/events/{slug}/").status_code == 404


@pytest.fixture
def policies():
    china = CountryFactory(iso2="CN")
    india = CountryFactory(iso2="IN")
    return [
        PolicyDocumentFactory(
            title="Carbon peaking action plan",
            country=china,
            issued_on=datetime.date(2021, 10, 24),
            issuing_body="State Council",
        ),
        PolicyDocumentFactory(
            title="Green hydrogen mission",
            country=india,
            issued_on=datetime.date(2023, 1, 4),
            summary="Electrolysers and green ammonia.",
        ),
        PolicyDocumentFactory(title="Undated guideline", issued_on=None),
        PolicyDocumentFactory(title="Draft policy", published=False),
    ]


def test_the_policies_list_shows_published_documents_newest_first(client, policies):
    response = client.get("/en/policies/")
    assert response.status_code == 200
    assert titles(response) == [
        "Green hydrogen mission",
        "Carbon peaking action plan",
        "Undated guideline",
    ]
    assert titles(client.get("/en/policies/?sort=oldest")) == [
        "Carbon peaking action plan",
        "Green hydrogen mission",
        "Undated guideline",
    ]
    assert titles(client.get("/en/policies/?sort=title"))[0] == "Carbon peaking action plan"


def test_policies_filter_by_country_and_keywords(client, policies):
    assert titles(client.get("/en/policies/?country=IN")) == ["Green hydrogen mission"]
    assert titles(client.get("/en/policies/?q=ammonia")) == ["Green hydrogen mission"]
    assert titles(client.get("/en/policies/?q=state+council")) == ["Carbon peaking action plan"]
    assert titles(client.get("/en/policies/?q=hydrogen+peaking")) == []


def test_a_policy_keyword_search_also_matches_the_english_text_in_another_language(
    client, policies
):
    assert titles(client.get("/zh-hans/policies/?q=hydrogen")) == ["Green hydrogen mission"]


@pytest.mark.parametrize("query", ["sort=random", "country=ZZ", f"q={'x' * 201}"])
def test_a_wrong_policy_filter_is_reported(client, policies, query):
    response = client.get(f"/en/policies/?{query}")
    assert response.status_code == 200
    assert "Some filters could not be applied" in text(response)


def test_the_policy_page_shows_its_facts_and_links(client, policies):
    document = policies[0]
    document.link = "https://example.gov/plan"
    document.save()
    response = client.get(f"/ru/policies/{document.slug}/")
    assert response.status_code == 200
    content = text(response)
    assert "Carbon peaking action plan" in content
    assert 'href="https://example.gov/plan"' in content
    assert 'datetime="2021-10-24"' in content


def test_an_unpublished_policy_is_a_404(client, policies):
    assert client.get(f"/en/policies/{policies[3].slug}/").status_code == 404


def test_the_sitemap_lists_published_events_and_policies_in_every_language(
    client, events, policies
):
    index = text(client.get("/sitemap.xml"))
    assert "http://testserver/sitemap-events.xml" in index
    assert "http://testserver/sitemap-policies.xml" in index
    listed = text(client.get("/sitemap-events.xml"))
    assert f"<loc>http://testserver/en/events/{events['past'].slug}/</loc>" in listed
    assert f'hreflang="hi" href="http://testserver/hi/events/{events["soon"].slug}/"' in listed
    assert events["draft"].slug not in listed
    listed = text(client.get("/sitemap-policies.xml"))
    assert f"<loc>http://testserver/pt-br/policies/{policies[0].slug}/</loc>" in listed
    assert policies[3].slug not in listed


def test_the_events_list_query_budget(client, events, django_assert_num_queries):
    client.get("/en/events/")  # caches the menu and footer, as an earlier visitor's request would
    # 1 count of the matching events, for the paginator
    # + 1 the page of events with their countries (select_related)
    # + 1 the countries of the filter's country choice
    with django_assert_num_queries(3):
        response = client.get("/en/events/?kind=forum")
    assert response.status_code == 200


def test_the_policies_list_query_budget(client, policies, django_assert_num_queries):
    client.get("/en/policies/")
    # 1 count + 1 page of documents with their countries + 1 the filter's countries
    with django_assert_num_queries(3):
        response = client.get("/en/policies/?q=green")
    assert response.status_code == 200


def test_the_demo_content_is_placed_around_today_and_safe_to_load_twice():
    assert demo.seed() == demo.seed()
    assert Event.objects.published().filter(end_date__gte=timezone.localdate()).count() >= 3
    assert Event.objects.published().filter(end_date__lt=timezone.localdate()).exists()
    assert PolicyDocument.objects.published().count() == len(demo.POLICIES)
