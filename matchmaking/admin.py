"""The back office of matchmaking: runs (and starting one), matches, the introductions queue,
the outcomes per run, country and sector, and the weights learned from feedback."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from kombu.exceptions import OperationalError

from matchmaking import interest, introductions, weights
from matchmaking.models import (
    Dismissal,
    FitTrigger,
    Interest,
    InterestStatus,
    Introduction,
    IntroductionStatus,
    Match,
    MatchRun,
    Outcome,
    RunTrigger,
    WeightSet,
    WeightStatus,
)
from matchmaking.tasks import fit_weights, run_matchmaking


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MatchRun)
class MatchRunAdmin(ReadOnlyAdmin):
    list_display = [
        "pk",
        "trigger",
        "status",
        "started_at",
        "duration",
        "projects_scored",
        "enterprises_scored",
        "pairs_scored",
        "matches_kept",
        "matches_link",
    ]
    list_filter = ["status", "trigger"]
    readonly_fields = [f.name for f in MatchRun._meta.fields]
    change_list_template = "admin/matchmaking/matchrun/change_list.html"

    def get_urls(self):
        return [
            path(
                "start/",
                self.admin_site.admin_view(require_POST(self.start_view)),
                name="matchmaking_matchrun_start",
            ),
            *super().get_urls(),
        ]

    def start_view(self, request):
        if not request.user.has_perm("matchmaking.add_matchrun"):
            messages.error(request, _("You may not start a matchmaking run."))
            return redirect("admin:matchmaking_matchrun_changelist")
        try:
            run_matchmaking.delay(trigger=RunTrigger.MANUAL, user_id=request.user.pk)
        except OperationalError:
            # Nothing was saved: the broker is away. Say so rather than fail.
            messages.error(request, _("The task queue is unreachable: try again in a minute."))
            return redirect("admin:matchmaking_matchrun_changelist")
        messages.success(request, _("A run is starting. Reload this page to follow it."))
        return redirect("admin:matchmaking_matchrun_changelist")

    @admin.display(description=_("matches"))
    def matches_link(self, run):
        url = reverse("admin:matchmaking_match_changelist") + f"?run__id__exact={run.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Browse"))


@admin.register(Match)
class MatchAdmin(ReadOnlyAdmin):
    list_display = ["project", "enterprise", "score", "project_rank", "enterprise_rank", "run"]
    list_filter = ["run"]
    list_select_related = ["project", "enterprise", "run"]
    search_fields = ["project__title_en", "enterprise__title_en"]
    readonly_fields = [f.name for f in Match._meta.fields]
    show_full_result_count = False


@admin.register(Dismissal)
class DismissalAdmin(ReadOnlyAdmin):
    list_display = ["project", "enterprise", "side", "created_at"]
    list_filter = ["side"]
    list_select_related = ["project", "enterprise"]


@admin.action(description=_("Forward to the other side"), permissions=["change"])
def forward_introductions(modeladmin, request, queryset):
    count = introductions.forward(list(queryset.values_list("pk", flat=True)), request.user)
    modeladmin.message_user(
        request,
        ngettext("%(count)d introduction forwarded.", "%(count)d introductions forwarded.", count)
        % {"count": count},
        messages.SUCCESS,
    )


@admin.register(Introduction)
class IntroductionAdmin(admin.ModelAdmin):
    list_display = [
        "project",
        "enterprise",
        "requesting_side",
        "status",
        "created_at",
        "outcome",
        "agreement_value_usd",
        "co2_reduction",
    ]
    list_filter = [
        "status",
        "outcome",
        "run",
        ("project__country", admin.RelatedOnlyFieldListFilter),
        "project__sectors",
    ]
    list_select_related = ["project", "enterprise"]
    search_fields = ["project__title_en", "enterprise__title_en"]
    actions = [forward_introductions]
    fields = [
        "project",
        "enterprise",
        "requesting_side",
        "requested_by",
        "message",
        "staff_note",
        "status",
        "handled_by",
        "created_at",
        "forwarded_at",
        "answered_at",
        "outcome",
        "agreement_value_usd",
        "co2_reduction",
        "outcome_note",
        "story",
    ]
    readonly_fields = [name for name in fields if name not in ("staff_note", "story")]
    autocomplete_fields = ["story"]
    change_list_template = "admin/matchmaking/introduction/change_list.html"

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        return [
            path(
                "impact/",
                self.admin_site.admin_view(self.impact_view),
                name="matchmaking_introduction_impact",
            ),
            *super().get_urls(),
        ]

    def impact_view(self, request):
        """What the introductions led to, per run, per project country and per sector."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        from databases.models import Country, Sector

        context = {
            **self.admin_site.each_context(request),
            "title": _("Impact of the introductions"),
            "opts": self.model._meta,
            "tables": [
                (_("Per matchmaking run"), impact_by("run", MatchRun)),
                (_("Per project country"), impact_by("project__country", Country)),
                (_("Per project sector"), impact_by("project__sectors", Sector)),
            ],
        }
        return TemplateResponse(request, "admin/matchmaking/impact.html", context)


