"""The portal's e-mails: every one goes through the outbox (platform_site.models.OutgoingEmail),
one row per recipient, and a Celery task sends it (platform_site.tasks.send_email). They are
rendered from ``templates/emails/<name>_subject.txt`` and ``_body.txt`` in the recipient's
language."""

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from platform_site.models import OutgoingEmail
from platform_site.tasks import send_email


def queue(message):
    """Store ``message`` (an EmailMessage) as one outbox row per recipient, in the current
    transaction, and send each after commit. Sent or not then, the rows stay until sent."""
    html = ""
    if isinstance(message, EmailMultiAlternatives):
        html = next(
            (content for content, mimetype in message.alternatives if mimetype == "text/html"),
            "",
        )
    rows = [
        OutgoingEmail.objects.create(
            to=recipient,
            reply_to=list(message.reply_to),
            subject=message.subject,
            body=message.body,
            html_body=html,
        )
        for recipient in message.recipients()
    ]
    # A publish that fails (the broker away) is logged; the relay sends the row later.
    for row in rows:
        send_email.delay_on_commit(row.pk)
    return rows


def language_of(user):
    """The language ``user`` reads the site in (their profile's), else the default."""
    profile = getattr(user, "profile", None)
    return profile.language if profile else settings.LANGUAGE_CODE


def render(template, context):
    """The subject (on one line) and the body of e-mail ``template``, in the active language.

    The "email" template engine does not HTML-escape: these e-mails are plain text.
    """
    subject = render_to_string(f"{template}_subject.txt", context, using="email")
    body = render_to_string(f"{template}_body.txt", context, using="email")
    return " ".join(subject.split()), body


def queue_templated(template, recipients, language, context):
    """Render e-mail ``template`` in ``language`` and queue it to ``recipients``. ``context`` may
    be a callable, called in that language (so that its URLs carry the language's prefix)."""
    with translation.override(language):
        subject, body = render(template, context() if callable(context) else context)
    return queue(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, list(recipients)))


def queue_to_user(user, template, context):
    """``queue_templated`` to ``user``, in their language, with ``user`` in the context."""

    def values():
        return {"user": user, **(context() if callable(context) else context)}

    return queue_templated(template, [user.email], language_of(user), values)
