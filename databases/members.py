"""Enterprise membership: registering an enterprise, asking to join one, staff decisions."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from databases.models import (
    Enterprise,
    MemberRole,
    Membership,
    MembershipStatus,
    PublicationStatus,
)
from databases.transitions import transition
from platform_site import mail
from platform_site.cache import content_changed


def memberships_of(user):
    return Membership.objects.of(user).select_related("enterprise").order_by("-created_at")


def submitting_membership(user, enterprise_id=None):
    """The approved membership of a verified enterprise that ``user`` submits for (the one
    asked for, or their first), or None when they may not submit."""
    memberships = (
        Membership.objects.approved()
        .of(user)
        .filter(enterprise__verified=True)
        .select_related("enterprise")
        .order_by("created_at")
    )
    if enterprise_id is not None:
        memberships = memberships.filter(enterprise_id=enterprise_id)
    return memberships.first()


@transaction.atomic
def register_enterprise(form, user):
    """A new enterprise, submitted for the secretariat's check, with ``user`` as its
    administrator."""
    enterprise = form.save(commit=False)
    enterprise.owner = user
    enterprise.status = PublicationStatus.DRAFT
    enterprise.verified = False
    enterprise.save()
    Membership.objects.create(
        enterprise=enterprise,
        user=user,
        role=MemberRole.ADMINISTRATOR,
        status=MembershipStatus.APPROVED,
        decided_at=timezone.now(),
    )
    return transition(enterprise, "submit", user)


def request_to_join(user, enterprise, message=""):
    """Ask to join ``enterprise`` as an editor; asking again after a refusal asks anew."""
    try:
        with transaction.atomic():
            return Membership.objects.create(
                enterprise=enterprise, user=user, message=message, role=MemberRole.EDITOR
            )
    except IntegrityError:
        Membership.objects.filter(
            enterprise=enterprise, user=user, status=MembershipStatus.DECLINED
        ).update(status=MembershipStatus.REQUESTED, message=message, decided_at=None)
        content_changed(sender=Membership)
        return Membership.objects.get(enterprise=enterprise, user=user)


def decide(memberships, status, staff_user):
    """Approve or decline the requested ``memberships`` and tell each requester; returns how
    many were decided. Each is claimed by a conditional update, so none is decided twice."""
    decided = 0
    for pk in memberships.filter(status=MembershipStatus.REQUESTED).values_list("pk", flat=True):
        with transaction.atomic():
            claimed = Membership.objects.filter(pk=pk, status=MembershipStatus.REQUESTED).update(
                status=status, decided_at=timezone.now(), decided_by=staff_user
            )
            if claimed == 1:
                content_changed(sender=Membership)
                _tell_requester(
                    Membership.objects.select_related("user__profile", "enterprise").get(pk=pk)
                )
                decided += 1
    return decided


def _tell_requester(membership):
    mail.queue_to_user(
        membership.user,
        "membership",
        lambda: {
            "membership": membership,
            "approved": membership.status == MembershipStatus.APPROVED,
            "url": settings.SITE_URL + reverse("databases:member-dashboard"),
        },
    )


def joinable_enterprises(query, user):
    """Published enterprises whose name contains ``query``, without the user's own."""
    query = " ".join(query.split())[:100]
    if len(query) < 2:
        return Enterprise.objects.none()
    return (
        Enterprise.objects.published()
        .filter(title__icontains=query)
        .exclude(memberships__user=user)
        .select_related("country")
        .order_by("title")[:20]
    )
