"""The fault-test harness: real processes, real faults.

Every test under tests/faults/ is marked ``faults`` and runs on committed data (a transactional
test database, reloaded with the migrations' data) against:

- ``redis``: a Redis server of its own (``redis-server`` on a free port, append-only file on),
  which a test can stop and start again; the test process publishes to it too.
- ``worker``: ``celery worker`` with the prefork pool (2 processes) in a process group of its
  own, on the test database; a test kills one pool child (``kill_child``) or the whole worker
  (``kill``), as the kernel or ``docker kill`` would, and starts another (``start``).
- ``beat``: ``celery beat`` with django-celery-beat's DatabaseScheduler; ``start(every=...)``
  runs the given periodic tasks every few seconds instead of their real schedules.
- ``smtp``: an SMTP server in the test process (aiosmtpd) that counts every delivery per
  recipient; it can refuse a recipient once (451) or hold every session before its message
  until released (a hung server).

Processes are killed at the end of each test, whatever happened, and their logs are printed
when a test fails. PostgreSQL and ``redis-server`` are needed; without them the tests skip.
``make faults`` runs them (see the README).
"""

import os
import shutil
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from platform_site.celery import app
from tests.faults.harness import Beat, Redis, SMTPServer, Worker, producer_broker

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.faults)
            # Committed data: the worker and beat read it through their own connections.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture
def fault_logs(tmp_path):
    return tmp_path


@pytest.fixture
def database_url(transactional_db):
    """The URL of the test database, for the worker and beat."""
    if connection.vendor != "postgresql":
        pytest.skip("the fault tests need PostgreSQL (DATABASE_URL)")
    params = connection.settings_dict
    credentials = quote(params["USER"] or "", safe="")
    if params["PASSWORD"]:
        credentials += ":" + quote(params["PASSWORD"], safe="")
    return (
        f"postgres://{credentials}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}"
        f"/{params['NAME']}"
    )


@pytest.fixture
def redis(fault_logs):
    if not shutil.which("redis-server"):
        pytest.skip("the fault tests need redis-server")
    server = Redis(fault_logs)
    try:
        yield server.start()
    finally:
        server.kill()


@pytest.fixture
def smtp():
    server = SMTPServer()
    server.controller.start()
    yield server
    server.release()
    server.controller.stop()


@pytest.fixture
def service_env(database_url, redis, smtp):
    """The environment of the worker and beat: production settings on the test's database,
    Redis and SMTP server. A test may add to it before starting them."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("EMAIL_", "CELERY_", "PYTEST_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="platform_site.settings",
        DJANGO_SECRET_KEY=settings.SECRET_KEY,
        DATABASE_URL=database_url,
        REDIS_URL=redis.url,
        EMAIL_URL=smtp.url,
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        PYTHONUNBUFFERED="1",
    )
    return env


@pytest.fixture
def publishing(redis):
    """This process publishes tasks to the test's Redis instead of running them in-process."""
    app.conf.task_always_eager = False
    try:
        with producer_broker(redis.url):
            yield
    finally:
        app.conf.task_always_eager = True


@pytest.fixture
def worker(service_env, fault_logs, publishing, request):
    """A started worker; ``worker.start()`` again after ``worker.kill()``."""
    process = Worker(service_env, fault_logs)
    try:
        yield process.start()
    finally:
        process.kill()
        _report(request, process)


@pytest.fixture
def beat(service_env, fault_logs, publishing, request):
    """Not started: ``beat.start(every={task: seconds})``."""
    process = Beat(service_env, fault_logs)
    try:
        yield process
    finally:
        process.kill()
        _report(request, process)


def _report(request, process):
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        sys.stderr.write(f"\n----- {process.name} log -----\n{process.output()[-20000:]}\n")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
