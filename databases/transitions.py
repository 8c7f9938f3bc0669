"""The one way a record's publication status or an enterprise's verification changes: applying
an action of the workflow (databases/workflow.py) with ``transition``, whatever route it comes
from (the member area, the review page, the admin's bulk actions, spreadsheet imports).

Every action is checked and applied under a lock of the record's row, so two reviewers, or a
double-clicked button, cannot both apply it; it writes a review note, the record's history, the
audit trail for a reviewer's action, and the e-mails its enterprise's members hear about.
"""

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from databases import workflow
from databases.files import discard_media
from databases.history import describe_revision
from databases.models import ReviewNote, ReviewStep
from databases.notifications import notify_members
from databases.signals import record_state_changed
from databases.working_copies import apply_copy
from platform_site import audit
from platform_site.cache import content_changed


def _values(action, record, now):
    """The columns ``action`` sets on ``record``, besides what applying a copy writes."""
    values = {"updated_at": now}
    if action.target:
        values["status"] = action.target
    if action.name == "submit":
        values["submitted_at"] = now
    if action.name == "publish" and not record.draft_of_id:
        values["published_at"] = Coalesce("published_at", now)
        values["verified_at"] = now
        values.update(record.values_on_publication())
    if action.name == "verify":
        values.update(verified=True, verified_at=now)
    return values


def transition(record, name, user, comment=""):
    """Apply workflow action ``name`` to ``record`` for ``user``; returns the record as it now
    is (the original, when a proposed change was published). Verifying an enterprise under
    review publishes it, or hands it back to be completed (``workflow.resolve``).

    Raises PermissionDenied when ``user`` may not take the action, WorkflowError when the record
    is no longer in a state that allows it (someone acted first).
    """
    action = workflow.ACTIONS[name]
    model = type(record)
    if action.step is None:
        raise ValueError(f"{name} is not a change of state")
    if not action.permitted(user, model):
        raise PermissionDenied
    with transaction.atomic(), reversion.create_revision():
        # Under a lock, as the record is now: two reviewers, or a double-clicked button, cannot
        # both apply an action.
        locked = model.objects.select_for_update().filter(pk=record.pk).first()
        if locked is None or not action.applies_to(locked):
            raise workflow.WorkflowError(_("Someone changed this meanwhile; reload the page."))
        action = workflow.resolve(action, locked)
        name = action.name
        values = _values(action, locked, timezone.now())
        describe_revision(user, ReviewStep(action.step).label)
        ReviewNote.objects.create(record=locked, step=action.step, comment=comment, author=user)
        if name == "publish" and locked.draft_of_id:
            # A proposed change is never published itself: it is written onto its original and
            # deleted.
            record = apply_copy(locked)
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
        # The pages showing it are stale once this commits, and its matches may be.
        content_changed(sender=type(record), instance=record)
        record_state_changed.send(sender=type(record), record=record)
    return record
