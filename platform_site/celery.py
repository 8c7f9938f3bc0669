"""The Celery app. Without REDIS_URL tasks run eagerly in-process (CELERY_TASK_ALWAYS_EAGER).

Publishing a task fails fast when the broker is away: after one failure a process does not try
again for ``BROKER_RETRY_SECONDS`` and raises at once, so a request that queues several tasks
(an e-mail per recipient) pays the broker's timeout once, not per task. Every task's work is in
the database first; the relays and the matchmaking watchdog queue it again later
(docs/reliability.md).
"""

import logging
import os
import time

from celery import Celery, Task
from kombu.exceptions import OperationalError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_site.settings")

logger = logging.getLogger(__name__)

BROKER_RETRY_SECONDS = 30
_broker_down_until = 0.0


class BrokerAwareTask(Task):
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


app = Celery("platform_site", task_cls=BrokerAwareTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
