"""Matchmaking runs on a real worker and beat, killed midway: a pool process killed during a
chunk, a whole worker killed during a chunk, its preparation or its finalisation. Each run
still succeeds, within a minute or so and without restarting anything, every chunk counted
once and every match written once.

The worker imports tests.faults.slow_matchmaking (through its settings module), which makes
each step take 2 s and says which process runs it, and shortens the watchdog's waits: a lost
preparation or finalisation is sent again 5 s after it was sent (2 minutes in production),
and a chunk's claim expires 45 s after it was taken (MATCHMAKING_CHUNK_TIME_LIMIT of 10 s
here, plus 30 s before Celery kills the task, plus a 5 s margin instead of 30 s).
"""

import time
from datetime import timedelta

import pytest

from matchmaking.models import Match, MatchChunk, MatchRun, RunStatus
from matchmaking.tasks import run_matchmaking
from tests.factories import EnterpriseFactory, ProjectFactory, SectorFactory
from tests.faults.conftest import _report
from tests.faults.harness import Worker, wait_until

WATCHDOG = "matchmaking.tasks.watch_runs"
CHUNK_TIME_LIMIT = 10
CLAIM_EXPIRY = timedelta(seconds=CHUNK_TIME_LIMIT + 30 + 5)


@pytest.fixture(autouse=True)
def marks(service_env, tmp_path):
    """Where the worker's slowed steps say which process runs them."""
    marks = tmp_path / "marks"
    marks.mkdir()
    service_env.update(
        DJANGO_SETTINGS_MODULE="tests.faults.matchmaking_settings",
        # Runs' files are named by run id, which other test databases reuse.
        MEDIA_ROOT=str(tmp_path / "media"),
        FAULTS_MATCHMAKING_DIR=str(marks),
        FAULTS_STEP_SECONDS="2",
        FAULTS_RESEND_AFTER="5",
        FAULTS_CLAIM_MARGIN="5",
        MATCHMAKING_CHUNK_SIZE="1",
        MATCHMAKING_CHUNK_TIME_LIMIT=str(CHUNK_TIME_LIMIT),
    )
    return marks


@pytest.fixture
def world():
    """Four projects (four chunks of one) and two enterprises, all of one sector."""
    solar = SectorFactory(code="solar-energy", name="Solar energy")
    for n in range(4):
        ProjectFactory(title=f"Solar park {n}", sectors=[solar])
    for n in range(2):
        EnterpriseFactory(title=f"Solar builder {n}", sectors=[solar])


@pytest.fixture
def other_worker(service_env, fault_logs, publishing, request):
    """A second worker beside the ``worker`` fixture's, on the same queue."""
    process = Worker(service_env, fault_logs)
    process.name = "worker-2"
    process.log_path = fault_logs / "worker-2.log"
    process.argv = [*process.argv[:-1], "--hostname=faults-2@%h"]
    try:
        yield process.start()
    finally:
        process.kill()
        _report(request, process)


def pids(marks, step):
    """The processes that started ``step``."""
    return [int(path.name.rsplit("-", 1)[1]) for path in marks.glob(f"{step}-*")]


def start_run(beat):
    beat.start(every={WATCHDOG: 2})
    run_matchmaking.delay(trigger="schedule")
    return time.monotonic()


def finished_run(timeout):
    return wait_until(
        lambda: MatchRun.objects.exclude(status=RunStatus.RUNNING).first(),
        timeout=timeout,
        what="the run to end",
    )


def assert_succeeded_once(run):
    """Succeeded, every chunk done once, every kept pair written once."""
    assert run.status == RunStatus.SUCCEEDED, run.errors
    assert (run.chunk_count, run.chunks_done) == (4, 4)
    assert not MatchChunk.objects.filter(run=run, done_at=None).exists()
    assert run.matches_kept == 8
    assert Match.objects.filter(run=run).count() == 8
    assert MatchRun.objects.current() == run


def owner(pid, *workers):
    return next(worker for worker in workers if pid in worker.children())


def test_a_pool_process_killed_during_a_chunk_costs_the_run_seconds(worker, beat, world, marks):
    began = start_run(beat)
    parent = worker.pid
    pid = wait_until(lambda: pids(marks, "chunk"), what="a chunk to start")[0]
    worker.kill_child(pid)

    run = finished_run(timeout=120)
    print(f"\nrun succeeded {time.monotonic() - began:.1f} s after it was started")
    assert_succeeded_once(run)
    # The killed process's message went back to the queue; its task took its claim back.
    attempts = sorted(MatchChunk.objects.filter(run=run).values_list("attempts", flat=True))
    assert attempts == [1, 1, 1, 2]
    assert worker.running and worker.pid == parent


def test_a_chunk_of_a_killed_worker_is_scored_by_another_once_its_claim_expired(
    worker, other_worker, beat, world, marks
):
    began = start_run(beat)
    pid = wait_until(lambda: pids(marks, "chunk"), what="a chunk to start")[0]
    victim = owner(pid, worker, other_worker)
    survivor = other_worker if victim is worker else worker
    claimed = MatchChunk.objects.exclude(claimed_at=None)
    wait_until(lambda: claimed.count() == 4, what="every chunk to be claimed")
    claims = dict(claimed.values_list("number", "claimed_at"))
    victim.kill()  # its messages stay unacknowledged in Redis for the visibility timeout

    run = finished_run(timeout=180)
    print(f"\nrun succeeded {time.monotonic() - began:.1f} s after it was started")
    assert_succeeded_once(run)
    retaken = MatchChunk.objects.filter(run=run, attempts=2)
    assert retaken.exists()
    for chunk in retaken:
        # Never scored by two tasks at once: taken again only once the claim had expired.
        assert chunk.claimed_at - claims[chunk.number] >= CLAIM_EXPIRY
    assert survivor.running


def test_a_worker_killed_while_preparing_a_run_is_replaced_by_the_watchdog(
    worker, other_worker, beat, world, marks
):
    began = start_run(beat)
    pid = wait_until(lambda: pids(marks, "prepare"), what="the run's preparation")[0]
    victim = owner(pid, worker, other_worker)
    survivor = other_worker if victim is worker else worker
    victim.kill()

    run = finished_run(timeout=120)
    print(f"\nrun succeeded {time.monotonic() - began:.1f} s after it was started")
    assert_succeeded_once(run)
    assert len(pids(marks, "prepare")) == 2
    assert survivor.running


def test_a_worker_killed_during_finalisation_is_replaced_by_the_watchdog(
    worker, other_worker, beat, world, marks
):
    began = start_run(beat)
    pid = wait_until(lambda: pids(marks, "finalize"), timeout=120, what="the finalisation")[0]
    victim = owner(pid, worker, other_worker)
    survivor = other_worker if victim is worker else worker
    victim.kill()  # mid-transaction: what it wrote rolls back
    killed = time.monotonic()

    run = finished_run(timeout=120)
    print(
        f"\nrun succeeded {time.monotonic() - began:.1f} s after it was started, "
        f"{time.monotonic() - killed:.1f} s after its finalising worker was killed"
    )
    assert_succeeded_once(run)
    assert len(pids(marks, "finalize")) == 2
    assert survivor.running
