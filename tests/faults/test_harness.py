"""The harness itself: a queued e-mail reaches the SMTP server through a real worker, which
survives losing a pool process."""

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
