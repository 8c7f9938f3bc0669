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
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from databases.models import Membership, MembershipStatus, PublicationStatus, ReviewStep
from databases.registry import BY_MODEL

MEMBER = "member"
REVIEWER = "reviewer"
SECRETARIAT = "secretariat"  # who acts next on a status: the reviewers, or the secretariat at large

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


def missing_for_review(record):
    """The labels of the fields ``record`` still lacks before it can be reviewed (its member
    form's ``required_for_review``)."""
    return BY_MODEL[type(record)].form(instance=record).missing_for_review()


def resolve(action, record):
    """``action`` as it applies to ``record`` now. Verifying an enterprise under review is its
    review: with a complete profile it is published too (a publication verifies); without, it is
    handed back to its administrators, who may then complete and submit it."""
    if action.name != "verify" or record.status not in UNDER_REVIEW:
        return action
    if missing_for_review(record):
        return replace(action, target=PublicationStatus.CHANGES_REQUESTED)
    return ACTIONS["publish"]


def outcome(action, record):
    """What the reviewer is told once ``action`` was applied and ``record`` is as it now is."""
    if action.name == "verify" and record.status == PublicationStatus.PUBLISHED:
        return _("“%(title)s” is verified and its profile published.") % {"title": record.title}
    if action.name == "verify" and record.status == PublicationStatus.CHANGES_REQUESTED:
        missing = missing_for_review(record)
        if missing:
            return _(
                "“%(title)s” is verified. Its profile is not published: it still needs "
                "%(fields)s. Its administrators were asked to complete it."
            ) % {"title": record.title, "fields": ", ".join(missing)}
    return action.done % {"title": record.title}


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


@dataclass(frozen=True)
class StatusInfo:
    """How a state reads to a member: a short label, what happens next, and who acts then
    (MEMBER, SECRETARIAT, or None when nobody needs to)."""

    tone: str  # the badge's look: "todo" (the member acts), "waiting", "done", "closed"
    label: str
    next_step: str
    actor: str | None
    missing: tuple = ()  # the fields still needed before the record can be reviewed


SUBMISSION_STATUSES = {
    PublicationStatus.DRAFT: (
        "todo",
        _("Draft"),
        _("Not sent yet: you complete it and submit it for review."),
        MEMBER,
    ),
    PublicationStatus.PENDING: (
        "waiting",
        _("Waiting for review"),
        ngettext_lazy(
            "Waiting for the secretariat's review, usually within %(days)s working day.",
            "Waiting for the secretariat's review, usually within %(days)s working days.",
            "days",
        ),
        SECRETARIAT,
    ),
    PublicationStatus.IN_REVIEW: (
        "waiting",
        _("In review"),
        _("The secretariat is reviewing it; you will hear its decision by e-mail."),
        SECRETARIAT,
    ),
    PublicationStatus.CHANGES_REQUESTED: (
        "todo",
        _("Changes requested"),
        _("You edit it as the secretariat asked and submit it again."),
        MEMBER,
    ),
    PublicationStatus.PUBLISHED: (
        "done",
        _("Published"),
        _("Public on the platform. You may propose changes; the secretariat reviews them first."),
        None,
    ),
    PublicationStatus.REJECTED: (
        "closed",
        _("Rejected"),
        _("The secretariat declined it. You may change it and submit it again."),
        MEMBER,
    ),
    PublicationStatus.ARCHIVED: (
        "closed",
        _("Archived"),
        _("No longer shown to visitors. Write to the secretariat to bring it back."),
        None,
    ),
}
# A verified enterprise's profile where it reads differently from any other submission.
VERIFIED_ENTERPRISE_STATUSES = {
    PublicationStatus.PUBLISHED: (
        "done",
        _("Verified and published"),
        _("Its profile is public. You can submit projects and technologies for it."),
        None,
    ),
    PublicationStatus.CHANGES_REQUESTED: (
        "todo",
        _("Verified · profile to complete"),
        _(
            "You can submit projects and technologies for it. Complete its profile and submit "
            "it for review to publish it."
        ),
        MEMBER,
    ),
}
UNVERIFIED_ENTERPRISE_STATUSES = {
    "review": (
        "waiting",
        _("Waiting for verification"),
        ngettext_lazy(
            "The secretariat checks the enterprise, usually within %(days)s working day; then "
            "you can submit projects and technologies.",
            "The secretariat checks the enterprise, usually within %(days)s working days; then "
            "you can submit projects and technologies.",
            "days",
        ),
        SECRETARIAT,
    ),
    "other": (
        "closed",
        _("Not verified"),
        _("Write to the secretariat to have it verified: until then, nobody submits for it."),
        MEMBER,
    ),
}
MEMBERSHIP_STATUSES = {
    MembershipStatus.REQUESTED: (
        "waiting",
        _("Waiting for approval"),
        ngettext_lazy(
            "The secretariat checks your request to join, usually within %(days)s working day.",
            "The secretariat checks your request to join, usually within %(days)s working days.",
            "days",
        ),
        SECRETARIAT,
    ),
    MembershipStatus.DECLINED: (
        "closed",
        _("Request declined"),
        _(
            "The secretariat declined your request to join. You may ask again, saying what "
            "your role in the enterprise is."
        ),
        MEMBER,
    ),
}


# How the models of the apps above this one read (matchmaking's introductions and expressions of
# interest): they register it with ``register_status``, as this app imports none of theirs.
OTHER_STATUSES = {}


def register_status(model, entry):
    """``status_display`` (and ``{% status %}``) reads an instance of ``model`` as
    ``entry(instance)`` says: a (tone, label, next step, actor) entry like this module's."""
    OTHER_STATUSES[model] = entry


def _info(entry, missing=()):
    tone, label, next_step, actor = entry
    next_step = next_step % {"days": settings.REVIEW_TARGET_DAYS}
    return StatusInfo(tone, str(label), str(next_step), actor, tuple(missing))


def status_display(record, with_missing=False):
    """How ``record`` (a submission, an enterprise, a membership, or a registered model's
    instance) stands, for its member: the one place templates ask (``{% status %}``). With
    ``with_missing``, a record the member is to complete lists the fields it still needs."""
    if (entry := OTHER_STATUSES.get(type(record))) is not None:
        return _info(entry(record))
    if isinstance(record, Membership):
        if record.status == MembershipStatus.APPROVED:
            return status_display(record.enterprise, with_missing)
        return _info(MEMBERSHIP_STATUSES[record.status])
    verified = getattr(record, "verified", None)
    if verified is False:
        under_review = record.status in UNDER_REVIEW
        return _info(UNVERIFIED_ENTERPRISE_STATUSES["review" if under_review else "other"])
    entry = (VERIFIED_ENTERPRISE_STATUSES if verified else {}).get(record.status)
    entry = entry or SUBMISSION_STATUSES[record.status]
    missing = missing_for_review(record) if with_missing and record.status in EDITABLE else ()
    return _info(entry, missing)
