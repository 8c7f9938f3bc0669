"""Matchmaking runs: start, score in chunks, finalise, fail; and one record's recompute.

A run loads every published project and enterprise once (``prepare``) and saves their features
in the media storage. The projects are then scored in chunks, each by its own Celery task, which
may run on any worker: a chunk saves its best candidates to the storage and marks itself done
once; the task that completes the last chunk finalises the run. Finalising writes the run's
matches in one transaction and marks the run succeeded; only then does it become the current run,
whose matches the site shows. A run that fails is marked failed and leaves the last good run's
matches in place.

Nothing is lost with a worker or a message (docs/reliability.md): a chunk is claimed by its task
before it is scored, and the run's own steps (preparing, finalising) hold the run's row lock
while they work. Every minute the watchdog (``watch``) sends again what was lost: a chunk whose
claim expired, or that no task took; a step that no worker holds. It fails a run that made no
progress for MATCHMAKING_RUN_TIMEOUT.

The Celery tasks (matchmaking/tasks.py) run these steps and send the next ones: each step
returns what is to be sent (the chunks, the finalisation, what the watchdog found lost, the
follow-up of a success); nothing here publishes a task.
"""

import io
import json
import logging
import math
from dataclasses import dataclass, field
from datetime import timedelta

import numpy as np
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, connections, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from databases.models import Enterprise, Project
from databases.registry import MEMBERS
from matchmaking import engine, features
from matchmaking.models import Match, MatchChunk, MatchRun, RunStatus
from matchmaking.weights import MIN_SCORE, TOP_K
from matchmaking.weights import current as current_weights
from platform_site.cache import changed_after_commit

logger = logging.getLogger(__name__)

INSERT_BATCH = 5000
# Projects scored together within a chunk (each block is a dense matrix against every enterprise).
BLOCK = 50
# Seconds between a step's soft time limit (it gives up and fails the run) and its hard one
# (Celery kills its process): see the MATCHMAKING_*_TIME_LIMIT settings.
KILL_AFTER = 30
# A chunk's claim expires this long after its task's hard time limit, by when the task is dead
# (workers' clocks may differ a little, and a killed process takes a moment to go).
CLAIM_MARGIN = 30
# A preparation or finalisation sent this long ago that no worker holds was lost (its worker
# died, or its message): the watchdog sends it again. Sending it twice is harmless.
RESEND_AFTER = timedelta(minutes=2)
# Starts of one chunk (deliveries after its worker died and retries after a lost database
# connection) after which it fails the run rather than kill workers until the run times out.
MAX_CHUNK_ATTEMPTS = 6


class RunInProgress(Exception):
    """Another run has not finished: only one runs at a time."""


def chunk_size():
    return settings.MATCHMAKING_CHUNK_SIZE


def time_limits(seconds):
    """Celery's time limits for a step that may take ``seconds``."""
    return {"soft_time_limit": seconds, "time_limit": seconds + KILL_AFTER}


def chunk_claim_expiry():
    return timedelta(seconds=settings.MATCHMAKING_CHUNK_TIME_LIMIT + KILL_AFTER + CLAIM_MARGIN)


def _chunk_path(run_id, number):
    return f"matchmaking/runs/{run_id}/chunk-{number}.npz"


def abandon_stalled_runs(now=None):
    """Mark failed the runs that made no progress for MATCHMAKING_RUN_TIMEOUT (their steps keep
    dying or failing): their partial results are never shown. Progress is the start of the run,
    its preparation, or its latest chunk done. A run whose step is at work right now (it holds
    the run's row) is left to that step, which its time limit ends."""
    limit = (now or timezone.now()) - timedelta(seconds=settings.MATCHMAKING_RUN_TIMEOUT)
    recent_chunk = MatchChunk.objects.filter(run=OuterRef("pk"), done_at__gte=limit)
    with transaction.atomic():
        stalled = (
            MatchRun.objects.select_for_update(skip_locked=True)
            .filter(status=RunStatus.RUNNING, started_at__lt=limit)
            .exclude(prepared_at__gte=limit)
            .exclude(Exists(recent_chunk))
        )
        for run_id in stalled.values_list("pk", flat=True):
            fail(run_id, "Abandoned: no progress within MATCHMAKING_RUN_TIMEOUT.")


