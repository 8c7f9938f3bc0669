"""A run survives lost messages and killed workers: chunks are claimed by one task at a time,
and the watchdog sends again what was lost (a chunk, the preparation, the finalisation), fails
a run without progress, and finds nothing more when it runs twice."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from matchmaking import runs, tasks
from matchmaking.models import Match, MatchChunk, MatchRun, RunStatus
from platform_site.celery import app
from tests.factories import EnterpriseFactory, ProjectFactory, SectorFactory

pytestmark = pytest.mark.django_db

LATER = runs.RESEND_AFTER + timedelta(seconds=1)


@pytest.fixture
def world(settings):
    """Two projects in chunks of one, and an enterprise of their sector."""
    settings.MATCHMAKING_CHUNK_SIZE = 1
    solar = SectorFactory(code="solar-energy", name="Solar energy")
    for n in range(2):
        ProjectFactory(title=f"Solar park {n}", sectors=[solar])
    EnterpriseFactory(title="Solar builder", sectors=[solar])


def prepared_run():
    run = runs.start("schedule")
    assert runs.prepare(run.pk) == [0, 1]
    return MatchRun.objects.get(pk=run.pk)


def claim(run, number, task_id, at):
    MatchChunk.objects.filter(run=run, number=number).update(
        claimed_at=at, claimed_by=task_id, attempts=1
    )


def chunk(run, number):
    return MatchChunk.objects.get(run=run, number=number)


# Chunks ---------------------------------------------------------------------------------------


def test_a_lost_chunk_is_sent_again_once_its_claim_expired_and_not_before(world):
    run = prepared_run()
    now = timezone.now()
    runs.score_chunk(run.pk, 1)
    claim(run, 0, "task-a", now)  # its worker died at once

    almost = now + runs.chunk_claim_expiry() - timedelta(seconds=1)
    assert runs.watch(almost).chunks == []
    expired = now + runs.chunk_claim_expiry() + timedelta(seconds=1)
    assert runs.watch(expired).chunks == [0]
    assert chunk(run, 0).queued_at == expired
    # A second round, at once or within the claim's expiry, sends nothing more.
    assert runs.watch(expired).chunks == []
    assert not runs.watch(expired + timedelta(minutes=1))


def test_a_chunk_that_no_task_took_is_sent_again(world):
    run = prepared_run()  # its messages were lost (the broker restarted without them)
    queued = chunk(run, 0).queued_at
    assert runs.watch(queued + timedelta(minutes=1)).chunks == []
    assert runs.watch(queued + runs.chunk_claim_expiry() + LATER).chunks == [0, 1]


def test_a_chunk_is_never_scored_by_two_tasks_at_once(world):
    run = prepared_run()
    claim(run, 0, "task-a", timezone.now())

    assert runs.score_chunk(run.pk, 0, "task-b") is False  # task-a holds it
    assert chunk(run, 0).done_at is None
    # The same task delivered again (its pool process died) takes its claim back.
    assert runs.score_chunk(run.pk, 0, "task-a") is False  # not the last chunk
    assert chunk(run, 0).done_at is not None
    assert runs.score_chunk(run.pk, 0, "task-b") is False  # done: counted once
    assert MatchRun.objects.get(pk=run.pk).chunks_done == 1


def test_an_expired_claim_is_taken_over_by_the_task_sent_again(world):
    run = prepared_run()
    runs.score_chunk(run.pk, 1)
    claim(run, 0, "task-a", timezone.now() - runs.chunk_claim_expiry() - LATER)

    assert runs.score_chunk(run.pk, 0, "task-b") is True  # the last chunk
    done = chunk(run, 0)
    assert done.claimed_by == "task-b" and done.attempts == 2 and done.done_at


def test_a_chunk_that_keeps_killing_its_worker_fails_the_run(world):
    run = prepared_run()
    expired = timezone.now() - runs.chunk_claim_expiry() - LATER
    MatchChunk.objects.filter(run=run, number=0).update(
        claimed_at=expired, claimed_by="task-a", attempts=runs.MAX_CHUNK_ATTEMPTS
    )

    assert runs.score_chunk(run.pk, 0, "task-b") is False
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and "Chunk 0 was started" in run.errors
    assert chunk(run, 0).done_at is None


# The run's own steps --------------------------------------------------------------------------


def test_a_run_whose_chunks_are_done_but_not_finalised_is_finalised_once(world):
    run = prepared_run()
    for number in (0, 1):
        runs.score_chunk(run.pk, number)
    sent = MatchRun.objects.get(pk=run.pk).queued_at  # by the last chunk's task

    assert not runs.watch(sent + timedelta(minutes=1))  # its task may still be queued
    resend = runs.watch(sent + LATER)
    assert resend.finalize and not resend.prepare and resend.run_id == run.pk
    assert not runs.watch(sent + LATER)


def test_the_watchdog_task_finalises_a_run_whose_finalisation_was_lost(world):
    run = prepared_run()
    for number in (0, 1):
        runs.score_chunk(run.pk, number)
    MatchRun.objects.filter(pk=run.pk).update(queued_at=timezone.now() - LATER)

    tasks.watch_runs()  # sends finalize_run, run in-process here
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED and MatchRun.objects.current() == run
    kept, finished = Match.objects.filter(run=run).count(), run.finished_at
    assert kept == 2

    tasks.watch_runs()
    tasks.finalize_run(run.pk)  # a late duplicate
    run.refresh_from_db()
    assert (Match.objects.filter(run=run).count(), run.finished_at) == (kept, finished)


def test_the_watchdog_task_prepares_a_run_whose_preparation_was_lost(world):
    run = runs.start("schedule")  # its worker died before preparing it
    assert not runs.watch(run.queued_at + timedelta(minutes=1))
    assert runs.watch(run.queued_at + LATER).prepare
    MatchRun.objects.filter(pk=run.pk).update(queued_at=timezone.now() - LATER)

    tasks.watch_runs()  # prepare_run, its chunks and the finalisation, in-process here
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED and run.chunks_done == 2


def test_a_preparation_or_finalisation_sent_twice_does_its_work_once(world):
    run = runs.start("schedule")
    assert runs.finalize(run.pk) is False  # not prepared: nothing to write
    assert runs.prepare(run.pk) == [0, 1]
    assert runs.prepare(run.pk) is None
    assert MatchChunk.objects.filter(run=run).count() == 2
    tasks.prepare_run(run.pk)  # a duplicate sends no chunks
    assert MatchRun.objects.get(pk=run.pk).chunks_done == 0


def test_a_run_without_progress_is_failed_by_the_watchdog(world, settings):
    settings.MATCHMAKING_RUN_TIMEOUT = 60
    run = prepared_run()
    runs.score_chunk(run.pk, 0)
    done = chunk(run, 0).done_at

    assert not runs.watch(done + timedelta(seconds=59)).prepare
    assert MatchRun.objects.get(pk=run.pk).status == RunStatus.RUNNING
    runs.watch(done + timedelta(seconds=61))
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and "Abandoned" in run.errors
    assert not runs.watch(done + timedelta(seconds=61))
    assert MatchRun.objects.get(pk=run.pk).errors == run.errors
    # A task of the failed run that arrives late does nothing.
    assert runs.score_chunk(run.pk, 1, "late") is False


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_run_whose_step_is_at_work_is_left_alone(world):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    run = runs.start("schedule")
    locked, release = threading.Event(), threading.Event()

    def preparing():  # another worker holds the run, as prepare() and finalize() do
        try:
            with transaction.atomic():
                MatchRun.objects.select_for_update().get(pk=run.pk)
                locked.set()
                release.wait(10)
        finally:
            connections.close_all()

    worker = threading.Thread(target=preparing)
    worker.start()
    try:
        assert locked.wait(10)
        assert not runs.watch(run.queued_at + LATER)
    finally:
        release.set()
        worker.join()
    assert runs.watch(run.queued_at + LATER).prepare


# Schedule and limits --------------------------------------------------------------------------


def test_the_watchdog_runs_every_minute():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="matchmaking.tasks.watch_runs")
    assert task.enabled and (task.interval.every, task.interval.period) == (1, "minutes")


def test_time_limits_let_a_large_run_finish_and_outlast_no_claim(settings):
    """The limits leave many times what a step took at 18k x 90k (docs/benchmarks.md); a
    chunk's claim expires only after its task was killed, and Redis gives a message to
    another worker only after the longest task was killed."""
    measured = {"prepare_run": 39, "score_chunk": 3, "finalize_run": 90}
    for name, seconds in measured.items():
        task = getattr(tasks, name)
        assert task.soft_time_limit >= 10 * seconds
        assert task.time_limit > task.soft_time_limit
    assert runs.chunk_claim_expiry().total_seconds() > tasks.score_chunk.time_limit
    run_tasks = [tasks.prepare_run, tasks.score_chunk, tasks.finalize_run, tasks.fit_weights]
    visibility = app.conf.broker_transport_options.get("visibility_timeout", 3600)
    assert max(task.time_limit for task in run_tasks) < visibility
    assert max(task.time_limit for task in run_tasks) < settings.MATCHMAKING_RUN_TIMEOUT
