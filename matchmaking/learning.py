"""Learning the criteria's weights from what members do with their matches.

Feedback becomes labelled pairs (``gather``): an introduction requested, accepted, or followed
by a meeting or an agreement says a pair was relevant; a "not relevant" mark, a declined
introduction and an abandoned one say it was not (``SIGNALS``, with how much each counts). Only
pairs whose project and enterprise are both published, and feedback from accounts that still
exist, count; an account's latest word on a pair is its only one. No account holds more than
``ACCOUNT_SHARE`` of the total weight (``cap_accounts``), so one member who marks everything
"not relevant" cannot swing the weights.

``fit`` fits, on the older feedback, a logistic regression of the labels on the engine's own
score (``fit_weights``): the candidate weights are non-negative and sum to 1, like
``weights.WEIGHTS``. The candidate goes live only when it is at least as good as the weights in
use (the live set, or the defaults) on the newest feedback, which the fit did not see (ROC AUC),
and, when a real-data set is configured, on every task of it (recall@10 and MRR). With too
little feedback nothing is fitted. Every attempt is kept as a ``WeightSet`` with its figures and
the reason for its fate.
"""

import logging
import math
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from scipy.optimize import minimize
from scipy.special import expit
from sklearn.metrics import roc_auc_score

from databases.models import PublicationStatus
from matchmaking import engine, features, weights
from matchmaking.models import (
    Dismissal,
    FitDecision,
    Introduction,
    IntroductionStatus,
    Match,
    MatchRun,
    WeightSet,
    WeightStatus,
)
from platform_site.audit import record
from platform_site.models import AuditAction

logger = logging.getLogger(__name__)

RELEVANT, NOT_RELEVANT = 1, 0
# What each kind of feedback says of a pair, and its sample weight: what costs a member more
# (a meeting, an agreement) says more than a click.
SIGNALS = {
    "requested": (RELEVANT, 0.5),
    "accepted": (RELEVANT, 1.0),
    "meeting": (RELEVANT, 2.0),
    "agreement": (RELEVANT, 3.0),
    "dismissed": (NOT_RELEVANT, 1.0),
    "declined": (NOT_RELEVANT, 1.0),
    "abandoned": (NOT_RELEVANT, 0.5),
}
# Below these, feedback says more about a few members than about the criteria: nothing is fitted.
MIN_PAIRS = 50
MIN_ACCOUNTS = 5
MIN_PER_CLASS = 10
# The largest share of the total sample weight one account may hold (an equal share each when
# there are fewer than 1 / ACCOUNT_SHARE accounts).
ACCOUNT_SHARE = 0.10
# The share of the sample weight, the newest feedback's, held back from the fit to judge it.
HOLD_BACK_SHARE = 0.30
# L2 penalty on the coefficients: keeps them finite when a criterion separates the classes.
PENALTY = 1e-3
# Figures closer than this are equal (float noise, not a difference).
TOLERANCE = 1e-9


@dataclass
class Feedback:
    """Labelled pairs, one row per (project, enterprise, account)."""

    scores: np.ndarray  # pairs × engine.CRITERIA; NaN where a criterion is unknown
    labels: np.ndarray
    sample_weights: np.ndarray  # after the cap
    accounts: np.ndarray
    times: np.ndarray  # when the account last spoke of the pair (POSIX seconds)
    capped_accounts: int = 0

    def __len__(self):
        return len(self.labels)

    def part(self, mask):
        return Feedback(
            self.scores[mask],
            self.labels[mask],
            self.sample_weights[mask],
            self.accounts[mask],
            self.times[mask],
        )

    def counts(self):
        return {
            "pairs": len(self),
            "positives": int((self.labels == RELEVANT).sum()),
            "negatives": int((self.labels == NOT_RELEVANT).sum()),
            "accounts": len(set(self.accounts.tolist())),
        }


def _signals():
    """(project, enterprise, account, time, kind) of every piece of feedback that counts."""
    published = {
        "project__status": PublicationStatus.PUBLISHED,
        "enterprise__status": PublicationStatus.PUBLISHED,
    }
    dismissals = Dismissal.objects.filter(**published, user__isnull=False)
    for project, enterprise, account, at in dismissals.values_list(
        "project_id", "enterprise_id", "user_id", "created_at"
    ):
        yield project, enterprise, account, at, "dismissed"
    introductions = Introduction.objects.filter(**published, requested_by__isnull=False)
    for row in introductions.values_list(
        "project_id",
        "enterprise_id",
        "requested_by_id",
        "status",
        "outcome",
        "created_at",
        "answered_at",
        "outcome_at",
    ):
        project, enterprise, account, status, outcome, created, answered, outcome_at = row
        if status == IntroductionStatus.ACCEPTED and outcome:
            kind = outcome
        elif status in (IntroductionStatus.ACCEPTED, IntroductionStatus.DECLINED):
            kind = status
        else:
            kind = "requested"
        yield project, enterprise, account, outcome_at or answered or created, kind


