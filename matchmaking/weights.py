"""How a project–enterprise pair is scored: every weight and table in one place.

The score is the weighted mean of seven criteria, each between 0 and 1, so it is between 0 and
1. A criterion counts for a pair only when both sides give what it needs (an amount, a stage, a
text...): a missing value is no evidence either way (engine.informed).

- ``sectors``: the share of the project's sectors that the enterprise works in or looks for;
- ``technology``: the share of the project's technology fields (those of the technologies it
  uses) in which the enterprise provides technologies;
- ``country``: 1 when the enterprise lists the project's country among its countries of
  interest, 0.5 when it is based there, else 0;
- ``cooperation``: the share of the cooperation the project seeks that the enterprise offers;
- ``investment``: 1 when the project's investment sought (in USD) lies in the enterprise's
  investment range, falling off with the distance (in orders of magnitude) outside it;
- ``stage``: how well what the enterprise offers suits the project's stage (``STAGE_FIT``),
  averaged over what it offers;
- ``text``: how much of what the project's text says the enterprise's profile covers: the
  share of the project's terms, each weighing its rarity among the enterprises, that the
  profile has (features.py). Terms are words, identifiers such as ACM0002 (and their family),
  and pairs of Han characters; the project's text is its English (or else original) title,
  summary and description, the enterprise's its summary, description, capabilities and the
  titles and summaries of its own published projects and technologies, but not its name.

The defaults favour the text: on the real registry data of docs/matchmaking.md it is the
criterion that tells partners apart; the structured criteria add to it where they differ.

A pair is kept only when the two share a domain (a sector or a technology field) and scores at
least ``MIN_SCORE``; each project keeps its ``TOP_K`` best enterprises and each enterprise its
``TOP_K`` best projects. See docs/matchmaking.md for how well this works.

``WEIGHTS`` are the defaults: ``current()`` gives the weights the engine uses, those of the live
set learned from members' feedback (matchmaking/learning.py) when there is one.
"""

import logging
import math
import uuid

from django.core.cache import cache

logger = logging.getLogger(__name__)


WEIGHTS = {
    "sectors": 0.10,
    "technology": 0.10,
    "country": 0.15,
    "cooperation": 0.10,
    "investment": 0.05,
    "stage": 0.05,
    "text": 0.45,
}
assert abs(sum(WEIGHTS.values()) - 1) < 1e-9
CRITERIA = tuple(WEIGHTS)

TOP_K = 10
MIN_SCORE = 0.2
# How a kept pair's score reads to members: a "strong" match from STRONG_SCORE, a "good" one from
# GOOD_SCORE, a "possible" one down to MIN_SCORE (matchmaking.recommendations.strength). Chosen on
# the demo run (seed_demo --per-database 30, then run_matchmaking): of its 104 pairs kept, scored
# 0.20 to 0.49 (median 0.29, 90th centile 0.43), 16 (one in seven) are strong, 27 good, 61
# possible.
GOOD_SCORE = 0.30
STRONG_SCORE = 0.40
# How fast the investment criterion falls off outside the enterprise's range: per order of
# magnitude (a factor of 10) away from the nearest end, the score is multiplied by this.
INVESTMENT_DECAY_PER_DECADE = 0.3
# Amounts outside this range (USD) are typing errors, not projects: ignored.
INVESTMENT_PLAUSIBLE = (1_000, 1e12)
# When the enterprise is based in the project's country but does not list it as an interest.
HOME_COUNTRY_SCORE = 0.5

# How well each kind of cooperation suits each project stage (0–1).
STAGE_FIT = {
    "concept": {
        "technology-transfer": 1.0, "licensing": 0.8, "consulting": 1.0, "joint-venture": 0.6,
        "training": 0.6, "investment": 0.4, "financing": 0.2, "epc-contracting": 0.1,
        "equipment-supply": 0.2,
    },
    "feasibility": {
        "technology-transfer": 0.9, "licensing": 0.8, "consulting": 1.0, "joint-venture": 0.8,
        "training": 0.5, "investment": 0.7, "financing": 0.5, "epc-contracting": 0.4,
        "equipment-supply": 0.4,
    },
    "financing": {
        "investment": 1.0, "financing": 1.0, "joint-venture": 0.9, "epc-contracting": 0.7,
        "equipment-supply": 0.6, "technology-transfer": 0.5, "licensing": 0.5,
        "consulting": 0.5, "training": 0.3,
    },
    "construction": {
        "epc-contracting": 1.0, "equipment-supply": 1.0, "financing": 0.7, "investment": 0.6,
        "technology-transfer": 0.6, "licensing": 0.5, "consulting": 0.6, "training": 0.5,
        "joint-venture": 0.5,
    },
    "operation": {
        "consulting": 1.0, "training": 1.0, "equipment-supply": 0.7, "technology-transfer": 0.5,
        "investment": 0.5, "financing": 0.4, "licensing": 0.4, "joint-venture": 0.4,
        "epc-contracting": 0.3,
    },
}  # fmt: skip

# The weights in use ------------------------------------------------------------------------

# A token in the shared cache, renewed whenever a weight set goes live or is retired: each
# process reads the live set once per token, so the blocks of a run ask the cache, not the
# database, and a new live set takes effect at the next run or recompute.
VERSION_KEY = "matchmaking:weights-version"
_read = {}  # version -> weights, in this process


def current():
    """The weights of the live set (matchmaking.models.WeightSet), or ``WEIGHTS`` when none is
    live or the live one lacks a criterion of the engine (logged: it was fitted for other
    criteria)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    if version not in _read:
        _read.clear()
        _read[version] = _live_or_defaults()
    return dict(_read[version])


def changed():
    """Make every process read the live set again (call it once the change is committed)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def usable(weight_set):
    """The weights of ``weight_set`` (a matchmaking.models.WeightSet) for every criterion,
    summing to 1; None when a criterion is missing or a weight is not a non-negative number (a
    set fitted before the criteria changed)."""
    stored = weight_set.weights if isinstance(weight_set.weights, dict) else {}
    values = [stored.get(name) for name in CRITERIA]
    if not all(isinstance(value, int | float) and not isinstance(value, bool) for value in values):
        return None
    if not all(math.isfinite(value) and value >= 0 for value in values) or not sum(values):
        return None
    total = sum(values)
    return {name: value / total for name, value in zip(CRITERIA, values, strict=True)}


def _live_or_defaults():
    from matchmaking.models import WeightSet

    live = WeightSet.objects.live()
    if live is None:
        return dict(WEIGHTS)
    usable_weights = usable(live)
    if usable_weights is None:
        logger.error(
            "Matchmaking weight set %s does not have a valid weight for every criterion "
            "(%s); the engine uses the default weights.",
            live.pk,
            ", ".join(sorted(live.weights)) if isinstance(live.weights, dict) else live.weights,
        )
        return dict(WEIGHTS)
    return usable_weights
