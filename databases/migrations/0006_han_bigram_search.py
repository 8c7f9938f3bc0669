"""Re-installs the search triggers so the vectors also index Chinese character pairs."""

from django.db import migrations

from databases import search

RECORD_MODELS = ["Technology", "Project", "Talent", "Enterprise", "ServiceInstitution"]


def reinstall(apps, schema_editor):
    from django.apps import apps as global_apps

    search.install_triggers(
        schema_editor, [global_apps.get_model("databases", name) for name in RECORD_MODELS]
    )


class Migration(migrations.Migration):
    dependencies = [("databases", "0005_investment_sort_nulls_last")]

    operations = [migrations.RunPython(reinstall, migrations.RunPython.noop)]
