"""The bulk downloads' current files, and their hourly regeneration
(databases.tasks.export_open_data: only the databases whose published records changed)."""

from django.db import migrations, models

from platform_site.periodic_tasks import schedule


class Migration(migrations.Migration):
    dependencies = [
        ("databases", "0014_search_in_five_languages"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.CreateModel(
            name="DataDownload",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("database", models.CharField(max_length=20, verbose_name="database")),
                (
                    "format",
                    models.CharField(
                        choices=[("csv", "CSV"), ("json", "JSON"), ("xlsx", "XLSX")],
                        max_length=4,
                        verbose_name="format",
                    ),
                ),
                ("file", models.FileField(max_length=255, upload_to="", verbose_name="file")),
                ("byte_size", models.PositiveBigIntegerField(verbose_name="size in bytes")),
                ("row_count", models.PositiveIntegerField(verbose_name="records")),
                ("sha256", models.CharField(max_length=64, verbose_name="SHA-256 checksum")),
                ("generated_at", models.DateTimeField(verbose_name="generated")),
                ("fingerprint", models.CharField(max_length=64, verbose_name="fingerprint")),
            ],
            options={
                "verbose_name": "data download",
                "verbose_name_plural": "data downloads",
                "ordering": ["database", "format"],
                "indexes": [models.Index(fields=["file"], name="datadownload_file_idx")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("database", "format"), name="datadownload_one_current"
                    )
                ],
            },
        ),
        schedule("Open data downloads", "databases.tasks.export_open_data", every=(1, "hours")),
    ]
