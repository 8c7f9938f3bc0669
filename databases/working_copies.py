"""Working copies: how a member changes a record that is already public.

A record is edited in place until it is first published. After that a member's edits go to a
*working copy* (a row of the same table with ``draft_of`` set and a non-public status), so the
published version stays public, unchanged, until a reviewer publishes the change: then the copy's
fields, relations and images are written onto the original and the copy is deleted
(``apply_copy``, called by the review's transition). The reviewer compares the two side by side
(``comparison``).
"""

import datetime
from decimal import Decimal

from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import yesno
from django.utils import formats, timezone
from modeltranslation.translator import translator

from databases.models import PublicationStatus, RecordImage, ReviewNote

# Columns a working copy never takes over from, or gives back to, its original.
NOT_COPIED = {
    "id",
    "slug",
    "status",
    "draft_of",
    "owner",
    "created_at",
    "updated_at",
    "published_at",
    "submitted_at",
    "verified_at",
    "search_vector",
}
# Columns made from others when saved, which the reviewer does not compare: the small image is
# the image, smaller.
DERIVED = {"thumbnail"}


def _copied_fields(model):
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in NOT_COPIED and not field.primary_key
    ]


def _has_copies(record):
    """Whether member edits of ``record`` go to a working copy: it is a published original."""
    return not record.draft_of_id and record.status == PublicationStatus.PUBLISHED


def pending_change(record):
    """The proposed change to a published record that awaits a decision, if any."""
    if not _has_copies(record):
        return None
    return type(record).objects.filter(draft_of=record).first()


def working_copy(record, user):
    """The row a member's edit is saved to: the record itself until it is first published,
    then its (new or existing) proposed change. A new copy carries ``image_ids``, which maps
    the original's images to the copy's."""
    if not _has_copies(record):
        return record
    model = type(record)
    with transaction.atomic():
        # Locks the original: two first saves at once make one proposed change, not two.
        model.objects.select_for_update().filter(pk=record.pk).first()
        existing = model.objects.filter(draft_of=record).first()
        if existing is not None:
            return existing
        copy = model.objects.get(pk=record.pk)
        copy.pk = copy.id = None
        copy._state.adding = True
        copy.slug = ""
        copy.status = PublicationStatus.DRAFT
        copy.draft_of = record
        copy.owner = user
        copy.published_at = copy.submitted_at = copy.verified_at = None
        copy.save()
        for field in model._meta.many_to_many:
            getattr(copy, field.name).set(getattr(record, field.name).all())
        copy.image_ids = {}
        for image in RecordImage.objects.about(record):
            original_pk = image.pk
            image.pk = None
            image.object_id = copy.pk
            image.save()
            copy.image_ids[original_pk] = image.pk
    return copy


def apply_copy(copy):
    """Write a published working copy onto its original and delete the copy; returns the
    original. Runs in the caller's transaction, which holds the copy's row."""
    model = type(copy)
    original = model.objects.select_for_update().get(pk=copy.draft_of_id)
    for field in _copied_fields(model):
        setattr(original, field.attname, getattr(copy, field.attname))
    original.verified_at = timezone.now()
    original.save()
    for field in model._meta.many_to_many:
        getattr(original, field.name).set(getattr(copy, field.name).all())
    RecordImage.objects.about(original).delete()
    RecordImage.objects.about(copy).update(object_id=original.pk)
    ReviewNote.objects.about(copy).update(object_id=original.pk)
    copy.delete()
    return original


def _number(value):
    """An amount or quantity with the reader's separators: 5000000.00 reads 5,000,000 in
    English, 5 000 000 in Russian; decimals stay when there are any."""
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def _display(record, field):
    """What the reviewer reads for ``field`` of ``record``: its text, with numbers, dates and
    yes/no in the reader's language, or the stored file itself (the page shows the image, or
    links the file)."""
    if field.many_to_many:
        return ", ".join(str(item) for item in getattr(record, field.name).all())
    if field.choices:
        return getattr(record, f"get_{field.name}_display")()
    value = getattr(record, field.name)
    if value is None or value == "":
        return ""
    if isinstance(value, FieldFile):
        return value
    if isinstance(value, bool):
        return yesno(value)
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value)
    return str(value)


def _kind(field):
    if isinstance(field, models.ImageField):
        return "image"
    return "file" if isinstance(field, models.FileField) else "text"


def comparison(record):
    """Every field of a submission (every language column of translated ones), with the
    published value beside it when ``record`` is a proposed change: [{label, kind, before,
    after, changed}], ``kind`` "text", "image" or "file" (the values are then stored files)."""
    model = type(record)
    original = record.draft_of
    fields = [
        field
        for field in [*_copied_fields(model), *model._meta.many_to_many]
        if field.name not in translator.get_options_for_model(model).fields
        and field.editable
        and field.name not in DERIVED
    ]
    rows = []
    for field in fields:
        after = _display(record, field)
        before = _display(original, field) if original else None
        if not after and not before:
            continue
        rows.append(
            {
                "label": field.verbose_name,
                "kind": _kind(field),
                "before": before,
                "after": after,
                "changed": original is not None and before != after,
            }
        )
    return rows
