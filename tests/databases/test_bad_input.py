"""Hostile query strings and URLs on the public pages: a message or a 404, never a 500."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from databases.filters import FILTERSETS, ProjectFilterSet
from databases.models import Project, Technology
from tests.factories import RECORD_FACTORIES, SectorFactory, TechnologyFactory, china, russia
from tests.utils import DATABASE_KEYS, card_titles, list_url, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_records(request):
    """For the database under test: a Chinese solar record and a Russian wind one."""
    key = request.node.callspec.params["key"]
    solar = SectorFactory(code="solar-energy", name="Solar energy")
    wind = SectorFactory(code="wind-energy", name="Wind energy")
    RECORD_FACTORIES[key](title="Chinese solar record", country=china(), sectors=[solar])
    RECORD_FACTORIES[key](title="Russian wind record", country=russia(), sectors=[wind])


# Page numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize("key", DATABASE_KEYS)
# (A page of control characters is dropped before the view: see test_hostile_input.)
@pytest.mark.parametrize("page", ["0", "-1", str(10**9), "abc", "1.5"])
def test_impossible_page_number_is_a_404(client, key, page, two_records):
    response = client.get(f"{list_url(key)}?page={page}")
    assert response.status_code == 404
    assert "Page not found" in text(response)


@pytest.mark.parametrize("key", DATABASE_KEYS)
@pytest.mark.parametrize("page", ["", "1", "last"])
def test_empty_first_or_last_page_number_shows_a_page(client, key, page, two_records):
    response = client.get(f"{list_url(key)}?page={page}")
    assert response.status_code == 200
    assert sorted(card_titles(response)) == ["Chinese solar record", "Russian wind record"]


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_page_one_of_an_empty_list_is_not_a_404(client, key):
    assert client.get(list_url(key), {"page": "1"}).status_code == 200


# Wrong filter values -------------------------------------------------------------------------

WRONG_VALUES = [
    *[
        (key, param, value)
        for key in DATABASE_KEYS
        for param, value in [
            ("country", "ZZ"),
            ("country", "china"),
            ("sector", "nope"),
            ("brics", "galactic"),
            ("sort", "bogus"),
            ("sort", "relevance"),  # only offered with a keyword
            ("q", "x" * 201),
        ]
    ],
    ("technologies", "trl_min", "x"),
    ("technologies", "trl_min", "0"),
    ("technologies", "trl_max", "10"),
    ("technologies", "ip", "stolen"),
    ("technologies", "field", "nope"),
    ("technologies", "transfer", "nope"),
    ("projects", "investment_min", "abc"),
    ("projects", "investment_min", "NaN"),
    ("projects", "investment_min", "1e400"),
    ("projects", "investment_max", "-5"),
    ("projects", "investment_max", "Infinity"),
    ("projects", "sdg", "99"),
    ("projects", "sdg", "abc"),
    ("projects", "sdg", "9" * 40),
    ("projects", "sdg", str(-(2**63) - 1)),
    ("projects", "stage", "dreaming"),
    ("projects", "cooperation", "nope"),
    ("projects", "field", "nope"),
    ("talents", "experience_min", "x"),
    ("talents", "experience_min", "81"),
    ("talents", "experience_min", "-1"),
    ("talents", "availability", "sleeping"),
    ("talents", "language", "xx-nope"),
    ("talents", "field", "nope"),
    ("enterprises", "size", "gigantic"),
    ("enterprises", "invests_in", "ZZ"),
    ("enterprises", "cooperation", "nope"),
    ("institutions", "type", "bank-robber"),
    ("institutions", "serves", "ZZ"),
]


@pytest.mark.parametrize(("key", "param", "value"), WRONG_VALUES)
def test_wrong_filter_value_is_reported_and_the_valid_filters_still_apply(
    client, key, param, value, two_records
):
    # One valid filter beside the wrong one; both select the Chinese solar record.
    valid = ("country", "CN") if param != "country" else ("sector", "solar-energy")
    query = QueryDict(mutable=True)
    query[valid[0]] = valid[1]
    query[param] = value

    response = client.get(list_url(key) + "?" + query.urlencode())

    assert response.status_code == 200
    content = text(response)
    assert "Some filters could not be applied. Please correct them:" in content
    form = FILTERSETS[key](data=query, queryset=Technology.objects.none()).form
    errors = form.errors[param]
    assert errors
    for error in errors:
        assert f"{escape(form.fields[param].label)}: {escape(error)}</li>" in content
    assert card_titles(response) == ["Chinese solar record"]


@pytest.mark.parametrize("number", [str(2**63), "9" * 40, str(-(2**63) - 1)])
def test_an_integer_beyond_64_bits_is_refused_before_it_reaches_the_database(number):
    # SQLite cannot bind it (a server error), PostgreSQL would look it up: neither may see it.
    query = QueryDict(mutable=True)
    query.setlist("sdg", ["7", number])
    with CaptureQueriesContext(connection) as queries:
        form = ProjectFilterSet(data=query, queryset=Project.objects.none()).form
        errors = form.errors["sdg"]
    assert errors == [f"Select a valid choice. {number} is not one of the available choices."]
    assert not any(number in executed["sql"] for executed in queries.captured_queries)


def test_chips_of_valid_filters_keep_their_names_beside_a_wrong_value(client):
    TechnologyFactory(country=china())
    response = client.get(list_url("technologies"), {"country": "CN", "trl_min": "x"})
    assert "Country: China" in text(response)


def test_several_wrong_values_are_all_reported(client):
    response = client.get(
        list_url("technologies"), {"trl_min": "x", "trl_max": "y", "country": "ZZ"}
    )
    assert response.status_code == 200
    errors = response.context["filter"].form.errors
    assert set(errors) == {"trl_min", "trl_max", "country"}


# Unknown slugs -------------------------------------------------------------------------------


@pytest.mark.parametrize("key", DATABASE_KEYS)
@pytest.mark.parametrize(
    "slug", ["no-such-record", "x" * 300, "%E5%A4%AA%E9%98%B3", "a%00b", "..%2F..%2Fetc"]
)
def test_unknown_slug_is_a_404(client, key, slug):
    RECORD_FACTORIES[key](title="Existing record")
    response = client.get(f"{list_url(key)}{slug}/")
    assert response.status_code == 404
    assert "Page not found" in text(response)


def test_unknown_database_is_a_404(client):
    assert client.get("/en/gadgets/").status_code == 404
    assert client.get("/xx/technologies/").status_code == 404


# Hostile query strings ----------------------------------------------------------------------

SEARCH_PAGE = "/en/search/"
PAGES = [*(list_url(key) for key in DATABASE_KEYS), SEARCH_PAGE]

# The last of repeated values counts: "abc" is no page of results (the search page has no pages).
NOT_A_PAGE_NUMBER = "country=CN&country=RU&country=ZZ&page=1&page=2&page=abc"
HOSTILE_QUERIES = [
    "q=" + "a" * 10_000,
    "q=%00",
    "q=solar%00pump",
    "q=%01%02%03%1b%7f",
    "q=%0d%0aSet-Cookie:%20x=1",
    "q=%ff%fe%fd",
    "q=solar%20%26%20%7C%20!%20:*%20<->%20%22unclosed%20'%20OR%201=1--",
    "q=<script>alert(1)</script>",
    "country=%00&sector=%00&sdg=%00&trl_min=%00&investment_min=%00",
    "country=" + "Z" * 5_000,
    NOT_A_PAGE_NUMBER,
    "sort=title&sort=bogus&sort=newest&q=a&q=b&q=" + "c" * 500,
    "sector=" + "&sector=".join(["solar-energy"] * 200),
    "sector[]=solar-energy&country[0]=CN&=&&&==&q",
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_query_string_never_causes_a_server_error(client, page, query):
    TechnologyFactory(title="Solar pump", country=china())
    response = client.get(f"{page}?{query}")
    no_such_page = query == NOT_A_PAGE_NUMBER and page != SEARCH_PAGE
    assert response.status_code == (404 if no_such_page else 200)
    assert "<script>alert(1)</script>" not in text(response)


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_long_query_is_reported_and_not_searched(client, key):
    RECORD_FACTORIES[key](title="Solar pump")
    response = client.get(list_url(key), {"q": "solar " * 2_000})
    assert response.status_code == 200
    assert "Ensure this value has at most 200 characters" in text(response)


def test_search_page_caps_a_long_query(client):
    TechnologyFactory(title="Solar pump")
    response = client.get("/en/search/", {"q": "solar " * 2_000})
    assert response.status_code == 200
    assert len(response.context["query"]) <= 200
    assert [group["database"].key for group in response.context["groups"]] == ["technologies"]


def test_control_characters_are_removed_from_the_search_query(client):
    TechnologyFactory(title="Solar pump")
    response = client.get("/en/search/", {"q": "solar\x00\x1b pump"})
    assert response.status_code == 200
    assert response.context["query"] == "solar pump"
    assert [group["database"].key for group in response.context["groups"]] == ["technologies"]


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_keyword_of_control_characters_only_is_ignored(client, key, two_records):
    response = client.get(f"{list_url(key)}?q=%01%1b%7f")
    assert response.status_code == 200
    assert sorted(card_titles(response)) == ["Chinese solar record", "Russian wind record"]
