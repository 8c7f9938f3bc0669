"""Keyword search over the resource databases.

On PostgreSQL each record table has a ``search_vector`` column kept up to date by a trigger
(installed by a migration, so bulk inserts and imports are indexed too) and a GIN index.
The vector holds the English texts stemmed by the English dictionary and every language's
texts unstemmed ("simple"), weighted A (title) to C (description); a query matches either.
Chinese has no spaces between words, so a query in Han script, and every query on SQLite,
falls back to a substring match on titles and summaries.
"""

import re

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, Q, Value
from django.db.models.functions import Length

MAX_QUERY_LENGTH = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_HAN_OR_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


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
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql" and not _HAN_OR_KANA.search(query):
        search_query = SearchQuery(query, config="english", search_type="websearch") | SearchQuery(
            query, config="simple", search_type="websearch"
        )
        return queryset.filter(search_vector=search_query).annotate(
            rank=SearchRank(F("search_vector"), search_query)
        )
    return _substring_filter(queryset, query)


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
        parts.append(_weighted("english", english, weight))
        parts.append(_weighted("simple", columns, weight))
    return " || ".join(parts)


def _is_other_language_column(model, column):
    suffixes = ["_" + code.replace("-", "_") for code, _name in settings.LANGUAGES if code != "en"]
    return any(column.endswith(suffix) for suffix in suffixes)


def _weighted(config, columns, weight):
    text = " || ' ' || ".join(f"coalesce(NEW.{c}, '')" for c in columns)
    return f"setweight(to_tsvector('{config}'::regconfig, {text}), '{weight}')"


def install_triggers(schema_editor, models):
    """Create (or replace) each model's search trigger and GIN index, then index existing rows."""
    if schema_editor.connection.vendor != "postgresql":
        return
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
