"""The e-mail outbox: one row and one SMTP transaction per recipient, claims, failures and their
later attempts, the relay that queues again what was lost, and its schedule."""

import smtplib
from datetime import timedelta

import pytest
from celery.exceptions import Retry, SoftTimeLimitExceeded
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend
from django.db import OperationalError
from django.db.models import F
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from platform_site import mail as outbox
from platform_site import tasks
from platform_site.models import (
    OUTBOX_CLAIM,
    OUTBOX_MAX_ATTEMPTS,
    OUTBOX_RELAY_GRACE,
    OutgoingEmail,
)
from platform_site.tasks import relay_outbox, send_email

pytestmark = pytest.mark.django_db


def queued(*recipients, reply_to=None):
    return outbox.queue(
        EmailMessage("Hello", "Body", "noreply@example.org", list(recipients), reply_to=reply_to)
    )


def refusing(*addresses, code=451):
    """A send_messages that refuses ``addresses`` with ``code`` and delivers the others."""

    def send_messages(self, messages):
        (message,) = messages
        refused = {a: (code, b"Try again later") for a in message.to if a in addresses}
        if refused:
            raise smtplib.SMTPRecipientsRefused(refused)
        mail.outbox.append(message)
        return 1

    return send_messages


def test_one_row_and_one_message_per_recipient_with_the_reply_to(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        rows = queued("a@example.org", "b@example.org", reply_to=["ana@example.com"])
    assert [row.to for row in rows] == ["a@example.org", "b@example.org"]
    assert [message.to for message in mail.outbox] == [["a@example.org"], ["b@example.org"]]
    assert all(message.reply_to == ["ana@example.com"] for message in mail.outbox)
    assert OutgoingEmail.objects.filter(sent_at__isnull=False, body="").count() == 2


def test_a_recipient_refused_once_is_retried_alone(monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(EmailBackend, "send_messages", refusing("b@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        first, second = queued("a@example.org", "b@example.org")
    assert [message.to for message in mail.outbox] == [["a@example.org"]]
    second.refresh_from_db()
    assert second.sent_at is None and second.failed_at is None and "451" in second.last_error

    monkeypatch.setattr(EmailBackend, "send_messages", refusing())
    OutgoingEmail.objects.filter(pk=second.pk).update(next_attempt_at=timezone.now())
    assert relay_outbox() == 1
    assert [message.to for message in mail.outbox] == [["a@example.org"], ["b@example.org"]]


def test_a_recipient_refused_for_good_is_given_up(monkeypatch):
    monkeypatch.setattr(EmailBackend, "send_messages", refusing("b@example.org", code=550))
    (row,) = queued("b@example.org")
    assert send_email(row.pk) is False
    row.refresh_from_db()
    assert row.failed_at is not None and "550" in row.last_error
    OutgoingEmail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert relay_outbox() == 0
    assert send_email(row.pk) is False


def test_attempts_wait_longer_each_time_then_the_email_is_given_up(monkeypatch):
    monkeypatch.setattr(EmailBackend, "send_messages", refusing("b@example.org"))
    (row,) = queued("b@example.org")
    waits = []
    for _attempt in range(OUTBOX_MAX_ATTEMPTS):
        before = timezone.now()
        assert send_email(row.pk) is False
        row.refresh_from_db()
        waits.append(round((row.next_attempt_at - before).total_seconds() / 60))
    assert waits[:8] == [1, 2, 4, 8, 16, 32, 60, 60]
    assert row.attempts == OUTBOX_MAX_ATTEMPTS and row.failed_at is not None


def test_a_sender_out_of_time_lets_the_email_go(monkeypatch):
    def slow(self, messages):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(EmailBackend, "send_messages", slow)
    (row,) = queued("a@example.org")
    assert send_email(row.pk) is False
    row.refresh_from_db()
    assert row.claimed_at is None and row.attempts == 1 and row.sent_at is None


def test_the_email_is_marked_sent_before_the_connection_is_closed(monkeypatch):
    (row,) = queued("a@example.org")
    seen = []

    def close(self):
        seen.append(OutgoingEmail.objects.get(pk=row.pk).sent_at)
        raise smtplib.SMTPServerDisconnected("QUIT failed")

    monkeypatch.setattr(EmailBackend, "close", close, raising=False)
    assert send_email(row.pk) is True
    assert seen and seen[0] is not None
    assert len(mail.outbox) == 1


def test_a_delivery_the_database_could_not_record_is_recorded_by_a_retry_not_sent_again(
    monkeypatch,
):
    (row,) = queued("a@example.org")
    mark_sent = OutgoingEmail.objects.mark_sent

    def database_away(pk):
        raise OperationalError("the database went away")

    monkeypatch.setattr(OutgoingEmail.objects, "mark_sent", database_away)
    retried = {}

    def retry(**kwargs):
        retried.update(kwargs)
        return Retry()

    monkeypatch.setattr(send_email, "retry", retry)
    with pytest.raises(Retry):
        send_email(row.pk)
    assert retried["kwargs"] == {"delivered": True} and retried["countdown"] <= 5
    monkeypatch.setattr(OutgoingEmail.objects, "mark_sent", mark_sent)
    assert send_email(row.pk, **retried["kwargs"]) is True
    row.refresh_from_db()
    assert row.sent_at is not None
    assert len(mail.outbox) == 1


def test_a_claim_holds_until_it_expires():
    (row,) = queued("a@example.org")
    assert OutgoingEmail.objects.claim(row.pk) is not None
    assert OutgoingEmail.objects.claim(row.pk) is None
    OutgoingEmail.objects.filter(pk=row.pk).update(claimed_at=F("claimed_at") - OUTBOX_CLAIM)
    assert OutgoingEmail.objects.claim(row.pk) is not None


def test_the_relay_queues_what_was_lost_and_nothing_else():
    now = timezone.now()
    due = now - timedelta(seconds=1)
    lost, claim_expired, failed_before, fresh, being_sent, sent, given_up, too_old = [
        queued(f"{name}@example.org")[0]
        for name in (
            "lost",
            "expired",
            "retry",
            "fresh",
            "sending",
            "sent",
            "given-up",
            "old",
        )
    ]
    rows = OutgoingEmail.objects
    rows.filter(pk__in=[lost.pk, claim_expired.pk, failed_before.pk, being_sent.pk]).update(
        next_attempt_at=due
    )
    rows.filter(pk=claim_expired.pk).update(claimed_at=now - OUTBOX_CLAIM - timedelta(seconds=1))
    rows.filter(pk=failed_before.pk).update(attempts=2, last_error="451")
    rows.filter(pk=being_sent.pk).update(claimed_at=now)
    rows.filter(pk=sent.pk).update(next_attempt_at=due, sent_at=now)
    rows.filter(pk=given_up.pk).update(next_attempt_at=due, failed_at=now)
    rows.filter(pk=too_old.pk).update(next_attempt_at=due, created_at=now - timedelta(days=4))

    assert relay_outbox() == 3
    assert sorted(message.to[0] for message in mail.outbox) == [
        "expired@example.org",
        "lost@example.org",
        "retry@example.org",
    ]
    assert relay_outbox() == 0


def test_the_relay_waits_before_queueing_the_same_email_again(monkeypatch):
    (row,) = queued("a@example.org")
    OutgoingEmail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    published = []
    monkeypatch.setattr(send_email, "delay", published.append)
    assert relay_outbox() == 1
    assert relay_outbox() == 0  # its task may be waiting in the queue: left to it a while
    row.refresh_from_db()
    assert row.next_attempt_at > timezone.now() + OUTBOX_RELAY_GRACE - timedelta(seconds=5)
    assert published == [row.pk]


def test_the_relay_takes_a_bounded_batch_oldest_first(monkeypatch):
    rows = [queued(f"user{n}@example.org")[0] for n in range(3)]
    for age, row in enumerate(reversed(rows)):
        OutgoingEmail.objects.filter(pk=row.pk).update(
            next_attempt_at=timezone.now() - timedelta(minutes=age + 1)
        )
    published = []
    monkeypatch.setattr(send_email, "delay", published.append)
    monkeypatch.setattr(tasks, "RELAY_BATCH", 2)
    assert relay_outbox() == 2
    assert published == [rows[0].pk, rows[1].pk]


@pytest.mark.parametrize(
    ("task", "name"),
    [
        ("platform_site.tasks.relay_outbox", "E-mail outbox relay"),
        ("cms.tasks.relay_inquiries", "Inquiry notification relay"),
    ],
)
def test_the_relays_run_every_minute(task, name):
    periodic = PeriodicTask.objects.get(task=task)
    assert periodic.name == name and periodic.enabled
    assert (periodic.interval.every, periodic.interval.period) == (1, IntervalSchedule.MINUTES)
    assert periodic.expire_seconds == 60
