"""Run the matchmaking every night at 01:00 UTC; staff can change the schedule in the admin."""

from django.db import migrations

from platform_site.periodic_tasks import schedule


class Migration(migrations.Migration):
    dependencies = [
        ("matchmaking", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        schedule(
            "Nightly matchmaking",
            "matchmaking.tasks.run_matchmaking",
            crontab="0 1 * * *",
            kwargs='{"trigger": "schedule"}',
        )
    ]
