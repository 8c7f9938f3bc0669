"""The fault tests' processes and helpers (the fixtures are in conftest.py)."""

import asyncio
import atexit
import email
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager, suppress
from pathlib import Path

from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections
from kombu import pools

from platform_site.celery import app
from tests.utils import wait_until

HERE = Path(__file__).resolve().parent
# Process groups started and not yet ended: killed at exit should a test run be interrupted.
_running = set()


@atexit.register
def _kill_leftovers():
    for pgid in list(_running):
        _kill_group(pgid)


def _kill_group(pgid):
    with suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)
    _running.discard(pgid)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Service:
    """A subprocess in a process group of its own, its output in a log file."""

    def __init__(self, name, argv, env, log_dir):
        self.name = name
        self.argv = argv
        self.env = env
        self.log_path = log_dir / f"{name}.log"
        self.process = None

    @property
    def pid(self):
        return self.process.pid

    @property
    def running(self):
        return self.process is not None and self.process.poll() is None

    def start(self, ready=None, timeout=60):
        """Start it; with ``ready``, wait until its log shows that text once more (the log
        keeps the earlier runs' output)."""
        shown = self.output().count(ready) if ready else 0
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                self.argv,
                cwd=settings.BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        _running.add(self.process.pid)
        if ready:
            wait_until(
                lambda: self.output().count(ready) > shown or not self.running,
                timeout=timeout,
                what=f"{self.name} to start",
            )
            if not self.running:
                raise AssertionError(f"{self.name} exited at start:\n{self.output()}")
        return self

    def output(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def kill(self):
        """SIGKILL the whole process group at once, as the kernel or ``docker kill`` would."""
        if self.process is None:
            return
        _kill_group(self.process.pid)
        self.process.wait()

    def stop(self, timeout=20):
        """Ask it to stop (SIGTERM), then kill whatever is left of its group."""
        if self.running:
            self.process.terminate()
            with suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout)
        self.kill()


class Worker(Service):
    """``celery worker`` with the prefork pool, supervised: should it exit while the test
    wants it running, it is started again, as docker compose's ``restart: unless-stopped``
    starts the deployed one. (Celery 5.7 exits when the Redis broker goes away while it holds
    unacknowledged tasks: closing the lost connection, kombu's Redis transport fails to
    requeue them.) ``kill`` and ``stop`` are the test's own and are not undone."""

    def __init__(self, env, log_dir, concurrency=2):
        super().__init__(
            "worker",
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "platform_site",
                "worker",
                "--pool=prefork",
                f"--concurrency={concurrency}",
                "--loglevel=INFO",
                "--without-mingle",
                "--without-gossip",
                "--hostname=faults@%h",
            ],
            env,
            log_dir,
        )
        self.concurrency = concurrency
        self.restarts = 0
        self._wanted = False
        self._lock = threading.Lock()
        self._supervisor = None

    def start(self, timeout=60):
        with self._lock:
            super().start(ready=" ready.", timeout=timeout)
            self._wanted = True
        wait_until(
            lambda: len(self.children()) == self.concurrency,
            what="the worker's pool processes",
        )
        if self._supervisor is None or not self._supervisor.is_alive():
            self._supervisor = threading.Thread(target=self._supervise, daemon=True)
            self._supervisor.start()
        return self

    def _supervise(self):
        while self._wanted:
            time.sleep(0.5)
            with self._lock:
                if self._wanted and not self.running:
                    with self.log_path.open("a") as log:
                        log.write("----- exited: started again by its supervisor -----\n")
                    self.restarts += 1
                    Service.start(self, ready=" ready.")

    def kill(self):
        self._wanted = False
        with self._lock:
            super().kill()

    def stop(self, timeout=20):
        self._wanted = False
        super().stop(timeout)

    def children(self):
        """The pids of the pool processes (the worker's child processes)."""
        if not self.running:
            return []
        listing = subprocess.run(
            ["ps", "--ppid", str(self.pid), "-o", "pid="],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        return [int(pid) for pid in listing.split()]

    def children_connected_to(self, port):
        """The pool processes with a TCP connection open to ``port`` on this machine (e.g.
        those in an SMTP session with the test's server)."""
        remote = f":{port:04X}"
        inodes = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                # fields: sl, local, remote, state (01: established), ..., inode (10th)
                if fields[2].endswith(remote) and fields[3] == "01":
                    inodes.add(fields[9])
        found = []
        for pid in self.children():
            with suppress(FileNotFoundError, PermissionError):
                for fd in Path(f"/proc/{pid}/fd").iterdir():
                    with suppress(FileNotFoundError):
                        target = os.readlink(fd)
                        if target.startswith("socket:[") and target[8:-1] in inodes:
                            found.append(pid)
                            break
        return found

    def kill_child(self, pid=None):
        """SIGKILL one pool process (the first, or ``pid``) and wait until the worker has
        replaced it; returns the pid killed."""
        before = self.children()
        pid = pid or before[0]
        os.kill(pid, signal.SIGKILL)
        wait_until(
            lambda: pid not in self.children() and len(self.children()) == self.concurrency,
            what="the worker to replace its killed pool process",
        )
        return pid


class Beat(Service):
    """``celery beat`` with the DatabaseScheduler, on the test database."""

    def __init__(self, env, log_dir):
        super().__init__(
            "beat",
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "platform_site",
                "beat",
                "--scheduler=django_celery_beat.schedulers:DatabaseScheduler",
                "--loglevel=INFO",
                "--max-interval=1",
                f"--schedule={log_dir / 'beat-schedule'}",
                f"--pidfile={log_dir / 'beat.pid'}",
            ],
            env,
            log_dir,
        )

    def start(self, every, timeout=60):
        """Run only the periodic tasks of ``every`` ({task name: seconds}), that often."""
        from django_celery_beat.models import IntervalSchedule, PeriodicTask

        PeriodicTask.objects.update(enabled=False)
        for task, seconds in every.items():
            interval, _created = IntervalSchedule.objects.get_or_create(
                every=seconds, period=IntervalSchedule.SECONDS
            )
            PeriodicTask.objects.update_or_create(
                name=f"fault test: {task}",
                defaults={"task": task, "interval": interval, "crontab": None, "enabled": True},
            )
        return super().start(ready="beat: Starting", timeout=timeout)


