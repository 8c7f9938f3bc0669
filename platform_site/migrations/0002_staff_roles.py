"""The staff roles (Secretariat editor, Reviewer, Administrator) as groups: see roles.py."""

from django.db import migrations

from platform_site import roles


def install(apps, schema_editor):
    roles.install(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("platform_site", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cms", "0005_page_and_country_translations"),
        ("databases", "0009_expert_profiles"),
        ("matchmaking", "0002_nightly_schedule"),
        ("axes", "0010_accessattemptexpiration"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
