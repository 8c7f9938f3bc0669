"""Delete every hour the images kept for forms that were abandoned, once no token can claim them
(databases.tasks.discard_stale_kept_images)."""

from django.db import migrations

TASK = "databases.tasks.discard_stale_kept_images"


def schedule(apps, schema_editor):
    using = schema_editor.connection.alias
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_hour, _ = IntervalSchedule.objects.using(using).get_or_create(every=1, period="hours")
    PeriodicTask.objects.using(using).get_or_create(
        name="Delete images kept for abandoned forms",
        # A round not taken within the hour is dropped: the next one does its work.
        defaults={"task": TASK, "interval": every_hour, "expire_seconds": 60 * 60},
    )


def unschedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.using(schema_editor.connection.alias).filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("databases", "0012_file_indexes"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
