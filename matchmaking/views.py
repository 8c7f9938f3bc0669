"""Members act on their matches: dismiss one, ask for an introduction, answer one, and say
how it went. Matches and introductions are fetched through querysets scoped to the member's
enterprises: anyone else gets a 404. And the public statistics page, which shows the
matchmaking's figures next to the databases'."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from databases.browse import published_record
from databases.registry import BY_MODEL
from matchmaking import interest, introductions
from matchmaking import statistics as figures
from matchmaking.forms import InterestForm, IntroductionRequestForm, OutcomeForm
from matchmaking.models import Introduction, Match, Side


def _back(request):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect("databases:member-dashboard")


def _match_and_side(request, pk):
    match = get_object_or_404(
        Match.objects.visible_to(request.user).select_related("project", "enterprise"), pk=pk
    )
    sides = introductions.sides_of(request.user, match.project, match.enterprise)
    side = request.POST.get("side")
    if side not in sides:
        if len(sides) != 1:
            raise Http404
        side = sides[0]
    return match, Side(side)


@login_required
@require_POST
def dismiss(request, pk):
    match, side = _match_and_side(request, pk)
    introductions.dismiss(match, side, request.user)
    messages.success(request, _("Hidden. Thank you: this helps us propose better partners."))
    return _back(request)


@login_required
@require_POST
def introduce(request, pk):
    match, side = _match_and_side(request, pk)
    form = IntroductionRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The message is too long: 2,000 characters at most."))
        return _back(request)
    introductions.request(match, side, request.user, form.cleaned_data["message"])
    messages.success(
        request, _("Your request is with the secretariat. We will tell you of the answer.")
    )
    return _back(request)


@login_required
@require_POST
def answer(request, pk):
    introduction = get_object_or_404(Introduction.objects.visible_to(request.user), pk=pk)
    accept = request.POST.get("answer") == "accept"
    try:
        introductions.answer(introduction, request.user, accept)
    except introductions.IntroductionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Accepted: you both have each other's contact details by e-mail.")
            if accept
            else _("Declined. Thank you for answering."),
        )
    return _back(request)


@login_required
@require_POST
def outcome(request, pk):
    introduction = get_object_or_404(Introduction.objects.visible_to(request.user), pk=pk)
    form = OutcomeForm(request.POST, instance=introduction, prefix=f"outcome-{introduction.pk}")
    if not form.is_valid():
        messages.error(
            request,
            _("Please check the outcome: %(errors)s")
            % {
                "errors": " ".join(
                    str(error) for errors in form.errors.values() for error in errors
                )
            },
        )
        return _back(request)
    data = form.cleaned_data
    try:
        introductions.record_outcome(
            introduction,
            request.user,
            data["outcome"],
            data["agreement_value_usd"],
            data["co2_reduction"],
            data["outcome_note"],
        )
    except introductions.IntroductionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Thank you: the outcome is recorded."))
    return _back(request)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def express_interest(request, kind, slug):
    """The member's message about a record; the record's page says why when they may not
    write one (their own record, an interest already open, no verified enterprise)."""
    record = published_record(kind, slug)
    if record is None:
        raise Http404
    step = interest.next_step(request.user, record)
    if step.state != "express":
        return redirect(record)
    # Read afresh, not from the member's kept standing: they are the form's choices.
    enterprises = list(interest.enterprises_of(request.user).filter(pk__in=step.enterprises))
    form = InterestForm(request.POST or None, enterprises=enterprises)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            interest.express(
                record, form.cleaned_data["enterprise"], request.user, form.cleaned_data["message"]
            )
        except interest.InterestRefused as error:
            form.add_error(None, str(error))
            status = 429
        else:
            messages.success(
                request,
                _(
                    "Thank you: your message is with the secretariat, who will pass it on. "
                    "We have sent you a confirmation by e-mail."
                ),
            )
            return redirect(record)
    context = {"form": form, "record": record, "database": BY_MODEL[type(record)]}
    return render(request, "matchmaking/interest_form.html", context, status=status)


@require_http_methods(["GET", "HEAD"])
def statistics(request):
    return render(request, "matchmaking/statistics.html", figures.page())
