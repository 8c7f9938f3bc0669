"""The secretariat's review in the admin: a queue of members' submissions across the databases,
and per record a page with what changed side by side and the decisions its state allows
(databases/workflow.py), for submissions and for any other record a reviewer publishes,
archives or verifies.

Reviewing takes the model's "review" permission (workflow.may_review); the admin's staff check
comes first.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from databases import review_age, workflow
from databases.models import RecordImage, ReviewNote
from databases.registry import taking_submissions
from databases.transitions import transition
from databases.working_copies import comparison
from platform_site.admin_site import Work, WorkItem

# How each decision's button looks (admin.css): the decisions that publish, those that take a
# record down or turn it away; the others (start, request changes) are secondary.
BUTTON_STYLES = {"publish": "primary", "verify": "primary", "reject": "danger", "archive": "danger"}


class DecisionForm(forms.Form):
    action = forms.ChoiceField()
    comment = forms.CharField(
        label=_("Comment to the enterprise"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 80}),
        help_text=_("Required to request changes or to reject: say what to change, or why."),
    )

    def __init__(self, *args, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = {action.name: action for action in actions}
        self.fields["action"].choices = [(name, a.label) for name, a in self.actions.items()]

    def clean(self):
        cleaned = super().clean()
        action = self.actions.get(cleaned.get("action"))
        if action and action.needs_comment and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Tell the enterprise what to change, or why."))
        return cleaned


def review_queue(request, site):
    groups = []
    for database in taking_submissions():
        model = database.model
        model_admin = site._registry.get(model)
        if model_admin is None or not workflow.may_review(request.user, model):
            continue
        records = (
            model.objects.filter(status__in=workflow.UNDER_REVIEW)
            .select_related("draft_of", "owner")
            .only("pk", "title", "status", "submitted_at", "draft_of__title", "owner__email")
            .order_by("submitted_at", "pk")
        )
        groups.append({"database": database, "records": records, "model": model._meta})
    context = {
        **site.each_context(request),
        "title": _("Submissions to review"),
        "groups": groups,
    }
    return TemplateResponse(request, "admin/databases/review_queue.html", context)


def submissions_waiting(request):
    """The admin home's submissions to review, oldest first, with their age against the review
    target (PlatformAdminSite.register_work)."""
    queue = review_age.queue(request.user)
    if queue is None:
        return None
    items = []
    for waiting in queue.oldest:
        opts = waiting.model._meta
        items.append(
            WorkItem(
                title=waiting.title,
                url=reverse(f"admin:{opts.app_label}_{opts.model_name}_review", args=[waiting.pk]),
                kind=capfirst(opts.verbose_name),
                since=waiting.since,
                age=ngettext("%(days)s working day", "%(days)s working days", waiting.age)
                % {"days": waiting.age},
                overdue=waiting.overdue,
            )
        )
    return Work(
        title=_("Submissions to review"),
        count=queue.count,
        url=reverse("admin:review-queue"),
        oldest=queue.oldest[0].since if queue.oldest else None,
        overdue=queue.overdue,
        items=items,
        note=ngettext(
            "The secretariat aims to review each submission within %(days)s working day.",
            "The secretariat aims to review each submission within %(days)s working days.",
            queue.target,
        )
        % {"days": queue.target},
    )


def review(request, model_admin, object_id):
    model = model_admin.model
    if not workflow.may_review(request.user, model):
        raise PermissionDenied
    if not (object_id.isascii() and object_id.isdecimal()) or len(object_id) > 18:
        raise Http404
    record = get_object_or_404(model.objects.select_related("draft_of"), pk=object_id)
    actions = workflow.allowed_actions(record, workflow.REVIEWER, request.user)
    form = DecisionForm(request.POST or None, actions=actions)
    if request.method == "POST" and form.is_valid():
        action = form.actions[form.cleaned_data["action"]]
        opts = model._meta
        # A submission's reviewer goes back to the queue; a curator to the record.
        done_url = (
            reverse("admin:review-queue")
            if record.status in workflow.UNDER_REVIEW
            else reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
        )
        try:
            result = transition(
                record, action.name, request.user, form.cleaned_data["comment"].strip()
            )
        except workflow.WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, workflow.outcome(action, result))
            if action.name == "start_review":
                return redirect(request.path)
        return redirect(done_url)
    notes = ReviewNote.objects.about(record, record.draft_of).select_related("author")
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Review: %(title)s") % {"title": record.title},
        "record": record,
        "original": record.draft_of,
        "rows": comparison(record),
        "images": RecordImage.objects.about(record),
        "notes": notes,
        "form": form,
        "opts": model._meta,
        "actions": actions,
        "buttons": [(action, BUTTON_STYLES.get(action.name, "secondary")) for action in actions],
    }
    return TemplateResponse(request, "admin/databases/review.html", context)
