"""Members' submissions and the secretariat's review: applying the workflow's actions
(databases/workflow.py), working copies of published records, and saving members' forms.

A record is edited in place until it is first published. After that a member's edits go to a
*working copy* (a row of the same table with ``draft_of`` set and a non-public status), so the
published version stays public, unchanged, until a reviewer publishes the change: then the copy's
fields, relations and images are written onto the original and the copy is deleted.

Every state change is checked and applied under a lock of the record's row, so two reviewers,
or a double-clicked button, cannot both apply it.
"""

import logging
import uuid

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from databases import workflow
from databases.files import StorageError, discard, discard_media, store
from databases.models import (
    Membership,
    PublicationStatus,
    RecordImage,
    ReviewNote,
    ReviewStep,
)
from databases.registry import BY_MODEL
from databases.signals import record_published
from platform_site import audit, mail

logger = logging.getLogger(__name__)

S = PublicationStatus

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


def _describe_revision(user, comment):
    """Who and what for the history (django-reversion) of the records saved in this block."""
    if user is not None:
        reversion.set_user(user)
    reversion.set_comment(str(comment))


class _Invalid(Exception):
    """The member's form did not validate (rolls back what was made for it)."""


class WorkflowError(Exception):
    """The record is no longer in a state that allows the action (someone acted first)."""


def _copied_fields(model):
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in NOT_COPIED and not field.primary_key
    ]


def images_of(record):
    return RecordImage.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    )


def fill_default_language(record):
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


def pending_change(record):
    """The proposed change to a published record that awaits a decision, if any."""
    if record.draft_of_id or record.status != S.PUBLISHED:
        return None
    return type(record).objects.filter(draft_of=record).first()


def working_copy(record, user):
    """The row a member's edit is saved to: the record itself until it is first published,
    then its (new or existing) proposed change. A new copy carries ``image_ids``, which maps
    the original's images to the copy's."""
    if record.draft_of_id or record.status != S.PUBLISHED:
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
        copy.status = S.DRAFT
        copy.draft_of = record
        copy.owner = user
        copy.published_at = copy.submitted_at = copy.verified_at = None
        copy.save()
        for field in model._meta.many_to_many:
            getattr(copy, field.name).set(getattr(record, field.name).all())
        copy.image_ids = {}
        for image in images_of(record):
            original_pk = image.pk
            image.pk = None
            image.object_id = copy.pk
            image.save()
            copy.image_ids[original_pk] = image.pk
    return copy


def _apply_copy(copy):
    """Write a published working copy onto its original and delete the copy."""
    model = type(copy)
    original = model.objects.select_for_update().get(pk=copy.draft_of_id)
    for field in _copied_fields(model):
        setattr(original, field.attname, getattr(copy, field.attname))
    original.verified_at = timezone.now()
    original.save()
    for field in model._meta.many_to_many:
        getattr(original, field.name).set(getattr(copy, field.name).all())
    images_of(original).delete()
    content_type = ContentType.objects.get_for_model(model)
    RecordImage.objects.filter(content_type=content_type, object_id=copy.pk).update(
        object_id=original.pk
    )
    ReviewNote.objects.filter(content_type=content_type, object_id=copy.pk).update(
        object_id=original.pk
    )
    copy.delete()
    return original


def transition(record, name, user, comment=""):
    """Apply workflow action ``name`` (databases/workflow.py) to ``record`` for ``user``; returns
    the record as it now is (the original, when a proposed change was published).

    The one way a record's publication status or an enterprise's verification changes. Raises
    PermissionDenied when ``user`` may not take the action, WorkflowError when the record is no
    longer in a state that allows it (someone acted first).
    """
    action = workflow.ACTIONS[name]
    model = type(record)
    if action.step is None:
        raise ValueError(f"{name} is not a change of state")
    if not action.permitted(user, model):
        raise PermissionDenied
    now = timezone.now()
    values = {"updated_at": now}
    if action.target:
        values["status"] = action.target
    if name == "submit":
        values["submitted_at"] = now
    if name == "publish" and not record.draft_of_id:
        values["published_at"] = Coalesce("published_at", now)
        values["verified_at"] = now
        values.update(record.values_on_publication())
    if name == "verify":
        values.update(verified=True, verified_at=now)
    with transaction.atomic(), reversion.create_revision():
        _describe_revision(user, ReviewStep(action.step).label)
        # Under a lock, as the record is now: two reviewers, or a double-clicked button, cannot
        # both apply an action.
        locked = model.objects.select_for_update().filter(pk=record.pk).first()
        if locked is None or not action.applies_to(locked):
            raise WorkflowError(_("This record has changed meanwhile; reload the page."))
        ReviewNote.objects.create(record=locked, step=action.step, comment=comment, author=user)
        if name == "publish" and locked.draft_of_id:
            # A proposed change is never published itself: it is written onto its original and
            # deleted.
            record = _apply_copy(locked)
        else:
            model.objects.filter(pk=record.pk).update(**values)
            record = model.objects.get(pk=record.pk)
            if name == "reject":
                discard_media(record)
            # An update sends no save signal: add the new state to the history.
            reversion.add_to_revision(record)
        if action.role == workflow.REVIEWER:
            audit.record(name, user, record, comment=comment)
        if action.step in workflow.NOTIFIED_STEPS:
            notify_members(record, action.step, comment)
        if action.step == ReviewStep.PUBLISHED:
            record_published.send(sender=type(record), record=record)
    return record


