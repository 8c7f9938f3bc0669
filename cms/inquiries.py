"""The rules of "Consult us" inquiries: the sender limit, the thanks page's reference link,
the e-mails to the secretariat and the sender, and the relay of notifications that were lost."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.core.validators import slug_re
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from cms.models import Inquiry, InquiryTopic, SiteSettings
from platform_site import mail

logger = logging.getLogger(__name__)

RATE_LIMIT = 3  # inquiries ...
RATE_WINDOW = timedelta(hours=1)  # ... per e-mail address or IP address in this window
THANKS_SALT = "cms.contact.thanks"
THANKS_MAX_AGE = 60 * 60 * 24  # seconds the thanks page link shows the reference number


def hash_ip(ip):
    """A salted SHA-256 (HMAC with SECRET_KEY) of the client IP; the raw address is never stored."""
    if not ip:
        return ""
    return salted_hmac("cms.inquiry.ip", ip, algorithm="sha256").hexdigest()


def rate_limited(email, ip_hash, now=None):
    """True when this e-mail address or IP hash sent the maximum of inquiries in the last hour."""
    since = (now or timezone.now()) - RATE_WINDOW
    sender = Q(email__iexact=email)
    if ip_hash:
        sender |= Q(ip_hash=ip_hash)
    return Inquiry.objects.filter(sender, created_at__gte=since).count() >= RATE_LIMIT


# The topic of an inquiry about a record of each kind ("Consult us about this").
ABOUT_TOPICS = {
    "technology": InquiryTopic.TECHNOLOGY,
    "project": InquiryTopic.PROJECT,
    "enterprise": InquiryTopic.PARTNERSHIP,
}


def initial_about(value):
    """The form's initial topic and message for an inquiry about the published record named
    by ``value`` ("<kind>:<slug>", a record page's "Consult us about this"); nothing for any
    other value."""
    from databases.browse import published_record

    kind, _colon, slug = (value or "").partition(":")
    if len(slug) > 220 or not slug_re.fullmatch(slug):
        return {}
    record = published_record(kind, slug)
    if record is None:
        return {}
    url = settings.SITE_URL + record.get_absolute_url()
    return {
        "topic": ABOUT_TOPICS.get(kind, InquiryTopic.OTHER),
        "message": _("About “%(title)s” (%(url)s):") % {"title": record.title, "url": url} + "\n\n",
    }


def thanks_token(inquiry):
    return signing.dumps(inquiry.pk, salt=THANKS_SALT)


def from_thanks_token(token):
    """The inquiry a thanks-page token was signed for, or None for a missing, forged or old one."""
    if not token:
        return None
    try:
        pk = signing.loads(token, salt=THANKS_SALT, max_age=THANKS_MAX_AGE)
    except signing.BadSignature:
        return None
    return Inquiry.objects.filter(pk=pk).first()


def admin_url(inquiry):
    """The inquiry's admin change page, absolute when settings.SITE_URL is set."""
    path = reverse("admin:cms_inquiry_change", args=[inquiry.pk])
    return settings.SITE_URL + path


def confirmation_context(inquiry):
    """What the sender's confirmation may say: it goes to an address nobody has verified, so it
    carries nothing the sender typed (name, organisation, message), or the form would make the
    platform send strangers anyone's text."""
    return {
        "reference": inquiry.reference,
        "topic": inquiry.get_topic_display(),
        "home_url": settings.SITE_URL + reverse("cms:home") if settings.SITE_URL else "",
    }


def emails(inquiry):
    """The secretariat notice (when recipients are set) and the sender's confirmation; the
    outbox sends each to each of its recipients on its own."""
    messages = []
    recipients = SiteSettings.get_solo().email_list
    if recipients:
        with translation.override(settings.LANGUAGE_CODE):
            context = {"inquiry": inquiry, "admin_url": admin_url(inquiry)}
            subject, body = mail.render("inquiry_secretariat", context)
        messages.append(
            EmailMessage(
                subject, body, settings.DEFAULT_FROM_EMAIL, recipients, reply_to=[inquiry.email]
            )
        )
    else:
        logger.warning("No site e-mail addresses: inquiry %s not sent to secretariat", inquiry.pk)
    with translation.override(inquiry.language or settings.LANGUAGE_CODE):
        subject, body = mail.render("inquiry_confirmation", confirmation_context(inquiry))
    messages.append(
        EmailMessage(
            subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            [inquiry.email],
            reply_to=recipients[:1] or None,
        )
    )
    return messages


def queue_emails(inquiry_id):
    """Put inquiry ``inquiry_id``'s e-mails in the outbox, once.

    The inquiry is marked notified by a conditional update in the same transaction as the
    outbox rows: notified means its e-mails are queued, and a second run (a redelivered
    message, the relay) queues nothing. A process killed midway leaves neither. Returns True
    when this run queued them.
    """
    with transaction.atomic():
        claimed = Inquiry.objects.filter(pk=inquiry_id, notified_at__isnull=True).update(
            notified_at=Now()
        )
        if claimed != 1:
            return False
        inquiry = Inquiry.objects.select_related("country").get(pk=inquiry_id)
        for message in emails(inquiry):
            mail.queue(message)
    return True


# The relay's rules for inquiries whose notification task was lost (cms.tasks.relay_inquiries):
# it leaves an inquiry this long to the task queued when it was stored...
RELAY_GRACE = timedelta(minutes=2)
# ...and leaves older ones alone: a confirmation days late would puzzle its reader; the admin
# lists them as not notified.
RELAY_MAX_AGE = timedelta(days=3)


def to_notify(limit):
    """The ids of up to ``limit`` inquiries whose e-mails were never queued, oldest first."""
    return list(
        Inquiry.objects.filter(
            notified_at__isnull=True,
            created_at__lt=Now() - RELAY_GRACE,
            created_at__gte=Now() - RELAY_MAX_AGE,
        )
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
