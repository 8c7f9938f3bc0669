"""SQL query budgets: a page costs the same number of queries with 3 records as with 60.

An anonymous visitor has no session cookie, so no session or user query is made.
The taxonomy choices of a filter form are read once each, when the form is rendered.
"""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from databases import statistics
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
    UserFactory,
    china,
    russia,
)
from tests.utils import card_titles, counted, list_url, result_count

pytestmark = pytest.mark.django_db

SIZES = [3, 60]


@pytest.fixture(autouse=True)
def _content_types_cached():
    """A running site has the record types' content types cached (the image galleries look
    them up); a test may start with an empty cache."""
    for model in apps.get_app_config("databases").get_models():
        ContentType.objects.get_for_model(model)


@pytest.fixture
def sectors():
    return [
        SectorFactory(code="solar-energy", name="Solar energy"),
        SectorFactory(code="wind-energy", name="Wind energy"),
    ]


def fill(key, size, sectors):
    """``size`` published records with a country, two sectors and every card relation."""
    countries = [china(), russia()]
    factory = RECORD_FACTORIES[key]
    extra = {}
    if key == "technologies":
        extra = {"technology_fields": [TechnologyFieldFactory(code="y02e")]}
    elif key == "projects":
        extra = {"sdgs": [SDGFactory(number=7)], "investment_amount": 1000}
    elif key == "talents":
        extra = {"languages": [LanguageFactory(code="en")], "available_consulting": True}
    for n in range(size):
        factory(title=f"Budget record {n}", country=countries[n % 2], sectors=sectors, **extra)


# Number of queries of each list page without filters, once the filter form's taxonomy
# choices are memoised (databases/choices.py: the first request of a process builds them,
# one query per choice list; see test_taxonomy_choices_are_built_once):
#   1 count of the published records (paginator)
#   + 1 page of records (with their country, select_related)
#   + 1 prefetch of the page's sectors
#   + one grouped count per facet (filters.RecordFilterSet.count_facets), whatever the number
#     of options or records: country, BRICS status and sector on every page, then
#     technologies: technology field, IP status, transfer mode (6 facets)
#     projects: technology field (through the technologies used), stage, cooperation
#       sought, SDG (7)
#     talents: field of expertise, working language, and one aggregate of the three kinds
#       of availability (6)
#     enterprises: size, cooperation offered, countries invested in (6)
#     institutions: type of institution, countries served (5)
LIST_QUERIES = {
    "technologies": 3 + 6,
    "projects": 3 + 7,
    "talents": 3 + 6,
    "enterprises": 3 + 6,
    "institutions": 3 + 5,
}


# The menu's page tree and the footer's site settings (cms/chrome.py):
# cached per content version, so the first page after a change (a record saved by the test's
# setup) reads them again: 1 the published menu pages + 1 the site settings.
CHROME_QUERIES = 2


def warm(client, key):
    """The request that memoises the taxonomy choices and the taxonomy names a keyword is
    matched against (databases/search_concepts.py), as any earlier visitor's would."""
    client.get(list_url(key), {"q": "warm"})


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("key", list(LIST_QUERIES))
def test_list_page_query_budget(client, django_assert_num_queries, key, size, sectors):
    fill(key, size, sectors)
    warm(client, key)
    with django_assert_num_queries(LIST_QUERIES[key]):
        response = client.get(list_url(key))
    assert response.status_code == 200
    assert result_count(response) == counted(key, size)
    assert len(card_titles(response)) == min(size, 24)


# Over search.MATCH_CAP records the options are not counted: the list's own 3 queries.
@pytest.mark.parametrize("key", list(LIST_QUERIES))
def test_broad_list_page_counts_no_options(
    client, django_assert_num_queries, monkeypatch, key, sectors
):
    monkeypatch.setattr("databases.search.MATCH_CAP", 10)
    fill(key, 12, sectors)
    warm(client, key)
    with django_assert_num_queries(3):
        response = client.get(list_url(key))
    assert result_count(response) == counted(key, 12)


