"""Administrators get the weight sets' permissions (see platform_site/roles.py), and the weights
are fitted from members' feedback every Monday at 00:30 UTC, before that night's run (editable
in the admin)."""

from django.db import migrations

from platform_site import roles
from platform_site.periodic_tasks import schedule


def install_roles(apps, schema_editor):
    roles.install(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("matchmaking", "0003_weight_sets"),
        ("platform_site", "0005_audit_matchmaking_weights"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.RunPython(install_roles, migrations.RunPython.noop),
        schedule(
            "Weekly matchmaking weights from feedback",
            "matchmaking.tasks.fit_weights",
            crontab="30 0 * * 1",
            kwargs='{"trigger": "schedule"}',
        ),
    ]
