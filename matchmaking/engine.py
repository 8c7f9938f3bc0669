"""The scoring engine: a block of projects against every enterprise at once, in numpy.

``score_block`` computes the total score of ``len(rows)`` projects × all enterprises as one dense
float32 matrix, criterion by criterion (matchmaking/weights.py), adding each in place so that at
most three such matrices exist at a time. ``components`` recomputes the criteria of the pairs that
were kept, for their explanations; ``reasons`` turns those into what a person reads.
"""

import numpy as np

from matchmaking.weights import (
    CRITERIA,
    HOME_COUNTRY_SCORE,
    INVESTMENT_DECAY_PER_DECADE,
    INVESTMENT_PLAUSIBLE,
    STAGE_FIT,
    TOP_K,
)


def stage_fit_matrix(taxonomies):
    """Project stage (row, in ProjectStage order) × cooperation type (column): STAGE_FIT."""
    from databases.models.project import ProjectStage

    codes = taxonomies.cooperation_codes.tolist()
    matrix = np.zeros((len(ProjectStage.values), len(codes)), dtype=np.float32)
    for row, stage in enumerate(ProjectStage.values):
        for column, code in enumerate(codes):
            matrix[row, column] = STAGE_FIT.get(stage, {}).get(code, 0.0)
    return matrix


def _share(project_matrix, enterprise_matrix):
    """Per pair, the share of the project's entries that the enterprise also has (0–1)."""
    overlap = (project_matrix @ enterprise_matrix.T).toarray()
    counts = np.asarray(project_matrix.sum(axis=1), dtype=np.float32)
    overlap /= np.maximum(counts, 1)
    return overlap, overlap > 0


def _has(matrix):
    return np.asarray(matrix.getnnz(axis=1) > 0)


def informed(features, rows):
    """For each criterion, whether each project of ``rows`` and each enterprise give what it
    needs: (projects × criteria, enterprises × criteria) 0/1 matrices. A criterion counts for
    a pair only when both sides do: a missing amount, stage or text is no evidence either way,
    and must not pull a pair down (nor up) against the criteria that have something to say."""
    p = features.projects
    plausible = (p.amount_low[rows] >= INVESTMENT_PLAUSIBLE[0]) & (
        p.amount_low[rows] <= INVESTMENT_PLAUSIBLE[1]
    )
    project_side = {
        "sectors": _has(p.sectors[rows]),
        "technology": _has(p.fields[rows]),
        "country": p.home[rows] >= 0,
        "cooperation": _has(p.cooperation[rows]),
        "investment": plausible,
        "stage": p.stage[rows] >= 0,
        "text": _has(p.text[rows]) if p.text.shape[1] else np.zeros(len(rows), bool),
    }
    return (
        np.column_stack([project_side[name] for name in CRITERIA]).astype(np.float32),
        _informed_enterprises(features.enterprises),
    )


def _informed_enterprises(e):
    # The same for every block of a run: worked out once per enterprises' features.
    cached = getattr(e, "_informed", None)
    if cached is None:
        side = {
            "sectors": _has(e.sectors),
            "technology": _has(e.fields),
            "country": _has(e.countries) | (e.home >= 0),
            "cooperation": _has(e.cooperation),
            "investment": ~(np.isnan(e.amount_low) & np.isnan(e.amount_high)),
            "stage": _has(e.cooperation),
            "text": _has(e.text) if e.text.shape[1] else np.zeros(len(e), bool),
        }
        cached = np.column_stack([side[name] for name in CRITERIA]).astype(np.float32)
        e._informed = cached
    return cached


