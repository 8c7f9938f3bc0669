"""The Administrator role no longer holds the permissions of the log-in lock-outs and of beat's
schedules: those models are for superusers only (see roles.py)."""

from django.db import migrations

from platform_site import roles


def install(apps, schema_editor):
    roles.install(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("platform_site", "0007_outbox_relay_schedule")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
