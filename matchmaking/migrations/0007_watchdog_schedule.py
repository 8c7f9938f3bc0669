"""Run the matchmaking watchdog every minute: it sends again the steps of the running run whose
messages were lost and fails a run that makes no progress (matchmaking.services.watch)."""

from django.db import migrations

from platform_site.periodic_tasks import schedule


class Migration(migrations.Migration):
    dependencies = [
        ("matchmaking", "0006_run_and_chunk_claims"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        schedule("Matchmaking watchdog", "matchmaking.tasks.watch_runs", every=(1, "minutes"))
    ]