def investment_fit(amount, low, high):
    """1 within [low, high], decaying per order of magnitude outside; 0 when unknown.

    Works on arrays that broadcast (a column of amounts against a row of ranges), in float32
    and mostly in place, since a block of projects × enterprises is large.
    """
    amount = np.asarray(amount, dtype=np.float64)
    plausible = (amount >= INVESTMENT_PLAUSIBLE[0]) & (amount <= INVESTMENT_PLAUSIBLE[1])
    with np.errstate(invalid="ignore", divide="ignore"):
        log_amount = np.where(plausible, np.log10(amount), np.nan).astype(np.float32)
        low = np.where(np.asarray(low) > 0, low, np.nan)
        high = np.where(np.asarray(high) > 0, high, np.nan)
        log_low = np.log10(np.where(np.isnan(low), high, low)).astype(np.float32)
        log_high = np.log10(np.where(np.isnan(high), low, high)).astype(np.float32)
    distance = log_low - log_amount
    np.maximum(distance, log_amount - log_high, out=distance)
    np.maximum(distance, 0, out=distance)
    distance *= np.float32(np.log(INVESTMENT_DECAY_PER_DECADE))
    np.exp(distance, out=distance)
    return np.nan_to_num(distance, copy=False, nan=0.0)


def _country(p, e, rows):
    interest = (p.countries[rows] @ e.countries.T).toarray()
    home = p.home[rows][:, None]
    same = (home >= 0) & (home == e.home[None, :])
    return np.maximum(interest, HOME_COUNTRY_SCORE * same, dtype=np.float32)


def _stage(p, e, rows, fit):
    stages = p.stage[rows]
    wanted = np.where(stages[:, None] >= 0, fit[np.maximum(stages, 0)], 0).astype(np.float32)
    offered = e.cooperation
    counts = np.asarray(offered.sum(axis=1), dtype=np.float32).ravel()
    return (offered @ wanted.T).T / np.maximum(counts, 1)[None, :]


def score_block(features, rows, fit=None, weights=None):
    """Scores of projects ``rows`` × every enterprise, as one dense matrix: the weighted mean
    of the criteria that have something to say about each pair (``informed``). ``weights`` are
    the criteria's (the live ones by default: weights.current()).

    A pair scores 0 when the two share no domain (a sector or a technology field), and a
    project never scores with its own enterprise."""
    p, e = features.projects, features.enterprises
    fit = stage_fit_matrix(features.taxonomies) if fit is None else fit
    weights = weights or current_weights()
    total, in_domain = _share(p.sectors[rows], e.sectors)
    total *= weights["sectors"]
    share, shared = _share(p.fields[rows], e.fields)
    total += weights["technology"] * share
    in_domain |= shared
    del share, shared
    total += weights["country"] * _country(p, e, rows)
    share, _shared = _share(p.cooperation[rows], e.cooperation)
    total += weights["cooperation"] * share
    del share, _shared
    total += weights["investment"] * investment_fit(
        p.amount_low[rows][:, None], e.amount_low[None, :], e.amount_high[None, :]
    )
    total += weights["stage"] * _stage(p, e, rows, fit)
    if p.text.shape[1]:
        total += weights["text"] * (p.text[rows] @ e.text.T).toarray()
    project_informed, enterprise_informed = informed(features, rows)
    weight_vector = np.array([weights[name] for name in CRITERIA], dtype=np.float32)
    weighing = (project_informed * weight_vector) @ enterprise_informed.T
    np.divide(total, weighing, out=total, where=weighing > 0)
    total[(weighing <= 0) | ~in_domain] = 0
    del weighing, in_domain
    own = p.enterprise[rows][:, None] == e.ids[None, :]
    total[own] = 0
    return total


def best_per_project(total, k=TOP_K):
    """For each row, the columns of its k best scores above MIN_SCORE, best first."""
    k = min(k, total.shape[1])
    if not k:
        return np.zeros((total.shape[0], 0), dtype=np.int64)
    top = np.argpartition(-total, k - 1, axis=1)[:, :k]
    order = np.argsort(-np.take_along_axis(total, top, axis=1), axis=1, kind="stable")
    return np.take_along_axis(top, order, axis=1)


