"""Stored files follow the rows that hold their names.

When a record or a gallery image is deleted, or a record's file field changes (a new image
or PDF, a removed one, a rejected submission's discarded ones), the names it held become
candidates; once the transaction commits, those that no file field of any row holds any more
are deleted from storage. Names are shared, which is why it is the rows that decide: a
working copy's images are its published original's files, and the demo records share a dozen
images between them.

The candidates are the names a row held when it was loaded (``post_init``), compared on save;
a candidate too many costs a lookup, never a file that a row still holds.
"""

import logging

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.db.models.signals import post_delete, post_init, post_save

from databases.models import RecordImage
from databases.registry import DATABASES

logger = logging.getLogger(__name__)

# Attributes: the names an instance's file fields held when loaded; a connection's candidates.
LOADED = "_stored_file_names"
PENDING = "_unreferenced_file_candidates"
# Names looked up per query (SQLite allows some 32,000 parameters in all, over every column).
BATCH = 500


def _file_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def referenced(names):
    """Those of ``names`` that a file field of some row holds, in one query."""
    querysets = [
        model._base_manager.filter(**{f"{field.attname}__in": names})
        .order_by()
        .values_list(field.attname, flat=True)
        for model in apps.get_models()
        for field in _file_fields(model)
    ]
    return set(querysets[0].union(*querysets[1:]))


def in_gallery(model, name):
    """Records of ``model`` with a gallery image that holds ``name``, for the media view's
    access check (the content type is joined in SQL: no lookup of its own, even in a fresh
    process)."""
    opts = model._meta
    images = RecordImage.objects.filter(
        Q(image=name) | Q(thumbnail=name),
        content_type__app_label=opts.app_label,
        content_type__model=opts.model_name,
    )
    return Q(pk__in=images.values("object_id"))


def delete_unreferenced(names):
    """Delete from storage those of ``names`` that no row holds."""
    names = sorted(set(names))
    held = set()
    for start in range(0, len(names), BATCH):
        held |= referenced(names[start : start + BATCH])
    discard(set(names) - held)


def discard(names):
    """Delete ``names`` from storage: files no row holds (any more)."""
    for name in names:
        try:
            default_storage.delete(name)
        except Exception:
            # The rows are committed or rolled back; a file left behind is only wasted space.
            logger.exception("Could not delete the unreferenced file %s", name)


class StorageError(Exception):
    """The media storage refused a file (not writable, full, unreachable)."""

    def __init__(self, name):
        super().__init__(name)
        self.name = name


def store(instance, field_name, upload_name, content, written):
    """Write ``content`` under the name ``instance``'s file field gives it, and point the field
    at it (the caller saves the row). The stored name is added to ``written``, the files to
    discard if the transaction is rolled back. Raises StorageError when the storage refuses
    the file, which is logged with its path."""
    field = instance._meta.get_field(field_name)
    name = field.generate_filename(instance, upload_name)
    try:
        name = field.storage.save(name, content, max_length=field.max_length)
    except Exception as error:
        # Whatever the storage raises: OSError on a disk, botocore's errors on S3.
        logger.exception("The media storage did not store %s", name)
        raise StorageError(name) from error
    written.append(name)
    setattr(instance, field.attname, name)


def _pending():
    """Candidate names of the current database connection, not yet checked."""
    connection = transaction.get_connection()
    if not hasattr(connection, PENDING):
        setattr(connection, PENDING, set())
    return getattr(connection, PENDING)


def _check_pending():
    pending = _pending()
    names = set(pending)
    pending.clear()
    if names:
        delete_unreferenced(names)


def forget(names):
    """Check ``names`` once the current transaction commits (at once outside of one).

    One check covers every candidate of the transaction; names of a rolled-back savepoint
    wait for the next commit, when their rows are found again and they are kept."""
    names = {name for name in names if name}
    if names:
        _pending().update(names)
        # Robust: a failure after the commit leaves files behind, never an error for the commit.
        transaction.on_commit(_check_pending, robust=True)


def _held(instance):
    """The stored names the instance's file fields hold, read without a query: deferred
    fields are left out, and a file assigned but not saved yet holds no stored name."""
    held = {}
    for field in _file_fields(type(instance)):
        value = instance.__dict__.get(field.attname)
        if isinstance(value, FieldFile):
            if value._committed:
                held[field.attname] = value.name or ""
        elif isinstance(value, str):
            held[field.attname] = value
    return held


def _remember(sender, instance, **kwargs):
    setattr(instance, LOADED, _held(instance))


def _forget_replaced(sender, instance, **kwargs):
    before, now = getattr(instance, LOADED, {}), _held(instance)
    forget(name for attname, name in before.items() if now.get(attname, name) != name)
    setattr(instance, LOADED, {**before, **now})


def _forget_deleted(sender, instance, **kwargs):
    forget(_held(instance).values())


def discard_media(record):
    """Drop a record's images and attachment (a rejected submission's): its gallery rows are
    deleted and its file fields emptied, and the files go unless another row, such as the
    published original of a rejected proposed change, still holds them."""
    record.gallery.all().delete()
    fields = [field.attname for field in _file_fields(type(record))]
    for attname in fields:
        setattr(record, attname, "")
    record.save(update_fields=fields)


def connect():
    for model in [database.model for database in DATABASES] + [RecordImage]:
        post_init.connect(_remember, sender=model, dispatch_uid=f"files-remember-{model}")
        post_save.connect(_forget_replaced, sender=model, dispatch_uid=f"files-saved-{model}")
        post_delete.connect(_forget_deleted, sender=model, dispatch_uid=f"files-deleted-{model}")
