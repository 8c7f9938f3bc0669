"""Full-text search on PostgreSQL: a trigger keeps each record's search_vector current,
and a GIN index serves the match. Nothing to do on SQLite (see databases/search.py)."""

from django.db import migrations

from databases import search

RECORD_MODELS = ["Technology", "Project", "Talent", "Enterprise", "ServiceInstitution"]


def _models():
    from django.apps import apps

    return [apps.get_model("databases", name) for name in RECORD_MODELS]


def install(apps, schema_editor):
    search.install_triggers(schema_editor, _models())


def uninstall(apps, schema_editor):
    search.uninstall_triggers(schema_editor, _models())


class Migration(migrations.Migration):
    dependencies = [("databases", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
