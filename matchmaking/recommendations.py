"""What a member is recommended in the current run: a project's partners and the projects for
their enterprises, without the pairs their side dismissed, each with its reasons in the reader's
language, its strength in words, and whether an introduction of the pair is open."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from databases.models import Enterprise, PublicationStatus
from matchmaking import reasons, weights
from matchmaking.models import OPEN_INTRODUCTIONS, Dismissal, Introduction, Match, Side

# A score means nothing to a member: they read its strength (thresholds in weights.py).
STRENGTHS = (
    (weights.STRONG_SCORE, "strong", _("Strong match")),
    (weights.GOOD_SCORE, "good", _("Good match")),
    (0, "possible", _("Possible match")),
)


@dataclass(frozen=True)
class Strength:
    key: str  # "strong", "good" or "possible"
    label: str


def strength(score):
    return next(Strength(key, str(label)) for floor, key, label in STRENGTHS if score >= floor)


def partners_of(user, project):
    """The enterprises recommended to ``project`` (of one of ``user``'s enterprises), best
    first."""
    matches = (
        Match.objects.visible_to(user)
        .filter(project=project, project_rank__isnull=False)
        .select_related("enterprise__country")
        .order_by("project_rank")
    )
    return _shown(matches, Side.PROJECT)


def projects_for(user):
    """The projects recommended to ``user``'s enterprises, enterprise by enterprise, best
    first."""
    matches = (
        Match.objects.visible_to(user)
        .filter(
            enterprise__in=Enterprise.objects.of_member(user),
            enterprise_rank__isnull=False,
            project__status=PublicationStatus.PUBLISHED,
        )
        .select_related("project__country", "enterprise")
        .order_by("enterprise_id", "enterprise_rank")
    )
    return _shown(matches, Side.ENTERPRISE)


def _shown(matches, side):
    """``matches`` less those ``side`` dismissed, each with ``introduction_open``,
    ``reason_texts`` and ``strength``."""
    pair = {"project": OuterRef("project"), "enterprise": OuterRef("enterprise")}
    open_introduction = Introduction.objects.filter(**pair, status__in=OPEN_INTRODUCTIONS)
    dismissed = Dismissal.objects.filter(**pair, side=side)
    shown = list(
        matches.annotate(introduction_open=Exists(open_introduction)).exclude(Exists(dismissed))
    )
    for match in shown:
        match.reason_texts = reasons.describe_all(match)
        match.strength = strength(match.score)
    return shown
