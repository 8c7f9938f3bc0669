"""Keyword search over the resource databases, in the five site languages.

On PostgreSQL each record table has a ``search_vector`` column kept up to date by a trigger
(installed by a migration, so bulk inserts and imports are indexed too) and a GIN index. The
trigger indexes each language's columns in its own text-search configuration: English, Russian
and Portuguese stemmed by their Snowball dictionaries (a query for "солнечной" finds
"солнечная", "energias" finds "energia"), Hindi and Chinese unstemmed ("simple"), weighted A
(title) to C (description). Chinese has no spaces between words, so the vector also holds every
pair of adjacent Han characters of the Chinese texts ("光伏发电" → 光伏 伏发 发电), and a Han
query becomes the phrase of its pairs: any Chinese word of two or more characters is found.

Every text is folded before it is indexed, and every query before it is searched, by the same
rule (``fold`` here, ``gisp_fold`` in SQL): Unicode NFC, and Hindi's spelling variants made one
(the nukta dropped, so फ़ोटो = फोटो; candrabindu written as anusvara, so हँसना = हंसना; zero-width
joiners removed). Hindi has no PostgreSQL stemmer we can count on, so no suffix is stripped.

A query is a list of words; each must match (in any language's dictionary its script can be
in). A query that names a taxonomy concept (see ``search_concepts``) also finds the records
tagged with it, whatever language they are written in. Matches are ranked by ``ts_rank``
(plus a bonus when tagged), and ``headline`` marks the matched words of a card's title and
summary. When a query finds little, ``suggest`` offers the closest words of the titles and
taxonomies (pg_trgm trigram similarity).

On SQLite every query is a substring match on titles and summaries, or a concept's tag.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import Case, CharField, F, FloatField, Func, Q, Value, When
from django.db.models.functions import Cast, Coalesce, Length, NullIf
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from databases import search_concepts
from databases.search_text import HAN, HAN_CLASS, HAN_RUN, MAX_QUERY_LENGTH, clean_query, words

__all__ = ["MAX_QUERY_LENGTH", "clean_query"]

# Words searched at most: each becomes a few tsquery terms, and a query is a short phrase.
MAX_WORDS = 12
# Matches of a keyword or filter are counted, and ranked, only up to this many: a common word
# or a broad facet matches a large share of 100,000 records, and counting or ranking all of
# them costs far more than showing a page. Beyond it, keyword results come newest first and
# the count reads "more than 1,000".
MATCH_CAP = 1000
# A record tagged with a concept the query names ranks above a passing mention in a
# description (ts_rank gives weight C words about 0.02) and below a title match (about 0.6).
TAGGED_BONUS = 0.1
START_MARK, END_MARK = "\x02", "\x03"
# The configuration of each translated column's language; Chinese is indexed again as pairs.
LANGUAGE_CONFIGS = {"en": "english", "ru": "russian", "pt_br": "portuguese"}
# A query is searched in each of these (Hindi and Chinese words are kept by all of them).
QUERY_CONFIGS = ["english", "russian", "portuguese", "simple"]
# ts_headline's configuration for the language a card is shown in (the same as the index's).
HEADLINE_CONFIGS = {"en": "english", "ru": "russian", "pt-br": "portuguese"}


def language_columns(model, field_name):
    """The database columns holding ``field_name``, one per language when it is translated."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        opts = translator.get_options_for_model(model)
    except NotRegistered:
        return [field_name]
    fields = opts.all_fields.get(field_name)
    if not fields:
        return [field_name]
    # A fixed order: the trigram index and the query that uses it must spell one expression.
    return [f.name for f in sorted(fields, key=lambda f: (f.language != "en", f.language))]


@dataclass
class ParsedQuery:
    """A query split into what the index and the taxonomies are asked."""

    text: str
    words: list
    # (concept, the query's words it does not cover), see search_concepts.find_concepts.
    concepts: list = field(default_factory=list)

    @property
    def han_runs(self):
        return [run for run in HAN_RUN.findall(self.text) if run]


def parse(raw_query, concepts=True):
    query = clean_query(raw_query)
    found = words(query)[:MAX_WORDS]
    return ParsedQuery(query, found, search_concepts.find_concepts(found) if concepts else [])