class Redis(Service):
    """A Redis server of the test's own, with its append-only file, on a free port."""

    def __init__(self, log_dir):
        self.port = free_port()
        data = log_dir / "redis"
        data.mkdir(exist_ok=True)
        super().__init__(
            "redis",
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "yes",
                "--dir",
                str(data),
            ],
            os.environ.copy(),
            log_dir,
        )
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout=20):
        super().start(ready="Ready to accept connections", timeout=timeout)
        return self

    def stop(self, timeout=20):
        """Shut it down cleanly (it writes its append-only file), as ``docker stop`` would."""
        super().stop(timeout)


class CountingHandler:
    """aiosmtpd handler: accepts every message and counts its deliveries per recipient."""

    def __init__(self):
        self._lock = threading.Lock()
        self._refuse = {}
        self._open = threading.Event()
        self._open.set()
        self.waiting = 0
        self.deliveries = Counter()
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self._lock:
            codes = self._refuse.get(address.lower())
            code = codes.pop() if codes else None
        if code:
            return f"{code} 4.3.0 Try again later"
        # A hung server: the session waits here, before its message is sent.
        with self._lock:
            self.waiting += 1
        try:
            while not self._open.is_set():
                await asyncio.sleep(0.02)
        finally:
            with self._lock:
                self.waiting -= 1
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content)
        with self._lock:
            for recipient in envelope.rcpt_tos:
                self.deliveries[recipient.lower()] += 1
            self.messages.append((tuple(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


class SMTPServer:
    """The fixture's face: counts, refusals and holds."""

    def __init__(self):
        self.handler = CountingHandler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.url = f"smtp://127.0.0.1:{self.port}"

    @property
    def deliveries(self):
        """{recipient: how many messages it received}."""
        with self.handler._lock:
            return Counter(self.handler.deliveries)

    @property
    def total(self):
        return sum(self.deliveries.values())

    @property
    def messages(self):
        """[(recipients, email.message.Message)] in the order received."""
        with self.handler._lock:
            return list(self.handler.messages)

    @property
    def waiting(self):
        """Sessions held before their message (see ``hold``)."""
        with self.handler._lock:
            return self.handler.waiting

    def refuse_once(self, recipient, code=451, times=1):
        """Refuse ``recipient`` the next time it is given (a temporary failure by default), or
        the next ``times`` times."""
        with self.handler._lock:
            self.handler._refuse[recipient.lower()] = [code] * times

    def hold(self):
        """Hang every session after its recipient is given, before its message, until
        ``release``: the client sees a server that does not answer."""
        self.handler._open.clear()

    def release(self):
        self.handler._open.set()

    def wait_for(self, total, timeout=60):
        wait_until(lambda: self.total >= total, timeout=timeout, what=f"{total} deliveries")


@contextmanager
def producer_broker(url):
    """Make this process publish to ``url`` (its pools dropped so they reconnect there)."""
    previous = app.conf.broker_url

    def switch(to):
        if app._pool is not None:
            app._pool.force_close_all()
        app._pool = None
        app.amqp._producer_pool = None
        # kombu keeps producer pools per connection in a registry of its own: a pool closed
        # above would be handed out again ("Acquire on closed pool") to the next publisher.
        pools.reset()
        app.conf.broker_url = to

    switch(url)
    try:
        yield
    finally:
        switch(previous)


@contextmanager
def broker_unreachable():
    """Publishing fails while inside, as with Redis stopped (a closed port)."""
    with producer_broker(f"redis://127.0.0.1:{free_port()}/0"):
        yield


@contextmanager
def database_refusing_connections():
    """PostgreSQL away for the worker and beat: their connections are cut and new ones
    refused; this process keeps its own connection, to set things right afterwards."""
    name = connection.settings_dict["NAME"]
    # Connected before the door closes: opened afterwards, this process would be refused too.
    connection.ensure_connection()
    # A database cannot refuse connections from a session of its own: the maintenance one does.
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )
        yield
    finally:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')


def end_orphaned_queries():
    """End the database sessions left waiting on a lock by processes that were killed.

    A killed client's query still runs when it was waiting for a lock the test held; a real
    process killed mid-task never sent it."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'",
            [connection.settings_dict["NAME"]],
        )


def lock_waiters():
    """How many database sessions of the test database wait for a lock."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'",
            [connection.settings_dict["NAME"]],
        )
        return cursor.fetchone()[0]


@contextmanager
def holding(statement, params=()):
    """Run ``statement`` (``LOCK TABLE ...``, ``SELECT ... FOR UPDATE``) in a transaction of a
    connection of its own and hold its locks until the block ends; this process's own
    connection stays free for the test."""
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with other.cursor() as cursor:
            cursor.execute("BEGIN")
            cursor.execute(statement, params)
            try:
                yield
            finally:
                cursor.execute("ROLLBACK")
    finally:
        other.close()
