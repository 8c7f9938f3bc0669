"""Whom the records' e-mails go to, and the review's decisions told to the enterprise's members.

Every e-mail goes through the outbox (platform_site/mail.py), in the caller's transaction, each
recipient's in their own language.
"""

from django.conf import settings
from django.urls import reverse

from databases.models import Membership, ReviewStep
from databases.registry import BY_MODEL
from platform_site import mail


def enterprise_of(record):
    """The enterprise whose members maintain ``record`` (the record itself for an enterprise)."""
    field = type(record).enterprise_field
    if field == "pk":
        return record
    return getattr(record, field) if field else None


def members_to_tell(enterprise):
    """The enterprise's approved members with active accounts, ready to be e-mailed."""
    memberships = Membership.objects.active_in(enterprise).select_related("user__profile")
    return [membership.user for membership in memberships]


def member_url(record):
    """The record's page in the member area, in the active language."""
    return reverse("databases:member-record", args=[BY_MODEL[type(record)].key, record.pk])


def notify_members(record, step, comment):
    """E-mail the review's decision ``step`` to the enterprise's members."""
    enterprise = enterprise_of(record)
    if enterprise is None:
        return
    for user in members_to_tell(enterprise):
        mail.queue_to_user(
            user,
            "review_decision",
            lambda: {
                "record": record,
                "step": ReviewStep(step).label,
                "comment": comment,
                "url": settings.SITE_URL + member_url(record),
            },
        )