def start(trigger, user=None):
    """A new run, or RunInProgress when one is running."""
    abandon_stalled_runs()
    try:
        with transaction.atomic():
            return MatchRun.objects.create(trigger=trigger, requested_by=user)
    except IntegrityError as error:
        raise RunInProgress from error


def prepare(run_id):
    """Load and save the run's features, pin the weights it scores with (a set that goes live
    meanwhile waits for the next run) and create its chunks; returns the chunk numbers (the
    caller sends them), or None when the run is prepared already or has ended. It holds the
    run's row throughout, so that a second task waits and then does nothing."""
    with transaction.atomic():
        run = (
            MatchRun.objects.select_for_update()
            .filter(pk=run_id, status=RunStatus.RUNNING, prepared_at=None)
            .first()
        )
        if run is None:
            return None
        loaded = features.Features.load()
        features.save(loaded, run_id)
        projects, enterprises = len(loaded.projects), len(loaded.enterprises)
        count = math.ceil(projects / chunk_size()) if enterprises else 0
        now = timezone.now()
        MatchChunk.objects.bulk_create(
            [MatchChunk(run_id=run_id, number=number, queued_at=now) for number in range(count)]
        )
        MatchRun.objects.filter(pk=run_id).update(
            weights=current_weights(),
            prepared_at=now,
            queued_at=now,
            chunk_count=count,
            projects_scored=projects,
            enterprises_scored=enterprises,
            pairs_scored=projects * enterprises,
        )
    return list(range(count))


def _claim_chunk(run_id, number, token):
    """Claim the chunk for the task ``token``: when nobody holds it, its claim expired, or the
    claim is the same task's (delivered again after its worker died, or retried). The
    conditions are on the row itself, so that of two tasks at once only one updates it."""
    now = timezone.now()
    free = Q(claimed_at=None) | Q(claimed_at__lt=now - chunk_claim_expiry())
    if token:
        free |= Q(claimed_by=token)
    return MatchChunk.objects.filter(free, run_id=run_id, number=number, done_at=None).update(
        claimed_at=now, claimed_by=token, attempts=F("attempts") + 1
    )


def score_chunk(run_id, number, token=""):
    """Score chunk ``number`` of the run for the task ``token`` (its id) and save its best
    candidates; returns True when it was the run's last chunk to be done (the caller then
    finalises the run). Does nothing when the chunk is done, another task holds it or the run
    has ended."""
    if not MatchRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).exists():
        return False
    if not _claim_chunk(run_id, number, token):
        return False
    attempts = MatchChunk.objects.values_list("attempts", flat=True).get(
        run_id=run_id, number=number
    )
    if attempts > MAX_CHUNK_ATTEMPTS:
        fail(
            run_id,
            f"Chunk {number} was started {MAX_CHUNK_ATTEMPTS} times without finishing "
            "(its worker may have run out of memory).",
        )
        return False
    loaded = features.load(run_id)
    weights = MatchRun.objects.values_list("weights", flat=True).get(pk=run_id)
    size = chunk_size()
    rows = np.arange(number * size, min((number + 1) * size, len(loaded.projects)))
    project_best, project_scores = [], []
    enterprise_rows = np.zeros((0, len(loaded.enterprises)), dtype=np.int64)
    enterprise_scores = np.zeros((0, len(loaded.enterprises)), dtype=np.float32)
    # A few projects at a time: a block of every enterprise is a dense matrix, and four or so
    # exist at once while it is scored; small blocks keep a worker's memory low.
    for start in range(0, len(rows), BLOCK):
        block = np.arange(start, min(start + BLOCK, len(rows)))
        total = engine.score_block(loaded, rows[block], weights=weights)
        best = engine.best_per_project(total)
        project_best.append(best)
        project_scores.append(np.take_along_axis(total, best, axis=1))
        top_rows, top_scores = engine.best_per_enterprise(total)
        del total
        enterprise_rows, enterprise_scores = engine.merge_best(
            enterprise_rows, enterprise_scores, block[top_rows], top_scores
        )
    project_best = np.concatenate(project_best) if project_best else np.zeros((0, 0), np.int64)
    project_scores = np.concatenate(project_scores) if project_scores else np.zeros((0, 0))
    buffer = io.BytesIO()
    np.savez(
        buffer,
        rows=rows,
        project_best=project_best,
        project_scores=project_scores,
        enterprise_rows=rows[enterprise_rows],
        enterprise_scores=enterprise_scores,
    )
    path = _chunk_path(run_id, number)
    if default_storage.exists(path):
        default_storage.delete(path)
    default_storage.save(path, ContentFile(buffer.getvalue()))
    with transaction.atomic():
        marked = MatchChunk.objects.filter(run_id=run_id, number=number, done_at=None).update(
            done_at=timezone.now()
        )
        if marked != 1:
            return False
        MatchRun.objects.filter(pk=run_id).update(chunks_done=F("chunks_done") + 1)
        run = MatchRun.objects.get(pk=run_id)
        last = run.chunks_done == run.chunk_count
        if last:  # the caller sends the finalisation now
            MatchRun.objects.filter(pk=run_id).update(queued_at=timezone.now())
    return last


