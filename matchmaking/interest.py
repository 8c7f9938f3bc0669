"""Members express interest in a public record; the secretariat forwards it to the owner.

A member of a verified enterprise may express interest, with a short message, in any published
record but their own enterprise's. In a project that an enterprise keeps, the interest is a
request for an introduction between the project and the member's enterprise: the pair that
introductions broker, with their answer and outcome (``introductions.request_pair``). In any
other record (a technology, an enterprise, an expert, an institution: no project on either
side) it is an ``Interest``: the secretariat forwards the message to whoever keeps the record
(the members of its enterprise, else the address the record gives), who reply to the member.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from databases.models import Enterprise, Membership, MembershipStatus, Project
from databases.registry import DATABASES, member_areas
from matchmaking import introductions
from matchmaking.models import (
    OPEN_INTERESTS,
    OPEN_INTRODUCTIONS,
    Interest,
    InterestStatus,
    Introduction,
    Side,
)
from platform_site import cache as page_cache
from platform_site import mail

RATE_LIMIT = 10  # expressions of interest (and introduction requests) ...
RATE_WINDOW = timedelta(days=1)  # ... per member in this window


class InterestRefused(Exception):
    """The member may not express this interest now."""


@dataclass
class NextStep:
    """What a signed-in member can do on a record's page: ``state`` is "express" (with the ids
    of the ``enterprises`` they may speak for), "open" (the ``existing`` interest), "own",
    "waiting" (a membership or an enterprise not yet approved) or "none" (no enterprise)."""

    state: str
    enterprises: list = field(default_factory=list)
    existing: object = None


@dataclass(frozen=True)
class Standing:
    """What a member's next step on any record depends on: the enterprises they speak for (id:
    name), whether a membership of theirs awaits a decision, and what those enterprises have
    open: introductions (their projects' ids) and interests ((content type id, record id))."""

    enterprises: dict
    waiting: bool
    introductions: frozenset
    interests: frozenset


def standing(user):
    """``user``'s ``Standing``, kept until a membership, an enterprise, an introduction or an
    interest changes (platform_site/cache.py): every record page they open reads it."""
    return page_cache.kept(f"standing:{user.pk}", member_areas(), partial(_standing, user))


def _standing(user):
    enterprises = dict(enterprises_of(user).values_list("pk", "title"))
    waiting = (
        not enterprises
        and Membership.objects.of(user).exclude(status=MembershipStatus.DECLINED).exists()
    )
    # (Of no enterprise, Django knows there is none without asking.)
    introductions = Introduction.objects.filter(
        enterprise__in=list(enterprises), status__in=OPEN_INTRODUCTIONS
    ).values_list("project_id", flat=True)
    interests = Interest.objects.filter(
        enterprise__in=list(enterprises), status__in=OPEN_INTERESTS
    ).values_list("content_type_id", "object_id")
    return Standing(enterprises, waiting, frozenset(introductions), frozenset(interests))


def enterprises_of(user):
    """The verified enterprises ``user`` is an approved member of: those they speak for."""
    memberships = Membership.objects.approved().of(user).filter(enterprise__verified=True)
    return Enterprise.objects.filter(pk__in=memberships.values("enterprise")).order_by("title")


def is_introduction(record):
    return isinstance(record, Project) and record.enterprise_id is not None


def open_interest(record, enterprises):
    """The open interest (or introduction) of one of ``enterprises`` in ``record``, or None;
    its ``enterprise`` is the one of ``enterprises`` (not read again)."""
    if is_introduction(record):
        found = Introduction.objects.filter(
            project=record, enterprise__in=enterprises, status__in=OPEN_INTRODUCTIONS
        ).first()
    else:
        found = Interest.objects.filter(
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            enterprise__in=enterprises,
            status__in=OPEN_INTERESTS,
        ).first()
    if found is not None:
        found.enterprise = next(item for item in enterprises if item.pk == found.enterprise_id)
    return found


def next_step(user, record):
    known = standing(user)
    if not known.enterprises:
        return NextStep("waiting" if known.waiting else "none")
    candidates = [pk for pk in known.enterprises if pk != record.keeper_id]
    if not candidates:
        return NextStep("own")
    if is_introduction(record):
        has_open = record.pk in known.introductions
    else:
        has_open = (ContentType.objects.get_for_model(record).pk, record.pk) in known.interests
    if has_open:
        # The standing names them: no need to read them again.
        mine = [Enterprise(pk=pk, title=known.enterprises[pk]) for pk in candidates]
        existing = open_interest(record, mine)
        if existing is not None:
            return NextStep("open", existing=existing)
    return NextStep("express", enterprises=candidates)


def rate_limited(user, now=None):
    """True when ``user`` asked for the most introductions and interests a day allows."""
    since = (now or timezone.now()) - RATE_WINDOW
    asked = (
        Introduction.objects.filter(requested_by=user, created_at__gte=since).count()
        + Interest.objects.filter(requested_by=user, created_at__gte=since).count()
    )
    return asked >= RATE_LIMIT


def express(record, enterprise, user, message):
    """``enterprise`` (through ``user``) is interested in ``record``; returns the open interest
    or introduction, the existing one when there is one already."""
    if not enterprises_of(user).filter(pk=enterprise.pk).exists():
        raise InterestRefused(_("Only members of a verified enterprise can express interest."))
    if enterprise.pk == record.keeper_id:
        raise InterestRefused(_("Your own enterprise published this."))
    existing = open_interest(record, [enterprise])
    if existing is not None:
        return existing
    if rate_limited(user):
        raise InterestRefused(
            _("You have expressed interest many times today. Please try again tomorrow.")
        )
    if is_introduction(record):
        return introductions.request_pair(record, enterprise, Side.ENTERPRISE, user, message)
    try:
        with transaction.atomic():
            interest = Interest.objects.create(
                record=record, enterprise=enterprise, requested_by=user, message=message
            )
            _notify_secretariat(interest)
            _notify_member(interest)
    except IntegrityError:
        return open_interest(record, [enterprise])
    return interest


def latest_of(user, mine, count=50):
    """The latest interests of ``user``'s enterprises (the ids ``mine``): those they expressed,
    and those in their records the secretariat forwarded to them, marked ``received`` (and
    ``can_reply`` while open); each with its record, in one query per kind of record."""
    received = Q(pk__in=[])
    for database in DATABASES:
        field = database.model.enterprise_field
        if not field:
            continue
        kept = database.model.objects.filter(**{f"{field}__in": mine}).values("pk")
        received |= Q(
            content_type__app_label=database.model._meta.app_label,
            content_type__model=database.model._meta.model_name,
            object_id__in=kept,
        )
    found = list(
        Interest.objects.filter(Q(enterprise__in=mine) | (received & Q(forwarded_at__isnull=False)))
        .select_related("enterprise", "requested_by")
        .prefetch_related("record")
        .order_by("-created_at")[:count]
    )
    for interest in found:
        interest.received = interest.enterprise_id not in mine
        interest.can_reply = interest.received and interest.status == InterestStatus.FORWARDED
    return found


def forward(interest_ids, staff_user):
    """Staff pass interests to the records' owners, with the note they wrote on each; returns
    how many were forwarded. One whose record nobody can be written to about stays requested."""
    forwarded = 0
    for pk in interest_ids:
        with transaction.atomic():
            interest = (
                Interest.objects.select_for_update(of=("self",))
                .filter(pk=pk, status=InterestStatus.REQUESTED)
                .select_related("enterprise", "requested_by")
                .first()
            )
            if interest is None or interest.record is None:
                continue
            users, addresses = _owners(interest.record)
            if not users and not addresses:
                continue
            interest.status = InterestStatus.FORWARDED
            interest.forwarded_at = timezone.now()
            interest.handled_by = staff_user
            interest.save(update_fields=["status", "forwarded_at", "handled_by"])
            _notify_owners(interest, users, addresses)
            forwarded += 1
    return forwarded


def _owners(record):
    """Who hears of an interest in ``record``: the active members of the enterprise that keeps
    it, else the record's own e-mail address (an institution's, an expert's)."""
    enterprise_id = record.keeper_id
    if enterprise_id is not None:
        members = Membership.objects.active_in(enterprise_id).select_related("user__profile")
        users = [membership.user for membership in members]
        if users:
            return users, []
    address = getattr(record, "email", "")
    return [], [address] if address else []


def _context(interest):
    requester = interest.requested_by
    return {
        "interest": interest,
        "record": interest.record,
        "kind": interest.record._meta.verbose_name,
        "record_url": settings.SITE_URL + interest.record.get_absolute_url(),
        "requester": {
            "name": requester.get_full_name() or requester.first_name if requester else "",
            "email": requester.email if requester else "",
        },
    }


def _notify_member(interest):
    mail.queue_to_user(
        interest.requested_by,
        "interest",
        lambda: {
            **_context(interest),
            "step": "requested",
            "url": settings.SITE_URL + reverse("databases:member-dashboard"),
        },
    )


def _notify_owners(interest, users, addresses):
    """E-mail the owners, each member in their language and a record's address in the site's;
    they reply to the interested member directly."""
    for user in users:
        mail.queue_to_user(user, "interest", lambda: {**_context(interest), "step": "forwarded"})
    if addresses:
        mail.queue_templated(
            "interest",
            addresses,
            settings.LANGUAGE_CODE,
            lambda: {**_context(interest), "step": "forwarded"},
        )


def _notify_secretariat(interest):
    from cms.models import SiteSettings

    recipients = SiteSettings.get_solo().email_list
    if not recipients:
        return
    mail.queue_templated(
        "interest_staff",
        recipients,
        settings.LANGUAGE_CODE,
        lambda: {
            **_context(interest),
            "url": settings.SITE_URL
            + reverse("admin:matchmaking_interest_change", args=[interest.pk]),
        },
    )
