"""Run the matchmaking watchdog every minute: it sends again the steps of the running run whose
messages were lost and fails a run that makes no progress (matchmaking.services.watch)."""

from django.db import migrations

TASK = "matchmaking.tasks.watch_runs"


def schedule(apps, schema_editor):
    using = schema_editor.connection.alias
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_minute, _ = IntervalSchedule.objects.using(using).get_or_create(every=1, period="minutes")
    PeriodicTask.objects.using(using).get_or_create(
        name="Matchmaking watchdog",
        # A round not taken within the minute is dropped: the next one does its work.
        defaults={"task": TASK, "interval": every_minute, "expire_seconds": 60},
    )


def unschedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.using(schema_editor.connection.alias).filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("matchmaking", "0006_run_and_chunk_claims"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
