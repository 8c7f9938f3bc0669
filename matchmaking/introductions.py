"""Introductions brokered by the secretariat, and members' feedback on matches.

request (a member, on one side) → forward (staff, to the other side) → accept or decline (the
other side) → outcome (either side, after acceptance). Each step is a conditional update of one
row and e-mails the people concerned, each in their own language.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from databases.models import Enterprise, Membership
from databases.registry import MEMBERS
from matchmaking.models import (
    OPEN_INTRODUCTIONS,
    Dismissal,
    Introduction,
    IntroductionStatus,
    Side,
)
from platform_site import l10n, mail
from platform_site.cache import changed_after_commit


class IntroductionError(Exception):
    """The introduction is no longer in a state that allows the step."""


def enterprise_ids(user):
    """The ids of the enterprises ``user`` is an approved member of: the sides they speak for."""
    return set(Enterprise.objects.of_member(user).values_list("pk", flat=True))


def sides_of(user, project, enterprise, mine=None):
    """The sides of a project–enterprise pair that ``user`` speaks for (``mine``: the ids of
    the user's enterprises, when the caller has them)."""
    if mine is None:
        mine = enterprise_ids(user)
    sides = []
    if project.enterprise_id in mine:
        sides.append(Side.PROJECT)
    if enterprise.pk in mine:
        sides.append(Side.ENTERPRISE)
    return sides


def latest_of(user, count=50, mine=None):
    """``user``'s latest introductions (on either side), each with what ``user`` may do with it
    now: ``can_answer`` and ``can_record`` (``mine``: ``enterprise_ids(user)``, when the caller
    has them)."""
    if mine is None:
        mine = enterprise_ids(user)
    found = list(
        Introduction.objects.visible_to(user)
        .select_related("project", "enterprise")
        .order_by("-created_at")[:count]
    )
    for introduction in found:
        introduction.can_answer = can_answer(introduction, user, mine)
        introduction.can_record = can_record_outcome(introduction, user, mine)
    return found


def can_answer(introduction, user, mine=None):
    """May ``user`` accept or decline ``introduction`` now: forwarded to the side they speak
    for (``answer``)."""
    return (
        introduction.status == IntroductionStatus.FORWARDED
        and _side_of(introduction, user, other=True, mine=mine) is not None
    )


def can_record_outcome(introduction, user, mine=None):
    """May ``user`` say how ``introduction`` went: accepted, and they speak for a side
    (``record_outcome``)."""
    return introduction.status == IntroductionStatus.ACCEPTED and bool(
        sides_of(user, introduction.project, introduction.enterprise, mine)
    )


def dismiss(match, side, user):
    Dismissal.objects.get_or_create(
        project=match.project, enterprise=match.enterprise, side=side, defaults={"user": user}
    )


def request(match, side, user, message=""):
    """Ask the secretariat for an introduction to a proposed partner; asking again returns the
    open one."""
    return request_pair(match.project, match.enterprise, side, user, message, run=match.run)


def request_pair(project, enterprise, side, user, message="", run=None):
    """Ask the secretariat to introduce ``project`` and ``enterprise`` (proposed by ``run``, or
    found by the member on the project's page); asking again returns the open one."""
    try:
        with transaction.atomic():
            introduction = Introduction.objects.create(
                project=project,
                enterprise=enterprise,
                run=run,
                requested_by=user,
                requesting_side=side,
                message=message,
            )
            _notify_secretariat(introduction)
            _notify(introduction, [user], "requested")
    except IntegrityError:
        return Introduction.objects.get(
            project=project, enterprise=enterprise, status__in=OPEN_INTRODUCTIONS
        )
    return introduction


def forward(introduction_ids, staff_user):
    """Staff pass requests to the other side, with the note they wrote on each; returns how
    many were forwarded."""
    forwarded = 0
    for pk in introduction_ids:
        with transaction.atomic():
            claimed = Introduction.objects.filter(
                pk=pk, status=IntroductionStatus.REQUESTED
            ).update(
                status=IntroductionStatus.FORWARDED,
                forwarded_at=timezone.now(),
                handled_by=staff_user,
            )
            if claimed == 1:
                changed_after_commit(MEMBERS)
                introduction = Introduction.objects.select_related("project", "enterprise").get(
                    pk=pk
                )
                _notify(introduction, _members(introduction, other=True), "forwarded")
                forwarded += 1
    return forwarded


def answer(introduction, user, accept):
    """The other side accepts or declines; on acceptance both sides get each other's contacts."""
    if _side_of(introduction, user, other=True) is None:
        raise IntroductionError(_("Only the other side can answer this request."))
    status = IntroductionStatus.ACCEPTED if accept else IntroductionStatus.DECLINED
    with transaction.atomic():
        updated = Introduction.objects.filter(
            pk=introduction.pk, status=IntroductionStatus.FORWARDED
        ).update(status=status, answered_at=timezone.now())
        if updated != 1:
            raise IntroductionError(_("This request has been answered already."))
        changed_after_commit(MEMBERS)
        introduction.refresh_from_db()
        if accept:
            everyone = _members(introduction, other=False) + _members(introduction, other=True)
            _notify(introduction, everyone, "accepted")
        else:
            _notify(introduction, _members(introduction, other=False), "declined")
    return introduction


def record_outcome(introduction, user, outcome, value_usd=None, co2=None, note=""):
    if not sides_of(user, introduction.project, introduction.enterprise):
        raise IntroductionError(_("Only the two sides can record how it went."))
    with transaction.atomic():
        updated = Introduction.objects.filter(
            pk=introduction.pk, status=IntroductionStatus.ACCEPTED
        ).update(
            outcome=outcome,
            outcome_at=timezone.now(),
            agreement_value_usd=value_usd,
            co2_reduction=co2,
            outcome_note=note,
        )
        if updated != 1:
            raise IntroductionError(
                _("An outcome can be recorded once the introduction is accepted.")
            )
        changed_after_commit(MEMBERS)
        introduction.refresh_from_db()
        # The other side hears what was recorded (and can correct it on its dashboard).
        mine = sides_of(user, introduction.project, introduction.enterprise)
        others = [side for side in (Side.PROJECT, Side.ENTERPRISE) if side not in mine]
        _notify(
            introduction,
            [u for side in others for u in _side_members(introduction, side)],
            "outcome",
        )
    return introduction


def _side_of(introduction, user, other=False, mine=None):
    """The side ``user`` speaks for in ``introduction`` (the answering side when ``other``)."""
    sides = sides_of(user, introduction.project, introduction.enterprise, mine)
    wanted = _other(introduction.requesting_side) if other else introduction.requesting_side
    return wanted if wanted in sides else None


def _other(side):
    return Side.ENTERPRISE if side == Side.PROJECT else Side.PROJECT


def _members(introduction, other):
    """The members of the requesting side (or of the other side)."""
    side = introduction.requesting_side
    return _side_members(introduction, _other(side) if other else side)


def _side_members(introduction, side):
    enterprise_id = (
        introduction.project.enterprise_id if side == Side.PROJECT else introduction.enterprise_id
    )
    members = Membership.objects.active_in(enterprise_id).select_related("user__profile")
    return [membership.user for membership in members]


def _notify(introduction, users, step):
    """E-mail ``users`` about ``step``, each in their language. The e-mails go to the outbox
    in the caller's transaction: they exist exactly when the step does (the relay sends them
    even if the task queued after the commit is lost)."""
    contacts = _contacts(introduction) if step == "accepted" else None
    for user in users:
        mail.queue_to_user(
            user,
            "introduction",
            lambda: {
                "introduction": introduction,
                "step": step,
                "contacts": contacts,
                "url": settings.SITE_URL + reverse("databases:member-dashboard"),
            },
        )


def _contacts(introduction):
    """What each side learns of the other once the introduction is accepted."""

    def people(side):
        return [
            {"name": user.get_full_name() or user.first_name, "email": user.email}
            for user in _side_members(introduction, side)
        ]

    return {
        "project": {"title": introduction.project.title, "people": people(Side.PROJECT)},
        "enterprise": {
            "title": introduction.enterprise.title,
            "website": introduction.enterprise.website,
            "people": people(Side.ENTERPRISE),
        },
    }


def _notify_secretariat(introduction):
    from cms.models import SiteSettings

    recipients = SiteSettings.get_solo().email_list
    if not recipients:
        return
    mail.queue_templated(
        "introduction_staff",
        recipients,
        settings.LANGUAGE_CODE,
        {
            "introduction": introduction,
            "url": settings.SITE_URL
            + reverse("admin:matchmaking_introduction_change", args=[introduction.pk]),
        },
    )


def told_in(story):
    """ "Agreement signed, 3 March 2026": the latest outcome of the introductions ``story``
    tells of, or "" when it tells of none with an outcome."""
    told = (
        Introduction.objects.filter(story=story)
        .exclude(outcome="")
        .order_by("-outcome_at")
        .only("outcome", "outcome_at")
        .first()
    )
    if told is None:
        return ""
    if told.outcome_at is None:
        return told.get_outcome_display()
    return f"{told.get_outcome_display()}, {l10n.date(told.outcome_at)}"
