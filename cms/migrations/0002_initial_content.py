"""Load the client's English content (cms/content/content.json): the about pages, the five
country overviews, both ministerial meeting series and the site settings. Rows are upserted by
their natural keys, so running it again changes nothing; reversing it keeps the content."""

from django.db import migrations

from cms import content_loader


def load(apps, schema_editor):
    content_loader.load_initial_content(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("databases", "0003_load_taxonomies"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
