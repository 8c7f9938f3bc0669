from allauth.account.decorators import reauthentication_required
from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from platform_site import audit
from platform_site.admin_changelist import SafeDateHierarchyMixin
from platform_site.models import AuditAction

from . import admin_review, freshness, history, members, workflow
from .models import (
    SDG,
    CooperationType,
    Country,
    Enterprise,
    Language,
    Membership,
    MembershipStatus,
    Project,
    Sector,
    ServiceInstitution,
    Talent,
    Technology,
    TechnologyField,
)
from .resources import RESOURCES
from .transitions import transition


class SpreadsheetMixin(ImportExportMixin):
    """CSV and XLSX import (previewed, all-or-nothing) and export, with databases/resources.py."""

    import_formats = export_formats = [base_formats.CSV, base_formats.XLSX]

    def get_resource_classes(self, request):
        return [RESOURCES[self.model]]

    # An import changes many records at once: the password or second factor is asked again.
    def import_action(self, request, **kwargs):
        return reauthentication_required(super().import_action)(request, **kwargs)

    def process_import(self, request, **kwargs):
        return reauthentication_required(super().process_import)(request, **kwargs)

    def get_import_data_kwargs(self, **kwargs):
        # A row that turned invalid between the preview and the confirmation (a record reviewed
        # meanwhile) undoes the whole import, as the preview promised.
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            messages.error(
                request,
                _("Nothing was imported: the data changed since the preview. Import again."),
            )
            opts = self.model._meta
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_import")
        audit.record(
            AuditAction.IMPORT,
            request.user,
            model=self.model,
            file=request.POST.get("original_file_name", "")[:200],
            rows={kind: count for kind, count in result.totals.items() if count},
        )
        return super().process_result(result, request)

    # Whether an export holds personal data (names and contacts of people): the audit says so.
    exports_personal_data = False

    def get_export_data(self, file_format, request, queryset, **kwargs):
        data = super().get_export_data(file_format, request, queryset, **kwargs)
        audit.record(
            AuditAction.EXPORT,
            request.user,
            model=self.model,
            rows=queryset.count(),
            format=file_format.get_title(),
            personal_data=self.exports_personal_data,
        )
        return data


@admin.register(Country)
class CountryAdmin(SpreadsheetMixin, TabbedTranslationAdmin):
    list_display = ["flag", "name", "iso2", "iso3", "brics_status", "region"]
    list_display_links = ["name"]
    list_editable = ["brics_status"]
    list_filter = ["brics_status", "region"]
    search_fields = ["name", "name_en", "iso2", "iso3"]


@admin.register(Sector, TechnologyField, CooperationType, Language)
class TaxonAdmin(SpreadsheetMixin, TabbedTranslationAdmin):
    list_display = ["name", "code", "ordering"]
    list_editable = ["ordering"]
    search_fields = ["name_en", "code"]


@admin.register(SDG)
class SDGAdmin(SpreadsheetMixin, TabbedTranslationAdmin):
    list_display = ["number", "name", "title"]
    list_display_links = ["number", "name"]


def _apply_to_selected(modeladmin, request, queryset, name):
    """Apply workflow action ``name`` to each selected record that allows it, exactly as the
    review page would (a review note, the members' e-mails, what publication sets)."""
    action = workflow.ACTIONS[name]
    done = skipped = 0
    for record in queryset.order_by("pk"):
        if not action.applies_to(record):
            skipped += 1
            continue
        try:
            transition(record, name, request.user)
        except workflow.WorkflowError:
            skipped += 1
        else:
            done += 1
    modeladmin.message_user(
        request,
        # Django's own wording ("Successfully deleted 3 projects."), named by the model.
        _("“%(action)s” applied to %(count)d %(items)s.")
        % {"action": action.label, "count": done, "items": model_ngettext(modeladmin.opts, done)},
        messages.SUCCESS if done else messages.WARNING,
    )
    if skipped:
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d %(items)s was left as it was: its state does not allow it.",
                "%(count)d %(items)s were left as they were: their state does not allow it.",
                skipped,
            )
            % {"count": skipped, "items": model_ngettext(modeladmin.opts, skipped)},
            messages.WARNING,
        )


@admin.action(description=_("Publish selected %(verbose_name_plural)s"), permissions=["review"])
def publish(modeladmin, request, queryset):
    _apply_to_selected(modeladmin, request, queryset, "publish")


@admin.action(description=_("Archive selected %(verbose_name_plural)s"), permissions=["review"])
def archive(modeladmin, request, queryset):
    _apply_to_selected(modeladmin, request, queryset, "archive")


