"""The member area's matchmaking blocks: a project's recommended partners, an enterprise's
recommended projects, and the introductions in progress."""

from django import template
from django.db.models import Exists, OuterRef

from databases.models import Enterprise, PublicationStatus
from matchmaking import introductions, reasons
from matchmaking.forms import IntroductionRequestForm, OutcomeForm
from matchmaking.models import (
    OPEN_INTRODUCTIONS,
    Dismissal,
    Introduction,
    IntroductionStatus,
    Match,
    Side,
)

register = template.Library()


def _with_reasons(matches):
    matches = list(matches)
    for match in matches:
        match.reason_texts = reasons.describe_all(match)
    return matches


def _open_introduction():
    return Exists(
        Introduction.objects.filter(
            project=OuterRef("project"),
            enterprise=OuterRef("enterprise"),
            status__in=OPEN_INTRODUCTIONS,
        )
    )


def _not_dismissed(matches, side):
    dismissed = Dismissal.objects.filter(
        project=OuterRef("project"), enterprise=OuterRef("enterprise"), side=side
    )
    return matches.exclude(Exists(dismissed))


@register.inclusion_tag("matchmaking/_matches.html", takes_context=True)
def project_partners(context, project):
    user = context["request"].user
    matches = (
        Match.objects.visible_to(user)
        .filter(project=project, project_rank__isnull=False)
        .select_related("enterprise__country")
        .annotate(introduction_open=_open_introduction())
        .order_by("project_rank")
    )
    return {
        "request": context["request"],
        "matches": _with_reasons(_not_dismissed(matches, Side.PROJECT)),
        "side": Side.PROJECT,
        "heading_id": "partners-heading",
        "form": IntroductionRequestForm(),
    }


@register.inclusion_tag("matchmaking/_matches.html", takes_context=True)
def recommended_projects(context):
    user = context["request"].user
    matches = (
        Match.objects.visible_to(user)
        .filter(
            enterprise__in=Enterprise.objects.of_member(user),
            enterprise_rank__isnull=False,
            project__status=PublicationStatus.PUBLISHED,
        )
        .select_related("project__country", "enterprise")
        .annotate(introduction_open=_open_introduction())
        .order_by("enterprise_id", "enterprise_rank")
    )
    return {
        "request": context["request"],
        "matches": _with_reasons(_not_dismissed(matches, Side.ENTERPRISE)),
        "side": Side.ENTERPRISE,
        "heading_id": "recommended-heading",
        "form": IntroductionRequestForm(),
    }


@register.inclusion_tag("matchmaking/_introductions.html", takes_context=True)
def member_introductions(context):
    user = context["request"].user
    found = list(
        Introduction.objects.visible_to(user)
        .select_related("project", "enterprise")
        .order_by("-created_at")[:50]
    )
    mine = set(Enterprise.objects.of_member(user).values_list("pk", flat=True))
    for introduction in found:
        sides = introductions.sides_of(user, introduction.project, introduction.enterprise, mine)
        answering = (
            Side.ENTERPRISE if introduction.requesting_side == Side.PROJECT else Side.PROJECT
        )
        introduction.can_answer = (
            introduction.status == IntroductionStatus.FORWARDED and answering in sides
        )
        introduction.can_record = introduction.status == IntroductionStatus.ACCEPTED
        introduction.outcome_form = OutcomeForm(
            instance=introduction, prefix=f"outcome-{introduction.pk}"
        )
    return {"request": context["request"], "introductions": found}
