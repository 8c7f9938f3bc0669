"""Celery tasks of the CMS: the "Consult us" notifications."""

import logging
import smtplib

from celery import shared_task
from django.utils import timezone

from cms import services
from cms.models import Inquiry

logger = logging.getLogger(__name__)

# Transient failures of the mail server or the network: worth another try later.
TRANSIENT_MAIL_ERRORS = (OSError, smtplib.SMTPException)


@shared_task(bind=True, max_retries=5, acks_late=True)
def notify_inquiry(self, inquiry_id):
    """E-mail the secretariat and the sender about inquiry ``inquiry_id``, once.

    The inquiry is claimed by a conditional update of ``notified_at`` so a second run (a
    redelivered or duplicated message) sends nothing. A transient mail error releases the claim
    and retries with exponential backoff; the inquiry itself was stored before and stays.
    Returns True when the e-mails were sent by this run.
    """
    claimed = Inquiry.objects.filter(pk=inquiry_id, notified_at__isnull=True).update(
        notified_at=timezone.now()
    )
    if claimed != 1:
        logger.info("Inquiry %s is gone or was already notified", inquiry_id)
        return False
    inquiry = Inquiry.objects.select_related("country").get(pk=inquiry_id)
    try:
        services.send_inquiry_emails(inquiry)
    except TRANSIENT_MAIL_ERRORS as exc:
        Inquiry.objects.filter(pk=inquiry_id).update(notified_at=None)
        countdown = 60 * 2**self.request.retries
        logger.warning("Inquiry %s: mail failed (%s); retrying in %ss", inquiry_id, exc, countdown)
        raise self.retry(exc=exc, countdown=countdown) from exc
    except Exception:
        # Not worth retrying, but the inquiry must show in the admin as not notified.
        Inquiry.objects.filter(pk=inquiry_id).update(notified_at=None)
        raise
    return True
