"""Taxonomy choices of the filter panels, memoised per process and language.

Every list page offers the 250 countries and the other taxonomies as choices; building them
from the database on each request took a good share of the page's time. They change only when
staff edit a taxonomy, which bumps a version kept in the shared cache, so every web node
rebuilds its copy on the next request.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.forms.models import ModelChoiceIterator
from django.utils.translation import get_language

VERSION_KEY = "databases:taxonomy-version"
_memo = {}


def taxonomy_version():
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def taxonomy_changed(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


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
        version = taxonomy_version()
        cached = _memo.get(key)
        if cached is None or cached[0] != version:
            cached = (version, [(str(value), str(label)) for value, label in super().__iter__()])
            _memo[key] = cached
        yield from cached[1]


def connect_signals(models):
    for model in models:
        post_save.connect(taxonomy_changed, sender=model, dispatch_uid=f"taxonomy-{model}")
        post_delete.connect(taxonomy_changed, sender=model, dispatch_uid=f"taxonomy-del-{model}")
