"""The back office of matchmaking: runs (and starting one), matches, the introductions queue,
and the outcomes per run, country and sector."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from matchmaking import introductions
from matchmaking.models import (
    Dismissal,
    Introduction,
    IntroductionStatus,
    Match,
    MatchRun,
    Outcome,
    RunTrigger,
)


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
        from matchmaking.tasks import run_matchmaking

        user_id = request.user.pk
        transaction.on_commit(
            lambda: run_matchmaking.delay(trigger=RunTrigger.MANUAL, user_id=user_id)
        )
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
    ]
    readonly_fields = [name for name in fields if name != "staff_note"]
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
