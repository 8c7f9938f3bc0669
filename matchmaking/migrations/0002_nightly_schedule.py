"""Run the matchmaking every night at 01:00 UTC; staff can change the schedule in the admin."""

from django.db import migrations

TASK = "matchmaking.tasks.run_matchmaking"


def schedule(apps, schema_editor):
    using = schema_editor.connection.alias
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.using(using).get_or_create(
        minute="0",
        hour="1",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="UTC",
    )
    PeriodicTask.objects.using(using).get_or_create(
        name="Nightly matchmaking",
        defaults={"task": TASK, "crontab": crontab, "kwargs": '{"trigger": "schedule"}'},
    )


def unschedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.using(schema_editor.connection.alias).filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("matchmaking", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
