"""Search in the five languages on PostgreSQL (the real dictionaries and ranking): stemming,
Hindi folding, Chinese pairs, concepts named in any language, highlighting, "did you mean"."""

import html
import re

import pytest

from databases import search, search_concepts, search_text
from databases.models import Sector, Technology
from tests.factories import ProjectFactory, TechnologyFactory
from tests.utils import card_titles, text

pytestmark = pytest.mark.django_db

SEARCH = "/en/search/"


def found(query):
    return set(Technology.objects.published().search(query).values_list("title_en", flat=True))


def test_russian_and_portuguese_are_stemmed_in_their_own_dictionaries(postgresql):
    TechnologyFactory(title="Plant A", title_ru="Солнечная электростанция")
    TechnologyFactory(title="Plant B", title_pt_br="Usina de energia solar")
    assert found("солнечной электростанции") == {"Plant A"}
    assert found("energias") == {"Plant B"}


def test_hindi_spelling_variants_are_one(postgresql):
    TechnologyFactory(title="Panels", title_hi="फ़ोटोवोल्टिक पैनल")
    TechnologyFactory(title="Laugh", summary_hi="हँसना")
    assert found("फोटोवोल्टिक") == {"Panels"}
    assert found("फ़ोटोवोल्टिक") == {"Panels"}
    assert found("हंसना") == {"Laugh"}
    assert search_text.fold("फ़ोटो") == search_text.fold("फोटो")


def test_chinese_words_are_found_inside_longer_runs(postgresql):
    TechnologyFactory(title="Floating plant", title_zh_hans="漂浮式光伏电站")
    assert found("光伏") == {"Floating plant"}
    assert found("光伏电站") == {"Floating plant"}
    assert found("风电") == set()


@pytest.mark.parametrize("query", ["光伏", "солнечная энергия", "energia solar", "सौर ऊर्जा"])
def test_a_concept_named_in_any_language_finds_the_records_tagged_with_it(
    client, postgresql, query
):
    solar = Sector.objects.get(code="solar-energy")
    TechnologyFactory(title="Bifacial modules for rooftops", sectors=[solar])
    TechnologyFactory(title="Wind blade recycling")
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert card_titles(response) == ["Bifacial modules for rooftops"]
    assert "Tagged Solar energy" in html.unescape(text(response))


def test_a_concept_with_more_words_needs_those_words_too(postgresql):
    solar = Sector.objects.get(code="solar-energy")
    TechnologyFactory(title="Rooftop kit", sectors=[solar])
    TechnologyFactory(title="Module cleaning robot", sectors=[solar])
    assert found("energia solar robot") == {"Module cleaning robot"}


def test_concepts_are_matched_by_stem_not_by_any_shared_beginning():
    assert search_concepts.same_word("энергия", "энергетика")
    assert search_concepts.same_word("energias", "energia")
    assert search_concepts.same_word("цикла", "цикл")
    assert not search_concepts.same_word("water", "waste")


def test_tagged_records_rank_below_title_matches(postgresql):
    solar = Sector.objects.get(code="solar-energy")
    TechnologyFactory(title="Heat pump", sectors=[solar])
    TechnologyFactory(title="Solar energy dryer")
    ranked = Technology.objects.published().search("solar energy").order_by("-rank")
    assert [t.title for t in ranked] == ["Solar energy dryer", "Heat pump"]


def test_matched_words_are_highlighted_and_everything_else_escaped(client, postgresql):
    TechnologyFactory(
        title="<script>alert(1)</script> solar pumps",
        summary='Pumps "powered" by <b>solar</b> panels',
    )
    body = text(client.get("/en/technologies/", {"q": "solar pump"}))
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>solar</mark> <mark>pumps</mark>" in body
    assert "<mark>Pumps</mark> &quot;powered&quot; by &lt;b&gt;<mark>solar</mark>&lt;/b&gt;" in body


def test_chinese_words_are_highlighted(client, postgresql):
    TechnologyFactory(title="Floating", title_zh_hans="漂浮式光伏电站<i>")
    body = text(client.get("/zh-hans/technologies/", {"q": "光伏"}))
    assert "漂浮式<mark>光伏</mark>电站&lt;i&gt;" in body


def test_highlight_escapes_and_cuts_without_breaking_a_mark():
    marked = f"a {search.START_MARK}<b>{search.END_MARK} " + "x" * 20
    assert search.highlight(marked) == "a <mark>&lt;b&gt;</mark> " + "x" * 20
    cut = search.highlight(f"{search.START_MARK}solar{search.END_MARK} pumps", limit=4)
    assert cut == "<mark>sol</mark>…"


def test_a_misspelt_word_gets_a_did_you_mean(client, postgresql):
    TechnologyFactory(title="Green hydrogen electrolyser")
    response = client.get(SEARCH, {"q": "hydrogn"})
    assert response.context["suggestion"] == "hydrogen"
    assert re.search(r'Did you mean <a href="\?q=hydrogen">hydrogen</a>\?', text(response))
    listed = client.get("/en/technologies/", {"q": "electrolyzer", "sort": "title"})
    assert listed.context["suggestion"] == "electrolyser"
    assert 'href="?q=electrolyser&amp;sort=title"' in text(listed)


def test_no_suggestion_when_the_query_finds_enough(client, postgresql):
    for _n in range(3):
        ProjectFactory(title="Hydrogen valley")
    assert client.get(SEARCH, {"q": "hydrogen"}).context["suggestion"] == ""


def test_groups_carry_their_relevance(client, postgresql):
    TechnologyFactory(title="Biogas digester")
    ProjectFactory(title="Farm with a small biogas plant", summary="biogas")
    groups = client.get(SEARCH, {"q": "biogas"}).context["groups"]
    relevance = {group["database"].key: group["relevance"] for group in groups}
    assert relevance["technologies"] > 0 and relevance["projects"] > 0
    assert "talents" not in relevance  # folded into the "nothing found in" line


@pytest.mark.parametrize(
    "query",
    [
        "solar & | ! : * ( ) <-> ' \" \\",
        "!!!",
        "'); DROP TABLE databases_technology; --",
        "光伏 solar солнечная सौर :*",
        "a" * 10_000,
        "x:* & !y | (z",
        "\x00\x07 solar \x1b[31m",
    ],
)
def test_operators_and_junk_are_only_words(client, postgresql, query):
    TechnologyFactory(title="Solar pump")
    for url in (SEARCH, "/en/technologies/"):
        assert client.get(url, {"q": query}).status_code == 200