def filter_queryset(queryset, raw_query, concepts=True):
    """Records matching the query, annotated with ``rank``, their headline and the names of the
    query's concepts they are tagged with (``tagged_0``…). ``concepts=False`` leaves the
    taxonomies out (the search evaluation measures the words alone so)."""
    parsed = parse(raw_query, concepts)
    if not parsed.words:
        # Only punctuation: nothing to look for, so nothing found (and nothing to rank).
        return queryset.none().annotate(rank=Value(0.0, output_field=FloatField()))
    model = queryset.model
    tags = [
        (search_concepts.tagged_condition(model, concept), rest)
        for concept, rest in parsed.concepts
    ]
    tags = [(cond, rest) for cond, rest in tags if cond is not None]
    postgres = connections[queryset.db].vendor == "postgresql"
    if postgres:
        text_query = words_query(parsed.words)
        match = Q(search_vector=text_query)
        for cond, rest in tags:
            match |= cond & Q(search_vector=words_query(rest)) if rest else cond
        # In double precision: an API cursor (api/pagination.py) holds the rank read back, and
        # compares the column with it; a real's value read back into Python is only near it.
        rank = Cast(SearchRank(F("search_vector"), text_query), FloatField())
    else:
        match = _substring_condition(model, parsed.text)
        for cond, rest in tags:
            match |= cond & _substring_condition(model, " ".join(rest)) if rest else cond
        # Shorter titles that contain the query are the closer matches.
        rank = Value(1.0) / (Length("title_en") + 1)
    annotations = {}
    for index, (concept, _rest) in enumerate(parsed.concepts):
        condition = search_concepts.tagged_condition(model, concept, per_row=True)
        if condition is None:
            continue
        annotations[f"tagged_{index}"] = Case(
            When(condition, then=Value(concept.name())), default=None, output_field=CharField()
        )
        rank = rank + Case(
            When(condition, then=Value(TAGGED_BONUS)), default=0.0, output_field=FloatField()
        )
    queryset = queryset.filter(match).annotate(rank=rank, **annotations)
    if postgres:
        queryset = queryset.annotate(**_headlines(model, text_query))
    queryset.search_parsed = parsed
    return queryset


def words_query(found):
    """Every word must match. The words are searched in each language's configuration in
    turn (their own stop words left out: "bombas de calor" is bomb & calor in Portuguese) and
    a Chinese word as the phrase of its character pairs."""
    text, han = [], []
    for word in found:
        for part in HAN_RUN.split(word):
            if part:
                (han if HAN.match(part) else text).append(part)
    combined = None
    if text:
        phrase = " ".join(text)
        for config in QUERY_CONFIGS:
            term = SearchQuery(phrase, config=config, search_type="plain")
            combined = term if combined is None else combined | term
    for run in han:
        pairs = [run[i : i + 2] for i in range(max(len(run) - 1, 1))]
        raw = " <-> ".join(f"'{pair}'" for pair in pairs)
        term = SearchQuery(
            raw + (":*" if len(run) == 1 else ""), config="simple", search_type="raw"
        )
        combined = term if combined is None else combined & term
    return combined


def count_matches(queryset, cap=None):
    """How many records ``queryset`` holds, counted up to ``cap``: (count, capped)."""
    cap = MATCH_CAP if cap is None else cap
    found = queryset.order_by().values("pk")[: cap + 1].count()
    return min(found, cap), found > cap


def order_by_relevance(queryset, capped):
    """Best matches first, or newest first when there are too many matches to rank."""
    if capped:
        return queryset.order_by("-published_at", "-id")
    return queryset.order_by("-rank", "-published_at", "-id")


def _substring_condition(model, query):
    condition = Q()
    for weight in ("A", "B"):
        for field_name in model.search_fields.get(weight, ()):
            for column in language_columns(model, field_name):
                condition |= Q(**{f"{column}__icontains": query})
    return condition


class _Headline(Func):
    function = "ts_headline"
    output_field = CharField()


class _RegConfig(Func):
    template = "%(expressions)s::regconfig"
    output_field = CharField()


def _headlines(model, text_query):
    """The card's title and summary in the reader's language (as modeltranslation falls back
    to English) with the matched words between START_MARK and END_MARK; see highlight()."""
    language = get_language() or settings.LANGUAGE_CODE
    config = HEADLINE_CONFIGS.get(language, "simple")
    suffix = "_" + language.replace("-", "_")
    options = f"StartSel={START_MARK}, StopSel={END_MARK}, HighlightAll=true"
    annotations = {}
    for name in ("title", "summary"):
        shown = F(f"{name}_en")
        if suffix != "_en":
            shown = Coalesce(NullIf(F(f"{name}{suffix}"), Value("")), F(f"{name}_en"))
        annotations[f"headline_{name}"] = _Headline(
            _RegConfig(Value(config)), shown, text_query, Value(options)
        )
    return annotations