def best_per_enterprise(total, k=TOP_K):
    """For each column, the rows of its k best scores in this block: (rows, scores), k × E."""
    k = min(k, total.shape[0])
    top = np.argpartition(-total, k - 1, axis=0)[:k, :]
    return top, np.take_along_axis(total, top, axis=0)


def merge_best(best_rows, best_scores, rows, scores, k=TOP_K):
    """The k best of two candidate lists per column (each k' × E)."""
    all_rows = np.concatenate([best_rows, rows])
    all_scores = np.concatenate([best_scores, scores])
    k = min(k, all_rows.shape[0])
    top = np.argpartition(-all_scores, k - 1, axis=0)[:k, :]
    return np.take_along_axis(all_rows, top, axis=0), np.take_along_axis(all_scores, top, axis=0)


PAIR_BATCH = 50_000  # pairs whose components are computed together (bounds the memory)


def components(features, project_rows, enterprise_rows, fit=None):
    """Each criterion's score for the pairs (project_rows[i], enterprise_rows[i])."""
    fit = stage_fit_matrix(features.taxonomies) if fit is None else fit
    pi, ei = np.asarray(project_rows, dtype=np.int64), np.asarray(enterprise_rows, dtype=np.int64)
    parts = [
        _pair_components(
            features, pi[start : start + PAIR_BATCH], ei[start : start + PAIR_BATCH], fit
        )
        for start in range(0, len(pi), PAIR_BATCH)
    ] or [_pair_components(features, pi, ei, fit)]
    return {name: np.concatenate([part[name] for part in parts]) for name in CRITERIA}


def _pair_components(features, pi, ei, fit):
    p, e = features.projects, features.enterprises

    def rowwise(pm, em):
        return np.asarray(pm[pi].multiply(em[ei]).sum(axis=1), dtype=np.float32).ravel()

    def share(pm, em):
        counts = np.asarray(pm[pi].sum(axis=1), dtype=np.float32).ravel()
        return rowwise(pm, em) / np.maximum(counts, 1)

    same = (p.home[pi] >= 0) & (p.home[pi] == e.home[ei])
    stages = p.stage[pi]
    wanted = np.where(stages[:, None] >= 0, fit[np.maximum(stages, 0)], 0)
    offered = e.cooperation[ei]
    offered_counts = np.asarray(offered.sum(axis=1), dtype=np.float32).ravel()
    stage = np.asarray(offered.multiply(wanted).sum(axis=1), dtype=np.float32).ravel()
    values = {
        "sectors": share(p.sectors, e.sectors),
        "technology": share(p.fields, e.fields),
        "country": np.maximum(rowwise(p.countries, e.countries), HOME_COUNTRY_SCORE * same),
        "cooperation": share(p.cooperation, e.cooperation),
        "investment": investment_fit(p.amount_low[pi], e.amount_low[ei], e.amount_high[ei]),
        "stage": stage / np.maximum(offered_counts, 1),
        "text": rowwise(p.text, e.text) if p.text.shape[1] else np.zeros(len(pi), np.float32),
    }
    project_informed, enterprise_informed = informed(features, pi)
    known = (project_informed * enterprise_informed[ei]) > 0
    return {
        name: np.where(known[:, i], np.round(values[name].astype(np.float64), 3), np.nan)
        for i, name in enumerate(CRITERIA)
    }


def total(component_scores, weights=None):
    """The score of pairs from their criteria (``components``): the weighted mean of those
    that are known (not NaN, or None in a stored match)."""
    weights = weights or current_weights()
    numerator = denominator = 0
    for name in CRITERIA:
        value = np.asarray(component_scores[name], dtype=np.float64)
        known = ~np.isnan(value)
        numerator = numerator + weights[name] * np.where(known, value, 0)
        denominator = denominator + weights[name] * known
    return np.where(denominator > 0, numerator / np.maximum(denominator, 1e-12), 0)


