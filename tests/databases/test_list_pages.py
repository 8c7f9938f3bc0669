"""The five public list pages: publication, filters, sorting, keyword search, pagination, chips."""

import html
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from databases import views
from databases.filters import FILTERSETS
from databases.models import PublicationStatus
from tests.factories import (
    RECORD_FACTORIES,
    CooperationTypeFactory,
    EnterpriseFactory,
    LanguageFactory,
    ProjectFactory,
    SDGFactory,
    SectorFactory,
    ServiceInstitutionFactory,
    TalentFactory,
    TechnologyFactory,
    TechnologyFieldFactory,
    brazil,
    china,
    france,
    kazakhstan,
    russia,
)
from tests.utils import (
    DATABASE_KEYS,
    NOUNS,
    card_titles,
    counted,
    links,
    list_url,
    result_count,
    text,
)

pytestmark = pytest.mark.django_db

UNPUBLISHED = [
    PublicationStatus.DRAFT,
    PublicationStatus.PENDING,
    PublicationStatus.REJECTED,
    PublicationStatus.ARCHIVED,
]


def solar():
    return SectorFactory(code="solar-energy", name="Solar energy")


def wind():
    return SectorFactory(code="wind-energy", name="Wind energy")


def water():
    return SectorFactory(code="water", name="Water")


def field(code):
    return TechnologyFieldFactory(code=code, name=f"{code.upper()} field")


def cooperation(code):
    return CooperationTypeFactory(code=code, name=code.replace("-", " ").capitalize())


# Publication ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_list_page_shows_only_published_records(client, key):
    factory = RECORD_FACTORIES[key]
    factory(title="Visible published record")
    for status in UNPUBLISHED:
        factory(title=f"Unpublished {status} record", status=status)

    response = client.get(list_url(key))

    assert response.status_code == 200
    assert card_titles(response) == ["Visible published record"]
    assert result_count(response) == counted(key, 1)
    for status in UNPUBLISHED:
        assert f"Unpublished {status} record" not in text(response)


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_keyword_search_on_a_list_page_never_finds_unpublished_records(client, key):
    factory = RECORD_FACTORIES[key]
    factory(title="Geothermal published")
    for status in UNPUBLISHED:
        factory(title=f"Geothermal {status}", status=status)

    response = client.get(list_url(key), {"q": "geothermal"})

    assert card_titles(response) == ["Geothermal published"]


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_empty_list_page_says_so(client, key):
    response = client.get(list_url(key))
    assert response.status_code == 200
    assert result_count(response) == counted(key, 0)
    assert f"No {NOUNS[key][1]} match these filters." in text(response)


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_result_count_text(client, key):
    RECORD_FACTORIES[key].create_batch(3, country=china())
    RECORD_FACTORIES[key](country=russia())
    brazil()

    assert result_count(client.get(list_url(key))) == counted(key, 4)
    assert result_count(client.get(list_url(key), {"country": "RU"})) == counted(key, 1)
    assert result_count(client.get(list_url(key), {"country": "BR"})) == counted(key, 0)


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_card_shows_title_link_country_summary_and_sectors(client, key):
    record = RECORD_FACTORIES[key](
        title="Card record", summary="A short summary.", country=china(), sectors=[solar()]
    )
    content = text(client.get(list_url(key)))
    assert f'<a href="/en/{key}/{record.slug}/">Card record</a>' in content
    assert "China" in content
    assert "A short summary." in content
    assert '<li class="tag">Solar energy</li>' in content


# Filters -------------------------------------------------------------------------------------

