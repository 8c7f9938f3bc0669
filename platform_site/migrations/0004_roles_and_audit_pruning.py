"""The roles take the new review permission of service institutions (see roles.py), and the
audit trail is pruned daily at 03:30 UTC (editable in the admin)."""

from django.db import migrations

from platform_site import roles

TASK = "platform_site.tasks.prune_audit_trail"


def install(apps, schema_editor):
    using = schema_editor.connection.alias
    roles.install(apps, using=using)
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.using(using).get_or_create(
        minute="30",
        hour="3",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="UTC",
    )
    PeriodicTask.objects.using(using).get_or_create(
        name="Audit trail pruning", defaults={"task": TASK, "crontab": crontab}
    )


def uninstall(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.using(schema_editor.connection.alias).filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("platform_site", "0003_audit_trail"),
        ("databases", "0012_file_indexes"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