def _read_chunk(run_id, number):
    with default_storage.open(_chunk_path(run_id, number), "rb") as stored:
        return dict(np.load(io.BytesIO(stored.read()), allow_pickle=False))


def _best_pairs(run_id, count, n_enterprises):
    """Every kept pair with its ranks: {(project row, enterprise row): [p_rank, e_rank]}."""
    pairs = {}
    best_rows = np.zeros((0, n_enterprises), dtype=np.int64)
    best_scores = np.zeros((0, n_enterprises), dtype=np.float32)
    for number in range(count):
        chunk = _read_chunk(run_id, number)
        for row, columns, scores in zip(
            chunk["rows"], chunk["project_best"], chunk["project_scores"], strict=True
        ):
            kept = columns[scores >= MIN_SCORE]
            for rank, column in enumerate(kept.tolist(), start=1):
                pairs[(int(row), column)] = [rank, None]
        best_rows, best_scores = engine.merge_best(
            best_rows, best_scores, chunk["enterprise_rows"], chunk["enterprise_scores"]
        )
    order = np.argsort(-best_scores, axis=0, kind="stable")
    best_rows = np.take_along_axis(best_rows, order, axis=0)
    best_scores = np.take_along_axis(best_scores, order, axis=0)
    for column in range(n_enterprises):
        kept = best_rows[best_scores[:, column] >= MIN_SCORE, column]
        for rank, row in enumerate(kept.tolist(), start=1):
            pairs.setdefault((row, column), [None, None])[1] = rank
    return pairs


MATCH_COLUMNS = [
    "run_id",
    "project_id",
    "enterprise_id",
    "score",
    "components",
    "reasons",
    "project_rank",
    "enterprise_rank",
]


def _match_batches(loaded, run_id, pairs, weights, size=INSERT_BATCH):
    """Rows (MATCH_COLUMNS) for ``pairs`` ({(project row, enterprise row): ranks}), explained,
    in batches: a run keeps about a million pairs, too many to hold at once."""
    keys = list(pairs)
    explainer = engine.Explainer(loaded, weights)
    project_ids, enterprise_ids = loaded.projects.ids, loaded.enterprises.ids
    for start in range(0, len(keys), size):
        batch = keys[start : start + size]
        pi = np.fromiter((k[0] for k in batch), dtype=np.int64, count=len(batch))
        ei = np.fromiter((k[1] for k in batch), dtype=np.int64, count=len(batch))
        scores = engine.components(loaded, pi, ei)
        totals = engine.total(scores, weights)
        rows = []
        for i, (p, e) in enumerate(batch):
            component = engine.component_dict(scores, i)
            project_rank, enterprise_rank = pairs[(p, e)]
            rows.append(
                (
                    run_id,
                    int(project_ids[p]),
                    int(enterprise_ids[e]),
                    round(float(totals[i]), 4),
                    component,
                    explainer.reasons(p, e, component),
                    project_rank,
                    enterprise_rank,
                )
            )
        yield rows


def _insert(rows):
    """Insert match rows: with COPY on PostgreSQL (a run writes about a million), else the ORM."""
    connection = connections[Match.objects.db]
    if connection.vendor != "postgresql":
        Match.objects.bulk_create(
            [Match(**dict(zip(MATCH_COLUMNS, row, strict=True))) for row in rows]
        )
        return
    name = connection.ops.quote_name
    sql = (
        f"COPY {name(Match._meta.db_table)} ({', '.join(name(c) for c in MATCH_COLUMNS)}) "
        "FROM STDIN"
    )
    with connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row((*row[:4], json.dumps(row[4]), json.dumps(row[5]), *row[6:]))