# (database, query, kwargs of the record that matches, kwargs of the record that does not)
FILTER_CASES = [
    *[
        pytest.param(key, query, match, other, id=f"{key}-{name}")
        for key in DATABASE_KEYS
        for name, query, match, other in [
            (
                "country",
                {"country": "CN"},
                lambda: {"country": china()},
                lambda: {"country": russia()},
            ),
            (
                "brics-member",
                {"brics": "member"},
                lambda: {"country": brazil()},
                lambda: {"country": kazakhstan()},
            ),
            (
                "brics-partner",
                {"brics": "partner"},
                lambda: {"country": kazakhstan()},
                lambda: {"country": china()},
            ),
            (
                "brics-other",
                {"brics": "other"},
                lambda: {"country": france()},
                lambda: {"country": china()},
            ),
            (
                "brics-member-or-partner",
                {"brics": ["member", "partner"]},
                lambda: {"country": kazakhstan()},
                lambda: {"country": france()},
            ),
            (
                "sector",
                {"sector": "solar-energy"},
                lambda: {"sectors": [solar()]},
                lambda: {"sectors": [wind()]},
            ),
            (
                "sector-any-of",
                {"sector": ["solar-energy", "wind-energy"]},
                lambda: {"sectors": [wind()]},
                lambda: {"sectors": [water()]},
            ),
        ]
    ],
    # Technologies
    pytest.param(
        "technologies",
        {"field": "y02e"},
        lambda: {"technology_fields": [field("y02e")]},
        lambda: {"technology_fields": [field("y02p")]},
        id="technologies-field",
    ),
    pytest.param(
        "technologies",
        {"trl_min": "7"},
        lambda: {"trl": 7},
        lambda: {"trl": 6},
        id="technologies-trl_min",
    ),
    pytest.param(
        "technologies",
        {"trl_max": "3"},
        lambda: {"trl": 3},
        lambda: {"trl": 4},
        id="technologies-trl_max",
    ),
    pytest.param(
        "technologies",
        {"trl_min": "5", "trl_max": "5"},
        lambda: {"trl": 5},
        lambda: {"trl": 6},
        id="technologies-trl-range",
    ),
    pytest.param(
        "technologies",
        {"ip": "patent_granted"},
        lambda: {"ip_status": "patent_granted"},
        lambda: {"ip_status": "open"},
        id="technologies-ip",
    ),
    pytest.param(
        "technologies",
        {"transfer": "licensing"},
        lambda: {"transfer_modes": [cooperation("licensing")]},
        lambda: {"transfer_modes": [cooperation("joint-venture")]},
        id="technologies-transfer",
    ),
    # Projects
    pytest.param(
        "projects",
        {"field": "y02e"},
        lambda: {"technologies": [TechnologyFactory(technology_fields=[field("y02e")])]},
        lambda: {"technologies": [TechnologyFactory(technology_fields=[field("y02p")])]},
        id="projects-field-of-a-technology-used",
    ),
    pytest.param(
        "projects",
        {"stage": "operation"},
        lambda: {"stage": "operation"},
        lambda: {"stage": "concept"},
        id="projects-stage",
    ),
    pytest.param(
        "projects",
        {"investment_min": "1000000"},
        # 10 million yuan is about 1.38 million dollars: the filter uses the normalised amount.
        lambda: {"investment_amount": Decimal("10000000"), "investment_currency": "CNY"},
        lambda: {"investment_amount": Decimal("999999"), "investment_currency": "USD"},
        id="projects-investment_min",
    ),
    pytest.param(
        "projects",
        {"investment_max": "1000000"},
        lambda: {"investment_amount": Decimal("1000000"), "investment_currency": "USD"},
        lambda: {"investment_amount": Decimal("1000000"), "investment_currency": "EUR"},
        id="projects-investment_max",
    ),
    pytest.param(
        "projects",
        {"investment_min": "1000", "investment_max": "5000"},
        lambda: {"investment_amount": Decimal("3000")},
        lambda: {"investment_amount": None},
        id="projects-investment-range",
    ),
    pytest.param(
        "projects",
        {"cooperation": "investment"},
        lambda: {"cooperation_types": [cooperation("investment")]},
        lambda: {"cooperation_types": [cooperation("consulting")]},
        id="projects-cooperation",
    ),
    pytest.param(
        "projects",
        {"sdg": "7"},
        lambda: {"sdgs": [SDGFactory(number=7)]},
        lambda: {"sdgs": [SDGFactory(number=13)]},
        id="projects-sdg",
    ),
    # Talents
    pytest.param(
        "talents",
        {"field": "y02e"},
        lambda: {"technology_fields": [field("y02e")]},
        lambda: {"technology_fields": [field("y02p")]},
        id="talents-field",
    ),
    pytest.param(
        "talents",
        {"language": "zh"},
        lambda: {"languages": [LanguageFactory(code="zh", name="Chinese")]},
        lambda: {"languages": [LanguageFactory(code="ru", name="Russian")]},
        id="talents-language",
    ),
    pytest.param(
        "talents",
        {"availability": "consulting"},
        lambda: {"available_consulting": True},
        lambda: {"available_training": True},
        id="talents-availability",
    ),
    pytest.param(
        "talents",
        {"availability": ["consulting", "mentoring"]},
        lambda: {"available_consulting": True, "available_mentoring": True},
        lambda: {"available_consulting": True},
        id="talents-availability-all-of",
    ),
    pytest.param(
        "talents",
        {"experience_min": "20"},
        lambda: {"experience_years": 20},
        lambda: {"experience_years": 19},
        id="talents-experience_min",
    ),
    # Enterprises
    pytest.param(
        "enterprises",
        {"size": "large"},
        lambda: {"size": "large"},
        lambda: {"size": "small"},
        id="enterprises-size",
    ),
    pytest.param(
        "enterprises",
        {"cooperation": "consulting"},
        lambda: {"cooperation_offered": [cooperation("consulting")]},
        lambda: {
            "cooperation_offered": [cooperation("training")],
            "interest_cooperation": [cooperation("consulting")],
        },
        id="enterprises-cooperation-offered",
    ),
    pytest.param(
        "enterprises",
        {"invests_in": "CN"},
        lambda: {"interest_countries": [china(), brazil()]},
        lambda: {"interest_countries": [brazil()], "country": china()},
        id="enterprises-invests_in",
    ),
    pytest.param(
        "enterprises",
        {"verified": "on"},
        lambda: {"verified": True},
        lambda: {"verified": False},
        id="enterprises-verified",
    ),
    # Service institutions
    pytest.param(
        "institutions",
        {"type": "finance"},
        lambda: {"institution_type": "finance"},
        lambda: {"institution_type": "law"},
        id="institutions-type",
    ),
    pytest.param(
        "institutions",
        {"serves": "BR"},
        lambda: {"countries_served": [brazil()]},
        lambda: {"countries_served": [russia()], "country": brazil()},
        id="institutions-serves",
    ),
]


