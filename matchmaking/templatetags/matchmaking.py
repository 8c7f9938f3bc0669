"""The member area's matchmaking blocks: a project's recommended partners, an enterprise's
recommended projects, and the introductions and expressions of interest in progress. The data
comes from matchmaking/recommendations.py, introductions.py and interest.py; the tags add the
forms."""

from django import template

from matchmaking import interest, introductions, recommendations
from matchmaking.forms import IntroductionRequestForm, OutcomeForm
from matchmaking.models import Side

register = template.Library()


@register.inclusion_tag("matchmaking/_next_step.html", takes_context=True)
def record_next_step(context, record):
    """What a reader may do about a public record (matchmaking/interest.py). Anonymous
    visitors share one cached page: their next step is the same for everyone."""
    user = context["request"].user
    step = interest.next_step(user, record) if user.is_authenticated else None
    return {"request": context["request"], "record": record, "next_step": step}


def _matches_block(context, matches, side):
    for match in matches:
        match.introduction_form = IntroductionRequestForm(
            auto_id=f"intro-%s-{match.pk}", label_suffix=""
        )
    return {"request": context["request"], "matches": matches, "side": side}


@register.inclusion_tag("matchmaking/_matches.html", takes_context=True)
def project_partners(context, project):
    user = context["request"].user
    return _matches_block(context, recommendations.partners_of(user, project), Side.PROJECT)


@register.inclusion_tag("matchmaking/_matches.html", takes_context=True)
def recommended_projects(context):
    user = context["request"].user
    return _matches_block(context, recommendations.projects_for(user), Side.ENTERPRISE)


@register.inclusion_tag("matchmaking/_introductions.html", takes_context=True)
def member_introductions(context):
    """The member's introductions, and the interests their enterprises expressed or received."""
    user = context["request"].user
    mine = introductions.enterprise_ids(user)
    found = introductions.latest_of(user, mine=mine)
    for introduction in found:
        introduction.outcome_form = OutcomeForm(
            instance=introduction, prefix=f"outcome-{introduction.pk}"
        )
    return {
        "request": context["request"],
        "introductions": found,
        "interests": interest.latest_of(user, mine),
    }


@register.simple_tag
def story_outcome(story):
    """How the introduction a story tells of ended (cms stories cannot ask matchmaking): its
    outcome and date, never the agreement's value, which is one member's figure."""
    return introductions.told_in(story)
