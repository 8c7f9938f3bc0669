"""The publication workflow of the records: what each state allows, to whom, and what it sets.

Every change of a record's publication status, and of an enterprise's verification, is one of
these actions, applied by ``transitions.transition`` whatever route it comes from: the member
area, the review page, the admin's bulk actions and spreadsheet imports. The member area, the
review page and their templates ask this table which actions a record allows
(``allowed_actions``); nothing else lists them.

Members edit and submit their enterprise's records (``can_edit``; the views scope them to their
enterprise); everything else takes the model's ``review_<model>`` permission, which only the
Reviewer and Administrator roles have (``may_review``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from databases.models import PublicationStatus, ReviewStep

MEMBER = "member"
REVIEWER = "reviewer"

# What a member may still edit and submit; pending and in-review submissions wait for the reviewer.
EDITABLE = (
    PublicationStatus.DRAFT,
    PublicationStatus.CHANGES_REQUESTED,
    PublicationStatus.REJECTED,
)
UNDER_REVIEW = (PublicationStatus.PENDING, PublicationStatus.IN_REVIEW)
# The columns only the workflow writes: no form, import or history revert changes them.
REVIEW_STATE_FIELDS = ("status", "verified")
REVIEW_DATE_FIELDS = ("published_at", "submitted_at", "verified_at")


class WorkflowError(Exception):
    """The record is no longer in a state that allows the action (someone acted first)."""


def _original(record):
    return not record.draft_of_id


def _unverified_original(record):
    return _original(record) and getattr(record, "verified", True) is False


def _publishable(record):
    # A proposed change is published only from the review: a draft of one is a member's unfinished
    # edit of a published record.
    return _original(record) or record.status in UNDER_REVIEW


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    role: str
    sources: tuple
    target: str | None  # the status it sets (None: the status stays)
    step: str | None  # what the record's review history records
    done: str = ""  # the message once done, with %(title)s
    needs_comment: bool = False
    when: Callable | None = None  # a further condition on the record

    def applies_to(self, record):
        return record.status in self.sources and (self.when is None or self.when(record))

    def permitted(self, user, model):
        """Whether ``user`` may take this action on records of ``model`` (members are scoped to
        their enterprise's records by the views that fetch them)."""
        if self.role == MEMBER:
            return user.is_authenticated
        return may_review(user, model)


ACTIONS = {
    action.name: action
    for action in (
        Action("edit", _("Edit"), MEMBER, (*EDITABLE, PublicationStatus.PUBLISHED), None, None),
        Action(
            "submit",
            _("Submit for review"),
            MEMBER,
            EDITABLE,
            PublicationStatus.PENDING,
            ReviewStep.SUBMITTED,
            _("Submitted for review. We will e-mail you the decision."),
        ),
        Action(
            "start_review",
            _("Start the review"),
            REVIEWER,
            (PublicationStatus.PENDING,),
            PublicationStatus.IN_REVIEW,
            ReviewStep.IN_REVIEW,
            _("The review of “%(title)s” has started."),
        ),
        Action(
            "publish",
            _("Publish"),
            REVIEWER,
            (*UNDER_REVIEW, PublicationStatus.DRAFT, PublicationStatus.ARCHIVED),
            PublicationStatus.PUBLISHED,
            ReviewStep.PUBLISHED,
            _("“%(title)s” is published."),
            when=_publishable,
        ),
        Action(
            "request_changes",
            _("Request changes"),
            REVIEWER,
            UNDER_REVIEW,
            PublicationStatus.CHANGES_REQUESTED,
            ReviewStep.CHANGES_REQUESTED,
            _("Changes to “%(title)s” were requested."),
            needs_comment=True,
        ),
        Action(
            "reject",
            _("Reject"),
            REVIEWER,
            UNDER_REVIEW,
            PublicationStatus.REJECTED,
            ReviewStep.REJECTED,
            _("“%(title)s” was rejected."),
            needs_comment=True,
        ),
        Action(
            "archive",
            _("Archive"),
            REVIEWER,
            (
                PublicationStatus.PUBLISHED,
                PublicationStatus.DRAFT,
                PublicationStatus.CHANGES_REQUESTED,
                PublicationStatus.REJECTED,
            ),
            PublicationStatus.ARCHIVED,
            ReviewStep.ARCHIVED,
            _("“%(title)s” is archived."),
            when=_original,
        ),
        Action(
            "verify",
            _("Verify the enterprise"),
            REVIEWER,
            tuple(PublicationStatus.values),
            None,
            ReviewStep.VERIFIED,
            _("“%(title)s” is verified."),
            when=_unverified_original,
        ),
    )
}
# The decisions the enterprise's members hear about by e-mail.
NOTIFIED_STEPS = {
    ReviewStep.CHANGES_REQUESTED,
    ReviewStep.REJECTED,
    ReviewStep.PUBLISHED,
    ReviewStep.ARCHIVED,
    ReviewStep.VERIFIED,
}


def can_edit(user, record):
    """Whether ``user`` may edit and submit ``record`` as a member: of its verified enterprise
    (as its administrator, for the enterprise's own profile). Its state decides what they may
    do with it now (``allowed_actions``)."""
    return type(record).objects.editable_by(user).filter(pk=record.pk).exists()


def may_review(user, model):
    opts = model._meta
    return user.is_authenticated and user.has_perm(f"{opts.app_label}.review_{opts.model_name}")


def allowed_actions(record, role, user=None):
    """The actions of ``role`` that ``record`` allows now, in the table's order; with ``user``,
    only those the user may take."""
    return [
        action
        for action in ACTIONS.values()
        if action.role == role
        and action.applies_to(record)
        and (user is None or action.permitted(user, type(record)))
    ]


def allows(record, name):
    return ACTIONS[name].applies_to(record)


def actions_towards(record, user, status=None, verified=None):
    """The reviewer actions that take ``record`` from its state to the ``status`` (and
    ``verified``) asked for, e.g. by a spreadsheet row; raises ValidationError when no action
    leads there or ``user`` may not take it. ``None`` means unchanged."""
    steps = []
    if status is not None and status != record.status:
        step = next(
            (
                action
                for action in ACTIONS.values()
                if action.role == REVIEWER and action.target == status and action.applies_to(record)
            ),
            None,
        )
        if step is None:
            raise ValidationError(
                _("The publication status cannot go from “%(old)s” to “%(new)s”."),
                code="workflow",
                params={
                    "old": PublicationStatus(record.status).label,
                    "new": PublicationStatus(status).label,
                },
            )
        steps.append(step)
    will_verify = any(step.name == "publish" for step in steps) and hasattr(record, "verified")
    if verified is not None and verified != getattr(record, "verified", verified):
        if not verified:
            raise ValidationError(
                _("A spreadsheet cannot withdraw a verification: archive the enterprise instead."),
                code="workflow",
            )
        if not will_verify:
            steps.append(ACTIONS["verify"])
    if steps and (user is None or not all(step.permitted(user, type(record)) for step in steps)):
        raise ValidationError(
            _(
                "Only a reviewer can change the publication status or the verification; "
                "leave these columns as they were exported."
            ),
            code="review_permission",
        )
    return steps