@pytest.mark.parametrize(("key", "query", "match", "other"), FILTER_CASES)
def test_filter_narrows_the_list(client, key, query, match, other):
    # Every sector a query names exists, with or without the seeded taxonomies.
    solar()
    wind()
    factory = RECORD_FACTORIES[key]
    factory(title="Matching record", **match())
    factory(title="Other record", **other())
    # Without the filter both are listed.
    assert sorted(card_titles(client.get(list_url(key)))) == ["Matching record", "Other record"]

    response = client.get(list_url(key), query)

    assert response.status_code == 200
    assert not response.context["filter"].form.errors
    assert card_titles(response) == ["Matching record"]
    assert result_count(response) == counted(key, 1)


def test_unchecked_verified_box_does_not_filter(client):
    EnterpriseFactory(verified=True)
    EnterpriseFactory(verified=False)
    assert result_count(client.get(list_url("enterprises"), {"verified": ""})) == "2 enterprises"


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_record_matching_several_sectors_is_listed_and_counted_once(client, key):
    RECORD_FACTORIES[key](title="Hybrid plant", country=china(), sectors=[solar(), wind(), water()])

    response = client.get(
        list_url(key),
        {"sector": ["solar-energy", "wind-energy", "water"], "brics": ["member", "other"]},
    )

    assert card_titles(response) == ["Hybrid plant"]
    assert result_count(response) == counted(key, 1)


@pytest.mark.parametrize(
    ("key", "query", "kwargs"),
    [
        (
            "technologies",
            {"field": ["y02e", "y02p"], "transfer": ["licensing", "investment"]},
            lambda: {
                "technology_fields": [field("y02e"), field("y02p")],
                "transfer_modes": [cooperation("licensing"), cooperation("investment")],
            },
        ),
        (
            "projects",
            {"field": "y02e", "sdg": ["7", "13"], "cooperation": ["investment", "licensing"]},
            lambda: {
                "technologies": [
                    TechnologyFactory(technology_fields=[field("y02e")]),
                    TechnologyFactory(technology_fields=[field("y02e"), field("y02p")]),
                ],
                "sdgs": [SDGFactory(number=7), SDGFactory(number=13)],
                "cooperation_types": [cooperation("investment"), cooperation("licensing")],
            },
        ),
        (
            "talents",
            {"field": ["y02e", "y02p"], "language": ["zh", "ru"]},
            lambda: {
                "technology_fields": [field("y02e"), field("y02p")],
                "languages": [LanguageFactory(code="zh"), LanguageFactory(code="ru")],
            },
        ),
        (
            "enterprises",
            {"cooperation": ["investment", "licensing"], "invests_in": "CN"},
            lambda: {
                "cooperation_offered": [cooperation("investment"), cooperation("licensing")],
                "interest_countries": [china(), russia()],
            },
        ),
        (
            "institutions",
            {"serves": "CN"},
            lambda: {"countries_served": [china(), russia(), brazil()]},
        ),
    ],
)
def test_record_matching_several_values_of_other_facets_is_listed_once(client, key, query, kwargs):
    RECORD_FACTORIES[key](title="Many-sided record", **kwargs())
    response = client.get(list_url(key), query)
    assert card_titles(response) == ["Many-sided record"]
    assert result_count(response) == counted(key, 1)


# Sorting -------------------------------------------------------------------------------------


def _published(days_ago):
    return timezone.now() - timedelta(days=days_ago)


