"""The nightly job on a real Celery worker, through Redis: the run fans out into chunk tasks
that the worker's threads take in parallel, and the last one finalises the run."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings

from matchmaking.models import Match, MatchRun, RunStatus
from matchmaking.tasks import run_matchmaking
from platform_site.celery import app
from tests.factories import EnterpriseFactory, ProjectFactory, SectorFactory

# Committed data, so that the worker's threads (other connections) see it; serialized_rollback
# restores the migrations' data for the tests after this one.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def worker():
    if not settings.REDIS_URL:
        pytest.skip("the integration test needs Redis (REDIS_URL)")
    app.conf.task_always_eager = False
    try:
        with start_worker(
            app, pool="threads", concurrency=2, perform_ping_check=False, loglevel="WARNING"
        ) as started:
            yield started
    finally:
        app.conf.task_always_eager = True


def test_the_nightly_run_on_a_real_worker(worker, settings):
    settings.MATCHMAKING_CHUNK_SIZE = 2
    solar = SectorFactory(code="solar-energy", name="Solar energy")
    for n in range(5):
        ProjectFactory(title=f"Solar project {n}", sectors=[solar])
    for n in range(3):
        EnterpriseFactory(title=f"Solar company {n}", sectors=[solar])

    run_matchmaking.delay(trigger="schedule")

    deadline = time.monotonic() + 60
    run = None
    while time.monotonic() < deadline:
        run = MatchRun.objects.filter(status__in=[RunStatus.SUCCEEDED, RunStatus.FAILED]).first()
        if run:
            break
        time.sleep(0.2)
    assert run is not None, "the worker did not finish the run within a minute"
    assert run.status == RunStatus.SUCCEEDED, run.errors
    assert (run.chunk_count, run.chunks_done) == (3, 3)
    assert run.trigger == "schedule"
    assert Match.objects.filter(run=run).count() == 15
