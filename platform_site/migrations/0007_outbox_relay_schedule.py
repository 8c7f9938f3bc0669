"""Run the e-mail outbox's relay every minute: it queues again the e-mails whose task was lost
or failed (platform_site.tasks.relay_outbox)."""

from django.db import migrations

from platform_site.periodic_tasks import schedule


class Migration(migrations.Migration):
    dependencies = [
        ("platform_site", "0006_outbox_retries"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        schedule("E-mail outbox relay", "platform_site.tasks.relay_outbox", every=(1, "minutes"))
    ]
