"""Run the inquiries' relay every minute: it queues again the notification of inquiries whose
e-mails were never queued (cms.tasks.relay_inquiries)."""

from django.db import migrations

from platform_site.periodic_tasks import schedule


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_inquiry_notified_means_queued"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        schedule("Inquiry notification relay", "cms.tasks.relay_inquiries", every=(1, "minutes"))
    ]
