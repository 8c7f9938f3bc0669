"""Taxonomy concepts named in a search query, in any of the five languages.

A query that names a sector, technology field, SDG or cooperation type ("光伏", "солнечная
энергия", "energia solar", "सौर ऊर्जा") also finds the records tagged with it, whatever language
they are written in. A concept is named when each word of one of its names (any language's
translation, or a short form of ``taxonomy_data/search_aliases.json``) matches a word of the
query, by the word itself or a shared beginning long enough to be the same stem ("энергия" names
"энергетика"); a Chinese name is named when the query contains it. The query's other words must
still match the record's text.

The names are read from the taxonomies once per content version in each process (one query),
as the filter panels' choices are (databases/choices.py).
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db.models import CharField, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast
from django.db.models.lookups import IsNull
from django.utils.translation import get_language

from platform_site.cache import content_version

from . import registry
from .search_text import HAN, words

ALIASES_FILE = Path(__file__).parent / "taxonomy_data" / "search_aliases.json"
# Concepts a query may name at most (each is a subquery of the search).
MAX_CONCEPTS = 3
# Words that join the parts of a name and say nothing by themselves.
JOINING_WORDS = frozenset(
    [
        "and",
        "of",
        "for",
        "the",
        "to",
        "in",
        "on",
        "with",
        "e",
        "de",
        "da",
        "do",
        "das",
        "dos",
        "para",
        "a",
        "и",
        "в",
        "на",
        "для",
        "с",
        "के",
        "की",
        "का",
        "और",
        "में",
        "से",
        "को",
        "के",
        "प्रति",
    ]
)
# The shortest shared beginning that makes two words the same stem, and the share of the
# shorter word it must cover: "energia"/"energias", "солнечная"/"солнечной", "энергия"/
# "энергетика", not "water"/"waste".
STEM_PREFIX = 5
STEM_SHARE = 0.7
SHORT_STEM = 4
TAXONOMIES = {
    "sector": "Sector",
    "field": "TechnologyField",
    "sdg": "SDG",
    "coop": "CooperationType",
}
_memo = {}


@dataclass(frozen=True)
class Concept:
    kind: str
    pk: int
    code: str
    names: tuple  # ((language code, name), ...)
    # Every way of naming it: tuples of folded words (a Chinese name is one word).
    spellings: tuple

    def name(self, language=None):
        """The concept's name in the reader's language, or English."""
        names = dict(self.names)
        return names.get(language or get_language()) or names.get("en") or self.code

    @property
    def model(self):
        return _model(self.kind)


def _model(kind):
    # By name: the models import the search, which imports this module.
    return apps.get_model("databases", TAXONOMIES[kind])


def _name_columns(model):
    return [f"name_{code.replace('-', '_')}" for code, _name in settings.LANGUAGES]


@cache
def _aliases():
    with ALIASES_FILE.open(encoding="utf-8") as handle:
        return json.load(handle)


def _spellings(names, aliases):
    spellings = set()
    for text in [*names, *aliases]:
        found = [w for w in words(text) if w not in JOINING_WORDS]
        # "Y02E · Low-carbon …" is named by its code alone, or by the rest of its name.
        if found and len(found[0]) == 4 and found[0][:3] in ("y02", "y04"):
            spellings.add((found[0],))
            found = found[1:]
        if found:
            spellings.add(tuple(found))
    return tuple(sorted(spellings, key=len, reverse=True))


def _load():
    languages = [code for code, _name in settings.LANGUAGES]
    rows = None
    for kind in TAXONOMIES:
        model = _model(kind)
        code = Cast("number", CharField()) if kind == "sdg" else F("code")
        queryset = (
            model.objects.order_by()
            .annotate(kind=Value(kind, output_field=CharField()), key=code)
            .values_list("kind", "pk", "key", *_name_columns(model))
        )
        rows = queryset if rows is None else rows.union(queryset, all=True)
    concepts = []
    aliases = _aliases()
    for kind, pk, code, *names in rows:
        named = tuple((lang, name) for lang, name in zip(languages, names, strict=True) if name)
        extra = [a for texts in aliases.get(f"{kind}:{code}", {}).values() for a in texts]
        spellings = _spellings([name for _lang, name in named], extra)
        concepts.append(Concept(kind, pk, code, named, spellings))
    return concepts


def all_concepts():
    version = content_version(registry.TAXONOMIES)
    cached = _memo.get("concepts")
    if cached is None or cached[0] != version:
        cached = (version, _load())
        _memo["concepts"] = cached
    return cached[1]


def same_word(query_word, name_word):
    if query_word == name_word:
        return True
    shortest = min(len(query_word), len(name_word))
    if shortest < STEM_PREFIX:
        # A short stem with an ending: "цикл"/"цикла", "cell"/"cells".
        return shortest >= SHORT_STEM and (
            query_word.startswith(name_word) or name_word.startswith(query_word)
        )
    shared = 0
    for a, b in zip(query_word, name_word, strict=False):
        if a != b:
            break
        shared += 1
    return shared >= STEM_PREFIX and shared >= STEM_SHARE * shortest


def _covers(spelling, query_words):
    """The query's words left once ``spelling`` is found in them, or None."""
    rest = list(query_words)
    for name_word in spelling:
        if HAN.search(name_word):
            at = next((i for i, w in enumerate(rest) if name_word in w), None)
            if at is None:
                return None
            left = [part for part in rest[at].split(name_word, 1) if part]
            rest[at : at + 1] = left
            continue
        at = next((i for i, w in enumerate(rest) if same_word(w, name_word)), None)
        if at is None:
            return None
        del rest[at]
    return [w for w in rest if w not in JOINING_WORDS]


def find_concepts(query_words):
    """[(concept, the query's words it leaves)] for the concepts the query names."""
    if not query_words:
        return []
    found = []
    for concept in all_concepts():
        best = None
        for spelling in concept.spellings:
            rest = _covers(spelling, query_words)
            if rest is not None and (best is None or len(rest) < len(best)):
                best = rest
        if best is not None:
            found.append((concept, best))
    # The concepts that explain most of the query first.
    found.sort(key=lambda item: (len(item[1]), item[0].kind, item[0].pk))
    return found[:MAX_CONCEPTS]


def tagging_fields(model, taxonomy):
    """The many-to-many fields of ``model`` that tag it with ``taxonomy``: what a record is
    about, not what its enterprise is interested in."""
    return [
        f
        for f in model._meta.many_to_many
        if f.related_model is taxonomy and not f.name.startswith("interest_")
    ]


def tagged_condition(model, concept, per_row=False):
    """A condition on ``model``'s rows: tagged with ``concept`` (None if it cannot be).

    ``per_row`` for a condition in the selected columns (a mark, a bonus to the rank): there an
    ``EXISTS`` made PostgreSQL hash the ids of every record tagged so (17,600 of 100,000) for
    the few rows a page shows, three or four times slower than a lookup per row."""
    condition = None
    for field in tagging_fields(model, concept.model):
        through = field.remote_field.through
        rows = through.objects.filter(
            **{field.m2m_field_name(): OuterRef("pk"), field.m2m_reverse_field_name(): concept.pk}
        )
        tagged = Q(IsNull(Subquery(rows.values("pk")[:1]), False)) if per_row else Q(Exists(rows))
        condition = tagged if condition is None else condition | tagged
    return condition
