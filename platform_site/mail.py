"""Queue e-mails for the Celery task that sends them (platform_site.tasks.send_email)."""

from django.core.mail import EmailMultiAlternatives
from django.db import transaction


def queue(message):
    """Store ``message`` (an EmailMessage, one recipient per row) and send it after commit."""
    from platform_site.models import OutgoingEmail
    from platform_site.tasks import send_email

    html = ""
    if isinstance(message, EmailMultiAlternatives):
        html = next(
            (content for content, mimetype in message.alternatives if mimetype == "text/html"),
            "",
        )
    rows = [
        OutgoingEmail.objects.create(
            to=recipient, subject=message.subject, body=message.body, html_body=html
        )
        for recipient in message.to
    ]
    for row in rows:
        transaction.on_commit(lambda pk=row.pk: send_email.delay(pk), robust=True)
    return rows
