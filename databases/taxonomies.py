"""Load the shared taxonomies from databases/taxonomy_data/*.json into their tables.

A JSON record names model fields; a translated field holds ``{language code: text}``. Rows are
upserted by their natural key, so loading twice changes nothing. Loading overwrites staff edits
of the rows that are in the files (names, descriptions, ordering, BRICS status) and leaves rows
that staff added alone. Migration 0003 and ``manage.py load_taxonomies`` both call ``load``.
"""

import json
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import translation
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname

DATA_DIR = Path(__file__).resolve().parent / "taxonomy_data"

# (file, model, natural key)
TAXONOMIES = [
    ("countries.json", "Country", "iso2"),
    ("sectors.json", "Sector", "code"),
    ("technology_fields.json", "TechnologyField", "code"),
    ("sdgs.json", "SDG", "number"),
    ("cooperation_types.json", "CooperationType", "code"),
    ("languages.json", "Language", "code"),
]


def read(filename):
    return json.loads((DATA_DIR / filename).read_text(encoding="utf-8"))


def columns(record):
    """Spread each translated field over the base column and one column per language."""
    values = {}
    for field, value in record.items():
        if isinstance(value, dict):
            values[field] = value[mt_settings.DEFAULT_LANGUAGE]
            for language in mt_settings.AVAILABLE_LANGUAGES:
                # NULL, not "", marks a missing translation, so modeltranslation falls back.
                values[build_localized_fieldname(field, language)] = value.get(language) or None
        else:
            values[field] = value
    return values


def load(apps=None, stdout=None, using=DEFAULT_DB_ALIAS):
    if apps is None:
        from django.apps import apps
    # The real models' modeltranslation descriptor reads the base column in the active
    # language; the default one keeps it equal to the English column.
    with translation.override(mt_settings.DEFAULT_LANGUAGE), transaction.atomic(using=using):
        for filename, model_name, key in TAXONOMIES:
            model = apps.get_model("databases", model_name)
            # A migration's historical model may predate a field or language the JSON has
            # since gained; a later migration that calls load() again fills those in.
            known = {field.name for field in model._meta.concrete_fields}
            rows = [
                {name: value for name, value in columns(record).items() if name in known}
                for record in read(filename)
            ]
            update_fields = sorted(set().union(*rows) - {key})
            model.objects.using(using).bulk_create(
                [model(**row) for row in rows],
                update_conflicts=True,
                unique_fields=[key],
                update_fields=update_fields,
            )
            if stdout is not None:
                stdout.write(f"{model._meta.verbose_name_plural}: {len(rows)} loaded")
    connection = connections[using]
    if connection.vendor == "postgresql":
        # Without statistics the planner takes these small tables for empty and picks
        # nested loops over the records' tables for facets such as "BRICS members".
        with connection.cursor() as cursor:
            for _filename, model_name, _key in TAXONOMIES:
                cursor.execute(f"ANALYZE {apps.get_model('databases', model_name)._meta.db_table}")