# (database, sort value, [(title, kwargs)] in the expected order)
SORT_CASES = [
    *[
        pytest.param(
            key,
            "title",
            [("Alder record", {}), ("Birch record", {}), ("Cedar record", {})],
            id=f"{key}-title",
        )
        for key in DATABASE_KEYS
    ],
    *[
        pytest.param(
            key,
            sort,
            [
                ("Newest record", {"published_at": _published(1)}),
                ("Middle record", {"published_at": _published(5)}),
                ("Oldest record", {"published_at": _published(30)}),
            ],
            id=f"{key}-{sort or 'default'}",
        )
        for key in DATABASE_KEYS
        for sort in ["newest", None]
    ],
    pytest.param(
        "technologies",
        "trl",
        [("Mature", {"trl": 9}), ("Pilot", {"trl": 6}), ("Lab", {"trl": 2})],
        id="technologies-trl",
    ),
    pytest.param(
        "technologies",
        "co2",
        [
            ("Big cut", {"co2_reduction": Decimal("5000")}),
            ("Small cut", {"co2_reduction": Decimal("10")}),
            ("Unknown cut", {"co2_reduction": None}),
        ],
        id="technologies-co2-unknown-last",
    ),
    pytest.param(
        "projects",
        "investment",
        [
            (
                "Ten million yuan",
                {"investment_amount": Decimal("10000000"), "investment_currency": "CNY"},
            ),
            (
                "One million dollars",
                {"investment_amount": Decimal("1000000"), "investment_currency": "USD"},
            ),
            ("No amount", {"investment_amount": None}),
        ],
        id="projects-investment-unknown-last",
    ),
    pytest.param(
        "projects",
        "co2",
        [
            ("Big cut", {"co2_reduction": Decimal("5000")}),
            ("Small cut", {"co2_reduction": Decimal("10")}),
            ("Unknown cut", {"co2_reduction": None}),
        ],
        id="projects-co2-unknown-last",
    ),
    pytest.param(
        "talents",
        "experience",
        [
            ("Veteran", {"experience_years": 40}),
            ("Mid-career", {"experience_years": 12}),
            ("Junior", {"experience_years": 1}),
        ],
        id="talents-experience",
    ),
    pytest.param(
        "enterprises",
        "founded",
        [
            ("Old firm", {"founded": 1950}),
            ("Young firm", {"founded": 2020}),
            ("Unknown age", {"founded": None}),
        ],
        id="enterprises-founded",
    ),
]


@pytest.mark.parametrize(("key", "sort", "records"), SORT_CASES)
def test_sorting(client, key, sort, records):
    factory = RECORD_FACTORIES[key]
    # Created in an order that is neither the expected one nor its reverse.
    for index in (1, 2, 0):
        title, kwargs = records[index]
        factory(title=title, **kwargs)

    response = client.get(list_url(key), {"sort": sort} if sort else {})

    assert response.status_code == 200
    assert not response.context["filter"].form.errors
    assert card_titles(response) == [title for title, _kwargs in records]


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_sort_menu_offers_relevance_only_with_a_keyword(client, key):
    without = text(client.get(list_url(key)))
    with_keyword = text(client.get(list_url(key), {"q": "solar"}))
    assert 'value="relevance"' not in without
    assert 'value="relevance"' in with_keyword
    assert 'value="title"' in without


# Keyword search ------------------------------------------------------------------------------


def test_keyword_search_is_stemmed_in_english(client, postgresql):
    TechnologyFactory(title="Wind turbine blade recycling", summary="", description="")
    TechnologyFactory(title="Solar dryer", summary="", description="")

    response = client.get(list_url("technologies"), {"q": "turbines"})

    assert card_titles(response) == ["Wind turbine blade recycling"]
    assert result_count(response) == "1 technology"


def test_keyword_search_matches_a_chinese_title(client):
    TechnologyFactory(title="Wind turbine blade recycling", title_zh_hans="风力涡轮机叶片回收")
    TechnologyFactory(title="Solar dryer", title_zh_hans="太阳能干燥机")

    response = client.get(list_url("technologies"), {"q": "涡轮机"})

    assert card_titles(response) == ["Wind turbine blade recycling"]


def test_keyword_search_matches_a_russian_title(client):
    TechnologyFactory(title="Heat pump", title_ru="Тепловой насос")
    TechnologyFactory(title="Solar dryer", title_ru="Солнечная сушилка")

    response = client.get(list_url("technologies"), {"q": "насос"})

    assert card_titles(response) == ["Heat pump"]


def test_keyword_search_ranks_the_title_match_first(client, postgresql):
    TechnologyFactory(title="Hydrogen electrolyser", summary="Makes a gas.", description="")
    # Newer, so it would come first if the ranking were ignored.
    TechnologyFactory(
        title="Fuel cell stack",
        summary="Power units.",
        description="Runs on hydrogen from any source.",
    )

    response = client.get(list_url("technologies"), {"q": "hydrogen"})

    assert card_titles(response) == ["Hydrogen electrolyser", "Fuel cell stack"]