@admin.action(description=_("Forward to the owner"), permissions=["change"])
def forward_interests(modeladmin, request, queryset):
    wanted = list(queryset.filter(status=InterestStatus.REQUESTED).values_list("pk", flat=True))
    count = interest.forward(wanted, request.user)
    modeladmin.message_user(
        request,
        ngettext("%(count)d interest forwarded.", "%(count)d interests forwarded.", count)
        % {"count": count},
        messages.SUCCESS,
    )
    if count < len(wanted):
        modeladmin.message_user(
            request,
            _(
                "Some of what they are about has nobody to write to (no member, no e-mail "
                "address): contact whoever published it yourself, then close these interests."
            ),
            messages.WARNING,
        )


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    """The expressions of interest in technologies, enterprises, experts and institutions,
    which staff forward to the records' owners (interest in a project is an introduction)."""

    list_display = ["enterprise", "record_link", "content_type", "status", "created_at"]
    list_filter = ["status", "content_type"]
    list_select_related = ["enterprise", "content_type"]
    search_fields = ["enterprise__title_en", "message"]
    actions = [forward_interests]
    fields = [
        "record_link",
        "enterprise",
        "requested_by",
        "message",
        "staff_note",
        "status",
        "handled_by",
        "created_at",
        "forwarded_at",
    ]
    readonly_fields = [name for name in fields if name not in ("staff_note", "status")]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("interested in"))
    def record_link(self, obj):
        record = obj.record
        if record is None:
            return "—"
        return format_html('<a href="{}">{}</a>', record.get_absolute_url(), record.title)


FIGURES = {
    "introductions": Count("pk"),
    "accepted": Count("pk", filter=Q(status=IntroductionStatus.ACCEPTED)),
    "meetings": Count("pk", filter=Q(outcome=Outcome.MEETING)),
    "agreements": Count("pk", filter=Q(outcome=Outcome.AGREEMENT)),
    "abandoned": Count("pk", filter=Q(outcome=Outcome.ABANDONED)),
    "value": Sum("agreement_value_usd"),
    "co2": Sum("co2_reduction"),
}


def impact_by(field, model):
    """The introductions' figures grouped by ``field``, labelled with ``model``'s rows."""
    rows = list(
        Introduction.objects.values(field).annotate(**FIGURES).order_by("-introductions", field)
    )
    labels = {obj.pk: str(obj) for obj in model.objects.filter(pk__in=[r[field] for r in rows])}
    for row in rows:
        row["label"] = labels.get(row[field], _("None"))
    return rows


@admin.action(
    description=_("Retire (the engine goes back to its default weights)"), permissions=["change"]
)
def retire_weight_sets(modeladmin, request, queryset):
    # Here, not at the top: it brings scikit-learn, which the web pages do without.
    from matchmaking import learning

    count = sum(
        learning.retire(weight_set, request.user)
        for weight_set in queryset.filter(status=WeightStatus.LIVE)
    )
    if count:
        modeladmin.message_user(
            request,
            _("The live weights are retired: the next run uses the default weights."),
            messages.SUCCESS,
        )
    else:
        modeladmin.message_user(request, _("None of these weight sets is live."), messages.WARNING)


