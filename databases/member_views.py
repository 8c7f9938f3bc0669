"""The member area: dashboard, enterprise registration and joining, project and technology
submissions. Every record is fetched through ``maintained_by(user)`` (another enterprise's
record is a 404) and changed only through ``editable_by(user)`` (a member who may not submit
gets 403).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from databases import members, submissions, workflow
from databases.forms import EnterpriseRegistrationForm, JoinRequestForm
from databases.models import Enterprise, PublicationStatus, RecordImage, ReviewNote
from databases.registry import BY_KEY, member_areas, taking_submissions
from databases.transitions import transition
from databases.working_copies import pending_change
from platform_site import cache as page_cache

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
    database = BY_KEY.get(kind)
    if database is None or not database.takes_submissions:
        raise Http404
    return database


def _record(request, kind, pk):
    database = _database(kind)
    return database, get_object_or_404(database.model.objects.maintained_by(request.user), pk=pk)


def _require_editable(request, record):
    if not workflow.can_edit(request.user, record):
        raise PermissionDenied(
            _("Only members of a verified enterprise can change what it submitted.")
        )


@login_required
def dashboard(request):
    # Rendered once until something it shows changes (platform_site/cache.py): its records,
    # memberships and matchmaking blocks cost a good 70 ms to read and render.
    content = page_cache.fragment(
        request,
        member_areas(),
        lambda: render_to_string(
            "databases/member/_dashboard.html", _dashboard_context(request.user), request
        ),
        personal=True,
    )
    return render(request, "databases/member/dashboard.html", {"content": content})


def _dashboard_context(user):
    memberships = list(members.memberships_of(user))
    sections = []
    for database in taking_submissions():
        model = database.model
        # What its status reads from (workflow.status_display): an enterprise's verification too.
        state = [f.name for f in model._meta.fields if f.name in workflow.REVIEW_STATE_FIELDS]
        records = (
            model.objects.maintained_by(user)
            .filter(draft_of__isnull=True)
            .annotate(has_change=Exists(model.objects.filter(draft_of=OuterRef("pk"))))
            .only("pk", "title", "updated_at", "submitted_at", *state)
            .order_by("-updated_at")
        )
        sections.append({"database": database, "records": records})
    return {
        "memberships": memberships,
        "can_submit": members.submitting_membership(user) is not None,
        "sections": sections,
        "csrf_token": page_cache.CSRF_MARK,
    }


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
    posted = None
    if request.method == "POST":
        enterprise_id = _id(request.POST.get("enterprise", ""))
        enterprise = get_object_or_404(Enterprise.objects.published(), pk=enterprise_id)
        posted = JoinRequestForm(request.POST, enterprise=enterprise)
        if posted.is_valid():
            members.request_to_join(request.user, enterprise, posted.cleaned_data["message"])
            messages.success(
                request,
                _("Your request to join %(name)s was sent to the secretariat.")
                % {"name": enterprise.title},
            )
            return redirect("databases:member-dashboard")
    results = members.joinable_enterprises(query, request.user)
    # The form that was sent comes back with what was typed and its error.
    join_forms = [
        posted
        if posted and posted.enterprise.pk == enterprise.pk
        else JoinRequestForm(enterprise=enterprise)
        for enterprise in results
    ]
    return render(
        request,
        "databases/member/enterprise_join.html",
        {"query": query, "results": results, "join_forms": join_forms},
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_new(request, kind):
    database = _database(kind)
    if not database.takes_new_records:
        raise Http404
    asked = request.GET.get("enterprise")
    membership = members.submitting_membership(
        request.user, _id(asked) if asked is not None else None
    )
    if membership is None:
        raise PermissionDenied(
            _(
                "Only members of a verified enterprise can submit projects, technologies and "
                "experts."
            )
        )
    form_class = database.form
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
            return _saved(request, kind, record, "submit" in request.POST)
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
            "heading": database.new_title,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_edit(request, kind, pk):
    database, record = _record(request, kind, pk)
    _require_editable(request, record)
    try:
        editing = submissions.row_to_edit(record)
    except workflow.WorkflowError as error:
        messages.info(request, str(error))
        return redirect("databases:member-record", kind, record.pk)
    form_class = database.form
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
        except workflow.WorkflowError as error:
            messages.error(request, str(error))
            return redirect("databases:member-record", kind, record.pk)
        if saved is not None:
            return _saved(request, kind, saved.draft_of or saved, "submit" in request.POST)
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


def _saved(request, kind, record, submitted):
    if submitted:
        messages.success(request, workflow.ACTIONS["submit"].done)
    else:
        messages.success(request, _("Your draft is saved."))
    return redirect("databases:member-record", kind, record.pk)


@login_required
def record_detail(request, kind, pk):
    database, record = _record(request, kind, pk)
    change = pending_change(record)
    current = change or record
    notes = ReviewNote.objects.about(record, change).select_related("author")
    can_edit = workflow.can_edit(request.user, record)
    actions = workflow.allowed_actions(current, workflow.MEMBER) if can_edit else []
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
            "gallery": RecordImage.objects.about(current),
        },
    )


@login_required
@require_POST
def record_submit(request, kind, pk):
    database, record = _record(request, kind, pk)
    _require_editable(request, record)
    current = pending_change(record) or record
    missing = submissions.build_form(database.form, current, request.user).missing_for_review()
    if missing:
        messages.error(
            request,
            _("Fill in these fields before submitting: %(fields)s.")
            % {"fields": ", ".join(missing)},
        )
        return redirect("databases:member-edit", kind, record.pk)
    try:
        transition(current, "submit", request.user)
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, workflow.ACTIONS["submit"].done)
    return redirect("databases:member-record", kind, record.pk)