@admin.action(description=_("Verify the selected enterprises"), permissions=["review"])
def verify_enterprises(modeladmin, request, queryset):
    _apply_to_selected(modeladmin, request, queryset, "verify")


class FreshnessFilter(admin.SimpleListFilter):
    title = _("freshness")
    parameter_name = "freshness"

    def lookups(self, request, model_admin):
        return [
            ("stale", _("Not updated for a year")),
            ("due", _("A year without update within 30 days")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.filter(updated_at__lt=freshness.stale_cutoff())
        if self.value() == "due":
            return queryset.filter(
                updated_at__gte=freshness.stale_cutoff(),
                updated_at__lte=freshness.reminder_cutoff(),
            )
        return queryset


class LabelledFileWidget(AdminFileWidget):
    use_fieldset = False


class RecordAdmin(SafeDateHierarchyMixin, SpreadsheetMixin, VersionAdmin, TabbedTranslationAdmin):
    """Records with their review, spreadsheet import and export, and a history of every
    change that staff can browse and revert (django-reversion)."""

    list_display = ["card_image", "title", "country", "status", "review_link", "updated_at"]
    list_display_links = ["card_image", "title"]
    list_filter = ["status", FreshnessFilter, "country__brics_status", "sectors", "country"]
    list_select_related = ["country"]
    search_fields = ["title_en", "title_zh_hans", "title_ru", "title_pt_br", "title_hi", "slug"]
    # The review's columns (workflow.REVIEW_STATE_FIELDS and _DATE_FIELDS) change only through
    # its actions: the review page, the bulk actions, imports.
    readonly_fields = [
        "image_preview",
        "status",
        "created_at",
        "updated_at",
        "published_at",
        "submitted_at",
        "verified_at",
        "freshness_reminded_at",
        "draft_of",
    ]
    exclude = ["thumbnail"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["country", "owner"]
    filter_horizontal = ["sectors"]
    actions = [publish, archive]
    date_hierarchy = "updated_at"
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 50

    # Django's admin file widget is a fieldset whose legend names the field, and its file input
    # is left without a label (axe: "label"): the field's <label for> names it instead.
    formfield_overrides = {
        models.FileField: {"widget": LabelledFileWidget},
        models.ImageField: {"widget": LabelledFileWidget},
    }
    change_form_template = "admin/databases/record_change_form.html"

    def has_review_permission(self, request, obj=None):
        """Publishing, archiving, verifying and reviewing submissions: a permission of its own."""
        return workflow.may_review(request.user, self.model)

    def render_change_form(self, request, context, *args, **kwargs):
        context["may_review"] = self.has_review_permission(request)
        return super().render_change_form(request, context, *args, **kwargs)

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        # The one place where django-reversion reverts, for History and Recover deleted alike;
        # reverting asks for the password or second factor again.
        history.keep_review_state(version.revision)
        view = reauthentication_required(super()._reversion_revisionform_view)
        response = view(request, version, template_name, extra_context)
        reverted = response.status_code == 302 and getattr(version.revision, "reverted", False)
        if request.method == "POST" and reverted:
            action = AuditAction.RECOVER if extra_context.get("recover") else AuditAction.REVERT
            record = self.model._default_manager.filter(pk=version.object_id).first()
            audit.record(
                action,
                request.user,
                record,
                version=version.pk,
                saved_on=version.revision.date_created.isoformat(),
            )
        return response

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/review/",
                self.admin_site.admin_view(
                    lambda request, object_id: admin_review.review(request, self, object_id)
                ),
                name=f"{opts.app_label}_{opts.model_name}_review",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("Review"))
    def review_link(self, record):
        if record.status not in workflow.UNDER_REVIEW:
            return ""
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_review", args=[record.pk])
        return format_html('<a href="{}">{}</a>', url, _("Review"))

    @admin.display(description=_("Image"))
    def card_image(self, record):
        if not record.image:
            return "—"
        return format_html(
            '<img src="{}" alt="" width="60" height="40" class="record-thumbnail" loading="lazy">',
            record.image.url,
        )

    @admin.display(description=_("Image preview"))
    def image_preview(self, record):
        if not record.image:
            return _("No image")
        return format_html('<img src="{}" alt="" class="record-image-preview">', record.image.url)


@admin.register(Technology)
class TechnologyAdmin(RecordAdmin):
    list_display = [
        *RecordAdmin.list_display[:3],
        "trl",
        "ip_status",
        *RecordAdmin.list_display[3:],
    ]
    list_filter = [
        *RecordAdmin.list_filter[:1],
        "trl",
        "ip_status",
        "technology_fields",
        *RecordAdmin.list_filter[1:],
    ]
    filter_horizontal = ["sectors", "technology_fields", "transfer_modes"]
    autocomplete_fields = [*RecordAdmin.autocomplete_fields, "provider"]


@admin.register(Project)
class ProjectAdmin(RecordAdmin):
    list_display = [
        *RecordAdmin.list_display[:3],
        "stage",
        "investment_usd",
        *RecordAdmin.list_display[3:],
    ]
    list_filter = [
        *RecordAdmin.list_filter[:1],
        "stage",
        "cooperation_types",
        "sdgs",
        *RecordAdmin.list_filter[1:],
    ]
    filter_horizontal = ["sectors", "cooperation_types", "sdgs"]
    autocomplete_fields = [*RecordAdmin.autocomplete_fields, "enterprise", "technologies"]
    readonly_fields = [*RecordAdmin.readonly_fields, "investment_usd"]


@admin.register(Talent)
class TalentAdmin(RecordAdmin):
    exports_personal_data = True
    list_display = [
        *RecordAdmin.list_display[:3],
        "organisation",
        "experience_years",
        *RecordAdmin.list_display[3:],
    ]
    list_filter = [
        *RecordAdmin.list_filter[:1],
        "available_consulting",
        "available_training",
        "available_mentoring",
        "languages",
        "technology_fields",
        *RecordAdmin.list_filter[1:],
    ]
    filter_horizontal = ["sectors", "technology_fields", "languages"]


@admin.register(Enterprise)
class EnterpriseAdmin(RecordAdmin):
    actions = [*RecordAdmin.actions, verify_enterprises]
    readonly_fields = [*RecordAdmin.readonly_fields, "verified"]
    list_display = [
        *RecordAdmin.list_display[:3],
        "size",
        "verified",
        *RecordAdmin.list_display[3:],
    ]
    list_filter = [
        *RecordAdmin.list_filter[:1],
        "verified",
        "size",
        "cooperation_offered",
        *RecordAdmin.list_filter[1:],
    ]
    filter_horizontal = [
        "sectors",
        "cooperation_offered",
        "interest_sectors",
        "interest_countries",
        "interest_cooperation",
    ]


@admin.register(ServiceInstitution)
class ServiceInstitutionAdmin(RecordAdmin):
    list_display = [
        *RecordAdmin.list_display[:3],
        "institution_type",
        *RecordAdmin.list_display[3:],
    ]
    list_filter = [*RecordAdmin.list_filter[:1], "institution_type", *RecordAdmin.list_filter[1:]]
    filter_horizontal = ["sectors", "countries_served"]


def _decide(modeladmin, request, queryset, status):
    count = members.decide(queryset, status, request.user)
    modeladmin.message_user(
        request,
        ngettext("%(count)d request decided.", "%(count)d requests decided.", count)
        % {"count": count},
        messages.SUCCESS,
    )


@admin.action(description=_("Approve the selected requests"), permissions=["change"])
def approve_memberships(modeladmin, request, queryset):
    _decide(modeladmin, request, queryset, MembershipStatus.APPROVED)


@admin.action(description=_("Decline the selected requests"), permissions=["change"])
def decline_memberships(modeladmin, request, queryset):
    _decide(modeladmin, request, queryset, MembershipStatus.DECLINED)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "enterprise", "role", "status", "enterprise_verified", "created_at"]
    list_filter = ["status", "role", "enterprise__verified"]
    list_select_related = ["user", "enterprise"]
    search_fields = ["user__email", "enterprise__title_en"]
    autocomplete_fields = ["user", "enterprise"]
    readonly_fields = ["created_at", "decided_at", "decided_by"]
    actions = [approve_memberships, decline_memberships]

    @admin.display(description=_("enterprise verified"), boolean=True)
    def enterprise_verified(self, membership):
        return membership.enterprise.verified


def memberships_waiting(request):
    """The admin home's membership requests to decide (PlatformAdminSite.register_work)."""
    return admin.site.list_work(
        request,
        _("Memberships to approve"),
        Membership.objects.filter(status=MembershipStatus.REQUESTED),
        "created_at",
        {"status__exact": MembershipStatus.REQUESTED},
    )


# The queue of submissions across the databases: a page of the back office that is no model's.
admin.site.register_view("review/", admin_review.review_queue, name="review-queue")
admin.site.register_work(admin_review.submissions_waiting)
admin.site.register_work(memberships_waiting)
