"""CSV and XLSX import and export of the databases and taxonomies (django-import-export).

Relations are written by their natural keys (a country's ISO code, a sector's code, an SDG's
number), so a spreadsheet reads well and travels between installations. Every row is validated
like a form (``clean_model_instances``) and shown in the admin's preview with its errors; an import
with any error saves nothing, and one that is confirmed runs in a single transaction.
"""

from import_export import fields, resources, widgets
from modeltranslation.translator import translator

from databases.models import (
    SDG,
    CooperationType,
    Country,
    Enterprise,
    Language,
    Project,
    Sector,
    ServiceInstitution,
    Talent,
    Technology,
    TechnologyField,
)

NATURAL_KEYS = {
    Country: "iso2",
    Sector: "code",
    TechnologyField: "code",
    CooperationType: "code",
    Language: "code",
    SDG: "number",
}
# Maintained by the site, not by spreadsheets.
RECORD_EXCLUDE = (
    "search_vector",
    "draft_of",
    "owner",
    "thumbnail",
    "submitted_at",
    "investment_usd",
)
SEPARATOR = "|"


class RecordResourceBase(resources.ModelResource):
    class Meta:
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False
        use_transactions = True

    def get_queryset(self):
        # Members' proposed changes are not records of their own.
        return super().get_queryset().filter(draft_of__isnull=True)


def _natural_key_fields(model):
    """Fields for ``model``'s relations to taxonomies and enterprises, by natural key."""
    declared = {}
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        target = field.related_model
        if target in NATURAL_KEYS:
            key = NATURAL_KEYS[target]
            widget = (
                widgets.ManyToManyWidget(target, separator=SEPARATOR, field=key)
                if field.many_to_many
                else widgets.ForeignKeyWidget(target, field=key)
            )
            declared[field.name] = fields.Field(
                attribute=field.name, column_name=field.name, widget=widget
            )
        elif target is Enterprise and not field.many_to_many:
            declared[field.name] = fields.Field(
                attribute=field.name,
                column_name=f"{field.name}_slug",
                widget=widgets.ForeignKeyWidget(Enterprise, field="slug"),
            )
    return declared


def _untranslated_columns(model):
    """The original columns of translated fields: the sheet has one column per language
    instead (``title_en``, ``title_zh_hans``, ...)."""
    return tuple(translator.get_options_for_model(model).fields)


def record_resource(model):
    meta = type(
        "Meta",
        (RecordResourceBase.Meta,),
        {"model": model, "exclude": RECORD_EXCLUDE + _untranslated_columns(model)},
    )
    return type(
        f"{model.__name__}Resource",
        (RecordResourceBase,),
        {**_natural_key_fields(model), "Meta": meta},
    )


def taxonomy_resource(model):
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "import_id_fields": [NATURAL_KEYS[model]],
            "exclude": ("id", *_untranslated_columns(model)),
            "clean_model_instances": True,
            "skip_unchanged": True,
            "use_transactions": True,
        },
    )
    return type(
        f"{model.__name__}Resource",
        (resources.ModelResource,),
        {**_natural_key_fields(model), "Meta": meta},
    )


RESOURCES = {
    model: record_resource(model)
    for model in (Technology, Project, Talent, Enterprise, ServiceInstitution)
} | {model: taxonomy_resource(model) for model in NATURAL_KEYS}
