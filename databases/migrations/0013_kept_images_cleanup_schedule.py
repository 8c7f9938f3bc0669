"""Delete every hour the images kept for forms that were abandoned, once no token can claim them
(databases.tasks.discard_stale_kept_images)."""

from django.db import migrations

from platform_site.periodic_tasks import schedule


class Migration(migrations.Migration):
    dependencies = [
        ("databases", "0012_file_indexes"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        schedule(
            "Delete images kept for abandoned forms",
            "databases.tasks.discard_stale_kept_images",
            every=(1, "hours"),
        )
    ]
