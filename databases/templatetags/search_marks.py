"""What a search result shows of its match: the matched words highlighted, the concepts of the
query it is tagged with (databases/search.py)."""

from django import template

from databases import search
from databases.search_text import HAN_RUN

register = template.Library()


@register.simple_tag
def highlighted(record, field_name, query="", limit=None):
    """The record's ``field_name`` (title or summary, as the reader's language shows it) with
    the query's words in <mark>, HTML-escaped otherwise."""
    text = getattr(record, f"headline_{field_name}", None)
    if text is None:
        text = getattr(record, field_name, "") or ""
    return search.highlight(text, HAN_RUN.findall(query or ""), limit=limit)


@register.simple_tag
def tagged_concepts(record):
    """The names of the query's concepts the record is tagged with."""
    return [
        name
        for index in range(search.search_concepts.MAX_CONCEPTS)
        if (name := getattr(record, f"tagged_{index}", None))
    ]
