"""Hostile query strings on every list page and the search page: never a server error.

Quality gate ("Quality gates", item 4). Hypothesis builds query strings from the real parameter
names of each page's FilterSet (plus ``page``, ``sort``, ``q`` and junk names) and hostile values:
every unicode category including control characters and lone surrogates, mixed scripts and bidi
marks, huge and malformed numbers, 10,000-character values, repeated parameters, very long
names and more parameters than Django accepts. A second strategy sends raw, unencoded bytes as
the ``QUERY_STRING`` (broken percent-encoding, invalid UTF-8). A table of explicit cases keeps
the important ones covered whatever examples Hypothesis picks.

Each response must be below 500 (and the test client re-raises a view's exception, which fails
the test too); a 200 must be a complete HTML document with the page's single ``<h1>``, its tags
balanced, and no markup injected from the query string.
"""

import re
from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import urlencode

import django_filters
import pytest
from django.db import transaction
from django.templatetags.static import static
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from databases.filters import FILTERSETS
from databases.models import SDG, CooperationType, Country, Language, Sector, TechnologyField
from databases.registry import BY_KEY
from databases.views import RecordListView
from tests.factories import (
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
    china,
    russia,
)

pytestmark = pytest.mark.django_db

SEARCH = "search"
PAGE_KEYS = [*FILTERSETS, SEARCH]
# Two cards per page in these tests, so the five records of each database make three pages
# and page numbers, "last" and the pagination links are exercised too.
PAGE_SIZE = 2
EXAMPLES_PER_TEST = 20  # per page and per strategy: 6 pages x 2 strategies x 20 = 240 requests

SECTOR, FIELD, COOPERATION, LANGUAGE, SDG_NUMBER = (
    "hostile-sector",
    "hostile-field",
    "hostile-cooperation",
    "hostile-language",
    7,
)
TITLES = [
    "Solar water pump",
    "太阳能光伏水泵",
    "Солнечный насос",
    "सौर जल पंप",
    "مضخة شمسية 🌞 \u202eRTL",
]


def url(key):
    return f"/en/{key}/"


def expected_h1(key):
    return "Search all databases" if key == SEARCH else str(BY_KEY[key].title)


def create_records():
    """Five published records in each database, linked to one value of every facet."""
    sector = SectorFactory(code=SECTOR)
    field = TechnologyFieldFactory(code=FIELD)
    cooperation = CooperationTypeFactory(code=COOPERATION)
    language = LanguageFactory(code=LANGUAGE)
    sdg = SDGFactory(number=SDG_NUMBER)
    cn, ru = china(), russia()
    for n, title in enumerate(TITLES):
        common = {"country": cn if n % 2 else ru, "sectors": [sector]}
        enterprise = EnterpriseFactory(
            title=f"{title} enterprise",
            verified=bool(n % 2),
            founded=1990 + n,
            cooperation_offered=[cooperation],
            interest_countries=[cn],
            **common,
        )
        technology = TechnologyFactory(
            title=f"{title} technology",
            trl=n + 3,
            co2_reduction=Decimal(n * 100) if n else None,
            provider=enterprise,
            technology_fields=[field],
            transfer_modes=[cooperation],
            **common,
        )
        ProjectFactory(
            title=f"{title} project",
            investment_amount=Decimal(10**6 * n) if n else None,
            enterprise=enterprise,
            cooperation_types=[cooperation],
            sdgs=[sdg],
            technologies=[technology],
            **common,
        )
        TalentFactory(
            title=f"{title} expert",
            experience_years=5 * n,
            available_consulting=True,
            technology_fields=[field],
            languages=[language],
            **common,
        )
        ServiceInstitutionFactory(title=f"{title} institution", countries_served=[cn], **common)


@pytest.fixture(scope="module")
def records(django_db_setup, django_db_blocker):
    """The records, created once for the module.

    They live in an outer transaction that every test's own transaction nests in (as a
    savepoint) and that is rolled back when the module ends, so nothing leaks into other tests.
    """
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setattr(RecordListView, "paginate_by", PAGE_SIZE)
        create_records()
        yield
        transaction.set_rollback(True)


