"""Secretariat editors write, translate and publish the stories of cooperation like the site's
other pages (see roles.py)."""

from django.db import migrations

from platform_site import roles


def install(apps, schema_editor):
    roles.install(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("platform_site", "0008_technical_models_for_superusers"),
        ("cms", "0009_stories"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
