"""The public API (/api/v1/): parity with the list pages, pagination, languages, conditional
GETs, the rate limit, bad input, query budgets."""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from tests.databases.test_list_pages import FILTER_CASES, SORT_CASES, solar, wind
from tests.factories import (
    RECORD_FACTORIES,
    CooperationTypeFactory,
    EnterpriseFactory,
    LanguageFactory,
    ProjectFactory,
    SDGFactory,
    SectorFactory,
    TalentFactory,
    TechnologyFactory,
    TechnologyFieldFactory,
    china,
    russia,
)
from tests.utils import DATABASE_KEYS, card_titles, list_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with no rate-limit counts and no content version seen."""
    cache.clear()
    yield
    cache.clear()


def api(key):
    return f"/api/v1/{key}/"


def titles(response, lang="en"):
    assert response.status_code == 200, response.content
    return [record["title"][lang] for record in response.json()["results"]]


def walk(client, url, params):
    """Every page of a list through its "next" links: the titles in order. Walked back
    through the "previous" links from the last page, the same pages come in reverse order."""
    response = client.get(url, params)
    assert response.json()["previous"] is None
    pages = [titles(response)]
    while response.json()["next"]:
        response = client.get(response.json()["next"])
        pages.append(titles(response))
    back = [pages[-1]]
    while response.json()["previous"]:
        response = client.get(response.json()["previous"])
        back.append(titles(response))
    assert back == pages[::-1]
    return [title for page in pages for title in page]


# -- Parity with the list pages ----------------------------------------------------------


@pytest.mark.parametrize(("key", "query", "match", "other"), FILTER_CASES)
def test_filters_select_what_the_list_page_selects(client, key, query, match, other):
    solar()
    wind()
    factory = RECORD_FACTORIES[key]
    factory(title="Matching record", **match())
    factory(title="Other record", **other())

    page = card_titles(client.get(list_url(key), query))

    assert titles(client.get(api(key), query)) == page == ["Matching record"]


@pytest.mark.parametrize(("key", "sort", "records"), SORT_CASES)
def test_every_sort_order_pages_through_every_record_once(client, key, sort, records):
    factory = RECORD_FACTORIES[key]
    for index in (1, 2, 0):
        title, kwargs = records[index]
        factory(title=title, **kwargs)
    params = {"page_size": 1, **({"sort": sort} if sort else {})}

    assert walk(client, api(key), params) == [title for title, _kwargs in records]


def test_keyword_search_finds_what_the_list_page_finds(client):
    TechnologyFactory(title="Solar dryer for grain")
    TechnologyFactory(title="Wind turbine blade recycling")
    TechnologyFactory(title="Solar dryer draft", status="draft")

    page = card_titles(client.get(list_url("technologies"), {"q": "solar dryer"}))

    assert titles(client.get(api("technologies"), {"q": "solar dryer"})) == page
    assert page == ["Solar dryer for grain"]


def test_keyword_search_pages_by_relevance(client, postgresql):
    TechnologyFactory(title="Biogas", summary="A digester that makes biogas from manure.")
    TechnologyFactory(title="Manure composting", summary="Composting.")
    TechnologyFactory(title="Unrelated heat pump")

    pages = walk(client, api("technologies"), {"q": "manure", "page_size": 1})

    assert pages == ["Manure composting", "Biogas"]


def test_records_published_between_two_pages_are_neither_repeated_nor_lost(client):
    for n in range(3):
        TechnologyFactory(title=f"Technology {n}")
    first = client.get(api("technologies"), {"page_size": 2, "sort": "title"})
    TechnologyFactory(title="Technology 00 published meanwhile")

    second = client.get(first.json()["next"])

    assert titles(first) + titles(second) == ["Technology 0", "Technology 1", "Technology 2"]
    # Back from the second page: the two records before it as they are now.
    back = client.get(second.json()["previous"])
    assert titles(back) == ["Technology 00 published meanwhile", "Technology 1"]
    assert titles(client.get(back.json()["previous"])) == ["Technology 0"]


# -- Records: public fields, languages, ids and slugs ---------------------------------------


def test_record_has_every_language_or_the_one_asked_for(client):
    TechnologyFactory(title_en="Solar dryer", title_ru="Солнечная сушилка", country=china())

    every = client.get(api("technologies")).json()["results"][0]
    russian = client.get(api("technologies"), {"lang": "ru"}).json()["results"][0]
    hindi = client.get(api("technologies"), {"lang": "hi"}).json()["results"][0]

    assert every["title"] == {
        "en": "Solar dryer",
        "zh-hans": None,
        "ru": "Солнечная сушилка",
        "pt-br": None,
        "hi": None,
    }
    assert russian["title"] == "Солнечная сушилка"
    assert russian["url"].endswith("/ru/technologies/solar-dryer/")
    # Untranslated: English, as the page shows.
    assert hindi["title"] == "Solar dryer"
    assert every["country"] == "CN"


def test_detail_by_id_and_by_slug(client):
    record = ProjectFactory(title="Wind farm", sdgs=[SDGFactory(number=7)])

    by_id = client.get(f"/api/v1/projects/{record.pk}/")
    by_slug = client.get("/api/v1/projects/slug/wind-farm/")

    assert by_id.status_code == by_slug.status_code == 200
    assert by_id.json() == by_slug.json()
    assert by_id.json()["sdgs"] == [7]


@pytest.mark.parametrize(
    "status", ["draft", "pending", "review", "changes", "rejected", "archived"]
)
def test_unpublished_records_are_404(client, status):
    record = TechnologyFactory(title="Hidden", status=status)

    for url in (f"/api/v1/technologies/{record.pk}/", "/api/v1/technologies/slug/hidden/"):
        response = client.get(url)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert "detail" in response.json()


def test_related_records_count_only_when_published(client):
    draft_provider = EnterpriseFactory(title="Draft provider", status="draft")
    public_provider = EnterpriseFactory(title="Public provider")
    draft_technology = TechnologyFactory(status="draft", provider=draft_provider)
    public_technology = TechnologyFactory(provider=public_provider)
    ProjectFactory(technologies=[draft_technology, public_technology], enterprise=draft_provider)

    project = client.get(api("projects")).json()["results"][0]
    technologies = {t["id"]: t for t in client.get(api("technologies")).json()["results"]}

    assert project["technologies"] == [public_technology.pk]
    assert project["enterprise"] is None
    assert technologies[public_technology.pk]["provider"] == public_provider.pk


def test_expert_contact_only_with_consent(client):
    TalentFactory(title="Shy expert", email="shy@example.com", phone="+1 555 0100")
    TalentFactory(
        title="Open expert", contact_consent=True, email="open@example.com", phone="+1 555 0101"
    )

    experts = {e["title"]["en"]: e for e in client.get(api("talents")).json()["results"]}

    assert experts["Shy expert"]["contact"] is None
    assert experts["Open expert"]["contact"] == {
        "email": "open@example.com",
        "phone": "+1 555 0101",
        "website": "",
    }


@pytest.mark.parametrize(
    "key", ["countries", "sectors", "technology-fields", "sdgs", "cooperation-types", "languages"]
)
def test_taxonomies(client, key):
    response = client.get(api(key), {"lang": "zh-hans"})

    assert response.status_code == 200
    results = response.json()["results"]
    assert results
    assert all(isinstance(entry["name"], str) for entry in results)


def test_countries_have_their_codes_and_every_language(client):
    countries = {c["iso2"]: c for c in client.get(api("countries")).json()["results"]}

    assert countries["BR"]["brics_status"] == "member"
    assert countries["BR"]["name"]["pt-br"] == "Brasil"


# -- Bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "params", "parameter"),
    [
        ("technologies", {"colour": "green"}, "colour"),
        ("technologies", {"trl_min": "ten"}, "trl_min"),
        ("technologies", {"sector": "no-such-sector"}, "sector"),
        ("technologies", {"sort": "price"}, "sort"),
        ("projects", {"investment_min": "lots"}, "investment_min"),
        ("projects", {"sdg": "99999999999999999999999"}, "sdg"),
        ("talents", {"experience_min": "-1"}, "experience_min"),
        ("technologies", {"page_size": "1000"}, "page_size"),
        ("technologies", {"page_size": "0"}, "page_size"),
        ("technologies", {"page_size": "ten"}, "page_size"),
        ("technologies", {"cursor": "not-a-cursor"}, "cursor"),
        ("technologies", {"lang": "fr"}, "lang"),
        ("countries", {"page_size": "5"}, "page_size"),
    ],
)
def test_bad_parameters_are_400_naming_them(client, url, params, parameter):
    response = client.get(api(url), params)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert list(body["errors"]) == [parameter]
    assert body["errors"][parameter][0]


def test_tampered_cursor_is_400(client):
    for n in range(3):
        TechnologyFactory(title=f"Technology {n}")
    cursor = client.get(api("technologies"), {"page_size": 1}).json()["next"].split("cursor=")[1]
    cursor = cursor.split("&")[0]
    tampered = cursor[:-3] + ("AAA" if not cursor.endswith("AAA") else "BBB")

    response = client.get(api("technologies"), {"page_size": 1, "cursor": tampered})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["cursor"]


def test_cursor_of_another_order_is_400(client):
    for n in range(3):
        TechnologyFactory(title=f"Technology {n}")
    next_url = client.get(api("technologies"), {"page_size": 1}).json()["next"]

    response = client.get(next_url + "&sort=title")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["cursor"]


@pytest.mark.parametrize(
    "path",
    ["/api/v1/technologies/999999/", "/api/v1/technologies/slug/nothing/", "/api/v1/nothing/"],
)
def test_unknown_ids_and_paths_are_json_404(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_id_beyond_64_bits_is_404(client):
    assert client.get("/api/v1/technologies/99999999999999999999999/").status_code == 404


# -- Conditional GETs, rate limit, CORS, schema and docs -----------------------------------


def test_conditional_get_answers_304_until_the_content_changes(
    client, django_capture_on_commit_callbacks
):
    TechnologyFactory(title="Solar dryer")
    first = client.get(api("technologies"))
    etag, modified = first["ETag"], first["Last-Modified"]

    assert client.get(api("technologies"), HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(api("technologies"), HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    # Another URL (another language) has another ETag.
    assert (
        client.get(api("technologies"), {"lang": "ru"}, HTTP_IF_NONE_MATCH=etag).status_code == 200
    )

    with django_capture_on_commit_callbacks(execute=True):
        TechnologyFactory(title="Wind turbine")

    again = client.get(api("technologies"), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200
    assert len(again.json()["results"]) == 2


def test_an_etag_changes_with_what_the_answer_shows_not_with_the_rest_of_the_site(
    client, django_capture_on_commit_callbacks
):
    enterprise = EnterpriseFactory(title="Sun Co")
    TechnologyFactory(title="Solar dryer", provider=enterprise)
    ProjectFactory(title="Wind farm")

    def etags():
        return {
            key: client.get(api(key))["ETag"] for key in ("technologies", "projects", "sectors")
        }

    def after(change):
        before = etags()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        now = etags()
        return {key for key in now if now[key] != before[key]}

    # A talent is shown by none of them.
    assert after(lambda: TalentFactory(title="Ana")) == set()
    # A technology names its provider's id only while the provider is published; projects
    # name their submitting enterprise the same way.
    assert after(lambda: enterprise.save()) == {"technologies", "projects"}
    assert after(lambda: ProjectFactory(title="Solar park")) == {"projects"}
    assert after(lambda: SectorFactory(code="hydrogen")) == {"technologies", "projects", "sectors"}


def test_an_answer_is_kept_for_the_next_client_until_what_it_shows_changes(
    client, settings, django_assert_num_queries, django_capture_on_commit_callbacks
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    settings.API_RATE_LIMIT = "3/min"
    TechnologyFactory(title="Solar dryer", title_ru="Солнечная сушилка")
    first = client.get(api("technologies"))

    # The content version, the rate limit's count and the answer: all in the cache.
    with django_assert_num_queries(0):
        again = client.get(api("technologies"))
    assert (again.content, again["Content-Type"]) == (first.content, first["Content-Type"])
    assert again["ETag"] == first["ETag"]
    # Another address (its query string) is another answer.
    russian = client.get(api("technologies"), {"lang": "ru"}).json()["results"]
    assert [record["title"] for record in russian] == ["Солнечная сушилка"]
    # A kept answer still counts against the client's rate limit.
    assert client.get(api("technologies")).status_code == 429

    settings.API_RATE_LIMIT = "100/min"
    with django_capture_on_commit_callbacks(execute=True):
        TechnologyFactory(title="Wind turbine")
    assert titles(client.get(api("technologies"))) == ["Wind turbine", "Solar dryer"]


def test_a_compressed_answer_s_weak_etag_still_gets_its_304(client):
    """The text compression (platform_site/middleware.py) makes the ETag weak; a client that
    sends it back is answered as one that sent the strong one."""
    TechnologyFactory(title="Solar dryer")
    first = client.get(api("technologies"), HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip"
    assert first["ETag"].startswith('W/"')
    again = client.get(
        api("technologies"), HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304


def test_errors_carry_no_etag(client):
    response = client.get(api("technologies"), {"page_size": "0"})

    assert response.status_code == 400
    assert not response.has_header("ETag")


def test_rate_limit_per_address_answers_429_with_retry_after(client, settings):
    settings.API_RATE_LIMIT = "3/min"

    statuses = [client.get(api("sectors")).status_code for _ in range(4)]
    other_address = client.get(api("sectors"), REMOTE_ADDR="192.0.2.7")

    assert statuses == [200, 200, 200, 429]
    limited = client.get(api("sectors"))
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    assert "detail" in limited.json()
    assert other_address.status_code == 200


def test_rate_limit_counts_the_address_the_proxies_saw(client, settings):
    settings.API_RATE_LIMIT = "1/min"
    settings.TRUSTED_PROXY_COUNT = 1

    first = client.get(api("sectors"), HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = client.get(api("sectors"), HTTP_X_FORWARDED_FOR="198.51.100.2")
    again = client.get(api("sectors"), HTTP_X_FORWARDED_FOR="198.51.100.1")

    assert (first.status_code, second.status_code, again.status_code) == (200, 200, 429)


def test_cors_is_open_for_get_on_the_api_only(client):
    api_response = client.get(api("sectors"), HTTP_ORIGIN="https://example.org")
    page_response = client.get("/en/technologies/", HTTP_ORIGIN="https://example.org")

    assert api_response["Access-Control-Allow-Origin"] == "*"
    assert not page_response.has_header("Access-Control-Allow-Origin")


def test_schema_and_docs(client):
    schema = client.get("/api/v1/schema/")
    docs = client.get("/api/v1/docs/")
    script = client.get("/api/v1/docs/", {"script": ""})

    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/technologies/" in paths
    assert "/api/v1/technologies/slug/{slug}/" in paths
    parameters = {p["name"] for p in paths["/api/v1/technologies/"]["get"]["parameters"]}
    assert {"q", "sector", "trl_min", "sort", "cursor", "page_size", "lang"} <= parameters
    assert docs.status_code == 200
    # Within the CSP: no inline script or style, scripts and styles from our static files.
    html = docs.content.decode()
    assert "<script>" not in html
    assert "<style>" not in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")


# -- Query budget -------------------------------------------------------------------------


@pytest.fixture
def _content_types_cached():
    for model in apps.get_app_config("databases").get_models():
        ContentType.objects.get_for_model(model)


def fill(key, size):
    countries = [china(), russia()]
    sectors = [solar(), wind()]
    extra = {
        "technologies": lambda: {
            "technology_fields": [TechnologyFieldFactory(code="y02e-t")],
            "transfer_modes": [CooperationTypeFactory(code="licensing-t")],
        },
        "projects": lambda: {"sdgs": [SDGFactory(number=7)]},
        "talents": lambda: {"languages": [LanguageFactory(code="en-t")]},
        "enterprises": lambda: {"interest_countries": countries},
        "institutions": lambda: {"countries_served": countries},
    }[key]()
    for n in range(size):
        RECORD_FACTORIES[key](
            title=f"Budget record {n}", country=countries[n % 2], sectors=sectors, **extra
        )


# Queries of an API list page without filters, whatever its size:
#   1 the page of records (one more than the page, with the country joined and the related
#     records' "published" state as a CASE over a LEFT JOIN)
#   + 1 per many-to-many relation shown (prefetch): technologies: sectors, technology fields,
#     transfer modes (3); projects: sectors, cooperation types, SDGs, technologies used (4);
#     talents: sectors, technology fields, languages (3); enterprises: sectors, cooperation
#     offered, sectors, countries and cooperation of interest (5); institutions: sectors,
#     countries served (2)
#   + 1 the gallery (prefetch)
API_LIST_QUERIES = {
    "technologies": 1 + 3 + 1,
    "projects": 1 + 4 + 1,
    "talents": 1 + 3 + 1,
    "enterprises": 1 + 5 + 1,
    "institutions": 1 + 2 + 1,
}


@pytest.mark.usefixtures("_content_types_cached")
@pytest.mark.parametrize("size", [3, 60])
@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_list_query_budget(client, django_assert_num_queries, key, size):
    fill(key, size)

    with django_assert_num_queries(API_LIST_QUERIES[key]):
        response = client.get(api(key), {"page_size": 50})

    assert len(response.json()["results"]) == min(size, 50)


# With a keyword and a sector filter: + 1 the chosen sectors (validating the filter) + 1 the
# capped count of the matches (search.count_matches, as on the list page) + 1 the taxonomies'
# names the keyword is matched against (search_concepts, memoised per content version).
@pytest.mark.usefixtures("_content_types_cached")
@pytest.mark.parametrize("size", [3, 60])
def test_filtered_list_query_budget(client, django_assert_num_queries, size):
    fill("technologies", size)

    with django_assert_num_queries(API_LIST_QUERIES["technologies"] + 3):
        response = client.get(api("technologies"), {"q": "budget", "sector": "solar-energy"})

    assert response.status_code == 200
    assert len(response.json()["results"]) == min(size, 24)


# A filter without a keyword: + 1 the chosen sectors (validating the filter). The matches are
# not counted: the list page says how many it found, the API does not (nor does it rank).
@pytest.mark.usefixtures("_content_types_cached")
def test_a_filter_without_keyword_is_not_counted(client, django_assert_num_queries):
    fill("technologies", 30)

    with django_assert_num_queries(API_LIST_QUERIES["technologies"] + 1):
        response = client.get(api("technologies"), {"sector": "solar-energy"})

    assert response.status_code == 200 and response.json()["results"]