# Parameter names and values -------------------------------------------------------------------

VALID_BY_MODEL = {
    Country: ["CN", "RU"],
    Sector: [SECTOR],
    TechnologyField: [FIELD],
    CooperationType: [COOPERATION],
    Language: [LANGUAGE],
    SDG: [str(SDG_NUMBER)],
}
VALID_COMMON = {
    "q": ["solar", "太阳能", "насос", "सौर", "مضخة", "solar pump", "-solar", '"water pump"'],
    "page": ["1", "2", "3", "last", ""],
}


def valid_values(key):
    """Values each parameter of the page accepts, so that hostile ones mix with working filters."""
    if key == SEARCH:
        return dict(VALID_COMMON)
    filterset = FILTERSETS[key]
    values = dict(VALID_COMMON)
    for name, filter_ in filterset.base_filters.items():
        queryset = filter_.extra.get("queryset")
        choices = filter_.extra.get("choices")
        if name == "sort":
            values[name] = ["relevance", *(value for value, _l, _o in filterset.sort_options)]
        elif queryset is not None:
            values[name] = VALID_BY_MODEL[queryset.model]
        elif isinstance(choices, list | tuple) and choices:
            values[name] = [str(value) for value, _label in choices]
        elif isinstance(filter_, django_filters.BooleanFilter):
            values[name] = ["on", "true", "false", "1", "0"]
        elif isinstance(filter_, django_filters.NumberFilter):
            values[name] = ["0", "10", "1000000", str(10**14), "12.5"]
        values.setdefault(name, [])
    return values


NASTY_VALUES = [
    "",
    " ",
    "0",
    "-1",
    "-0",
    "1.5",
    "1e309",
    "-1e309",
    "1e-400",
    "NaN",
    "-NaN",
    "sNaN",
    "Infinity",
    "-inf",
    "9" * 400,
    "9" * 5000,  # more digits than int() converts
    "0x1F",
    "1_000",
    " 2 ",
    "١٢",  # Arabic-Indic digits: int() accepts them
    "²",
    "%00",
    "%",
    "%%",
    "%zz",
    "\x00",
    "a\x00b",
    "\r\nSet-Cookie: x=1",
    "\x1b[31m",
    "\x7f",
    "\u202e",
    "\u200f\u200e\u2066\u2069",
    "\ufeff",
    "\u200b",
    "\ud800",
    "\U0010ffff",
    "' OR 1=1 --",
    "'; DROP TABLE databases_technology; --",
    '" onmouseover="alert(1)',
    "<script>alert(1)</script>",
    "</textarea><svg onload=alert(1)>",
    "{{ 7*7 }}{% debug %}",
    "${jndi:ldap://x}",
    "../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "null",
    "None",
    "undefined",
    "true",
    "[]",
    "{}",
    "solar & | ! :* <-> ( ) \"unclosed '",
    "!!!",
    "a:*",
    "太阳能 & !",
    "a" * 10_000,
    "太阳" * 5_000,
    "\x00" * 10_000,
]
JUNK_NAMES = [
    "",
    " ",
    "q[]",
    "page[0]",
    "sort ",
    "Q",
    "PAGE",
    "__proto__",
    "constructor",
    "csrfmiddlewaretoken",
    "q\x00",
    "\u202eq",
    "country__iso2",
    "status",
    "o",
    "format",
    "k" * 5_000,
    "名" * 2_000,
]

