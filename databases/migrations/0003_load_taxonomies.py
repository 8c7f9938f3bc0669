"""Seed the shared taxonomies from databases/taxonomy_data; a later migration that ships
edited JSON can call the same loader again."""

from django.db import migrations

from databases import taxonomies


def load(apps, schema_editor):
    taxonomies.load(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("databases", "0002_search_triggers")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