def _criterion_scores(run, pairs):
    """Each pair's criterion scores (a list in engine.CRITERIA order): the run's own where it
    kept the pair, else computed from the run's features; pairs the run did not see are left
    out (a record published since, and never recomputed)."""
    wanted = set(pairs)
    found = {}
    kept = Match.objects.filter(run=run, project_id__in={p for p, _ in wanted})
    for project, enterprise, components in kept.values_list(
        "project_id", "enterprise_id", "components"
    ):
        if (project, enterprise) in wanted and all(c in components for c in engine.CRITERIA):
            found[(project, enterprise)] = [_number(components[c]) for c in engine.CRITERIA]
    missing = wanted - found.keys()
    if not missing:
        return found
    try:
        loaded = features.load(run.pk)
    except FileNotFoundError:
        return found
    project_row, enterprise_row = loaded.projects.row_of(), loaded.enterprises.row_of()
    scorable = [(p, e) for p, e in missing if p in project_row and e in enterprise_row]
    if scorable:
        computed = engine.components(
            loaded, [project_row[p] for p, _ in scorable], [enterprise_row[e] for _, e in scorable]
        )
        for i, pair in enumerate(scorable):
            found[pair] = [float(computed[c][i]) for c in engine.CRITERIA]
    return found


def _number(value):
    """A stored criterion score; NaN when it is unknown for the pair (None)."""
    return math.nan if value is None else float(value)


def gather(run=None, share=ACCOUNT_SHARE):
    """The labelled pairs of the feedback, scored with the current run's criteria, with each
    account's share capped; empty before the first run."""
    run = run or MatchRun.objects.current()
    latest = {}
    for project, enterprise, account, at, kind in _signals():
        key = (project, enterprise, account)
        if key not in latest or at >= latest[key][0]:
            latest[key] = (at, kind)
    scores = _criterion_scores(run, [(p, e) for p, e, _ in latest]) if run and latest else {}
    rows = [(key, *latest[key]) for key in latest if key[:2] in scores]
    feedback = Feedback(
        scores=np.array([scores[key[:2]] for key, _, _ in rows], dtype=np.float64).reshape(
            len(rows), len(engine.CRITERIA)
        ),
        labels=np.array([SIGNALS[kind][0] for _, _, kind in rows], dtype=np.int64),
        sample_weights=np.array([SIGNALS[kind][1] for _, _, kind in rows], dtype=np.float64),
        accounts=np.array([key[2] for key, _, _ in rows], dtype=np.int64),
        times=np.array([at.timestamp() for _, at, _ in rows], dtype=np.float64),
    )
    if len(feedback):
        feedback.sample_weights, feedback.capped_accounts = cap_accounts(
            feedback.accounts, feedback.sample_weights, share
        )
    return feedback


def cap_accounts(accounts, sample_weights, share=ACCOUNT_SHARE):
    """Scale down the weights of the accounts holding more than ``share`` of the total (at
    least an equal share each) until each holds exactly that share of the new total; returns
    (the weights, how many accounts were capped)."""
    ids, inverse = np.unique(accounts, return_inverse=True)
    totals = np.bincount(inverse, weights=sample_weights)
    share = max(share, 1 / len(ids))
    capped = np.zeros(len(ids), dtype=bool)
    level = math.inf
    while True:
        # The capped accounts hold ``level`` each, = share × (the others' total + theirs).
        level = share * totals[~capped].sum() / (1 - share * capped.sum())
        over = ~capped & (totals > level * (1 + TOLERANCE))
        if not over.any():
            break
        capped |= over
    scale = np.where(capped, level / totals, 1.0)
    return sample_weights * scale[inverse], int(capped.sum())


