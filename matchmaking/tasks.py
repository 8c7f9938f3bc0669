"""Celery tasks of matchmaking: the nightly run fanned out in chunks, its watchdog, recomputes,
and fitting the criteria's weights from feedback.

Every task takes primary keys and may run twice (each step is claimed in the database, see
matchmaking/runs.py); a message whose worker died goes back to the queue (the settings'
acks_late and reject_on_worker_lost). A lost database connection is retried with a growing,
jittered delay; any other error of a run's step fails the run. Each task has time limits that
fit what it measured at scale (docs/benchmarks.md) many times over. Without Redis they run
in-process, where time limits do not apply.
"""

import logging
from contextlib import contextmanager

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model

from matchmaking import learning, runs
from matchmaking.models import FitTrigger, RunTrigger
from platform_site.celery import DATABASE_ERRORS, retry_database_errors

logger = logging.getLogger(__name__)

# Retried after about 5, 10, 20, 40, 80 s: a database restart or failover; the watchdog covers
# a longer outage.
RETRY_TRANSIENT = retry_database_errors(max_retries=5)


@contextmanager
def failing_the_run(run_id, step):
    """A step's error other than the database's fails the run (the last good run's matches
    stay); a database error is left to the retry."""
    try:
        yield
    except DATABASE_ERRORS:
        raise
    except Exception as error:
        runs.fail(run_id, f"{step}: {error!r}")
        raise


@shared_task(**runs.time_limits(60), **RETRY_TRANSIENT)
def run_matchmaking(trigger=RunTrigger.SCHEDULE, user_id=None):
    """Start a run and send its preparation to the workers; returns the run's id (None when
    another run is in progress)."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        run = runs.start(trigger, user)
    except runs.RunInProgress:
        logger.info("Matchmaking not started: a run is in progress")
        return None
    prepare_run.delay(run.pk)
    return run.pk


@shared_task(**runs.time_limits(settings.MATCHMAKING_PREPARE_TIME_LIMIT), **RETRY_TRANSIENT)
def prepare_run(run_id):
    """Prepare the run and send its chunks to the workers (its finalisation when it has none)."""
    with failing_the_run(run_id, "preparing"):
        numbers = runs.prepare(run_id)
    if numbers is None:  # prepared already (a task sent twice), or the run has ended
        return
    if not numbers:
        finalize_run.delay(run_id)
    for number in numbers:
        score_chunk.delay(run_id, number)


@shared_task(
    bind=True, **runs.time_limits(settings.MATCHMAKING_CHUNK_TIME_LIMIT), **RETRY_TRANSIENT
)
def score_chunk(self, run_id, number):
    with failing_the_run(run_id, f"chunk {number}"):
        last = runs.score_chunk(run_id, number, self.request.id or "")
    if last:
        finalize_run.delay(run_id)


@shared_task(**runs.time_limits(settings.MATCHMAKING_FINALIZE_TIME_LIMIT), **RETRY_TRANSIENT)
def finalize_run(run_id):
    with failing_the_run(run_id, "finalising"):
        finalized = runs.finalize(run_id)
    if finalized:
        after_success(run_id)


def after_success(run_id):
    """Once the run's success is committed: delete what older runs left, and recompute the
    records changed while it read the data. Nothing is lost if the broker is away: the next
    run cleans up, and recomputes every record."""
    cleanup_runs.delay_on_commit(run_id)
    for kind, pk in runs.changed_during(run_id):
        recompute_record.delay_on_commit(kind, pk)


@shared_task(**runs.time_limits(60))
def watch_runs():
    """Send again what the running run lost, and fail a run without progress (every minute,
    scheduled by a migration; a round that fails is replaced by the next one)."""
    resend = runs.watch()
    if resend.prepare:
        prepare_run.delay(resend.run_id)
    for number in resend.chunks:
        score_chunk.delay(resend.run_id, number)
    if resend.finalize:
        finalize_run.delay(resend.run_id)


# Deleting the previous run's million or so matches: not measured, tens of seconds.
@shared_task(**runs.time_limits(10 * 60), **RETRY_TRANSIENT)
def cleanup_runs(current_id):
    runs.cleanup(current_id)


# A recompute took 0.32 s (median) at scale, plus reading the run's features once per process.
@shared_task(**runs.time_limits(60), **RETRY_TRANSIENT)
def recompute_record(kind, pk):
    """Bring one project's or enterprise's own matches up to date (after it was published or
    changed), without waiting for the night."""
    return runs.recompute(kind, pk)


# About 20 s with the real-data set (docs/matchmaking.md); feedback grows slowly.
@shared_task(**runs.time_limits(30 * 60), **RETRY_TRANSIENT)
def fit_weights(trigger=FitTrigger.SCHEDULE, user_id=None):
    """Fit the criteria's weights from members' feedback and make them live when they are at
    least as good as those in use (matchmaking/learning.py); returns the new set's id. Running
    it twice fits twice: the second judges itself against the first, and never are two live."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return learning.fit(trigger, user).pk
