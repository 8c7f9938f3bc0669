"""The Celery app and its task class. Without REDIS_URL tasks run eagerly in-process
(CELERY_TASK_ALWAYS_EAGER).

Every task's work is in the database before its message is published; the relays and the
matchmaking watchdog queue it again when the message is lost (docs/reliability.md). So a task is
published in one of two ways (``PlatformTask``): after the commit of the change that calls for
it, where a broker error is logged and left to the relays; or now, where it is raised to a
caller outside any transaction. Either way publishing fails fast while the broker is away:
after one failure a process does not try again for ``BROKER_RETRY_SECONDS`` and raises at once,
so a request that queues several tasks (an e-mail per recipient) pays the broker's timeout once,
not per task.
"""

import logging
import os
import time

from celery import Celery
from celery.contrib.django.task import DjangoTask
from django.db import InterfaceError, transaction
from django.db import OperationalError as DatabaseOperationalError
from kombu.exceptions import OperationalError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_site.settings")

logger = logging.getLogger(__name__)

BROKER_RETRY_SECONDS = 30
_broker_down_until = 0.0

# A database that is restarting or unreachable: worth trying the task again.
DATABASE_ERRORS = (DatabaseOperationalError, InterfaceError)


def retry_database_errors(max_retries):
    """A task's retry policy for database errors: 5, 10, 20 ... up to 300 seconds later, each
    jittered, ``max_retries`` times; what outlasts it is the relays' or the watchdog's."""
    return {
        "autoretry_for": DATABASE_ERRORS,
        "retry_backoff": 5,
        "retry_backoff_max": 300,
        "retry_jitter": True,
        "max_retries": max_retries,
    }


class PlatformTask(DjangoTask):
    """Every task's class (the app's ``task_cls``).

    ``delay_on_commit`` (and ``apply_async_on_commit``) is how a change queues its work: the
    message is published once the current transaction commits (at once outside one, never if
    it rolls back), so that the worker reads what was saved. An error then (the broker away)
    is logged, not raised into the request whose data is saved.

    ``delay`` (and ``apply_async``) publishes now and raises a broker error: for callers with
    no change of their own to commit, which tell the user (staff's buttons) or are recovered
    as a whole (a relay, the watchdog, a matchmaking step sending the next).
    """

    def apply_async(self, *args, **kwargs):
        global _broker_down_until
        if self.app.conf.task_always_eager:
            return super().apply_async(*args, **kwargs)
        if time.monotonic() < _broker_down_until:
            raise OperationalError("The broker failed moments ago; the relays queue this later.")
        try:
            return super().apply_async(*args, **kwargs)
        except OperationalError:
            _broker_down_until = time.monotonic() + BROKER_RETRY_SECONDS
            logger.warning(
                "The broker is unreachable: no task is queued from this process for %s s",
                BROKER_RETRY_SECONDS,
            )
            raise

    def apply_async_on_commit(self, *args, **kwargs):
        def publish():
            try:
                self.apply_async(*args, **kwargs)
            except Exception:
                logger.exception("Error queuing %s after the commit", self.name)

        transaction.on_commit(publish)

    def delay_on_commit(self, *args, **kwargs):
        self.apply_async_on_commit(args, kwargs)


app = Celery("platform_site", task_cls=PlatformTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