def split(feedback, share=HOLD_BACK_SHARE):
    """(the older part, to fit on; the newest pairs holding ``share`` of the sample weight,
    held back to judge the fit). By weight, not by count: one account's recent flood, capped,
    cannot fill the held-back part by itself."""
    newest_first = np.argsort(-feedback.times, kind="stable")
    cumulative = np.cumsum(feedback.sample_weights[newest_first])
    count = np.searchsorted(cumulative, share * cumulative[-1]) + 1 if len(cumulative) else 0
    held_back = np.zeros(len(feedback), dtype=bool)
    held_back[newest_first[:count]] = True
    return feedback.part(~held_back), feedback.part(held_back)


def engine_scores(criterion_weights, feedback):
    """The engine's score of each labelled pair under ``criterion_weights``."""
    columns = {name: feedback.scores[:, i] for i, name in enumerate(engine.CRITERIA)}
    return np.asarray(engine.total(columns, criterion_weights), dtype=np.float64)


def fit_weights(feedback, start, penalty=PENALTY):
    """The weights under which the engine's score best predicts the feedback: a logistic
    regression of the labels on the score, P(relevant) = σ(a + b·score), over a, b ≥ 0 and
    weights ≥ 0, with the sample weights (L-BFGS-B from the weights ``start``). The score is
    the weighted mean of the criteria known for a pair (engine.total); where all are known,
    this is a logistic regression on the criteria with the non-negative coefficients b·weights.
    Returns weights summing to 1, or None when the score says nothing of the labels (b = 0)."""
    known = ~np.isnan(feedback.scores)
    x, m = np.where(known, feedback.scores, 0.0), known.astype(np.float64)
    y = feedback.labels.astype(np.float64)
    v = feedback.sample_weights / feedback.sample_weights.sum()
    k = len(engine.CRITERIA)

    def loss_and_gradient(params):
        w, a, b = params[:k], params[k], params[k + 1]
        weighing = m @ w
        counted = weighing > 0
        weighing = np.where(counted, weighing, 1.0)
        score = np.where(counted, (x @ w) / weighing, 0.0)
        z = a + b * score
        scale = w.sum() - 1  # the score ignores the weights' scale: pin it at 1
        loss = v @ (np.logaddexp(0, z) - y * z) + 0.5 * penalty * b * b + 0.5 * scale * scale
        residual = v * (expit(z) - y)
        through_score = np.where(counted, residual * b / weighing, 0.0)
        gradient_w = through_score @ x - (through_score * score) @ m + scale
        return loss, np.append(gradient_w, [residual.sum(), residual @ score + penalty * b])

    result = minimize(
        loss_and_gradient,
        np.append([start[name] for name in engine.CRITERIA], [0.0, 1.0]),
        jac=True,
        method="L-BFGS-B",
        bounds=[(0, None)] * k + [(None, None), (0, None)],
    )
    fitted, slope = np.maximum(result.x[:k], 0), result.x[k + 1]
    if slope < 1e-4 or fitted.sum() < 1e-9:
        return None
    fitted /= fitted.sum()
    return {name: round(float(w), 4) for name, w in zip(engine.CRITERIA, fitted, strict=True)}


def auc(criterion_weights, feedback):
    """ROC AUC of the engine's scores on labelled pairs (both classes needed)."""
    return float(
        roc_auc_score(
            feedback.labels,
            engine_scores(criterion_weights, feedback),
            sample_weight=feedback.sample_weights,
        )
    )


def real_data_figures(weight_sets, dataset):
    """{name: {task: {"recall@1", "recall@10", "mrr"}}}: the engine's figures with each of
    ``weight_sets`` ({name: weights}) on the real-data set's first-listed partners
    (matchmaking/realdata.py), in one scratch database; the configured one is not touched."""
    from matchmaking import realdata

    tasks = realdata.load_dataset(dataset)
    figures = {}
    with realdata.scratch_database():
        for name, criterion_weights in weight_sets.items():
            results = realdata.evaluate(tasks, weights=criterion_weights)
            figures[name] = {
                f"task{r.task}": r.figures[realdata.file_name(r.task, "truth")]["engine"]
                for r in results
            }
    return figures


def not_worse_on_real_data(candidate, compared):
    """Every task's recall@10 and MRR at least the compared weights'."""
    return all(
        candidate[task][figure] >= compared[task][figure] - TOLERANCE
        for task in compared
        for figure in ("recall@10", "mrr")
    )


def _has_both_classes(feedback):
    counts = feedback.counts()
    return counts["positives"] > 0 and counts["negatives"] > 0


