"""Keyword search over the resource databases.

On PostgreSQL each record table has a ``search_vector`` column kept up to date by a trigger
(installed by a migration, so bulk inserts and imports are indexed too) and a GIN index.
The vector holds the English texts stemmed by the English dictionary and every language's
texts unstemmed ("simple"), weighted A (title) to C (description); a query matches either.
Chinese has no spaces between words, so the vector also holds every pair of adjacent Han
characters of the Chinese texts ("光伏发电" → 光伏 伏发 发电), and a Han query becomes the
phrase of its pairs: any Chinese word of two or more characters is found through the index.
On SQLite every query is a substring match on titles and summaries.
"""

import re

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, Q, Value
from django.db.models.functions import Length

MAX_QUERY_LENGTH = 200
# Matches of a keyword or filter are counted, and ranked, only up to this many: a common word
# or a broad facet matches a large share of 100,000 records, and counting or ranking all of
# them costs far more than showing a page. Beyond it, keyword results come newest first and
# the count reads "more than 1,000".
MATCH_CAP = 1000
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_HAN_CLASS = "\u3400-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{_HAN_CLASS}]")
_HAN_RUN = re.compile(f"([{_HAN_CLASS}]+)")


def clean_query(raw):
    """The query as searched: control characters removed, whitespace collapsed, length capped."""
    text = _CONTROL.sub(" ", raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


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
    return [f.name for f in sorted(fields, key=lambda f: f.language != "en")]


def filter_queryset(queryset, raw_query):
    query = clean_query(raw_query)
    if not query:
        return queryset
    if connections[queryset.db].vendor != "postgresql":
        return _substring_filter(queryset, query)
    search_query = _han_query(query) if _HAN.search(query) else _words_query(query)
    return queryset.filter(search_vector=search_query).annotate(
        rank=SearchRank(F("search_vector"), search_query)
    )


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


def _words_query(query):
    return SearchQuery(query, config="english", search_type="websearch") | SearchQuery(
        query, config="simple", search_type="websearch"
    )


def _han_query(query):
    """Every word of the query must match: Han runs as phrases of their character pairs."""
    combined = None
    for token in query.split():
        parts = []
        for run in _HAN_RUN.split(token):
            if not run:
                continue
            if _HAN.match(run):
                pairs = [run[i : i + 2] for i in range(max(len(run) - 1, 1))]
                raw = " <-> ".join(f"'{pair}'" for pair in pairs)
                parts.append(
                    SearchQuery(
                        raw + (":*" if len(run) == 1 else ""), config="simple", search_type="raw"
                    )
                )
            else:
                parts.append(_words_query(run))
        for part in parts:
            combined = part if combined is None else combined & part
    return combined


def _substring_filter(queryset, query):
    model = queryset.model
    condition = Q()
    for weight in ("A", "B"):
        for field_name in model.search_fields.get(weight, ()):
            for column in language_columns(model, field_name):
                condition |= Q(**{f"{column}__icontains": query})
    # Shorter titles that contain the query are the closer matches.
    return queryset.filter(condition).annotate(rank=Value(1.0) / (Length("title_en") + 1))


def _tsvector_sql(model):
    parts = []
    for weight, field_names in sorted(model.search_fields.items()):
        columns = [c for name in field_names for c in language_columns(model, name)]
        english = [c for c in columns if not _is_other_language_column(model, c)]
        chinese = [c for c in columns if c.endswith("_zh_hans")]
        parts.append(_weighted("english", english, weight))
        parts.append(_weighted("simple", columns, weight))
        if chinese:
            parts.append(_weighted("simple", chinese, weight, transform="gisp_han_bigrams"))
    return " || ".join(parts)


def _is_other_language_column(model, column):
    suffixes = ["_" + code.replace("-", "_") for code, _name in settings.LANGUAGES if code != "en"]
    return any(column.endswith(suffix) for suffix in suffixes)


def _weighted(config, columns, weight, transform=""):
    text = " || ' ' || ".join(f"coalesce(NEW.{c}, '')" for c in columns)
    return f"setweight(to_tsvector('{config}'::regconfig, {transform}({text})), '{weight}')"


# The pairs of adjacent Han characters of a text, in order, separated by spaces.
HAN_BIGRAMS_FUNCTION = f"""
CREATE OR REPLACE FUNCTION gisp_han_bigrams(input text) RETURNS text AS $$
    SELECT coalesce(string_agg(substr(run, i, 2), ' ' ORDER BY ord, i), '')
    FROM regexp_matches(input, '[{_HAN_CLASS}]+', 'g') WITH ORDINALITY AS m(parts, ord),
        LATERAL (SELECT parts[1] AS run) AS r,
        LATERAL generate_series(1, greatest(char_length(run) - 1, 1)) AS i
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;
"""


def install_triggers(schema_editor, models):
    """Create (or replace) each model's search trigger and GIN index, then index existing rows."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(HAN_BIGRAMS_FUNCTION)
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
