"""How introductions and expressions of interest stand, for the member reading their dashboard:
entries of the one status vocabulary (databases.workflow.status_display, ``{% status %}``),
registered by matchmaking/apps.py.

What a member reads depends on their side: the side asked to answer an introduction acts, the
side that asked waits; an interest reads differently to the member who sent it and to the
owner of the record it is about. ``introductions.latest_of`` and ``interest.latest_of`` mark
each row with the reader's side (``can_answer``, ``received``)."""

from django.utils.translation import gettext_lazy as _

from databases.workflow import MEMBER, SECRETARIAT
from matchmaking.models import InterestStatus, IntroductionStatus

CHECKED_BY_SECRETARIAT = (
    "waiting",
    _("Waiting for the secretariat"),
    _("The secretariat reads the message, then passes it on."),
    SECRETARIAT,
)
INTRODUCTION_STATUSES = {
    IntroductionStatus.REQUESTED: CHECKED_BY_SECRETARIAT,
    IntroductionStatus.FORWARDED: (
        "waiting",
        _("Waiting for the answer"),
        _("The secretariat passed the request on; you will hear the answer by e-mail."),
        None,
    ),
    IntroductionStatus.ACCEPTED: (
        "done",
        _("Accepted"),
        _("You have each other's contact details by e-mail. Tell us how it went."),
        None,
    ),
    IntroductionStatus.DECLINED: (
        "closed",
        _("Declined"),
        _("The other side declined the introduction."),
        None,
    ),
}
INTRODUCTION_TO_ANSWER = (
    "todo",
    _("Your answer is needed"),
    _("The secretariat passed this request to you: accept or decline it."),
    MEMBER,
)
SENT_INTEREST_STATUSES = {
    InterestStatus.REQUESTED: CHECKED_BY_SECRETARIAT,
    InterestStatus.FORWARDED: (
        "done",
        _("Forwarded to the owner"),
        _("Whoever published it has your message and replies to you by e-mail."),
        None,
    ),
    InterestStatus.CLOSED: ("closed", _("Closed"), _("Nothing more to do."), None),
}
RECEIVED_INTEREST_STATUSES = {
    InterestStatus.FORWARDED: (
        "todo",
        _("Your reply is awaited"),
        _("The secretariat passed this message to you: reply to the member by e-mail."),
        MEMBER,
    ),
    InterestStatus.CLOSED: ("closed", _("Closed"), _("Nothing more to do."), None),
}


def introduction_status(introduction):
    if introduction.status == IntroductionStatus.FORWARDED and getattr(
        introduction, "can_answer", False
    ):
        return INTRODUCTION_TO_ANSWER
    return INTRODUCTION_STATUSES[introduction.status]


def interest_status(interest):
    if getattr(interest, "received", False):
        # An owner hears of an interest once it is forwarded; one still requested reads as such.
        return RECEIVED_INTEREST_STATUSES.get(interest.status, CHECKED_BY_SECRETARIAT)
    return SENT_INTEREST_STATUSES[interest.status]
