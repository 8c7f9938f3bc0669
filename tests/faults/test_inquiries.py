"""Faults of the "Consult us" notifications on a real worker, beat, Redis and SMTP server: every
inquiry's e-mails are queued once and delivered once to each recipient, whatever is killed or
stopped. "Time passes" as in test_email.py: the relays run every second and the grace they
leave to the tasks queued at commit is taken off the records' clocks."""

from django.db.models import F
from django.urls import reverse

from cms.inquiries import RELAY_GRACE
from cms.models import Inquiry, SiteSettings
from platform_site.models import OUTBOX_CLAIM, OutgoingEmail
from tests.faults.harness import (
    database_refusing_connections,
    end_orphaned_queries,
    holding,
    lock_waiters,
    wait_until,
)

RELAYS = {"platform_site.tasks.relay_outbox": 1, "cms.tasks.relay_inquiries": 1}
SECRETARIAT = ["secretariat@example.org", "info@example.org"]


def inquire(client, count):
    """``count`` inquiries through the "Consult us" form, from as many people and addresses."""
    SiteSettings.objects.update_or_create(pk=1, defaults={"emails": "\n".join(SECRETARIAT)})
    for n in range(count):
        response = client.post(
            reverse("cms:contact"),
            {
                "name": f"Visitor {n}",
                "email": f"visitor{n}@example.com",
                "topic": "project",
                "message": "We look for a partner for a 20 MW solar park.",
                "homepage": "",
            },
            REMOTE_ADDR=f"203.0.113.{n + 1}",
        )
        assert response.status_code == 302


def later():
    """As if the relays' grace had passed for every inquiry not notified, and every claim of
    a dead sender had expired and every pending attempt had come due."""
    Inquiry.objects.filter(notified_at__isnull=True).update(
        created_at=F("created_at") - RELAY_GRACE
    )
    OutgoingEmail.objects.pending().update(
        claimed_at=F("claimed_at") - OUTBOX_CLAIM,
        next_attempt_at=F("next_attempt_at") - OUTBOX_CLAIM,
    )


def notified(count):
    return Inquiry.objects.filter(notified_at__isnull=False).count() == count


def all_sent(count):
    return OutgoingEmail.objects.filter(sent_at__isnull=False).count() == count


def each_notice_once(count):
    expected = dict.fromkeys(SECRETARIAT, count)
    expected.update({f"visitor{n}@example.com": 1 for n in range(count)})
    return expected


def test_a_worker_killed_while_notifying_50_inquiries_loses_none_and_sends_none_twice(
    client, worker, beat, smtp
):
    beat.start(every=RELAYS)
    # The outbox locked: each pool process stops inside a notification, its inquiry marked
    # notified, its e-mails about to be written, and the whole worker is killed there.
    with holding("LOCK TABLE platform_site_outgoingemail IN SHARE MODE"):
        inquire(client, 50)
        wait_until(lambda: lock_waiters() == 2, what="both pool processes mid-notification")
        worker.kill()
        end_orphaned_queries()
    assert notified(0), "a killed notification left its inquiry marked notified"
    assert not OutgoingEmail.objects.exists()

    # A new worker (its supervisor restarts it) takes the messages still queued; the two the
    # killed worker held are the relay's, once their grace is over.
    worker.start()
    wait_until(lambda: notified(48), what="the queued notifications")
    later()
    wait_until(lambda: notified(50), what="the relay to notify the last two")
    wait_until(lambda: all_sent(150), timeout=60, what="every e-mail")
    assert smtp.deliveries == each_notice_once(50)


def test_the_secretariat_s_second_address_refused_once_gets_each_notice_once(
    client, worker, beat, smtp
):
    beat.start(every=RELAYS)
    smtp.refuse_once(SECRETARIAT[1], times=3)
    inquire(client, 3)
    wait_until(lambda: all_sent(6), what="the e-mails not refused")
    assert OutgoingEmail.objects.filter(to=SECRETARIAT[1], attempts=1, sent_at=None).count() == 3

    later()
    wait_until(lambda: all_sent(9), what="the refused notices' next attempt")
    assert smtp.deliveries == each_notice_once(3)


def test_inquiries_stored_while_redis_is_down_are_notified_once_it_is_back(
    client, redis, worker, beat, smtp
):
    beat.start(every=RELAYS)
    redis.stop()
    inquire(client, 3)  # stored; the notification's publish fails, logged
    assert Inquiry.objects.count() == 3 and notified(0)

    redis.start()
    later()
    wait_until(lambda: notified(3), timeout=90, what="the relay to notify them")
    wait_until(lambda: all_sent(9), what="their e-mails")
    assert smtp.deliveries == each_notice_once(3)


def test_database_errors_in_the_notification_task_are_retried(client, worker, smtp):
    with database_refusing_connections():
        inquire(client, 6)
        wait_until(
            lambda: worker.output().count("Retry in") >= 6,
            what="the tasks to fail on the database and be retried",
        )
    wait_until(lambda: notified(6), timeout=90, what="the retried notifications")
    wait_until(lambda: all_sent(18), what="their e-mails")
    assert smtp.deliveries == each_notice_once(6)
