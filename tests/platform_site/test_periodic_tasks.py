"""The periodic tasks the migrations install (platform_site/periodic_tasks.py)."""

import pytest
from django.db import migrations
from django_celery_beat.models import PeriodicTask

from platform_site.periodic_tasks import schedule

pytestmark = pytest.mark.django_db

INTERVALS = {
    "cms.tasks.relay_inquiries": (1, "minutes", 60),
    "platform_site.tasks.relay_outbox": (1, "minutes", 60),
    "matchmaking.tasks.watch_runs": (1, "minutes", 60),
    "databases.tasks.discard_stale_kept_images": (1, "hours", 3600),
    "databases.tasks.export_open_data": (1, "hours", 3600),
}
CRONTABS = {
    "matchmaking.tasks.run_matchmaking": ("0", "1", "*"),
    "matchmaking.tasks.fit_weights": ("30", "0", "1"),
    "databases.tasks.remind_owners_of_ageing_records": ("0", "3", "*"),
    "platform_site.tasks.prune_audit_trail": ("30", "3", "*"),
}


@pytest.mark.parametrize("task", INTERVALS)
def test_tasks_on_an_interval_expire_when_the_next_round_is_due(task):
    every, period, expire_seconds = INTERVALS[task]
    periodic = PeriodicTask.objects.get(task=task)
    assert (periodic.interval.every, periodic.interval.period) == (every, period)
    assert periodic.expire_seconds == expire_seconds
    assert periodic.crontab is None and periodic.enabled


@pytest.mark.parametrize("task", CRONTABS)
def test_tasks_on_a_crontab_run_at_their_hour_in_utc(task):
    periodic = PeriodicTask.objects.get(task=task)
    crontab = periodic.crontab
    assert (crontab.minute, crontab.hour, crontab.day_of_week) == CRONTABS[task]
    assert str(crontab.timezone) == "UTC"
    assert periodic.interval is None and periodic.enabled


def test_the_nightly_runs_say_they_were_scheduled():
    for task in ("matchmaking.tasks.run_matchmaking", "matchmaking.tasks.fit_weights"):
        assert PeriodicTask.objects.get(task=task).kwargs == '{"trigger": "schedule"}'


def test_a_task_runs_either_on_an_interval_or_on_a_crontab():
    with pytest.raises(ValueError):
        schedule(
            "Both", "platform_site.tasks.relay_outbox", every=(1, "hours"), crontab="0 1 * * *"
        )
    assert isinstance(schedule("One", "x", crontab="0 1 * * *"), migrations.RunPython)
