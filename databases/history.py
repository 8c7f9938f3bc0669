"""Reverting records to earlier versions (django-reversion's *History* and *Recover deleted*)
restores what they say, never their review: the status, the verification and the review's dates
stay as they are now, and a deleted record comes back unpublished, as a draft (or archived, if it
had been published). Only the workflow's actions (databases/workflow.py) publish or verify.
Every save of a member or a reviewer says who made it, and why, in the history.
"""

import reversion
from django.utils.translation import gettext as _
from reversion.errors import RevertError

from databases import workflow
from databases.models import PublicationStatus, Record

REVIEW_FIELDS = (*workflow.REVIEW_STATE_FIELDS, *workflow.REVIEW_DATE_FIELDS)


def describe_revision(user, comment):
    """Who and what for the history of the records saved in the current revision block."""
    if user is not None:
        reversion.set_user(user)
    reversion.set_comment(str(comment))


def keep_review_state(revision):
    """Make ``revision.revert()`` leave the review state of every record it touches as it is
    (and mark the revision ``reverted`` once it has been)."""
    revert = revision.revert

    def revert_content_only(delete=False):
        states = [_review_state(version) for version in revision.version_set.all()]
        revert(delete=delete)
        for model, pk, state in filter(None, states):
            model._default_manager.filter(pk=pk).update(**state)
        revision.reverted = True

    revision.revert = revert_content_only


def _review_state(version):
    """(model, pk, the review columns to keep) for a record's version, None for other models."""
    model = version._model
    if model is None or not issubclass(model, Record):
        return None
    fields = [field.name for field in model._meta.concrete_fields if field.name in REVIEW_FIELDS]
    current = model._default_manager.filter(pk=version.object_id).values(*fields).first()
    if current is not None:
        return model, version.object_id, current
    old = version._object_version.object
    if old.draft_of_id:
        raise RevertError(
            _("A member's proposed change is not recovered: they can propose it again.")
        )
    was_public = old.status in (PublicationStatus.PUBLISHED, PublicationStatus.ARCHIVED)
    state = {"status": PublicationStatus.ARCHIVED if was_public else PublicationStatus.DRAFT}
    if "verified" in fields:
        state.update(verified=False, verified_at=None)
    return model, version.object_id, state