# Mixed scripts, bidi and invisible marks, combining marks, control characters.
MIXED_SCRIPTS = st.text(
    st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # Han
        st.characters(min_codepoint=0x3040, max_codepoint=0x30FF),  # Kana
        st.characters(min_codepoint=0x0900, max_codepoint=0x097F),  # Devanagari
        st.characters(min_codepoint=0x0400, max_codepoint=0x04FF),  # Cyrillic
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),  # Arabic
        st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji
        st.sampled_from(list("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068")),
        st.sampled_from(list("\u2069\u200b\u200d\ufeff\u0301\u0300 ")),
        st.characters(categories=["Cc"]),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    ),
    max_size=30,
)
# Every unicode category, lone surrogates and control characters included.
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)
HUGE_NUMBERS = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.integers(min_value=-(2**63) - 2, max_value=2**63 + 2),
    st.integers(min_value=-3, max_value=30),
).map(str)
FLOATS = st.floats(allow_nan=True, allow_infinity=True).map(repr)
LONG_TEXT = st.tuples(st.text(min_size=1, max_size=8), st.integers(500, 10_000)).map(
    lambda unit_and_length: (unit_and_length[0] * unit_and_length[1])[: unit_and_length[1]]
)


def value_strategy(valid):
    hostile = st.one_of(
        st.sampled_from(NASTY_VALUES),
        ANY_TEXT,
        MIXED_SCRIPTS,
        HUGE_NUMBERS,
        FLOATS,
        LONG_TEXT,
    )
    if not valid:
        return hostile
    # A third of the values are valid, so that filters, keyword and sort combine with the junk.
    return st.one_of(st.sampled_from(valid), hostile, hostile)


def name_strategy(names):
    return st.one_of(
        st.sampled_from(names),
        st.sampled_from(names),
        st.sampled_from(JUNK_NAMES),
        ANY_TEXT,
        MIXED_SCRIPTS,
    )


# Beyond DATA_UPLOAD_MAX_NUMBER_FIELDS (1000) Django answers 400 Bad Request.
MANY_PARAMETERS = st.sampled_from([0, 0, 0, 0, 0, 0, 20, 200, 1001, 5000])


@st.composite
def query_pairs(draw, key):
    """(name, value) pairs: real and junk names, each with one or several hostile values."""
    valid = valid_values(key)
    names = list(valid)
    values_for = {name: value_strategy(valid[name]) for name in names}
    pairs = []
    for _ in range(draw(st.integers(0, 8))):
        name = draw(name_strategy(names))
        values = draw(st.lists(values_for.get(name, value_strategy([])), min_size=1, max_size=4))
        pairs.extend((name, value) for value in values)
    filler = draw(MANY_PARAMETERS)
    pairs.extend((names[n % len(names)], str(n)) for n in range(filler))
    return pairs


def encoded(pairs):
    # surrogatepass: a lone surrogate becomes the invalid UTF-8 bytes an attacker could send.
    return urlencode(pairs, doseq=True, encoding="utf-8", errors="surrogatepass")


RAW_PIECES = [
    st.binary(max_size=24),
    st.sampled_from(
        [
            b"%",
            b"%%",
            b"%0",
            b"%zz",
            b"%g0",
            b"%00",
            b"%0d%0a",
            b"%ff%fe",
            b"%c3%28",  # invalid UTF-8 sequence
            b"%ed%a0%80",  # encoded surrogate
            b"%f0%9f%98",  # truncated emoji
            b"%u202e",
            b"%uD800",
            b"%25%32%35",
            b"\xff\xfe",
            b"\xe2\x80\xae",
            b"\xe5\xa4\xaa\xe9\x98\xb3",  # raw UTF-8 Han
            b"+",
            b"&",
            b"&&&",
            b"=",
            b"==",
            b";",
            b"#",
            b"?",
            b" ",
            b"\x00",
            b"\t\r\n",
            b"page=",
            b"page=0",
            b"page=-1",
            b"page=%31",
            b"q=",
            b"q=%E5%A4%AA%E9%98%B3",
            b"sort=relevance",
            b"country=CN",
            b"country[]=CN",
            b"x" * 5_000,
        ]
    ),
    ANY_TEXT.map(lambda text: text.encode("utf-8", "surrogatepass")),
    MIXED_SCRIPTS.map(str.encode),
]