def finalize(run_id):
    """Write the run's matches and make it the current run, once; returns True when this call
    did (the caller then has older runs cleaned up and ``changed_during`` recomputed). It holds
    the run's row throughout: a second task waits, then finds the run succeeded and does
    nothing; a killed one writes nothing (its transaction rolls back) and lets go of the row."""
    with transaction.atomic():
        run = MatchRun.objects.select_for_update().filter(pk=run_id).first()
        if (
            run is None
            or run.status != RunStatus.RUNNING
            or run.prepared_at is None
            or run.chunks_done < run.chunk_count
        ):
            return False
        loaded = features.load(run_id)
        pairs = _best_pairs(run_id, run.chunk_count, len(loaded.enterprises))
        for rows in _match_batches(loaded, run_id, pairs, run.weights):
            _insert(rows)
        MatchRun.objects.filter(pk=run_id).update(
            status=RunStatus.SUCCEEDED, finished_at=timezone.now(), matches_kept=len(pairs)
        )
        # The members' recommendations are now this run's (written without signals).
        changed_after_commit(MEMBERS)
    return True


def changed_during(run_id):
    """The published projects and enterprises changed since the run started reading the data,
    as (kind, pk): once it succeeded, their own matches are recomputed (``recompute``)."""
    started = MatchRun.objects.values_list("started_at", flat=True).get(pk=run_id)
    return [
        (kind, pk)
        for model, kind in ((Project, "project"), (Enterprise, "enterprise"))
        for pk in model.objects.published()
        .filter(updated_at__gte=started)
        .values_list("pk", flat=True)
    ]


def cleanup(current_id):
    """Delete what runs older than the current one left: their matches (no longer shown) and
    their files. A late or repeated call for a run that is no longer current does nothing."""
    current = MatchRun.objects.current()
    if current is None or current.pk != current_id:
        return
    older = MatchRun.objects.filter(pk__lt=current.pk).exclude(status=RunStatus.RUNNING)
    Match.objects.filter(run__in=older).delete()
    for run_id in older.values_list("pk", flat=True):
        _delete_files(run_id, keep_features=False)
    _delete_files(current_id, keep_features=True)


def _delete_files(run_id, keep_features):
    directory = f"matchmaking/runs/{run_id}"
    try:
        _dirs, files = default_storage.listdir(directory)
    except (NotImplementedError, OSError):
        # No such directory (the run wrote nothing), or a storage that cannot list: nothing
        # to delete that we know of.
        return
    for name in files:
        if keep_features and name == "features.npz":
            continue
        default_storage.delete(f"{directory}/{name}")
    if not keep_features:
        features.delete(run_id)


def fail(run_id, error):
    """Mark the run failed (once) and drop its partial results; the current run stays."""
    failed = MatchRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).update(
        status=RunStatus.FAILED, finished_at=timezone.now(), errors=str(error)[:5000]
    )
    if failed:
        Match.objects.filter(run_id=run_id).delete()
        _delete_files(run_id, keep_features=False)
        logger.error("Matchmaking run %s failed: %s", run_id, error)
    return bool(failed)


@dataclass
class Resend:
    """What the watchdog found lost in the running run: the tasks to send again."""

    run_id: int | None = None
    prepare: bool = False
    chunks: list = field(default_factory=list)
    finalize: bool = False

    def __bool__(self):
        return self.prepare or bool(self.chunks) or self.finalize


