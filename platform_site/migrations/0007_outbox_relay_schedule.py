"""Run the e-mail outbox's relay every minute: it queues again the e-mails whose task was lost
or failed (platform_site.tasks.relay_outbox)."""

from django.db import migrations

TASK = "platform_site.tasks.relay_outbox"


def schedule(apps, schema_editor):
    using = schema_editor.connection.alias
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_minute, _ = IntervalSchedule.objects.using(using).get_or_create(every=1, period="minutes")
    PeriodicTask.objects.using(using).get_or_create(
        name="E-mail outbox relay",
        # A round not taken within the minute is dropped: the next one does its work.
        defaults={"task": TASK, "interval": every_minute, "expire_seconds": 60},
    )


def unschedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.using(schema_editor.connection.alias).filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("platform_site", "0006_outbox_retries"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