def highlight(text, han_runs=(), limit=None):
    """``text`` HTML-escaped, with the matched words (marked by ts_headline, and the query's
    Chinese words) in <mark>: the only markup that gets through. ``limit`` cuts the text, not
    counting the marks, to that many characters with an ellipsis (as truncatechars does)."""
    text = text or ""
    if limit is not None and len(text.replace(START_MARK, "").replace(END_MARK, "")) > limit:
        kept, shown = [], 0
        for char in text:
            if char not in (START_MARK, END_MARK):
                if shown == limit - 1:
                    break
                shown += 1
            kept.append(char)
        text = "".join(kept)
        if text.count(START_MARK) > text.count(END_MARK):
            text += END_MARK
        text += "…"
    escaped = str(escape(text))
    # Marks are not nested, and Chinese words are looked for outside them.
    parts = re.split(f"({START_MARK}.*?{END_MARK})", escaped, flags=re.S)
    html = []
    han = (
        re.compile("|".join(re.escape(run) for run in sorted(han_runs, key=len, reverse=True)))
        if han_runs
        else None
    )
    for part in parts:
        if part.startswith(START_MARK) and part.endswith(END_MARK):
            html.append("<mark>" + part[1:-1] + "</mark>")
        else:
            part = part.replace(START_MARK, "").replace(END_MARK, "")
            html.append(han.sub(r"<mark>\g<0></mark>", part) if han else part)
    return mark_safe("".join(html))  # noqa: S308 - escaped above, only <mark> added


def _column_config(column):
    """The text-search configuration of a column, by its language suffix (None: Chinese, or
    Hindi, which are indexed unstemmed); untranslated columns are written in English."""
    for code, _name in settings.LANGUAGES:
        suffix = "_" + code.replace("-", "_")
        if column.endswith(suffix):
            return LANGUAGE_CONFIGS.get(suffix[1:])
    return "english"


def _tsvector_sql(model):
    parts = []
    for weight, field_names in sorted(model.search_fields.items()):
        columns = [c for name in field_names for c in language_columns(model, name)]
        by_config = {}
        for column in columns:
            by_config.setdefault(_column_config(column) or "simple", []).append(column)
        for config, config_columns in by_config.items():
            parts.append(_weighted(config, config_columns, weight))
        chinese = [c for c in columns if c.endswith("_zh_hans")]
        if chinese:
            parts.append(_weighted("simple", chinese, weight, transform="gisp_han_bigrams"))
    return " || ".join(parts)


def _weighted(config, columns, weight, transform=""):
    text = " || ' ' || ".join(f"coalesce(NEW.{c}, '')" for c in columns)
    return (
        f"setweight(to_tsvector('{config}'::regconfig, {transform}(gisp_fold({text}))), '{weight}')"
    )


def title_trigram_sql(model, prefix=""):
    """The titles of every language as one text: the expression of the trigram index that
    ``suggest`` searches (an index on an expression is used only by that same expression)."""
    return " || ' ' || ".join(
        f"coalesce({prefix}{c}, '')" for c in language_columns(model, "title")
    )


# The pairs of adjacent Han characters of a text, in order, separated by spaces.
HAN_BIGRAMS_FUNCTION = f"""
CREATE OR REPLACE FUNCTION gisp_han_bigrams(input text) RETURNS text AS $$
    SELECT coalesce(string_agg(substr(run, i, 2), ' ' ORDER BY ord, i), '')
    FROM regexp_matches(input, '[{HAN_CLASS}]+', 'g') WITH ORDINALITY AS m(parts, ord),
        LATERAL (SELECT parts[1] AS run) AS r,
        LATERAL generate_series(1, greatest(char_length(run) - 1, 1)) AS i
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;
"""

# fold() in SQL: NFC, without nukta, zero-width (non-)joiners and soft hyphens, candrabindu
# as anusvara (translate() drops the characters it has no replacement for).
FOLD_FUNCTION = """
CREATE OR REPLACE FUNCTION gisp_fold(input text) RETURNS text AS $$
    SELECT normalize(
        translate(normalize(input, NFD), U&'\\0901\\093C\\200C\\200D\\00AD', U&'\\0902'), NFC
    )
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT;
"""


