"""Faults of the e-mail outbox on a real worker, beat, Redis and SMTP server: every e-mail is
delivered, and once, whatever is killed or stopped, and no one restarts anything by hand.

"Time passes" moves the outbox's clocks back (``later``) instead of waiting for a claim to
expire (5 minutes) or an attempt to come due: beat runs the relay every second here."""

import time

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F

from platform_site import mail
from platform_site.models import OUTBOX_CLAIM, OutgoingEmail
from tests.faults.harness import (
    database_refusing_connections,
    end_orphaned_queries,
    holding,
    lock_waiters,
    wait_until,
)

RELAY = {"platform_site.tasks.relay_outbox": 1}


def queue(recipients, subject="Hello"):
    with transaction.atomic():
        return mail.queue(EmailMessage(subject, "Body", "noreply@example.org", recipients))


def later():
    """As if the claims of dead senders had expired and every pending attempt had come due."""
    OutgoingEmail.objects.pending().update(
        claimed_at=F("claimed_at") - OUTBOX_CLAIM,
        next_attempt_at=F("next_attempt_at") - OUTBOX_CLAIM,
    )


def all_sent(count):
    return OutgoingEmail.objects.filter(sent_at__isnull=False).count() == count


def test_a_pool_process_killed_while_sending_50_emails_loses_none_and_sends_none_twice(
    worker, beat, smtp
):
    beat.start(every=RELAY)
    recipients = [f"member{n}@example.org" for n in range(50)]
    queue(recipients)
    smtp.wait_for(10)
    # Both pool processes are caught in an SMTP session, each with its e-mail claimed.
    smtp.hold()
    wait_until(lambda: len(worker.children_connected_to(smtp.port)) == 2, what="two senders")
    killed = worker.kill_child(worker.children_connected_to(smtp.port)[0])
    smtp.release()

    # The others are sent; the killed one's message, given back to the queue, finds its
    # e-mail claimed and leaves it: nothing is sent twice while the claim holds.
    wait_until(lambda: all_sent(49), what="the 49 other e-mails")
    wait_until(lambda: "being sent" in worker.output(), what="the redelivered message")
    (lost,) = OutgoingEmail.objects.filter(sent_at__isnull=True)
    assert lost.claimed_at is not None and lost.attempts == 0

    later()
    wait_until(lambda: all_sent(50), what="the relay to send the killed sender's e-mail")
    assert smtp.deliveries == dict.fromkeys(recipients, 1)
    assert "Outbox relay: 1 e-mails queued again" in worker.output()
    assert killed not in worker.children()


def test_a_sender_killed_between_the_delivery_and_its_record_sends_it_twice_at_most(
    worker, beat, smtp
):
    """The at-least-once window: the mail server took the e-mail, the sender died before the
    UPDATE that records it. Its claim holds it back from a second delivery until it expires;
    then the relay sends it again, once. (The test's row lock stretches a window that is one
    UPDATE long in life.)"""
    beat.start(every=RELAY)
    smtp.hold()
    (row,) = queue(["ana@example.org"])
    wait_until(lambda: worker.children_connected_to(smtp.port), what="the sender")
    (sender,) = worker.children_connected_to(smtp.port)
    with holding("SELECT 1 FROM platform_site_outgoingemail WHERE id = %s FOR UPDATE", [row.pk]):
        smtp.release()
        smtp.wait_for(1)
        wait_until(lambda: lock_waiters() == 1, what="the sender to record the delivery")
        worker.kill_child(sender)
        end_orphaned_queries()

    wait_until(lambda: "being sent" in worker.output(), what="the redelivered message")
    time.sleep(2)  # several rounds of the relay: none sends it while the claim holds
    assert smtp.deliveries == {"ana@example.org": 1}
    row.refresh_from_db()
    assert row.sent_at is None and row.claimed_at is not None

    later()
    wait_until(lambda: all_sent(1), what="the relay to send it again")
    time.sleep(2)
    assert smtp.deliveries == {"ana@example.org": 2}


def test_a_recipient_refused_once_gets_its_email_later_and_the_others_once(worker, beat, smtp):
    beat.start(every=RELAY)
    smtp.refuse_once("b@example.org")
    queue(["a@example.org", "b@example.org", "c@example.org"])
    wait_until(lambda: all_sent(2), what="the e-mails not refused")
    refused = OutgoingEmail.objects.get(to="b@example.org")
    assert refused.attempts == 1 and "451" in refused.last_error

    later()
    wait_until(lambda: all_sent(3), what="the refused e-mail's next attempt")
    assert smtp.deliveries == {"a@example.org": 1, "b@example.org": 1, "c@example.org": 1}


def test_a_hung_mail_server_holds_a_sender_for_email_timeout_not_longer(worker, beat, smtp):
    """With EMAIL_TIMEOUT at 2 s, the senders give up, and are free, while the server still
    hangs; the e-mails are sent once it answers again."""
    worker.stop()
    worker.env["EMAIL_TIMEOUT"] = "2"
    worker.start()
    beat.start(every=RELAY)
    smtp.hold()
    recipients = [f"member{n}@example.org" for n in range(4)]
    queue(recipients)
    wait_until(
        lambda: OutgoingEmail.objects.filter(attempts=1, claimed_at__isnull=True).count() == 4,
        timeout=20,
        what="the senders to give up on the hung server",
    )
    assert smtp.total == 0
    assert "timed out" in OutgoingEmail.objects.first().last_error
    smtp.release()
    queue(["other@example.org"], subject="Another")
    wait_until(lambda: all_sent(1), what="another e-mail, sent at once")

    later()
    wait_until(lambda: all_sent(5), what="the e-mails held by the hung server")
    assert smtp.deliveries == dict.fromkeys([*recipients, "other@example.org"], 1)


def test_emails_queued_while_redis_is_down_are_sent_once_it_is_back(redis, worker, beat, smtp):
    beat.start(every=RELAY)
    redis.stop()
    started = time.monotonic()
    rows = queue([f"member{n}@example.org" for n in range(3)])  # the publish fails, logged
    publish_seconds = time.monotonic() - started
    assert OutgoingEmail.objects.filter(pk__in=[row.pk for row in rows]).count() == 3

    redis.start()
    later()
    wait_until(lambda: all_sent(3), timeout=90, what="the relay to send them")
    assert smtp.deliveries == {f"member{n}@example.org": 1 for n in range(3)}
    # The commit did not wait for the broker (a refused connection fails at once).
    assert publish_seconds < 10


def test_a_restarted_redis_keeps_the_queued_messages(redis, worker, smtp):
    """Its append-only file keeps the queue: nothing is left for a relay to recover."""
    worker.stop()
    queue([f"member{n}@example.org" for n in range(3)])
    redis.stop()
    redis.start()
    worker.start()
    wait_until(lambda: all_sent(3), what="the queued e-mails")
    assert smtp.deliveries == {f"member{n}@example.org": 1 for n in range(3)}


def test_database_errors_in_the_sending_task_are_retried(worker, smtp):
    with database_refusing_connections():
        queue([f"member{n}@example.org" for n in range(6)])
        wait_until(
            lambda: worker.output().count("Retry in") >= 6,
            what="the tasks to fail on the database and be retried",
        )
    wait_until(lambda: all_sent(6), timeout=90, what="the retried tasks")
    assert smtp.deliveries == {f"member{n}@example.org": 1 for n in range(6)}
