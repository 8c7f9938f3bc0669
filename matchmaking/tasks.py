"""Celery tasks of matchmaking: the nightly run fanned out in chunks, recomputes, and fitting
the criteria's weights from feedback.

Every task takes primary keys, may run twice (each step is claimed in the database), and
retries only what may pass: a lost database connection. Without Redis they run in-process.
"""

import logging

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import InterfaceError, OperationalError

from matchmaking import learning, services
from matchmaking.models import FitTrigger, RunTrigger

logger = logging.getLogger(__name__)

TRANSIENT_ERRORS = (OperationalError, InterfaceError)


@shared_task(acks_late=True)
def run_matchmaking(trigger=RunTrigger.SCHEDULE, user_id=None):
    """Start a run and send its chunks to the workers; returns the run's id (None when another
    run is in progress)."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        run = services.start(trigger, user)
    except services.RunInProgress:
        logger.info("Matchmaking not started: a run is in progress")
        return None
    try:
        numbers = services.prepare(run.pk)
    except Exception as error:
        services.fail(run.pk, repr(error))
        raise
    if not numbers:
        try:
            services.finalize(run.pk)
        except Exception as error:
            services.fail(run.pk, f"finalising: {error!r}")
            raise
    for number in numbers:
        score_chunk.delay(run.pk, number)
    return run.pk


@shared_task(bind=True, acks_late=True, max_retries=3)
def score_chunk(self, run_id, number):
    try:
        last = services.score_chunk(run_id, number)
    except TRANSIENT_ERRORS as error:
        raise self.retry(exc=error, countdown=30) from error
    except Exception as error:
        services.fail(run_id, f"chunk {number}: {error!r}")
        raise
    if last:
        finalize_run.delay(run_id)


@shared_task(bind=True, acks_late=True, max_retries=3)
def finalize_run(self, run_id):
    try:
        services.finalize(run_id)
    except TRANSIENT_ERRORS as error:
        raise self.retry(exc=error, countdown=30) from error
    except Exception as error:
        services.fail(run_id, f"finalising: {error!r}")
        raise


@shared_task(acks_late=True)
def cleanup_runs(current_id):
    services.cleanup(current_id)


@shared_task(bind=True, acks_late=True, max_retries=3)
def recompute_record(self, kind, pk):
    """Bring one project's or enterprise's own matches up to date (after it was published or
    changed), without waiting for the night."""
    try:
        return services.recompute(kind, pk)
    except TRANSIENT_ERRORS as error:
        raise self.retry(exc=error, countdown=10) from error


@shared_task(acks_late=True)
def fit_weights(trigger=FitTrigger.SCHEDULE, user_id=None):
    """Fit the criteria's weights from members' feedback and make them live when they are at
    least as good as those in use (matchmaking/learning.py); returns the new set's id. Running
    it twice fits twice: the second judges itself against the first, and never are two live."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return learning.fit(trigger, user).pk
