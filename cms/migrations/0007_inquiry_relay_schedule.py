"""Run the inquiries' relay every minute: it queues again the notification of inquiries whose
e-mails were never queued (cms.tasks.relay_inquiries)."""

from django.db import migrations

TASK = "cms.tasks.relay_inquiries"


def schedule(apps, schema_editor):
    using = schema_editor.connection.alias
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_minute, _ = IntervalSchedule.objects.using(using).get_or_create(every=1, period="minutes")
    PeriodicTask.objects.using(using).get_or_create(
        name="Inquiry notification relay",
        # A round not taken within the minute is dropped: the next one does its work.
        defaults={"task": TASK, "interval": every_minute, "expire_seconds": 60},
    )


def unschedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.using(schema_editor.connection.alias).filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_inquiry_notified_means_queued"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