def test_keyword_search_can_be_sorted_by_title_instead_of_relevance(client, postgresql):
    TechnologyFactory(title="Zinc battery", description="Stores energy.")
    TechnologyFactory(title="Accumulator", description="Stores energy with a zinc anode.")

    response = client.get(list_url("technologies"), {"q": "zinc", "sort": "title"})

    assert card_titles(response) == ["Accumulator", "Zinc battery"]


@pytest.mark.parametrize(
    ("key", "kwargs"),
    [
        ("technologies", {"description": "A geothermal heat exchanger."}),
        ("projects", {"location": "Geothermal valley, Kenya"}),
        ("talents", {"headline": "Geothermal drilling engineer"}),
        ("talents", {"organisation": "Geothermal Institute"}),
        ("enterprises", {"capabilities": "We build geothermal plants."}),
        ("institutions", {"services": "Geothermal certification"}),
    ],
)
def test_keyword_search_covers_each_database_s_text_fields(client, key, kwargs):
    RECORD_FACTORIES[key](title="Target record", **kwargs)
    RECORD_FACTORIES[key](title="Unrelated record")

    response = client.get(list_url(key), {"q": "geothermal"})

    assert card_titles(response) == ["Target record"]


def test_keyword_search_combines_with_filters(client):
    TechnologyFactory(title="Solar pump China", country=china())
    TechnologyFactory(title="Solar pump Russia", country=russia())
    TechnologyFactory(title="Wind pump China", country=china())

    response = client.get(list_url("technologies"), {"q": "solar", "country": "CN"})

    assert card_titles(response) == ["Solar pump China"]


# Pagination ----------------------------------------------------------------------------------


@pytest.fixture
def two_per_page(monkeypatch):
    monkeypatch.setattr(views.RecordListView, "paginate_by", 2)


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_page_links_keep_the_filters(client, key, two_per_page):
    RECORD_FACTORIES[key].create_batch(5, sectors=[solar()], country=china())
    RECORD_FACTORIES[key](title="Not solar", sectors=[wind()], country=china())

    first = client.get(list_url(key), {"sector": "solar-energy", "country": "CN"})

    assert result_count(first) == counted(key, 5)
    assert len(card_titles(first)) == 2
    # In the filter panel's order, whatever the order of the request (platform_site/cache.py).
    page_links = links(first, r'<a href="(\?[^"]*page=[^"]*)"')
    assert "?country=CN&sector=solar-energy&page=2" in page_links
    assert "?country=CN&sector=solar-energy&page=3" in page_links

    last = client.get(list_url(key), {"sector": "solar-energy", "country": "CN", "page": "3"})

    assert len(card_titles(last)) == 1
    assert "Not solar" not in text(last)
    last_links = links(last, r'<a href="(\?[^"]*page=[^"]*)"')
    assert "?country=CN&sector=solar-energy&page=2" in last_links
    # The current page number is never carried twice.
    assert all(link.count("page=") == 1 for link in last_links)


def test_pages_together_list_every_record_once(client, two_per_page):
    titles = {TechnologyFactory().title for _ in range(5)}
    seen = []
    for page in ("1", "2", "3"):
        seen += card_titles(client.get(list_url("technologies"), {"page": page}))
    assert sorted(seen) == sorted(titles)


def test_sort_survives_pagination(client, two_per_page):
    for title in ["Delta", "Alpha", "Echo", "Charlie", "Bravo"]:
        TechnologyFactory(title=title)

    second = client.get(list_url("technologies"), {"sort": "title", "page": "2"})

    assert card_titles(second) == ["Charlie", "Delta"]
    assert "?sort=title&page=3" in links(second, r'<a href="(\?[^"]*page=[^"]*)"')


# Active filter chips -------------------------------------------------------------------------


def chips(response):
    """(text, remove link) of each active filter chip."""
    found = re.findall(r'<a class="chip" href="([^"]*)">(.*?)<svg', text(response), re.S)
    return [(" ".join(html.unescape(label).split()), html.unescape(href)) for href, label in found]


def test_active_filters_are_chips_that_remove_themselves(client):
    TechnologyFactory(country=china(), sectors=[solar(), wind()])

    response = client.get(
        list_url("technologies"),
        {"country": "CN", "sector": ["solar-energy", "wind-energy"], "q": "pump", "page": "1"},
    )

    assert chips(response) == [
        ("Keywords: pump", "?country=CN&sector=solar-energy&sector=wind-energy"),
        ("Country: China", "?q=pump&sector=solar-energy&sector=wind-energy"),
        ("Sector: Solar energy", "?q=pump&country=CN&sector=wind-energy"),
        ("Sector: Wind energy", "?q=pump&country=CN&sector=solar-energy"),
    ]
    assert 'href="/en/technologies/">Clear all</a>' in text(response)


def label(key, name):
    """The filter form's label of the parameter ``name`` on the ``key`` list page."""
    return str(FILTERSETS[key]().form.fields[name].label)


