"""Load the translations added since 0003: the long page bodies, the country overviews and the
meeting summaries. On a fresh install 0003 has already loaded them and this changes nothing."""

from django.db import migrations

from cms import content_loader


def load(apps, schema_editor):
    content_loader.load_content_translations(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_event_policy_updated_at"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
