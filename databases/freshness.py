"""Freshness of the records: owners are reminded before a record goes a year without an update,
and staff see (and can archive) what has gone stale."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from databases.notifications import enterprise_of, member_url, members_to_tell
from databases.registry import DATABASES
from platform_site import mail

logger = logging.getLogger(__name__)

STALE_AFTER = timedelta(days=365)
REMIND_BEFORE = timedelta(days=30)


def stale_cutoff(now=None):
    return (now or timezone.now()) - STALE_AFTER


def reminder_cutoff(now=None):
    return stale_cutoff(now) + REMIND_BEFORE


def due_for_reminder(model, now=None):
    """Published records within 30 days of a year without update, not yet reminded since."""
    not_reminded = Q(freshness_reminded_at__isnull=True) | Q(
        freshness_reminded_at__lt=F("updated_at")
    )
    return model.objects.published().filter(not_reminded, updated_at__lte=reminder_cutoff(now))


def recipients(record):
    """The record's enterprise's approved members, or its owner when it has no enterprise."""
    enterprise = enterprise_of(record)
    if enterprise is not None:
        return members_to_tell(enterprise)
    return [record.owner] if record.owner and record.owner.is_active else []


def remind(now=None):
    """E-mail the owners of every record due for a reminder, once per record and update.

    Each record is claimed by a conditional update of ``freshness_reminded_at`` before its
    e-mails are queued, so a second run (or two workers) sends nothing more. Returns the count.
    """
    now = now or timezone.now()
    reminded = 0
    for database in DATABASES:
        model = database.model
        for pk in due_for_reminder(model, now).values_list("pk", flat=True).iterator():
            claimed = due_for_reminder(model, now).filter(pk=pk).update(freshness_reminded_at=now)
            if claimed != 1:
                continue
            record = model.objects.select_related("owner__profile").get(pk=pk)
            for user in recipients(record):
                _queue_reminder(record, user, database)
            reminded += 1
    logger.info("Freshness reminders sent for %s records", reminded)
    return reminded


def _record_url(record, database):
    """Where the owner updates the record: its member page, or else its public page."""
    if database.takes_submissions:
        return member_url(record)
    return record.get_absolute_url()


def _queue_reminder(record, user, database):
    mail.queue_to_user(
        user,
        "freshness",
        lambda: {
            "record": record,
            "stale_on": record.updated_at + STALE_AFTER,
            "url": settings.SITE_URL + _record_url(record, database),
        },
    )
