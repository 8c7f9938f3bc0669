"""The member area's matchmaking blocks: a project's recommended partners, an enterprise's
recommended projects, and the introductions in progress. The data comes from
matchmaking/recommendations.py and matchmaking/introductions.py; the tags add the forms."""

from django import template

from matchmaking import introductions, recommendations
from matchmaking.forms import IntroductionRequestForm, OutcomeForm
from matchmaking.models import Side

register = template.Library()


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
    found = introductions.latest_of(context["request"].user)
    for introduction in found:
        introduction.outcome_form = OutcomeForm(
            instance=introduction, prefix=f"outcome-{introduction.pk}"
        )
    return {"request": context["request"], "introductions": found}