@pytest.mark.parametrize(
    ("key", "name", "value", "shown"),
    [
        ("technologies", "trl_min", "7", "7"),
        ("technologies", "ip", "patent_granted", "Patent granted"),
        ("technologies", "brics", "partner", "BRICS partner"),
        ("projects", "stage", "operation", "Operation"),
        ("projects", "investment_min", "5000", "5000"),
        ("talents", "availability", "mentoring", "Mentoring"),
        ("enterprises", "size", "large", "Large (250 staff or more)"),
        ("enterprises", "verified", "on", "Yes"),
        ("enterprises", "invests_in", "CN", "China"),
        ("institutions", "type", "finance", "Bank or fund"),
        ("institutions", "serves", "BR", "Brazil"),
    ],
)
def test_chip_shows_the_readable_value(client, key, name, value, shown):
    china()
    brazil()
    response = client.get(list_url(key), {name: value})
    assert chips(response) == [(f"{label(key, name)}: {shown}", "?")]


def test_chip_of_a_taxonomy_shows_its_name(client):
    sdg = SDGFactory(number=7)
    response = client.get(list_url("projects"), {"sdg": "7"})
    assert chips(response) == [(f"{label('projects', 'sdg')}: {sdg}", "?")]


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_no_chips_without_filters(client, key):
    response = client.get(list_url(key), {"sort": "title"})
    assert 'aria-label="Active filters"' not in text(response)
    assert chips(response) == []


def test_other_databases_are_not_mixed_in(client):
    TechnologyFactory(title="A technology")
    ProjectFactory(title="A project")
    TalentFactory(title="An expert")
    EnterpriseFactory(title="An enterprise")
    ServiceInstitutionFactory(title="An institution")
    assert card_titles(client.get(list_url("projects"))) == ["A project"]
    assert card_titles(client.get(list_url("talents"))) == ["An expert"]


# Counting is capped (search.MATCH_CAP) only where a keyword or a filter narrows the list:
# the whole database is counted exactly, and all its pages stay reachable.
@pytest.mark.django_db
def test_only_narrowed_lists_have_a_capped_count(client, monkeypatch):
    monkeypatch.setattr("databases.search.MATCH_CAP", 5)
    monkeypatch.setattr(views.RecordListView, "paginate_by", 2)
    solar = SectorFactory(code="solar-energy", name="Solar energy")
    for n in range(8):
        TechnologyFactory(title=f"Collector {n}", sectors=[solar])

    response = client.get(list_url("technologies"), {"page": 4})
    assert response.status_code == 200
    assert result_count(response) == "8 technologies"

    response = client.get(list_url("technologies"), {"sector": "solar-energy"})
    assert result_count(response) == "More than 5 technologies"
    assert (
        client.get(list_url("technologies"), {"sector": "solar-energy", "page": 3}).status_code
        == 200
    )
    assert (
        client.get(list_url("technologies"), {"sector": "solar-energy", "page": 4}).status_code
        == 404
    )


# Sort form -----------------------------------------------------------------------------------


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_sort_form_works_without_javascript_and_sorts_on_change_with_it(client, key):
    content = text(client.get(list_url(key), {"sector": "solar-energy", "page": "1"}))
    form = re.search(r'<form class="sort-form"[^>]*>.*?</form>', content, re.S).group(0)
    # static/js/lists.js sends the form when the select changes and hides the button.
    assert "data-sort-on-change" in form
    assert re.search(r'<select name="sort"[^>]*id="id_sort"', form)
    assert '<button class="button secondary" type="submit">Sort</button>' in form
    # The other parameters go along; the page does not (a new order starts at page 1).
    assert '<input type="hidden" name="sector" value="solar-energy">' in form
    assert 'name="page"' not in form
    assert '/static/js/lists.js" defer></script>' in content
    assert "<script>" not in content


# Plain words ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_list_pages_speak_of_what_they_list_not_of_records(client, key):
    RECORD_FACTORIES[key](title="Only one", country=china())
    for query in ({}, {"country": "RU"}, {"q": "nothing-like-it"}):
        content = text(client.get(list_url(key), query))
        main = content[content.index("<main") : content.index("</main>")]
        assert "record" not in re.sub(r"<[^>]*>", " ", main).lower()


@pytest.mark.parametrize(
    ("lang", "one", "few", "many"),
    [
        ("ru", "1 проект", "3 проекта", "5 проектов"),
        ("pt-br", "1 projeto", "3 projetos", "5 projetos"),
        ("hi", "1 परियोजना", "3 परियोजनाएँ", "5 परियोजनाएँ"),
    ],
)
def test_result_count_has_the_plural_forms_of_the_language(client, lang, one, few, many):
    ProjectFactory(country=china())
    ProjectFactory.create_batch(3, country=russia())
    ProjectFactory(country=brazil())
    url = list_url("projects", lang)
    assert result_count(client.get(url, {"country": "CN"})) == one
    assert result_count(client.get(url, {"country": "RU"})) == few
    assert result_count(client.get(url)) == many