def watch(now=None):
    """The watchdog's round (a beat task, every minute): fail the runs that made no progress
    for MATCHMAKING_RUN_TIMEOUT, and find what the running run lost. Its chunks that are not
    done and whose message and claim are both older than a chunk's claim expiry are marked
    sent now; so is its preparation or finalisation when no worker holds the run and it was
    sent RESEND_AFTER ago. Returns them (the caller sends them): a second round at once finds
    nothing more."""
    now = now or timezone.now()
    abandon_stalled_runs(now)
    resend = Resend()
    with transaction.atomic():
        # A run whose preparation or finalisation is at work holds its row (so does another
        # round of the watchdog, for a moment): nothing of it is lost then.
        run = (
            MatchRun.objects.select_for_update(skip_locked=True)
            .filter(status=RunStatus.RUNNING)
            .first()
        )
        if run is None:
            return resend
        resend.run_id = run.pk
        if run.prepared_at is None or run.chunks_done >= run.chunk_count:
            if run.queued_at < now - RESEND_AFTER:
                MatchRun.objects.filter(pk=run.pk).update(queued_at=now)
                resend.prepare = run.prepared_at is None
                resend.finalize = not resend.prepare
        else:
            expired = now - chunk_claim_expiry()
            lost = (
                run.chunks.filter(done_at=None, queued_at__lt=expired)
                .exclude(claimed_at__gte=expired)
                .order_by("number")
            )
            resend.chunks = list(lost.values_list("number", flat=True))
            MatchChunk.objects.filter(run=run, number__in=resend.chunks).update(queued_at=now)
    if resend.prepare:
        logger.warning("Matchmaking run %s: its preparation was lost; sending it again", run.pk)
    if resend.finalize:
        logger.warning("Matchmaking run %s: its finalisation was lost; sending it again", run.pk)
    if resend.chunks:
        logger.warning(
            "Matchmaking run %s: %d chunks lost (%s); sending them again",
            run.pk,
            len(resend.chunks),
            ", ".join(str(number) for number in resend.chunks[:20]),
        )
    return resend


def run_inline(trigger, user=None):
    """A whole run in this process, chunk after chunk (the embedded mode and the benchmark)."""
    run = start(trigger, user)
    try:
        for number in prepare(run.pk):
            score_chunk(run.pk, number)
        finalize(run.pk)
    except Exception as error:
        fail(run.pk, repr(error))
        raise
    return MatchRun.objects.get(pk=run.pk)


# One record's matches between runs ----------------------------------------------------------


def recompute(kind, pk):
    """Recompute the matches of project or enterprise ``pk`` (its own list) in the current run
    against the run's other side. Returns the number of matches it now has (0 when it is no
    longer published), or None when there is no current run yet."""
    run = MatchRun.objects.current()
    if run is None:
        return None
    try:
        loaded = features.load(run.pk)
    except FileNotFoundError:
        return None
    taxonomies = loaded.taxonomies
    if kind == "project":
        side, texts = features.load_projects(taxonomies, Project.objects.published().filter(pk=pk))
        if not len(side):
            return _drop_own(run, project_id=pk)
        single = loaded.with_projects(texts, side)
        total = engine.score_block(single, np.arange(1), weights=run.weights)[0]
        other_ids, field, rank_field = loaded.enterprises.ids, "enterprise_id", "project_rank"
    else:
        side, texts = features.load_enterprises(
            taxonomies, Enterprise.objects.published().filter(pk=pk)
        )
        if not len(side):
            return _drop_own(run, enterprise_id=pk)
        single = loaded.with_enterprises(texts, side)
        total = engine.score_block(single, np.arange(len(loaded.projects)), weights=run.weights)
        total = total[:, 0]
        other_ids, field, rank_field = loaded.projects.ids, "project_id", "enterprise_rank"
    order = np.argsort(-total, kind="stable")[:TOP_K]
    order = order[total[order] >= MIN_SCORE]
    alone = np.zeros(len(order), dtype=np.int64)
    pi, ei = (alone, order) if kind == "project" else (order, alone)
    scores = engine.components(single, pi, ei)
    totals = engine.total(scores, run.weights)
    explainer = engine.Explainer(single, run.weights)
    own = {"project_id": pk} if kind == "project" else {"enterprise_id": pk}
    with transaction.atomic():
        _drop_own(run, **own)
        for rank, i in enumerate(range(len(order)), start=1):
            component = engine.component_dict(scores, i)
            Match.objects.update_or_create(
                run=run,
                **own,
                **{field: int(other_ids[order[i]])},
                defaults={
                    "score": round(float(totals[i]), 4),
                    "components": component,
                    "reasons": explainer.reasons(int(pi[i]), int(ei[i]), component),
                    rank_field: rank,
                },
            )
    return len(order)


def _drop_own(run, **own):
    """Take the record's own ranking out of the current run, keeping the rows that rank it
    on the other side's lists."""
    rank_field = "project_rank" if "project_id" in own else "enterprise_rank"
    other_rank = "enterprise_rank" if rank_field == "project_rank" else "project_rank"
    Match.objects.filter(run=run, **own, **{f"{other_rank}__isnull": True}).delete()
    Match.objects.filter(run=run, **own).update(**{rank_field: None})
    # The record's matches change (here, and in ``recompute`` after this, in one transaction).
    changed_after_commit(MEMBERS)
    return 0