def install_triggers(schema_editor, models):
    """Create (or replace) each model's search trigger and GIN index, then index existing rows."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(HAN_BIGRAMS_FUNCTION)
    schema_editor.execute(FOLD_FUNCTION)
    for model in models:
        table = model._meta.db_table
        schema_editor.execute(
            f"""
            CREATE OR REPLACE FUNCTION {table}_search_update() RETURNS trigger AS $$
            BEGIN
                NEW.search_vector := {_tsvector_sql(model)};
                RETURN NEW;
            END
            $$ LANGUAGE plpgsql;
            DROP TRIGGER IF EXISTS {table}_search_trg ON {table};
            CREATE TRIGGER {table}_search_trg BEFORE INSERT OR UPDATE ON {table}
                FOR EACH ROW EXECUTE FUNCTION {table}_search_update();
            -- Serves RecordQuerySet.search(): the @@ match of list pages and /search/.
            CREATE INDEX IF NOT EXISTS {table}_search_gin ON {table} USING GIN (search_vector);
            UPDATE {table} SET search_vector = NULL;
            """
        )


def install_title_trigrams(schema_editor, models):
    """The trigram index of each table's titles that ``suggest`` reads (pg_trgm)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for model in models:
        table = model._meta.db_table
        schema_editor.execute(
            f"""
            -- Serves search.suggest(): the titles most like a misspelt word ("did you mean").
            CREATE INDEX IF NOT EXISTS {table}_title_trgm ON {table}
                USING GIN (({title_trigram_sql(model)}) gin_trgm_ops);
            """
        )


def uninstall_title_trigrams(schema_editor, models):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model in models:
        schema_editor.execute(f"DROP INDEX IF EXISTS {model._meta.db_table}_title_trgm")


def uninstall_triggers(schema_editor, models):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model in models:
        table = model._meta.db_table
        schema_editor.execute(
            f"""
            DROP TRIGGER IF EXISTS {table}_search_trg ON {table};
            DROP FUNCTION IF EXISTS {table}_search_update();
            DROP INDEX IF EXISTS {table}_search_gin;
            """
        )


# Offer "did you mean" when a query finds fewer records than this.
FEW_RESULTS = 3
# Titles read per database for the words a suggestion is chosen from.
SUGGESTION_TITLES = 20
# pg_trgm's own default threshold of similarity().
SIMILAR = 0.3


def _trigrams(word):
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a, b):
    """pg_trgm's similarity() of two words: shared trigrams over all their trigrams."""
    first, second = _trigrams(a), _trigrams(b)
    return len(first & second) / len(first | second)


def edit_distance(a, b):
    """Levenshtein's distance: the characters to insert, delete or replace to make a into b."""
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        previous = current
    return previous[-1]


def suggest(raw_query, models):
    """A query like ``raw_query`` with its unknown words replaced by the closest words of the
    published titles of ``models`` and of the taxonomies' names, or "" when none is closer.
    One query (on PostgreSQL; none on SQLite, which offers the taxonomies' words only)."""
    query_words = words(clean_query(raw_query))[:MAX_WORDS]
    asked = [w for w in query_words if len(w) >= 3 and not HAN.search(w)]
    if not asked:
        return ""
    vocabulary = set()
    for concept in search_concepts.all_concepts():
        for spelling in concept.spellings:
            vocabulary.update(spelling)
    for title in _similar_titles(asked, models):
        vocabulary.update(words(title))
    replaced = []
    for word in query_words:
        best = word
        if word in asked and word not in vocabulary:
            # Among the words alike enough, the fewest edits away ("hydrogn": hydrogen, not hydro).
            alike = [v for v in vocabulary if not HAN.search(v) and similarity(word, v) >= SIMILAR]
            if alike:
                best = min(alike, key=lambda v: (edit_distance(word, v), -similarity(word, v), v))
        replaced.append(best)
    return " ".join(replaced) if replaced != query_words else ""


def _similar_titles(asked, models):
    if not models or connections[models[0].objects.db].vendor != "postgresql":
        return []
    selects, params = [], []
    for model in models:
        expression = title_trigram_sql(model)
        matches = " OR ".join(f"%s <%% ({expression})" for _word in asked)
        selects.append(
            f"(SELECT {expression} FROM {model._meta.db_table} "
            f"WHERE status = 'published' AND ({matches}) LIMIT {SUGGESTION_TITLES})"
        )
        params.extend(asked)
    with connections[models[0].objects.db].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        return [row[0] for row in cursor.fetchall()]
