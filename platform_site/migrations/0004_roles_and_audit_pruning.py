"""The roles take the new review permission of service institutions (see roles.py), and the
audit trail is pruned daily at 03:30 UTC (editable in the admin)."""

from django.db import migrations

from platform_site import roles
from platform_site.periodic_tasks import schedule


def install_roles(apps, schema_editor):
    roles.install(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("platform_site", "0003_audit_trail"),
        ("databases", "0012_file_indexes"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.RunPython(install_roles, migrations.RunPython.noop),
        schedule(
            "Audit trail pruning", "platform_site.tasks.prune_audit_trail", crontab="30 3 * * *"
        ),
    ]