def component_dict(scores, i):
    """Pair ``i``'s criteria as a match stores them: a number, or None when unknown."""
    return {
        name: None if np.isnan(scores[name][i]) else float(scores[name][i]) for name in CRITERIA
    }


def current_weights():
    from matchmaking import weights

    return weights.current()


# A criterion is said to speak for a pair when it brings at least this share of its score.
REASON_SHARE = 0.05
# The shared terms a text reason names at most.
REASON_TERMS = 5


class Explainer:
    """Says what raised a pair's score: a list of ``{"code": ...}`` dictionaries, the criteria
    that brought at least ``REASON_SHARE`` of it, largest contribution first, rendered in the
    reader's language by matchmaking/reasons.py. Keeps each record's taxonomy entries as Python
    sets, since it is asked about hundreds of thousands of pairs."""

    def __init__(self, features, weights=None):
        from databases.models.project import ProjectStage

        self.features = features
        self.weights = weights or current_weights()
        self.stages = ProjectStage.values
        p, e = features.projects, features.enterprises
        self.sets = {
            name: (_row_sets(getattr(p, name)), _row_sets(getattr(e, name)))
            for name in ("sectors", "fields", "cooperation")
        }

    def _shared(self, name, pi, ei, codes):
        project_sets, enterprise_sets = self.sets[name]
        return [str(codes[j]) for j in sorted(project_sets[pi] & enterprise_sets[ei])]

    def _terms(self, pi, ei):
        """The project's terms that the enterprise's profile has, weightiest first (read from
        the matrices' arrays: slicing a sparse row costs more than all of this)."""
        asked, has = self.features.projects.text, self.features.enterprises.text
        columns = asked.indices[asked.indptr[pi] : asked.indptr[pi + 1]]
        weights = asked.data[asked.indptr[pi] : asked.indptr[pi + 1]]
        shared = np.isin(columns, has.indices[has.indptr[ei] : has.indptr[ei + 1]])
        order = np.lexsort((columns[shared], -weights[shared]))[:REASON_TERMS]
        return [str(self.features.vocabulary[column]) for column in columns[shared][order]]

    def reasons(self, pi, ei, scores):
        """``scores``: the pair's criteria as a match stores them (None when unknown)."""
        p, e, t = self.features.projects, self.features.enterprises, self.features.taxonomies
        known = {name: value for name, value in scores.items() if value is not None}
        contributions = {name: self.weights[name] * value for name, value in known.items()}
        score = sum(contributions.values())
        if score <= 0:
            return []
        said = []
        for name in sorted(contributions, key=lambda n: (-contributions[n], CRITERIA.index(n))):
            if contributions[name] < REASON_SHARE * score or contributions[name] <= 0:
                continue
            if name == "sectors":
                reason = {"sectors": self._shared("sectors", pi, ei, t.sector_codes)}
            elif name == "technology":
                reason = {"fields": self._shared("fields", pi, ei, t.field_codes)}
            elif name == "country":
                reason = {
                    "country": str(t.country_codes[p.home[pi]]),
                    "interest": bool(known["country"] >= 1),
                }
            elif name == "cooperation":
                reason = {"types": self._shared("cooperation", pi, ei, t.cooperation_codes)}
            elif name == "investment":
                reason = {
                    "amount": float(p.amount_low[pi]),
                    "low": _number(e.amount_low[ei]),
                    "high": _number(e.amount_high[ei]),
                    "within": bool(known["investment"] >= 1),
                }
            elif name == "stage":
                reason = {"stage": self.stages[p.stage[pi]]}
            else:
                reason = {"terms": self._terms(pi, ei)}
            said.append({"code": name, **reason})
        return said


def _row_sets(matrix):
    indptr, indices = matrix.indptr, matrix.indices
    return [frozenset(indices[indptr[i] : indptr[i + 1]].tolist()) for i in range(matrix.shape[0])]


def _number(value):
    return None if np.isnan(value) else float(value)
