"""CSV and XLSX import and export of the databases and taxonomies (django-import-export).

Relations are written by their natural keys (a country's ISO code, a sector's code, an SDG's
number), so a spreadsheet reads well and travels between installations. Every row is validated
like a form (``clean_model_instances``) and shown in the admin's preview with its errors; an import
with any error saves nothing, and one that is confirmed runs in a single transaction.

A sheet changes a record's publication status or an enterprise's verification only through the
workflow's actions (databases/workflow.py), as the importing user: a reviewer's row that
publishes a record writes the review note and sends the e-mails that the review page would; for
anyone else such a row is an error. The review's dates are never imported.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from modeltranslation.translator import translator

from databases import workflow
from databases.models import (
    SDG,
    CooperationType,
    Country,
    Enterprise,
    Language,
    Project,
    PublicationStatus,
    Sector,
    ServiceInstitution,
    Talent,
    Technology,
    TechnologyField,
)
from databases.transitions import transition

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

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        """The review's columns are compared, not written: an empty cell or the value as exported
        leaves them as they are; a new status or verification is kept for ``import_instance``."""
        name = field.attribute
        if name not in (*workflow.REVIEW_STATE_FIELDS, *workflow.REVIEW_DATE_FIELDS):
            return super().import_field(field, instance, row, is_m2m, **kwargs)
        if field.column_name not in row:
            return None
        new = field.clean(row, **kwargs)
        if new in (None, "") or new == field.widget.clean(field.export(instance), row=row):
            return None
        if name in workflow.REVIEW_DATE_FIELDS:
            raise ValueError(_("Set by the review only: leave the column as it was exported."))
        if name == "status" and new not in PublicationStatus.values:
            raise ValueError(
                _("Unknown publication status “%(value)s”; use one of: %(choices)s.")
                % {"value": new, "choices": ", ".join(PublicationStatus.values)}
            )
        instance.review_changes[name] = new
        return None

    def import_instance(self, instance, row, **kwargs):
        instance.review_changes = {}
        instance.review_actions = []
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if instance.review_changes and not errors:
            try:
                instance.review_actions = workflow.actions_towards(
                    instance, kwargs.get("user"), **instance.review_changes
                )
            except ValidationError as error:
                errors = {next(iter(instance.review_changes)): error}
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if getattr(instance, "review_actions", None):
            return False
        return super().skip_row(instance, original, row, import_validation_errors)

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        for action in instance.review_actions:
            record = transition(instance, action.name, kwargs.get("user"))
            # What the preview's comparison and the next action see.
            for name in (*workflow.REVIEW_STATE_FIELDS, *workflow.REVIEW_DATE_FIELDS):
                if hasattr(record, name):
                    setattr(instance, name, getattr(record, name))


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
