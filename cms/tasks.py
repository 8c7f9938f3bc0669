"""Celery tasks of the CMS: the "Consult us" notifications and their relay."""

import logging

from celery import shared_task

from cms import inquiries
from platform_site.tasks import RETRY_DATABASE_ERRORS

logger = logging.getLogger(__name__)

# Inquiries the relay queues again in one round.
RELAY_BATCH = 200


@shared_task(acks_late=True, soft_time_limit=30, time_limit=60, **RETRY_DATABASE_ERRORS)
def notify_inquiry(inquiry_id):
    """Queue the e-mails of inquiry ``inquiry_id`` (to the secretariat, to its sender) in the
    outbox, once; the outbox sends them. Returns True when this run queued them."""
    queued = inquiries.queue_emails(inquiry_id)
    if not queued:
        logger.info("Inquiry %s is gone or its e-mails are queued already", inquiry_id)
    return queued


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def relay_inquiries():
    """Queue again the notification of inquiries whose e-mails were never queued (every minute;
    its task was lost). Running it twice queues nothing twice: the inquiries' marks decide."""
    ids = inquiries.to_notify(RELAY_BATCH)
    for pk in ids:
        notify_inquiry.delay(pk)
    if ids:
        logger.warning("Inquiry relay: %s inquiries' notifications queued again", len(ids))
    return len(ids)
