"""The secretariat's review of members' submissions in the admin: a queue across the
databases, and per submission a side-by-side view of what changed with the decisions.

Reviewing takes the model's "review" permission (RecordAdmin.has_review_permission); the admin's
staff check comes first.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from databases import submissions
from databases.models import PublicationStatus, ReviewNote
from databases.registry import DATABASES

UNDER_REVIEW = [PublicationStatus.PENDING, PublicationStatus.IN_REVIEW]
# The databases members submit to: what the queue lists.
REVIEWED_KEYS = ("projects", "technologies", "talents", "enterprises")


class DecisionForm(forms.Form):
    ACTIONS = {
        "start_review": _("Start the review"),
        "publish": _("Publish"),
        "request_changes": _("Request changes"),
        "reject": _("Reject"),
    }
    DONE = {
        "start_review": _("The review of “%(title)s” has started."),
        "publish": _("“%(title)s” is published."),
        "request_changes": _("Changes to “%(title)s” were requested."),
        "reject": _("“%(title)s” was rejected."),
    }
    NEED_COMMENT = {"request_changes", "reject"}

    action = forms.ChoiceField(choices=list(ACTIONS.items()))
    comment = forms.CharField(
        label=_("Comment to the enterprise"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 80}),
        help_text=_("Required to request changes or to reject: say what to change, or why."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") in self.NEED_COMMENT and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Tell the enterprise what to change, or why."))
        return cleaned


def review_queue(request, site):
    groups = []
    for database in DATABASES:
        if database.key not in REVIEWED_KEYS:
            continue
        model = database.model
        model_admin = site._registry.get(model)
        if model_admin is None or not model_admin.has_review_permission(request):
            continue
        records = (
            model.objects.filter(status__in=UNDER_REVIEW)
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


def review(request, model_admin, object_id):
    model = model_admin.model
    record = get_object_or_404(
        model.objects.select_related("draft_of"), pk=object_id, status__in=UNDER_REVIEW
    )
    if not model_admin.has_review_permission(request, record):
        raise PermissionDenied
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = form.cleaned_data["action"]
        try:
            result = submissions.transition(
                record, action, request.user, form.cleaned_data["comment"].strip()
            )
        except submissions.WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, DecisionForm.DONE[action] % {"title": result.title})
            if action == "start_review":
                return redirect(request.path)
        return redirect(reverse("admin:review-queue"))
    notes = ReviewNote.objects.filter(
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
        object_id__in=[record.pk, record.draft_of_id or record.pk],
    ).select_related("author")
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Review: %(title)s") % {"title": record.title},
        "record": record,
        "original": record.draft_of,
        "rows": submissions.comparison(record),
        "images": submissions.images_of(record),
        "notes": notes,
        "form": form,
        "opts": model._meta,
        "actions": [
            (value, label)
            for value, label in DecisionForm.ACTIONS.items()
            if value != "start_review" or record.status == PublicationStatus.PENDING
        ],
    }
    return TemplateResponse(request, "admin/databases/review.html", context)
