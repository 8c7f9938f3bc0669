"""/<lang>/search/?q=: one search over the five databases, grouped by database."""

import html
import re

import pytest

from tests.factories import (
    RECORD_FACTORIES,
    EnterpriseFactory,
    ProjectFactory,
    ServiceInstitutionFactory,
    TalentFactory,
    TechnologyFactory,
)
from tests.utils import DATABASE_KEYS, card_titles, text, without_marks

pytestmark = pytest.mark.django_db

SEARCH = "/en/search/"


def group_chips(response):
    """The "Database (count)" chips at the top of the results."""
    return [
        " ".join(html.unescape(label).split())
        for label in re.findall(r'<a class="chip" href="#results-[a-z]+">(.*?)</a>', text(response))
    ]


def group_titles(response, key):
    match = re.search(
        rf'<section class="search-group" id="results-{key}".*?</section>', text(response), re.S
    )
    assert match, f"no {key} group"
    return [
        html.unescape(without_marks(t))
        for t in re.findall(r"<h3><a [^>]*>(.*?)</a></h3>", match.group(0))
    ]


def test_empty_query_shows_the_prompt(client):
    TechnologyFactory(title="Solar pump")
    for query in ({}, {"q": ""}, {"q": "   "}):
        response = client.get(SEARCH, query)
        assert response.status_code == 200
        assert "Type a word or two to search" in text(response)
        assert response.context["groups"] == []
        assert response.context["nothing_found_in"] == ""
        assert card_titles(response) == []


def nothing_found_line(response):
    match = re.search(r'<p class="meta nothing-found">(.*?)</p>', text(response), re.S)
    return " ".join(html.unescape(match.group(1)).split()) if match else None


def test_results_are_grouped_by_database_with_counts(client):
    TechnologyFactory(title="Hydrogen electrolyser")
    TechnologyFactory(title="Green hydrogen storage")
    ProjectFactory(title="Hydrogen valley project")
    TalentFactory(title="Dr. Li", headline="Hydrogen safety expert")
    EnterpriseFactory(title="Wind Co")

    response = client.get(SEARCH, {"q": "hydrogen"})

    assert response.status_code == 200
    assert sorted(group_chips(response)) == ["Projects (1)", "Talents (1)", "Technologies (2)"]
    assert sorted(group_titles(response, "technologies")) == [
        "Green hydrogen storage",
        "Hydrogen electrolyser",
    ]
    assert group_titles(response, "projects") == ["Hydrogen valley project"]
    assert group_titles(response, "talents") == ["Dr. Li"]
    content = text(response)
    # The databases without a match share one line at the end, not a section each.
    assert 'id="results-enterprises"' not in content
    assert 'id="results-institutions"' not in content
    assert nothing_found_line(response) == "Nothing found in Enterprises and Service institutions."
    assert content.index('id="results-talents"') < content.index("nothing-found")
    assert 'href="/en/technologies/?q=hydrogen">See all 2 results</a>' in content
    assert 'href="/en/projects/?q=hydrogen">See the 1 result</a>' in content
    assert "<title>Search results for “hydrogen” · " in html.unescape(content)


def section_order(response):
    return re.findall(r'<section class="search-group" id="results-([a-z]+)"', text(response))


def test_the_group_with_the_closest_match_comes_first(client, postgresql):
    # Three technologies mention biochar in their description; one project is called so.
    TechnologyFactory.create_batch(
        3, title="Kiln", summary="", description="A kiln that makes biochar."
    )
    ProjectFactory(title="Biochar plant", summary="", description="")

    response = client.get(SEARCH, {"q": "biochar"})

    assert section_order(response) == ["projects", "technologies"]
    assert group_chips(response) == ["Projects (1)", "Technologies (3)"]


def test_groups_with_equally_close_matches_come_by_count(client, postgresql):
    EnterpriseFactory(title="Geothermal", summary="", description="")
    ServiceInstitutionFactory.create_batch(2, title="Geothermal", summary="", description="")

    response = client.get(SEARCH, {"q": "geothermal"})

    assert section_order(response) == ["institutions", "enterprises"]
    assert nothing_found_line(response) == "Nothing found in Technologies, Projects and Talents."


def test_the_nothing_found_line_is_in_the_readers_language(client):
    TechnologyFactory(title="Geothermal pump")
    response = client.get("/ru/search/", {"q": "geothermal"})
    line = nothing_found_line(response)
    assert "Nothing found" not in line
    # The database names are listed the Russian way, the last two joined by "и".
    assert " и " in line


def test_each_group_shows_at_most_five_best_matches(client):
    TechnologyFactory.create_batch(7, title="Biogas digester")
    response = client.get(SEARCH, {"q": "biogas"})
    assert group_chips(response) == ["Technologies (7)"]
    assert len(group_titles(response, "technologies")) == 5


@pytest.mark.parametrize("key", DATABASE_KEYS)
@pytest.mark.parametrize("status", ["draft", "pending", "rejected", "archived"])
def test_only_published_records_are_found(client, key, status):
    RECORD_FACTORIES[key](title="Geothermal published")
    RECORD_FACTORIES[key](title="Geothermal unpublished", status=status)

    response = client.get(SEARCH, {"q": "geothermal"})

    assert group_titles(response, key) == ["Geothermal published"]
    assert "Geothermal unpublished" not in text(response)


def test_search_is_stemmed(client, postgresql):
    TechnologyFactory(title="Wind turbine")
    response = client.get(SEARCH, {"q": "turbines"})
    assert group_titles(response, "technologies") == ["Wind turbine"]


def test_search_finds_a_chinese_title(client):
    ProjectFactory(title="Hydro plant", title_zh_hans="水电站扩建项目")
    response = client.get(SEARCH, {"q": "水电站"})
    assert group_titles(response, "projects") == ["Hydro plant"]


def test_search_ranks_the_title_match_first(client, postgresql):
    TechnologyFactory(title="Methane capture unit", summary="", description="")
    TechnologyFactory(title="Landfill cover", summary="", description="Reduces methane leaks.")
    response = client.get(SEARCH, {"q": "methane"})
    assert group_titles(response, "technologies") == ["Methane capture unit", "Landfill cover"]


def test_the_query_is_kept_in_the_search_box(client):
    response = client.get(SEARCH, {"q": 'solar "pump"'})
    assert 'value="solar &quot;pump&quot;"' in text(response)


def test_query_without_matches_says_so_once(client):
    TechnologyFactory(title="Solar pump")
    response = client.get(SEARCH, {"q": "xylophone"})
    assert response.status_code == 200
    assert group_chips(response) == []
    assert section_order(response) == []
    assert nothing_found_line(response) is None
    assert "Nothing found for “xylophone”." in html.unescape(text(response))


def test_the_page_speaks_of_results_not_records(client):
    TechnologyFactory(title="Solar pump")
    for query in ("solar", "xylophone"):
        content = text(client.get(SEARCH, {"q": query}))
        main = content[content.index("<main") : content.index("</main>")]
        assert "record" not in re.sub(r"<[^>]*>", " ", main).lower()
