"""Administrators get the weight sets' permissions (see platform_site/roles.py), and the weights
are fitted from members' feedback every Monday at 00:30 UTC, before that night's run (editable
in the admin)."""

from django.db import migrations

from platform_site import roles

TASK = "matchmaking.tasks.fit_weights"


def install(apps, schema_editor):
    using = schema_editor.connection.alias
    roles.install(apps, using=using)
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.using(using).get_or_create(
        minute="30",
        hour="0",
        day_of_week="1",
        day_of_month="*",
        month_of_year="*",
        timezone="UTC",
    )
    PeriodicTask.objects.using(using).get_or_create(
        name="Weekly matchmaking weights from feedback",
        defaults={"task": TASK, "crontab": crontab, "kwargs": '{"trigger": "schedule"}'},
    )


def uninstall(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.using(schema_editor.connection.alias).filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("matchmaking", "0003_weight_sets"),
        ("platform_site", "0005_audit_matchmaking_weights"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
