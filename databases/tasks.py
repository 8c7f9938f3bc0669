"""Celery tasks of the databases: the daily freshness reminders, and the hourly clean-up of the
images kept for abandoned forms."""

from celery import shared_task

from databases import freshness, kept_uploads
from platform_site.celery import retry_database_errors


# Safe to run twice (each reminder is marked on its record), so a lost connection is retried;
# a longer outage waits for the next day's round.
@shared_task(
    acks_late=True,
    soft_time_limit=10 * 60,
    time_limit=10 * 60 + 30,
    **retry_database_errors(max_retries=5),
)
def remind_owners_of_ageing_records():
    """Scheduled daily by django-celery-beat (migration 0008)."""
    return freshness.remind()


# Touches only the media storage; what an outage leaves is deleted by the next hour's round.
@shared_task(soft_time_limit=5 * 60, time_limit=5 * 60 + 30)
def discard_stale_kept_images():
    """Scheduled hourly by django-celery-beat (migration 0013); returns how many files went."""
    return len(kept_uploads.discard_stale())
