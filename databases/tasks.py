"""Celery tasks of the databases: the daily freshness reminders, the hourly clean-up of the
images kept for abandoned forms, the hourly open data files, and the count of the figures."""

from celery import shared_task

from databases import freshness, kept_uploads, open_data, statistics
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


# Idempotent (a database whose records did not change since its files is skipped, and files
# are swapped in one transaction), so a lost connection is retried; the next hour's round
# catches up with anything longer. A full export of 100,000 records takes about a minute.
@shared_task(
    acks_late=True,
    soft_time_limit=30 * 60,
    time_limit=30 * 60 + 30,
    **retry_database_errors(max_retries=3),
)
def export_open_data():
    """Scheduled hourly by django-celery-beat (migration 0015): the files of every database
    whose published records changed."""
    return open_data.export_all()


# Counts and overwrites one row: safe to run twice, so a lost connection is retried; the next
# page that finds the content changed asks again.
@shared_task(
    acks_late=True,
    soft_time_limit=10 * 60,
    time_limit=10 * 60 + 30,
    **retry_database_errors(max_retries=3),
)
def refresh_figures():
    """Asked for by the first page that finds the content changed since the last count
    (databases/statistics.py): the aggregates of the statistics, country and home pages."""
    statistics.refresh()
