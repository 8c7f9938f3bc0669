"""Celery tasks of the site: sending the queued e-mails, pruning the audit trail."""

import logging
import smtplib
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.utils import timezone

from platform_site.models import AuditEvent, OutgoingEmail

logger = logging.getLogger(__name__)

TRANSIENT_MAIL_ERRORS = (OSError, smtplib.SMTPException)


# How long a claim on an e-mail holds: a task that has not sent it by then has died.
CLAIM_SECONDS = 10 * 60


@shared_task(bind=True, max_retries=6, acks_late=True)
def send_email(self, email_id):
    """Send queued e-mail ``email_id`` once; a transient failure releases it and retries."""
    now = timezone.now()
    stale = now - timedelta(seconds=CLAIM_SECONDS)
    claimed = (
        OutgoingEmail.objects.filter(pk=email_id, sent_at__isnull=True)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale))
        .update(claimed_at=now)
    )
    if claimed != 1:
        logger.info("E-mail %s is gone, sent, or being sent", email_id)
        return False
    row = OutgoingEmail.objects.get(pk=email_id)
    message = EmailMultiAlternatives(row.subject, row.body, settings.DEFAULT_FROM_EMAIL, [row.to])
    if row.html_body:
        message.attach_alternative(row.html_body, "text/html")
    try:
        message.send()
    except TRANSIENT_MAIL_ERRORS as exc:
        OutgoingEmail.objects.filter(pk=email_id).update(
            claimed_at=None, attempts=row.attempts + 1, last_error=str(exc)[:500]
        )
        countdown = 60 * 2**self.request.retries
        logger.warning("E-mail %s failed (%s); retrying in %ss", email_id, exc, countdown)
        raise self.retry(exc=exc, countdown=countdown) from exc
    except Exception as exc:
        OutgoingEmail.objects.filter(pk=email_id).update(
            claimed_at=None, attempts=row.attempts + 1, last_error=str(exc)[:500]
        )
        raise
    # The links in the bodies must not outlive their delivery.
    OutgoingEmail.objects.filter(pk=email_id).update(
        sent_at=timezone.now(), body="", html_body="", attempts=row.attempts + 1, last_error=""
    )
    return True


@shared_task(acks_late=True)
def prune_audit_trail():
    """Remove audit events older than AUDIT_RETENTION_DAYS (daily; running twice is harmless)."""
    removed = AuditEvent.objects.prune()
    logger.info("Audit trail: %s expired events removed", removed)
    return removed
