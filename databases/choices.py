"""Taxonomy choices of the filter panels, memoised per process and language.

Every list page offers the 250 countries and the other taxonomies as choices; building them
from the database on each request took a good share of the page's time. They change only when
staff edit the content, which bumps a version kept in the shared cache, so every web node
rebuilds its copy on the next request (the content version of platform_site/cache.py).
"""

from django.forms.models import ModelChoiceIterator
from django.utils.translation import get_language

from databases.registry import TAXONOMIES
from platform_site.cache import content_version

_memo = {}


class TaxonomyChoiceIterator(ModelChoiceIterator):
    def __iter__(self):
        field = self.field
        key = (
            field.queryset.model._meta.label,
            str(field.queryset.query),
            field.to_field_name,
            str(field.empty_label),
            get_language(),
        )
        version = content_version(TAXONOMIES)
        cached = _memo.get(key)
        if cached is None or cached[0] != version:
            cached = (version, [(str(value), str(label)) for value, label in super().__iter__()])
            _memo[key] = cached
        yield from cached[1]
