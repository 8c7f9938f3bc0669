"""Search in five languages: each language's columns indexed in its own dictionary, texts
folded (gisp_fold), and a trigram index of the titles for "did you mean" (pg_trgm).
Re-indexes every record (the trigger computes each row's vector again)."""

from django.db import migrations

from databases import search

RECORD_MODELS = ["Technology", "Project", "Talent", "Enterprise", "ServiceInstitution"]


def _models():
    from django.apps import apps as global_apps

    return [global_apps.get_model("databases", name) for name in RECORD_MODELS]


def install(apps, schema_editor):
    search.install_triggers(schema_editor, _models())
    search.install_title_trigrams(schema_editor, _models())


def uninstall(apps, schema_editor):
    search.uninstall_title_trigrams(schema_editor, _models())


class Migration(migrations.Migration):
    dependencies = [("databases", "0013_kept_images_cleanup_schedule")]

    operations = [migrations.RunPython(install, uninstall)]
