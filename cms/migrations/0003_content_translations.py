"""Load the Chinese, Russian, Brazilian Portuguese and Hindi translations of the initial content
(cms/content/translations/<language>.json) into the translated columns, flagging each translated
record ``machine_translated`` for staff review. Running it again changes nothing; reversing it
keeps the translations."""

from django.db import migrations

from cms import content_loader


def load(apps, schema_editor):
    content_loader.load_content_translations(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_initial_content"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