# A signed-in member's page names their account in the header: signing in adds 1 the user
# (the session is read from the cache: the cached_db session backend).
@pytest.mark.parametrize("key", list(LIST_QUERIES))
def test_list_page_query_budget_when_signed_in(client, django_assert_num_queries, key, sectors):
    fill(key, 3, sectors)
    client.force_login(UserFactory())
    warm(client, key)
    with django_assert_num_queries(LIST_QUERIES[key] + 1):
        response = client.get(list_url(key))
    assert response.status_code == 200


# With the country and sector filters applied, validating them costs one query each
# (the chosen country, the chosen sectors) on top of the unfiltered budget; the count is
# the capped count of the matches (search.count_matches) instead of the paginator's. The
# country and sector facets, in use, count over more than the list: one capped count each
# says whether that is at most search.MATCH_CAP records (filters.RecordFilterSet.count_facets).
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("key", list(LIST_QUERIES))
def test_filtered_list_page_query_budget(client, django_assert_num_queries, key, size, sectors):
    fill(key, size, sectors)
    warm(client, key)
    with django_assert_num_queries(LIST_QUERIES[key] + 2 + 2):
        response = client.get(list_url(key), {"country": "CN", "sector": "solar-energy"})
    assert response.status_code == 200
    assert result_count(response) == counted(key, size // 2 + size % 2)


# With a keyword, on the same page: the same budget as without one (the facets count the
# keyword's matches).
@pytest.mark.parametrize("size", SIZES)
def test_keyword_list_page_query_budget(client, django_assert_num_queries, size, sectors):
    fill("technologies", size, sectors)
    warm(client, "technologies")
    with django_assert_num_queries(LIST_QUERIES["technologies"]):
        response = client.get(list_url("technologies"), {"q": "budget"})
    assert result_count(response) == counted("technologies", size)


# Cold, the form builds each taxonomy choice list once: the technologies page adds country,
# sector, technology field and transfer mode; a change to a taxonomy rebuilds them.
def test_taxonomy_choices_are_built_once(
    client, django_assert_num_queries, django_capture_on_commit_callbacks, sectors
):
    fill("technologies", 3, sectors)
    with django_assert_num_queries(LIST_QUERIES["technologies"] + 4 + CHROME_QUERIES):
        client.get(list_url("technologies"))
    with django_assert_num_queries(LIST_QUERIES["technologies"]):
        client.get(list_url("technologies"))
    with django_capture_on_commit_callbacks(execute=True):
        sectors[0].save()
    # A sector is no page of the cms: the menu and footer are kept.
    with django_assert_num_queries(LIST_QUERIES["technologies"] + 4):
        response = client.get(list_url("technologies"))
    assert response.status_code == 200


# Detail page of a technology with related records:
#   1 the record, with its country and provider (select_related)
#   4 prefetches: sectors, technology fields, transfer modes, the image gallery
#   2 "Projects using this technology": the cards, their sectors
#   2 "Similar technologies": the cards, their sectors
DETAIL_QUERIES = 9


@pytest.mark.parametrize("size", SIZES)
def test_technology_detail_page_query_budget(client, django_assert_num_queries, size, sectors):
    y02e = TechnologyFieldFactory(code="y02e")
    licensing = CooperationTypeFactory(code="licensing")
    provider = EnterpriseFactory(title="Provider Ltd", country=china())
    technology = TechnologyFactory(
        title="The technology",
        country=china(),
        provider=provider,
        sectors=sectors,
        technology_fields=[y02e],
        transfer_modes=[licensing],
    )
    for n in range(size):
        TechnologyFactory(
            title=f"Similar {n}", country=russia(), technology_fields=[y02e], sectors=sectors
        )
        ProjectFactory(
            title=f"User {n}", country=china(), technologies=[technology], sectors=sectors
        )

    with django_assert_num_queries(DETAIL_QUERIES + CHROME_QUERIES):
        response = client.get(technology.get_absolute_url())

    assert response.status_code == 200
    assert "Provider Ltd" in response.content.decode()
    # At most 4 related projects and 4 similar technologies.
    assert len(card_titles(response)) == 2 * min(size, 4)


# Detail page of a project: the record with its country and enterprise, five prefetches
# (sectors, cooperation types, SDGs, technologies, the image gallery), then "Technologies
# used" (cards, sectors) and "Similar projects" (cards, sectors).
PROJECT_DETAIL_QUERIES = 10


@pytest.mark.parametrize("size", SIZES)
def test_project_detail_page_query_budget(client, django_assert_num_queries, size, sectors):
    technologies = [TechnologyFactory(sectors=sectors) for _ in range(size)]
    project = ProjectFactory(
        title="The project",
        country=china(),
        enterprise=EnterpriseFactory(),
        sectors=sectors,
        technologies=technologies,
        sdgs=[SDGFactory(number=7)],
        cooperation_types=[CooperationTypeFactory(code="investment")],
    )
    ProjectFactory.create_batch(size, sectors=sectors, country=russia())

    with django_assert_num_queries(PROJECT_DETAIL_QUERIES + CHROME_QUERIES):
        response = client.get(project.get_absolute_url())
    assert response.status_code == 200


# Detail page of an expert: the record with its country and enterprise, four prefetches
# (sectors, technology fields, languages, the image gallery) and "Experts in the same
# fields" (cards, sectors).
TALENT_DETAIL_QUERIES = 7


@pytest.mark.parametrize("size", SIZES)
def test_talent_detail_page_query_budget(client, django_assert_num_queries, size, sectors):
    y02e = TechnologyFieldFactory(code="y02e")
    talent = TalentFactory(
        country=china(),
        sectors=sectors,
        technology_fields=[y02e],
        languages=[LanguageFactory(code="en")],
    )
    TalentFactory.create_batch(size, technology_fields=[y02e], sectors=sectors)
    with django_assert_num_queries(TALENT_DETAIL_QUERIES + CHROME_QUERIES):
        response = client.get(talent.get_absolute_url())
    assert response.status_code == 200


# Search page with matches in every database: for each of the five databases,
# 1 count + 1 best matches (with country) + 1 prefetch of their sectors;
# + 1 the taxonomies' names the query is matched against (databases/search_concepts.py:
# memoised per content version, like the chrome, so read again after the test's setup).
SEARCH_QUERIES = 16


@pytest.mark.parametrize("size", SIZES)
def test_search_page_query_budget(client, django_assert_num_queries, size, sectors):
    for key in RECORD_FACTORIES:
        fill(key, size, sectors)
    with django_assert_num_queries(SEARCH_QUERIES + CHROME_QUERIES):
        response = client.get("/en/search/", {"q": "budget"})
    assert response.status_code == 200
    assert [group["count"] for group in response.context["groups"]] == [size] * 5
    assert len(card_titles(response)) == 5 * min(size, 5)


# A database without a match costs only its count: with matches in technologies and projects,
# 2 × (count + best matches + their sectors) + 3 counts of the others + the taxonomies' names.
@pytest.mark.parametrize("size", SIZES)
def test_search_page_query_budget_with_empty_groups(
    client, django_assert_num_queries, size, sectors
):
    for key in ("technologies", "projects"):
        fill(key, size, sectors)
    with django_assert_num_queries(2 * 3 + 3 + 1 + CHROME_QUERIES):
        response = client.get("/en/search/", {"q": "budget"})
    assert [group["count"] for group in response.context["groups"]] == [size] * 2


# Home page: the figures' snapshot (databases/statistics.py: the databases' counts and the
# headline figures), the newest projects and technologies (cards + sectors each), the BRICS
# members (each with whether its overview is published), the upcoming events (with their
# country), the latest stories, the introductions' figures matchmaking plugs in.
HOME_QUERIES = 9


@pytest.mark.parametrize("size", SIZES)
def test_home_page_query_budget(client, django_assert_num_queries, size, sectors):
    for key in ("projects", "technologies"):
        fill(key, size, sectors)
    statistics.refresh()
    with django_assert_num_queries(HOME_QUERIES + CHROME_QUERIES):
        response = client.get("/en/")
    assert response.status_code == 200
    assert len(card_titles(response)) == 2 * min(size, 4)
