"""Indexes for the "largest first" sorts, on PostgreSQL only.

Those sorts put records without a figure last (DESC NULLS LAST), which a plain b-tree index
cannot serve backwards; SQLite does not accept NULLS LAST in an index at all, so these partial
indexes of published records are created by SQL on PostgreSQL and skipped elsewhere.
"""

from django.db import migrations

INDEXES = [
    # ProjectFilterSet sort "investment" and the investment-range facet.
    ("project_pub_invest_desc_idx", "databases_project", "investment_usd"),
    # ProjectFilterSet sort "co2".
    ("project_pub_co2_desc_idx", "databases_project", "co2_reduction"),
    # TechnologyFilterSet sort "co2".
    ("technology_pub_co2_desc_idx", "databases_technology", "co2_reduction"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({column} DESC NULLS LAST, id DESC) "
            "WHERE status = 'published'"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("databases", "0004_talent_full_name")]

    operations = [
        migrations.RemoveIndex(model_name="project", name="project_status_invest_idx"),
        migrations.RunPython(create, drop),
    ]
