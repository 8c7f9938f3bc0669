"""Members' submissions: saving the member area's forms, onto a working copy once a record is
published (databases/working_copies.py), and submitting them for review (the workflow's "submit",
applied by databases/transitions.py).

A form's rows and files are saved in one transaction: an invalid form, or a file the media
storage refuses, leaves nothing behind, and the member gets the form back with what they typed.
"""

import logging
import uuid

import reversion
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from databases import workflow
from databases.files import StorageError, discard, store
from databases.history import describe_revision
from databases.models import PublicationStatus, RecordImage
from databases.transitions import transition
from databases.working_copies import pending_change, working_copy

logger = logging.getLogger(__name__)

TOKEN_SECONDS = 60 * 60  # how long a new-record form's token recognises a repeated post


class _Invalid(Exception):
    """The member's form did not validate (rolls back what was made for it)."""


def _refuse_while_reviewed(row):
    if not workflow.allows(row, "edit"):
        raise workflow.WorkflowError(
            _("This submission is being reviewed; you can edit it afterwards.")
        )


def row_to_edit(record):
    """The row a member's edit of ``record`` starts from: its proposed change, if it has one.
    Raises WorkflowError while that is being reviewed."""
    row = pending_change(record) or record
    _refuse_while_reviewed(row)
    return row


def _fill_default_language(record):
    """A member writes in their own language; where the English column is empty it gets the
    same text, so that every language has something to fall back to until staff translate."""
    options = translator.get_options_for_model(type(record))
    for field in options.fields:
        english = build_localized_fieldname(field, mt_settings.DEFAULT_LANGUAGE)
        if getattr(record, english, None):
            continue
        for code, _name in settings.LANGUAGES:
            value = getattr(record, build_localized_fieldname(field, code), None)
            if value:
                setattr(record, english, value)
                break


def new_token():
    return uuid.uuid4()


def _token_key(token):
    return f"submission-token:{token}"


def already_created(model, token, user):
    """The record a repeated post of the same new-record form created, if any."""
    if not token:
        return None
    pk = cache.get(_token_key(token))
    return model.objects.maintained_by(user).filter(pk=pk).first() if pk else None


def build_form(form_class, record, user, data=None, files=None, for_review=False):
    gallery = RecordImage.objects.about(record) if record is not None and record.pk else []
    return form_class(
        data, files, instance=record, for_review=for_review, gallery=gallery, user=user
    )


def save_submission(form_class, data, files, user, enterprise=None, record=None, submit=False):
    """Validate and save a member's form, onto a working copy when ``record`` is published.

    Returns ``(form, saved_record)``; ``saved_record`` is None when the form is invalid or the
    media storage refused a file (then nothing is stored and the form carries the errors and
    what was typed). Raises WorkflowError when the record went to review meanwhile.
    """
    model = form_class._meta.model
    # Files written for this form, removed again if its transaction rolls back.
    written = []
    try:
        with transaction.atomic(), reversion.create_revision():
            describe_revision(user, _("Saved by a member"))
            if record is None:
                instance = model(
                    owner=user,
                    status=PublicationStatus.DRAFT,
                    **{model.enterprise_field: enterprise},
                )
            else:
                instance = working_copy(record, user)
                # Under a lock, as it is now: another tab may have submitted it meanwhile.
                _refuse_while_reviewed(model.objects.select_for_update().get(pk=instance.pk))
            # The images offered for removal are those the member saw: the record's.
            gallery = RecordImage.objects.about(record) if record is not None else []
            form = form_class(
                data, files, instance=instance, for_review=submit, gallery=gallery, user=user
            )
            if not form.is_valid():
                # Undoes the working copy that was made for the form.
                raise _Invalid
            form.cleaned_data["images"] = form.images_to_add()
            saved = form.save(commit=False)
            _fill_default_language(saved)
            attachment = form.cleaned_data.get("attachment")
            if attachment is False:
                saved.attachment = ""
            elif attachment and hasattr(attachment, "content_type"):
                store(saved, "attachment", "attachment.pdf", attachment, written)
            saved.save()
            form.save_m2m()
            _update_gallery(saved, form.cleaned_data, getattr(instance, "image_ids", {}), written)
            token = form.cleaned_data.get("form_token")
            if record is None and token:
                cache.set(_token_key(token), saved.pk, TOKEN_SECONDS)
            if submit:
                saved = transition(saved, "submit", user)
    except _Invalid:
        form = _posted_again(form_class, record, user, data, files, submit)
        try:
            form.keep_images(user)
        except Exception:
            # The images are then chosen again, as before they were kept.
            logger.exception("Could not keep the images of a form sent back")
        return form, None
    except StorageError as error:
        # The rows are rolled back; the files written before the refused one go too.
        discard([*written, error.name])
        form = _posted_again(form_class, record, user, data, files, submit)
        form.add_error(
            None,
            _(
                "Your files could not be stored just now, so nothing was saved. What you typed "
                "is kept below: choose the files again and save once more, or try again later."
            ),
        )
        return form, None
    except Exception:
        # Rolled back for another reason (the database went away...): its files go too.
        discard(written)
        raise
    return form, saved


def _posted_again(form_class, record, user, data, files, submit):
    """The posted form with its errors, shown against the record as it was, not against the
    rolled-back working copy."""
    form = build_form(form_class, record, user, data, files, for_review=submit)
    form.is_valid()
    return form


def _update_gallery(record, cleaned, image_ids, written):
    """Add the new images, remove the ticked ones (``image_ids`` translates the original's
    images to a new working copy's); the first becomes the card image. The names of the
    files it stores are added to ``written``."""
    gallery = RecordImage.objects.about(record)
    removed = [image_ids.get(int(pk), int(pk)) for pk in cleaned.get("remove_images") or []]
    if not removed and not cleaned.get("images"):
        return
    if removed:
        gallery.filter(pk__in=removed).delete()
    position = (gallery.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    for number, renditions in enumerate(cleaned.get("images") or []):
        image = RecordImage(record=record, position=position + number)
        store(image, "image", renditions["full"].name, renditions["full"], written)
        store(image, "thumbnail", renditions["card"].name, renditions["card"], written)
        image.save()
    first = gallery.first()
    record.image = first.image.name if first else ""
    record.thumbnail = first.thumbnail.name if first else ""
    record.save(update_fields=["image", "thumbnail"])
