"""The member area: dashboard, enterprise registration and joining, project and technology
submissions. Every record is fetched through ``maintained_by(user)`` (another enterprise's
record is a 404) and changed only through ``editable_by(user)`` (a member who may not submit
gets 403).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from databases import members, submissions, workflow
from databases.forms import (
    NEW_RECORD_KINDS,
    SUBMISSION_FORMS,
    EnterpriseRegistrationForm,
    JoinRequestForm,
)
from databases.models import Enterprise, PublicationStatus, ReviewNote
from databases.registry import BY_KEY

# The heading of the form for a new record of each kind.
NEW_TITLES = {
    "projects": gettext_lazy("Submit a project"),
    "technologies": gettext_lazy("Submit a technology"),
    "talents": gettext_lazy("Add an expert"),
}

# The steps a submission goes through, as the member's tracker shows them.
TRACKER = (
    (PublicationStatus.PENDING, gettext_lazy("Received")),
    (PublicationStatus.IN_REVIEW, gettext_lazy("In review")),
    (PublicationStatus.CHANGES_REQUESTED, gettext_lazy("Changes requested")),
    (PublicationStatus.PUBLISHED, gettext_lazy("Published")),
)


def _id(value):
    """A primary key from the query string or a form, or a 404 for anything else."""
    if not (value.isascii() and value.isdecimal()) or len(value) > 18:
        raise Http404
    return int(value)


def _database(kind):
    if kind not in SUBMISSION_FORMS:
        raise Http404
    return BY_KEY[kind]


def _record(request, kind, pk):
    database = _database(kind)
    return database, get_object_or_404(database.model.objects.maintained_by(request.user), pk=pk)


def _require_editable(request, record):
    if not type(record).objects.editable_by(request.user).filter(pk=record.pk).exists():
        raise PermissionDenied(_("Only members of a verified enterprise can change its records."))


@login_required
def dashboard(request):
    memberships = list(members.memberships_of(request.user))
    sections = []
    for kind in SUBMISSION_FORMS:
        database = BY_KEY[kind]
        model = database.model
        records = (
            model.objects.maintained_by(request.user)
            .filter(draft_of__isnull=True)
            .annotate(has_change=Exists(model.objects.filter(draft_of=OuterRef("pk"))))
            .only("pk", "title", "status", "updated_at", "submitted_at")
            .order_by("-updated_at")
        )
        sections.append(
            {"database": database, "records": records, "new_title": NEW_TITLES.get(kind)}
        )
    return render(
        request,
        "databases/member/dashboard.html",
        {
            "memberships": memberships,
            "can_submit": members.submitting_membership(request.user) is not None,
            "sections": sections,
            "review_target_days": settings.REVIEW_TARGET_DAYS,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def enterprise_register(request):
    form = EnterpriseRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        enterprise = members.register_enterprise(form, request.user)
        messages.success(
            request,
            _("%(name)s is registered. The secretariat will verify it before you can submit.")
            % {"name": enterprise.title},
        )
        return redirect("databases:member-dashboard")
    return render(request, "databases/member/enterprise_register.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def enterprise_join(request):
    query = request.GET.get("q", "")
    if request.method == "POST":
        enterprise_id = _id(request.POST.get("enterprise", ""))
        enterprise = get_object_or_404(Enterprise.objects.published(), pk=enterprise_id)
        form = JoinRequestForm(request.POST)
        if form.is_valid():
            members.request_to_join(request.user, enterprise, form.cleaned_data["message"])
            messages.success(
                request,
                _("Your request to join %(name)s was sent to the secretariat.")
                % {"name": enterprise.title},
            )
            return redirect("databases:member-dashboard")
    else:
        form = JoinRequestForm()
    return render(
        request,
        "databases/member/enterprise_join.html",
        {
            "query": query,
            "results": members.joinable_enterprises(query, request.user),
            "form": form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_new(request, kind):
    database = _database(kind)
    if kind not in NEW_RECORD_KINDS:
        raise Http404
    asked = request.GET.get("enterprise")
    membership = members.submitting_membership(
        request.user, _id(asked) if asked is not None else None
    )
    if membership is None:
        raise PermissionDenied(_("Only members of a verified enterprise can submit records."))
    form_class = SUBMISSION_FORMS[kind]
    if request.method == "POST":
        existing = submissions.already_created(
            database.model, request.POST.get("form_token"), request.user
        )
        if existing is not None:
            return redirect("databases:member-record", kind, existing.pk)
        form, record = submissions.save_submission(
            form_class,
            request.POST,
            request.FILES,
            request.user,
            enterprise=membership.enterprise,
            submit="submit" in request.POST,
        )
        if record is not None:
            return _saved(request, kind, record)
    else:
        form = submissions.build_form(form_class, None, request.user)
        form.initial["form_token"] = submissions.new_token()
    return render(
        request,
        "databases/member/record_form.html",
        {
            "form": form,
            "database": database,
            "enterprise": membership.enterprise,
            "heading": NEW_TITLES[kind],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_edit(request, kind, pk):
    database, record = _record(request, kind, pk)
    _require_editable(request, record)
    editing = submissions.pending_change(record) or record
    if not workflow.allows(editing, "edit"):
        messages.info(request, _("This submission is being reviewed; you can edit it afterwards."))
        return redirect("databases:member-record", kind, record.pk)
    form_class = SUBMISSION_FORMS[kind]
    if request.method == "POST":
        try:
            form, saved = submissions.save_submission(
                form_class,
                request.POST,
                request.FILES,
                request.user,
                record=editing,
                submit="submit" in request.POST,
            )
        except submissions.WorkflowError as error:
            messages.error(request, str(error))
            return redirect("databases:member-record", kind, record.pk)
        if saved is not None:
            return _saved(request, kind, saved.draft_of or saved)
    else:
        form = submissions.build_form(form_class, editing, request.user)
    return render(
        request,
        "databases/member/record_form.html",
        {
            "form": form,
            "database": database,
            "record": record,
            "editing": editing,
            "heading": _("Edit %(title)s") % {"title": record.title},
        },
    )


def _saved(request, kind, record):
    current = submissions.pending_change(record) or record
    if current.status == PublicationStatus.PENDING:
        messages.success(request, _("Submitted for review. We will e-mail you the decision."))
    else:
        messages.success(request, _("Your draft is saved."))
    return redirect("databases:member-record", kind, record.pk)


@login_required
def record_detail(request, kind, pk):
    database, record = _record(request, kind, pk)
    change = submissions.pending_change(record)
    current = change or record
    notes = ReviewNote.objects.filter(
        content_type__model=type(record)._meta.model_name,
        object_id__in=[record.pk] + ([change.pk] if change else []),
    ).select_related("author")
    editable = type(record).objects.editable_by(request.user).filter(pk=record.pk).exists()
    actions = workflow.allowed_actions(current, workflow.MEMBER) if editable else []
    return render(
        request,
        "databases/member/record_detail.html",
        {
            "database": database,
            "record": record,
            "change": change,
            "current": current,
            "notes": notes,
            "tracker": TRACKER,
            "actions": {action.name for action in actions},
            "gallery": submissions.images_of(current),
            "review_target_days": settings.REVIEW_TARGET_DAYS,
        },
    )


@login_required
@require_POST
def record_submit(request, kind, pk):
    database, record = _record(request, kind, pk)
    _require_editable(request, record)
    current = submissions.pending_change(record) or record
    form = submissions.build_form(SUBMISSION_FORMS[kind], current, request.user, for_review=True)
    # What the form would say if it were posted as it stands: missing required fields.
    missing = [
        str(form.fields[name].label)
        for name in form.required_for_review
        if name in form.fields and not form.initial.get(name)
    ]
    if missing:
        messages.error(
            request,
            _("Fill in these fields before submitting: %(fields)s.")
            % {"fields": ", ".join(missing)},
        )
        return redirect("databases:member-edit", kind, record.pk)
    try:
        submissions.transition(current, "submit", request.user)
    except submissions.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Submitted for review. We will e-mail you the decision."))
    return redirect("databases:member-record", kind, record.pk)
