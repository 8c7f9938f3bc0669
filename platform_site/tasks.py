"""Celery tasks of the site: sending the outbox's e-mails and relaying those whose task was lost,
pruning the audit trail."""

import logging
import smtplib
from contextlib import suppress

from celery import shared_task
from django.core.mail import get_connection

from platform_site.celery import DATABASE_ERRORS, retry_database_errors
from platform_site.models import AuditEvent, OutgoingEmail

logger = logging.getLogger(__name__)

# Retried for about half an hour; the relays cover a longer outage.
RETRY_DATABASE_ERRORS = retry_database_errors(max_retries=10)
# E-mails the relay queues again in one round.
RELAY_BATCH = 500


def _refused_for_good(exc):
    """True when the mail server refused the recipient with a permanent (5xx) answer. Other
    failures, a wrong password or a full disk on the server included, are worth retrying."""
    return isinstance(exc, smtplib.SMTPRecipientsRefused) and all(
        500 <= code < 600 for code, _message in exc.recipients.values()
    )


# The hard time limit kills a sender stuck past EMAIL_TIMEOUT's reach; it is well within the
# claim (OUTBOX_CLAIM), so a live sender never loses its claim to another.
@shared_task(bind=True, acks_late=True, soft_time_limit=60, time_limit=90, **RETRY_DATABASE_ERRORS)
def send_email(self, email_id, delivered=False):
    """Send outbox e-mail ``email_id`` once, in an SMTP transaction of its own.

    It is claimed first (a conditional update), then sent, then marked sent before the
    connection is even closed: a sender killed before the mail server took the e-mail leaves a
    claim that expires and the relay sends it again; one killed in the moment between the
    server's acceptance and the mark (a single UPDATE) leaves the same, and the e-mail is sent
    twice: the at-least-once window, documented in docs/reliability.md. A failure releases the
    e-mail for the relay to try again later. ``delivered``: a retry that only records the
    delivery, the database having failed just after it. Returns True when this run sent it.
    """
    if delivered:
        OutgoingEmail.objects.mark_sent(email_id)
        return True
    row = OutgoingEmail.objects.claim(email_id)
    if row is None:
        logger.info("E-mail %s is gone, sent, given up or being sent", email_id)
        return False
    connection = get_connection()
    try:
        connection.open()
        connection.send_messages([row.as_message()])
    except Exception as exc:  # whatever it was, the e-mail was not sent
        with suppress(Exception):
            connection.close()
        OutgoingEmail.objects.release(email_id, exc, permanent=_refused_for_good(exc))
        logger.warning("E-mail %s not sent (%s); the relay will try again", email_id, exc)
        return False
    try:
        OutgoingEmail.objects.mark_sent(email_id)
    except DATABASE_ERRORS as exc:
        # Sent but not recorded: record it soon, before the claim expires and it is sent again.
        raise self.retry(kwargs={"delivered": True}, exc=exc, countdown=5, max_retries=60) from exc
    finally:
        # The delivery is recorded first: a server that fails at QUIT changes nothing.
        with suppress(Exception):
            connection.close()
    return True


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def relay_outbox():
    """Queue again the pending e-mails whose task was lost or failed (every minute).

    Running it twice, even at once, sends nothing twice: each round takes other rows, and the
    e-mails' claims decide who sends."""
    ids = OutgoingEmail.objects.take_for_relay(RELAY_BATCH)
    for pk in ids:
        send_email.delay(pk)
    if ids:
        logger.warning("Outbox relay: %s e-mails queued again", len(ids))
    return len(ids)


@shared_task(acks_late=True)
def prune_audit_trail():
    """Remove audit events older than AUDIT_RETENTION_DAYS (daily; running twice is harmless)."""
    removed = AuditEvent.objects.prune()
    logger.info("Audit trail: %s expired events removed", removed)
    return removed