def raw_query_strings(key):
    """Unencoded bytes, broken escapes and well-encoded pairs of the page, glued together."""
    piece = st.one_of(
        *RAW_PIECES, query_pairs(key).map(lambda pairs: encoded(pairs).encode("ascii"))
    )
    # A WSGI server hands the query string over as bytes decoded as ISO-8859-1.
    return st.lists(piece, max_size=12).map(lambda pieces: b"".join(pieces).decode("iso-8859-1"))


# Checks ---------------------------------------------------------------------------------------

VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class Structure(HTMLParser):
    """Counts open and closed elements, collects the h1 texts and any script or handler."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.balance = Counter()
        self.h1 = []
        self.injected = []
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            self.balance[tag] += 1
        # The page's own scripts (base.html, and the list pages' sort) are the ones expected.
        own_script = tag == "script" and attrs in (
            [("src", static(f"js/{name}.js")), ("defer", None)] for name in ("site", "lists")
        )
        active = tag in {"script", "iframe", "object"} or any(n.startswith("on") for n, _ in attrs)
        if active and not own_script:
            self.injected.append((tag, attrs))
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")

    def handle_endtag(self, tag):
        self.balance[tag] -= 1
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1[-1] += data


def get(client, key, *, query=None, raw=None):
    """GET the page; the test client re-raises any exception of the view."""
    if raw is not None:
        return client.get(url(key), QUERY_STRING=raw)
    return client.get(f"{url(key)}?{query}" if query else url(key))


def assert_sound(response, key, what):
    status = response.status_code
    assert status < 500, f"{status} for {what!r}"
    # 400: more parameters than DATA_UPLOAD_MAX_NUMBER_FIELDS; 404: no such page of results.
    assert status in (200, 400, 404), f"unexpected {status} for {what!r}"
    if status != 200:
        return
    assert response["Content-Type"] == "text/html; charset=utf-8"
    content = response.content.decode("utf-8")  # strict: raises on an invalid byte
    assert content.lstrip().lower().startswith("<!doctype html>")
    assert '<html lang="en" dir="ltr">' in content
    assert content.rstrip().endswith("</html>")
    parser = Structure()
    parser.feed(content)
    parser.close()
    assert [" ".join(h1.split()) for h1 in parser.h1] == [expected_h1(key)], what
    unbalanced = {tag: n for tag, n in parser.balance.items() if n}
    assert not unbalanced, f"unbalanced tags {unbalanced} for {what!r}"
    assert not parser.injected, f"markup injected by {what!r}: {parser.injected}"


HYPOTHESIS = settings(
    max_examples=EXAMPLES_PER_TEST,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.django_db
@pytest.mark.parametrize("key", PAGE_KEYS)
@HYPOTHESIS
@given(data=st.data())
def test_encoded_hostile_query_strings_never_cause_a_server_error(client, records, key, data):
    query = encoded(data.draw(query_pairs(key), label="pairs"))
    assert_sound(get(client, key, query=query), key, query[:300])


@pytest.mark.django_db
@pytest.mark.parametrize("key", PAGE_KEYS)
@HYPOTHESIS
@given(data=st.data())
def test_raw_query_strings_never_cause_a_server_error(client, records, key, data):
    raw = data.draw(raw_query_strings(key), label="raw")
    assert_sound(get(client, key, raw=raw), key, raw[:300])


@pytest.mark.django_db
@pytest.mark.parametrize("key", FILTERSETS)
def test_the_records_fill_three_pages_of_cards(client, records, key):
    """The fixture works: the hostile requests above run against pages that render cards."""
    for page, cards in [("1", 2), ("2", 2), ("3", 1)]:
        response = get(client, key, query=f"page={page}")
        assert_sound(response, key, page)
        assert response.content.decode().count('<ul class="cards">') == 1
        assert len(response.context["object_list"]) == cards


# Explicit cases -------------------------------------------------------------------------------

EXPLICIT = {
    "page=0": 404,
    "page=-1": 404,
    f"page={10**9}": 404,
    "page=abc": 404,
    "page=": 200,
    "page=last": 200,
    "page=1&page=2": 200,
    "q=" + "a" * 10_000: 200,
    "q=" + "%E5%A4%AA" * 10_000: 200,
    "q=%00": 200,
    # Control characters are dropped before the view: page=%00 is the first page.
    "q=solar%00pump&country=%00&sector=%00&page=%00": 200,
    "sort=%00&sort=title&sort=" + "x" * 10_000: 200,
    "%00=%00": 200,
    "&".join(["page=1"] * 1001): 400,
}


@pytest.mark.django_db
@pytest.mark.parametrize("key", PAGE_KEYS)
@pytest.mark.parametrize(
    ("query", "status"), list(EXPLICIT.items()), ids=[q[:40] for q in EXPLICIT]
)
def test_explicit_hostile_query_strings(client, records, key, query, status):
    response = get(client, key, query=query)
    assert_sound(response, key, query[:300])
    if key == SEARCH and status == 404:
        status = 200  # the search page is not paginated: it ignores ``page``
    assert response.status_code == status


WRONG_TYPES = ["abc", "-1", "1e309", "9" * 400, "\x00\u202e太阳", "<script>alert(1)</script>"]


@pytest.mark.django_db
@pytest.mark.parametrize("key", PAGE_KEYS)
@pytest.mark.parametrize("value", WRONG_TYPES, ids=["abc", "-1", "1e309", "9x400", "nul", "script"])
def test_every_parameter_with_a_wrong_value_at_once(client, records, key, value):
    names = list(valid_values(key))
    # Each parameter twice: the wrong value, then a valid one (the one a form field keeps).
    pairs = [(name, v) for name in names for v in (value, *valid_values(key)[name][:1])]
    response = get(client, key, query=encoded(pairs))
    assert_sound(response, key, pairs)
    # Every parameter's valid value comes last, and the last of repeated values counts.
    assert response.status_code == 200


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@pytest.mark.django_db
def test_control_characters_of_the_query_are_not_echoed_into_the_page(client, records):
    response = get(client, "technologies", query="q=%00&sector=%01&%02=%1b")
    assert response.status_code == 200
    assert not CONTROL_CHARACTERS.findall(response.content.decode())


# Keywords -------------------------------------------------------------------------------------

# Pieces of hostile keywords: tsquery and SQL operators, words of every script the records are
# written in (so that some queries match, are highlighted and name a concept), marks the
# highlighting uses internally, control and formatting characters.
KEYWORD_PIECES = st.sampled_from(
    [
        "&", "|", "!", ":", "*", "(", ")", "<->", "'", '"', "\\", ":*", "--", ";", "%", "_",
        "' OR 1=1 --", "solar", "pump", "Солнечный", "солнечная энергия", "太阳能", "光伏",
        "सौर", "ऊर्जा", "फ़ोटो", "energia solar", "\x02", "\x03", "\x00", "\u202e", "\u200d",
        "<mark>", "</mark>", "<script>", "&amp;", "\ufeff", "🌞",
    ]
)  # fmt: skip
KEYWORDS = st.one_of(
    st.lists(st.one_of(KEYWORD_PIECES, st.text(max_size=8)), max_size=12).map(" ".join),
    st.lists(KEYWORD_PIECES, max_size=40).map("".join),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
)


@pytest.mark.django_db
@pytest.mark.parametrize("key", [SEARCH, "technologies"])
@HYPOTHESIS
@given(keywords=KEYWORDS)
def test_hostile_keywords_give_results_or_an_empty_state(client, records, key, keywords):
    """Operators, mixed scripts, control characters and the highlighter's own marks in ``q``:
    a page of results or of none, never an error, with only <mark> added to the text."""
    response = get(client, key, query=encoded([("q", keywords)]))
    assert_sound(response, key, keywords)
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<mark>") == content.count("</mark>")
    assert "\x02" not in content and "\x03" not in content
