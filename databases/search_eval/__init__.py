"""Search quality on the demo data: precision@10 and nDCG@10 of the search as shipped next to
the plain word match the portal had before (``Baseline``), over the judged queries of
``queries.json`` (see README.md beside this file for how they were written and judged).

Both engines search the published records of the five databases; their matches are merged by
rank into one list, as a reader who searches everything would want them, and the first ten are
scored. A record is relevant to a query by a rule on stable keys, resolved against the
records being searched: ``{"sector": code}`` (tagged with the sector) or ``{"title_en":
pattern}`` (its English title matches the regular expression, case-insensitively).
"""

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Coalesce

from databases import search
from databases.registry import DATABASES
from databases.search_text import HAN, HAN_RUN, clean_query

QUERIES_FILE = Path(__file__).parent / "queries.json"
CUTOFF = 10


def load_queries(path=QUERIES_FILE):
    with Path(path).open(encoding="utf-8") as handle:
        return json.load(handle)


def relevant_keys(judgement):
    """The (database key, slug) of every published record the judgement names relevant."""
    keys = set()
    for database in DATABASES:
        records = database.model.objects.published()
        if "sector" in judgement:
            records = records.filter(sectors__code=judgement["sector"])
        else:
            pattern = re.compile(judgement["title_en"], re.IGNORECASE)
            records = [
                r for r in records.only("slug", "title_en") if pattern.search(r.title_en or "")
            ]
            keys.update((database.key, r.slug) for r in records)
            continue
        keys.update((database.key, slug) for slug in records.values_list("slug", flat=True))
    return keys


class Shipped:
    """The search as the site runs it (RecordQuerySet.search)."""

    name = "shipped"

    def ranked(self, database, query):
        return database.model.objects.published().search(query)


class WordsOnly:
    """The search as shipped without the taxonomy concepts: its words alone."""

    name = "words only"

    def ranked(self, database, query):
        return search.filter_queryset(database.model.objects.published(), query, concepts=False)


class Baseline:
    """The plain word match of before: English stemmed and every language unstemmed in one
    vector, Han pairs for Chinese, built here on the fly so that it needs no index of its own."""

    name = "baseline"

    def ranked(self, database, query):
        model = database.model
        vector = self._vector(model)
        tsquery = self._query(clean_query(query))
        return (
            model.objects.published()
            .annotate(baseline_vector=vector)
            .filter(baseline_vector=tsquery)
            .annotate(rank=SearchRank(F("baseline_vector"), tsquery))
        )

    def _vector(self, model):
        vector = None
        for weight, field_names in sorted(model.search_fields.items()):
            columns = [c for n in field_names for c in search.language_columns(model, n)]
            english = [c for c in columns if not re.search(r"_(zh_hans|ru|pt_br|hi)$", c)]
            parts = [
                SearchVector(*english, config="english", weight=weight),
                SearchVector(*columns, config="simple", weight=weight),
            ]
            chinese = [c for c in columns if c.endswith("_zh_hans")]
            if chinese:
                text = Coalesce(chinese[0], Value(""), output_field=TextField())
                pairs = Func(text, function="gisp_han_bigrams", output_field=TextField())
                parts.append(SearchVector(pairs, config="simple", weight=weight))
            for part in parts:
                vector = part if vector is None else vector + part
        return vector

    def _query(self, query):
        combined = None
        for token in query.split() if HAN.search(query) else [query]:
            for run in HAN_RUN.split(token):
                if not run:
                    continue
                if HAN.match(run):
                    pairs = [run[i : i + 2] for i in range(max(len(run) - 1, 1))]
                    raw = " <-> ".join(f"'{pair}'" for pair in pairs)
                    part = SearchQuery(raw, config="simple", search_type="raw")
                else:
                    part = SearchQuery(run, config="english", search_type="websearch") | (
                        SearchQuery(run, config="simple", search_type="websearch")
                    )
                combined = part if combined is None else combined & part
        return combined


@dataclass
class Scores:
    precision: float
    ndcg: float
    best_precision: float


def top(engine, query):
    """The first CUTOFF (database key, slug) of ``engine``'s matches over every database."""
    found = []
    for database in DATABASES:
        rows = engine.ranked(database, query).order_by("-rank", "-published_at", "-id")
        found.extend(
            (rank, database.key, slug) for slug, rank in rows.values_list("slug", "rank")[:CUTOFF]
        )
    found.sort(key=lambda row: -row[0])
    return [(key, slug) for _rank, key, slug in found[:CUTOFF]]


def score(ranked, relevant):
    """Precision@10 and nDCG@10 (binary gains) of one ranked list."""
    hits = [1 if item in relevant else 0 for item in ranked[:CUTOFF]]
    precision = sum(hits) / CUTOFF
    dcg = sum(hit / math.log2(i + 2) for i, hit in enumerate(hits))
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), CUTOFF)))
    best = min(len(relevant), CUTOFF) / CUTOFF
    return Scores(precision, dcg / ideal if ideal else 0.0, best)


def evaluate(queries, engines):
    """{engine name: [(query, Scores)]}; queries without any relevant record are skipped."""
    results = {engine.name: [] for engine in engines}
    for query in queries:
        relevant = relevant_keys(query["relevant"])
        if not relevant:
            continue
        for engine in engines:
            results[engine.name].append((query, score(top(engine, query["query"]), relevant)))
    return results