@admin.register(WeightSet)
class WeightSetAdmin(admin.ModelAdmin):
    """Every fitting of the weights, live or not, with what it was judged on; Administrators
    fit new weights now, or retire the live ones."""

    list_display = [
        "pk",
        "status",
        "fitted_at",
        "fitted_by_label",
        "pairs",
        "accounts",
        "held_back_auc",
        "decision",
    ]
    list_filter = ["status", "decision", "trigger"]
    list_select_related = ["fitted_by"]
    actions = [retire_weight_sets]
    fields = [
        "status",
        "decision",
        "trigger",
        "fitted_by",
        "fitted_at",
        "live_since",
        "retired_at",
        "retired_by",
        "pairs",
        "positives",
        "negatives",
        "accounts",
        "capped_accounts",
        "compared_with",
        "weights_table",
        "figures_table",
    ]
    readonly_fields = fields
    change_list_template = "admin/matchmaking/weightset/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Sets are never edited: changing one is retiring it, an action of the list.
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "fit/",
                self.admin_site.admin_view(require_POST(self.fit_view)),
                name="matchmaking_weightset_fit",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        live = WeightSet.objects.live()
        extra_context = {
            **(extra_context or {}),
            "live": live,
            "live_unusable": live is not None and weights.usable(live) is None,
            "may_fit": request.user.has_perm("matchmaking.add_weightset"),
            "weights_in_use": _weights_table(
                (_("in use"), weights.current()), (_("defaults"), weights.WEIGHTS)
            ),
        }
        return super().changelist_view(request, extra_context)

    def fit_view(self, request):
        if not request.user.has_perm("matchmaking.add_weightset"):
            raise PermissionDenied
        try:
            fit_weights.delay(trigger=FitTrigger.STAFF, user_id=request.user.pk)
        except OperationalError:
            messages.error(request, _("The task queue is unreachable: try again in a minute."))
            return redirect("admin:matchmaking_weightset_changelist")
        messages.success(
            request,
            _("The weights are being fitted from the feedback. Reload the page to see the result."),
        )
        return redirect("admin:matchmaking_weightset_changelist")

    @admin.display(description=_("fitted by"), ordering="trigger")
    def fitted_by_label(self, weight_set):
        if weight_set.fitted_by is None:
            return weight_set.get_trigger_display()
        return f"{weight_set.get_trigger_display()} ({weight_set.fitted_by})"

    @admin.display(description=_("held-back AUC (weights compared with)"))
    def held_back_auc(self, weight_set):
        held = weight_set.figures.get("held_back")
        if not held:
            return "—"
        return f"{held['candidate']['auc']:.3f} ({held['compared']['auc']:.3f})"

    @admin.display(description=_("weights"))
    def weights_table(self, weight_set):
        columns = [(_("compared with"), weight_set.compared_weights)]
        if weight_set.weights:
            columns.insert(0, (_("this set"), weight_set.weights))
        return _weights_table(*columns)

    @admin.display(description=_("figures"))
    def figures_table(self, weight_set):
        held = weight_set.figures.get("held_back")
        if not held:
            return "—"
        rows = [
            (
                _("Held-back feedback: ROC AUC"),
                held["candidate"]["auc"],
                held["compared"]["auc"],
            )
        ]
        real = weight_set.figures.get("real_data")
        for task in (real or {}).get("compared", {}):
            for figure in ("recall@1", "recall@10", "mrr"):
                rows.append(
                    (
                        f"{task}: {figure}",
                        real["candidate"][task].get(figure),
                        real["compared"][task].get(figure),
                    )
                )
        note = (
            ""
            if real
            else _(
                "Real-data set: not evaluated (none configured, or the held-back feedback decided)."
            )
        )
        return format_html(
            "<table><thead><tr><th></th><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>{}",
            _("this set"),
            _("compared with"),
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                ((label, _figure(mine), _figure(theirs)) for label, mine, theirs in rows),
            ),
            format_html("<p>{}</p>", note) if note else "",
        )


def _figure(value):
    return "—" if value is None else f"{value:.3f}"


def _weights_table(*columns):
    """A table of the criteria's weights, one column per (heading, weights)."""
    from matchmaking.engine import CRITERIA

    return format_html(
        "<table><thead><tr><th>{}</th>{}</tr></thead><tbody>{}</tbody></table>",
        _("criterion"),
        format_html_join("", "<th>{}</th>", ((heading,) for heading, _values in columns)),
        format_html_join(
            "",
            "<tr><td><code>{}</code></td>{}</tr>",
            (
                (
                    name,
                    format_html_join(
                        "", "<td>{}</td>", ((_figure(values.get(name)),) for _h, values in columns)
                    ),
                )
                for name in CRITERIA
            ),
        ),
    )


def introductions_waiting(request):
    """The admin home's requested introductions, for staff to forward to the other side
    (PlatformAdminSite.register_work)."""
    return admin.site.list_work(
        request,
        _("Introductions to forward"),
        Introduction.objects.filter(status=IntroductionStatus.REQUESTED),
        "created_at",
        {"status__exact": IntroductionStatus.REQUESTED},
    )


def interests_waiting(request):
    """The admin home's expressions of interest, for staff to forward to the records' owners
    (PlatformAdminSite.register_work)."""
    return admin.site.list_work(
        request,
        _("Expressions of interest to forward"),
        Interest.objects.filter(status=InterestStatus.REQUESTED),
        "created_at",
        {"status__exact": InterestStatus.REQUESTED},
    )


admin.site.register_work(introductions_waiting)
admin.site.register_work(interests_waiting)
