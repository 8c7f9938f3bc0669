"""The harness itself: a queued e-mail reaches the SMTP server through a real worker, which
survives losing a pool process, and a worker that exits is started again."""

import os
import signal
import time

from django.core.mail import EmailMessage
from django.db import transaction

from platform_site import mail
from tests.faults.harness import wait_until


def test_a_queued_email_is_delivered_once_by_the_worker_after_a_pool_process_was_killed(
    worker, smtp
):
    worker.kill_child()
    with transaction.atomic():
        mail.queue(EmailMessage("Hello", "Body", "noreply@example.org", ["ana@example.org"]))
    smtp.wait_for(1)
    assert smtp.deliveries == {"ana@example.org": 1}
    recipients, message = smtp.messages[0]
    assert recipients == ("ana@example.org",) and message["Subject"] == "Hello"
    wait_until(lambda: "succeeded" in worker.output(), what="the task to be logged")


def test_a_worker_that_exits_is_started_again_by_its_supervisor(worker, smtp):
    """As docker compose's restart policy starts the deployed worker again; a kill of the
    test's own (``worker.kill()``) is not undone."""
    first = worker.pid
    os.killpg(first, signal.SIGKILL)
    wait_until(lambda: worker.restarts == 1 and worker.running, what="the supervisor to start it")
    assert worker.pid != first
    with transaction.atomic():
        mail.queue(EmailMessage("Hello", "Body", "noreply@example.org", ["ana@example.org"]))
    smtp.wait_for(1)
    assert smtp.deliveries == {"ana@example.org": 1}

    worker.kill()
    time.sleep(2)  # the supervisor looks every half second
    assert not worker.running and worker.restarts == 1
