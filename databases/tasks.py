"""Celery tasks of the databases: the daily freshness reminders."""

from celery import shared_task

from databases import freshness


@shared_task(acks_late=True)
def remind_owners_of_ageing_records():
    """Scheduled daily by django-celery-beat (migration 0008); safe to run twice."""
    return freshness.remind()