def enterprise_of(record):
    """The enterprise whose members maintain ``record`` (the record itself for an enterprise)."""
    field = type(record).enterprise_field
    if field == "pk":
        return record
    return getattr(record, field) if field else None


def member_url(record):
    """The record's page in the member area, in the active language."""
    return reverse("databases:member-record", args=[BY_MODEL[type(record)].key, record.pk])


def notify_members(record, step, comment):
    """E-mail the decision to the enterprise's approved members, each in their own language."""
    enterprise = enterprise_of(record)
    if enterprise is None:
        return
    members = (
        Membership.objects.approved()
        .filter(enterprise=enterprise, user__is_active=True)
        .select_related("user__profile")
    )
    for membership in members:
        mail.queue_to_user(
            membership.user,
            "review_decision",
            lambda: {
                "record": record,
                "step": ReviewStep(step).label,
                "comment": comment,
                "url": settings.SITE_URL + member_url(record),
            },
        )


# Saving members' forms ------------------------------------------------------------------------

TOKEN_SECONDS = 60 * 60  # how long a new-record form's token recognises a repeated post


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
    gallery = images_of(record) if record is not None and record.pk else []
    return form_class(data, files, instance=record, for_review=for_review, gallery=gallery)


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
            _describe_revision(user, _("Saved by a member"))
            if record is None:
                instance = model(owner=user, status=S.DRAFT, **{model.enterprise_field: enterprise})
            else:
                instance = working_copy(record, user)
                # Under a lock, as it is now: another tab may have submitted it meanwhile.
                locked = model.objects.select_for_update().get(pk=instance.pk)
                if not workflow.allows(locked, "edit"):
                    raise WorkflowError(
                        _("This submission is being reviewed; you can edit it afterwards.")
                    )
            # The images offered for removal are those the member saw: the record's.
            gallery = images_of(record) if record is not None else []
            form = form_class(data, files, instance=instance, for_review=submit, gallery=gallery)
            if not form.is_valid():
                # Undoes the working copy that was made for the form.
                raise _Invalid
            saved = form.save(commit=False)
            fill_default_language(saved)
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
        return _posted_again(form_class, record, user, data, files, submit), None
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
    gallery = images_of(record)
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
    first = images_of(record).first()
    record.image = first.image.name if first else ""
    record.thumbnail = first.thumbnail.name if first else ""
    record.save(update_fields=["image", "thumbnail"])


# The reviewer's side-by-side view ---------------------------------------------------------------


def _display(record, field):
    if field.many_to_many:
        return ", ".join(str(item) for item in getattr(record, field.name).all())
    if field.choices:
        return getattr(record, f"get_{field.name}_display")()
    value = getattr(record, field.name)
    if value is None or value == "":
        return ""
    if hasattr(value, "url"):
        return value.name
    return str(value)


def comparison(record):
    """Every field of a submission (every language column of translated ones), with the
    published value beside it when ``record`` is a proposed change: [{label, before, after,
    changed}]."""
    model = type(record)
    original = record.draft_of
    fields = [
        field
        for field in [*_copied_fields(model), *model._meta.many_to_many]
        if field.name not in translator.get_options_for_model(model).fields and field.editable
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
                "before": before,
                "after": after,
                "changed": original is not None and before != after,
            }
        )
    return rows