# Facet counts --------------------------------------------------------------------------------


def facet(response, name):
    """The options of filter ``name``: {value: (label with its count, disabled)}."""
    content = text(response)
    found = re.findall(
        rf'<input type="checkbox" name="{name}" value="([^"]*)"([^>]*)>(.*?)</label>', content
    )
    select = re.search(rf'<select name="{name}".*?</select>', content, re.S)
    if select:
        found += re.findall(r'<option value="([^"]+)"([^>]*)>([^<]*)</option>', select.group(0))
    return {
        value: (
            " ".join(html.unescape(re.sub(r"<[^>]*>", "", label)).split()),
            " disabled" in attrs,
        )
        for value, attrs, label in found
    }


@pytest.fixture
def facet_records():
    """Technologies in China and Russia, in the solar and wind sectors, with a keyword."""
    solar_, wind_ = solar(), wind()
    water()
    TechnologyFactory(title="Solar pump", country=china(), sectors=[solar_])
    TechnologyFactory(title="Solar dryer", country=china(), sectors=[solar_, wind_])
    TechnologyFactory(title="Wind pump", country=russia(), sectors=[wind_])
    TechnologyFactory(title="Hidden pump", country=china(), sectors=[solar_], status="draft")


def test_each_option_counts_the_published_records_it_gives(client, facet_records):
    sectors = facet(client.get(list_url("technologies")), "sector")
    assert sectors["solar-energy"] == ("Solar energy (2)", False)
    assert sectors["wind-energy"] == ("Wind energy (2)", False)
    # An option that gives nothing is disabled (and dimmed by its class).
    assert sectors["water"] == ("Water (0)", True)
    countries = facet(client.get(list_url("technologies")), "country")
    assert countries["CN"] == ("China (2)", False)
    assert countries["RU"] == ("Russia (1)", False)
    assert countries["BR"] == ("Brazil (0)", True)
    assert facet(client.get(list_url("technologies")), "brics")["member"] == (
        "BRICS member (3)",
        False,
    )


def test_counts_take_the_other_filters_and_the_keyword_into_account(client, facet_records):
    response = client.get(list_url("technologies"), {"country": "CN", "sector": "wind-energy"})
    # Sectors count within China; a sector option adds to the chosen ones, so the chosen
    # sector does not narrow its own facet.
    assert facet(response, "sector")["solar-energy"] == ("Solar energy (2)", False)
    assert facet(response, "sector")["wind-energy"] == ("Wind energy (1)", False)
    # Countries count within the wind sector, whichever country is chosen.
    assert facet(response, "country")["CN"] == ("China (1)", False)
    assert facet(response, "country")["RU"] == ("Russia (1)", False)

    response = client.get(list_url("technologies"), {"q": "pump"})
    assert facet(response, "sector")["solar-energy"] == ("Solar energy (1)", False)
    assert facet(response, "sector")["wind-energy"] == ("Wind energy (1)", False)
    assert facet(response, "country")["CN"] == ("China (1)", False)


def test_a_chosen_option_that_gives_nothing_can_still_be_unchosen(client, facet_records):
    response = client.get(list_url("technologies"), {"country": "RU", "sector": "solar-energy"})
    assert result_count(response) == "0 technologies"
    assert facet(response, "sector")["solar-energy"] == ("Solar energy (0)", False)
    assert 'value="solar-energy" id="id_sector_0" checked>' in text(response)
    assert facet(response, "sector")["water"] == ("Water (0)", True)
    response = client.get(list_url("technologies"), {"country": "BR"})
    assert facet(response, "country")["BR"] == ("Brazil (0)", False)


def test_availability_counts_the_experts_available_for_that_too(client):
    TalentFactory(available_consulting=True, available_training=True)
    TalentFactory(available_consulting=True)
    TalentFactory(available_mentoring=True)
    everyone = facet(client.get(list_url("talents")), "availability")
    assert everyone == {
        "consulting": ("Consulting (2)", False),
        "training": ("Training (1)", False),
        "mentoring": ("Mentoring (1)", False),
    }
    # "Available for" asks for every chosen kind of work: the counts are of the list shown.
    consulting = facet(
        client.get(list_url("talents"), {"availability": "consulting"}), "availability"
    )
    assert consulting == {
        "consulting": ("Consulting (2)", False),
        "training": ("Training (1)", False),
        "mentoring": ("Mentoring (0)", True),
    }