def fit(trigger, user=None, dry_run=False, dataset=None):
    """Fit candidate weights from the feedback, judge them against the weights in use and
    make them live when they are at least as good; returns the WeightSet (not saved when
    ``dry_run``). ``dataset`` is the real-data set's folder (MATCHMAKING_EVALUATION_DATASET
    by default; empty: judged on held-back feedback alone)."""
    dataset = settings.MATCHMAKING_EVALUATION_DATASET if dataset is None else dataset
    live = WeightSet.objects.live()
    in_use = weights.usable(live) if live else None
    weight_set = WeightSet(
        trigger=trigger,
        fitted_by=user,
        compared_with=live if in_use else None,
        compared_weights=in_use or dict(weights.WEIGHTS),
    )
    feedback = gather()
    counts = feedback.counts()
    for name, value in counts.items():
        setattr(weight_set, name, value)
    weight_set.capped_accounts = feedback.capped_accounts
    fitted_on, held_back = split(feedback)
    enough = (
        counts["pairs"] >= MIN_PAIRS
        and counts["accounts"] >= MIN_ACCOUNTS
        and min(counts["positives"], counts["negatives"]) >= MIN_PER_CLASS
        and _has_both_classes(fitted_on)
        and _has_both_classes(held_back)
    )
    candidate = fit_weights(fitted_on, weight_set.compared_weights) if enough else None
    if candidate is None:
        weight_set.status = WeightStatus.NOT_FITTED
        weight_set.decision = FitDecision.TOO_LITTLE if not enough else FitDecision.NO_SIGNAL
        return weight_set if dry_run else _save(weight_set)
    weight_set.weights = candidate
    weight_set.figures["held_back"] = {
        **held_back.counts(),
        "candidate": {"auc": auc(candidate, held_back)},
        "compared": {"auc": auc(weight_set.compared_weights, held_back)},
    }
    held = weight_set.figures["held_back"]
    weight_set.status = WeightStatus.CANDIDATE
    if held["candidate"]["auc"] < held["compared"]["auc"] - TOLERANCE:
        weight_set.decision = FitDecision.WORSE_HELD_BACK
        return weight_set if dry_run else _save(weight_set)
    if dataset:
        real = {
            "dataset": str(dataset),
            **real_data_figures(
                {"candidate": candidate, "compared": weight_set.compared_weights}, dataset
            ),
        }
        weight_set.figures["real_data"] = real
        if not not_worse_on_real_data(real["candidate"], real["compared"]):
            weight_set.decision = FitDecision.WORSE_REAL_DATA
            return weight_set if dry_run else _save(weight_set)
    weight_set.decision = FitDecision.MADE_LIVE
    if dry_run:
        return weight_set
    return _make_live(weight_set, live)


def _save(weight_set):
    weight_set.save()
    return weight_set


class _Superseded(Exception):
    pass


def _make_live(weight_set, replacing):
    """Save ``weight_set`` live in place of ``replacing`` (None: the defaults) if that is
    still what the engine uses; else (another fit or a retirement came first) as a candidate."""
    now = timezone.now()
    try:
        with transaction.atomic():
            if replacing is not None:
                retired = WeightSet.objects.filter(
                    pk=replacing.pk, status=WeightStatus.LIVE
                ).update(status=WeightStatus.RETIRED, retired_at=now)
                if retired != 1:
                    raise _Superseded
            weight_set.status, weight_set.live_since = WeightStatus.LIVE, now
            # The one-live-set index refuses a second live set made meanwhile.
            weight_set.save()
    except (_Superseded, IntegrityError):
        weight_set.pk, weight_set.live_since = None, None
        weight_set.status, weight_set.decision = WeightStatus.CANDIDATE, FitDecision.SUPERSEDED
        return _save(weight_set)
    _record(weight_set, weight_set.fitted_by, "live")
    transaction.on_commit(weights.changed, robust=True)
    return weight_set


def retire(weight_set, user):
    """Take a live set out of use: the engine goes back to the defaults at its next run.
    Returns False when the set was no longer live (retired by someone else meanwhile)."""
    with transaction.atomic():
        retired = WeightSet.objects.filter(pk=weight_set.pk, status=WeightStatus.LIVE).update(
            status=WeightStatus.RETIRED, retired_at=timezone.now(), retired_by=user
        )
        if retired:
            weight_set.refresh_from_db()
            _record(weight_set, user, "retired")
            transaction.on_commit(weights.changed, robust=True)
    return bool(retired)


def _record(weight_set, user, change):
    record(AuditAction.WEIGHTS, user, weight_set, change=change, weights=weight_set.weights)