def test_a_project_counts_once_per_field_of_its_technologies(client):
    y02e = field("y02e")
    ProjectFactory(
        technologies=[
            TechnologyFactory(technology_fields=[y02e]),
            TechnologyFactory(technology_fields=[y02e, field("y02p")]),
        ]
    )
    fields = facet(client.get(list_url("projects")), "field")
    assert fields["y02e"][0].endswith(" (1)")
    assert fields["y02p"][0].endswith(" (1)")
    assert fields["y02w"][0].endswith(" (0)")


@pytest.mark.parametrize(
    ("key", "name", "kwargs", "value"),
    [
        ("technologies", "field", lambda: {"technology_fields": [field("y02e")]}, "y02e"),
        ("technologies", "ip", lambda: {"ip_status": "open"}, "open"),
        (
            "technologies",
            "transfer",
            lambda: {"transfer_modes": [cooperation("licensing")]},
            "licensing",
        ),
        ("projects", "stage", lambda: {"stage": "operation"}, "operation"),
        (
            "projects",
            "cooperation",
            lambda: {"cooperation_types": [cooperation("investment")]},
            "investment",
        ),
        ("projects", "sdg", lambda: {"sdgs": [SDGFactory(number=7)]}, "7"),
        ("talents", "field", lambda: {"technology_fields": [field("y02e")]}, "y02e"),
        (
            "talents",
            "language",
            lambda: {"languages": [LanguageFactory(code="zh", name="Chinese")]},
            "zh",
        ),
        ("enterprises", "size", lambda: {"size": "large"}, "large"),
        (
            "enterprises",
            "cooperation",
            lambda: {"cooperation_offered": [cooperation("consulting")]},
            "consulting",
        ),
        ("enterprises", "invests_in", lambda: {"interest_countries": [brazil()]}, "BR"),
        ("institutions", "type", lambda: {"institution_type": "finance"}, "finance"),
        ("institutions", "serves", lambda: {"countries_served": [kazakhstan()]}, "KZ"),
    ],
)
def test_every_facet_is_counted(client, key, name, kwargs, value):
    values = kwargs()
    for _ in range(2):
        RECORD_FACTORIES[key](**values)
    RECORD_FACTORIES[key]()
    label, disabled = facet(client.get(list_url(key)), name)[value]
    assert label.endswith(" (2)")
    assert not disabled


def test_counts_are_written_in_the_readers_locale():
    from django.utils import translation

    from databases.widgets import CheckboxSelectMultiple, Select

    select = Select(choices=[("", "Any"), ("CN", "China")])
    select.counts = {"CN": 12345}
    boxes = CheckboxSelectMultiple(choices=[("solar", "Solar")])
    boxes.counts = {"solar": 1234567}
    with translation.override("hi"):
        assert "China (12,345)</option>" in select.render("country", "")
        assert '<span class="facet-count">(12,34,567)</span>' in boxes.render("sector", [])
    with translation.override("ru"):
        assert "China (12\xa0345)</option>" in select.render("country", "")


# A grouped count reads every record it counts: like the count of matches, the options are
# counted over at most search.MATCH_CAP records. A broad list shows no counts until a filter
# or a keyword narrows it; a facet in use, which counts over more than the list, may not.
def test_options_are_counted_over_at_most_match_cap_records(client, monkeypatch):
    monkeypatch.setattr("databases.search.MATCH_CAP", 3)
    solar_, wind_ = solar(), wind()
    TechnologyFactory.create_batch(3, title="Solar collector", sectors=[solar_], country=china())
    TechnologyFactory(title="Wind pump", sectors=[wind_], country=russia())

    for query in ({}, {"q": "summary"}, {"brics": "member"}):
        response = client.get(list_url("technologies"), query)
        assert result_count(response) in ("4 technologies", "More than 3 technologies")
        assert 'class="facet-count"' not in text(response)

    response = client.get(list_url("technologies"), {"q": "collector"})
    assert result_count(response) == "3 technologies"
    assert facet(response, "sector")["solar-energy"] == ("Solar energy (3)", False)

    # The sector facet would count over all four technologies: left without counts; the
    # country facet counts within the wind sector.
    response = client.get(list_url("technologies"), {"sector": "wind-energy"})
    assert facet(response, "sector")["wind-energy"] == ("Wind energy", False)
    assert facet(response, "country")["RU"] == ("Russia (1)", False)
    assert facet(response, "country")["CN"] == ("China (0)", True)


def test_only_the_first_cards_image_is_fetched_first(client):
    """On a phone the first card's image is the largest paint: fetched at once, the rest lazily."""
    ProjectFactory.create_batch(3, image="records/project/plant.webp")
    content = client.get("/en/projects/").content.decode()
    images = re.findall(r'<img src="/media/records/project/plant.webp"[^>]*>', content)
    assert len(images) == 3
    assert 'fetchpriority="high"' in images[0] and "loading" not in images[0]
    assert all('loading="lazy"' in image and "fetchpriority" not in image for image in images[1:])
