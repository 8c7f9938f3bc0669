from django.contrib import admin, messages
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from . import admin_review, freshness, members
from .models import (
    SDG,
    CooperationType,
    Country,
    Enterprise,
    Language,
    Membership,
    MembershipStatus,
    Project,
    PublicationStatus,
    Sector,
    ServiceInstitution,
    Talent,
    Technology,
    TechnologyField,
)
from .resources import RESOURCES


class SpreadsheetMixin(ImportExportMixin):
    """CSV and XLSX import (previewed, all-or-nothing) and export, with databases/resources.py."""

    import_formats = export_formats = [base_formats.CSV, base_formats.XLSX]

    def get_resource_classes(self, request):
        return [RESOURCES[self.model]]


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


@admin.action(description=_("Publish selected records"), permissions=["review"])
def publish(modeladmin, request, queryset):
    _set_status(modeladmin, request, queryset, PublicationStatus.PUBLISHED)


@admin.action(description=_("Archive selected records"), permissions=["change"])
def archive(modeladmin, request, queryset):
    _set_status(modeladmin, request, queryset, PublicationStatus.ARCHIVED)


def _set_status(modeladmin, request, queryset, status):
    # One record at a time so slugs, normalised amounts and search vectors stay consistent.
    # Members' proposed changes go through the review screen, which writes them onto the original.
    records = list(queryset.exclude(status=status).filter(draft_of__isnull=True))
    for record in records:
        record.status = status
        record.save()
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d record set to “%(status)s”.",
            "%(count)d records set to “%(status)s”.",
            len(records),
        )
        % {"count": len(records), "status": PublicationStatus(status).label},
        messages.SUCCESS,
    )


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


class RecordAdmin(SpreadsheetMixin, VersionAdmin, TabbedTranslationAdmin):
    """Records with their review, spreadsheet import and export, and a history of every
    change that staff can browse and revert (django-reversion)."""

    list_display = ["card_image", "title", "country", "status", "review_link", "updated_at"]
    list_display_links = ["card_image", "title"]
    list_filter = ["status", FreshnessFilter, "country__brics_status", "sectors", "country"]
    list_select_related = ["country"]
    search_fields = ["title_en", "title_zh_hans", "title_ru", "title_pt_br", "title_hi", "slug"]
    readonly_fields = [
        "image_preview",
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

    class Media:
        css = {"all": ["css/admin.css"]}

    # What only the review decides: editing them here would publish without a review.
    review_fields = ("status",)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_review_permission(request, obj):
            fields += [name for name in self.review_fields if name not in fields]
        return fields

    def has_review_permission(self, request, obj=None):
        """Reviewing (and publishing) is a permission of its own where members submit; for the
        other databases, whoever may change a record may publish it."""
        opts = self.model._meta
        codename = f"review_{opts.model_name}"
        if any(codename == name for name, _label in opts.permissions):
            return request.user.has_perm(f"{opts.app_label}.{codename}")
        return self.has_change_permission(request, obj)

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
        if record.status not in admin_review.UNDER_REVIEW:
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


@admin.action(description=_("Verify the selected enterprises"), permissions=["review"])
def verify_enterprises(modeladmin, request, queryset):
    count = members.verify_enterprises(queryset)
    modeladmin.message_user(
        request,
        ngettext("%(count)d enterprise verified.", "%(count)d enterprises verified.", count)
        % {"count": count},
        messages.SUCCESS,
    )


@admin.register(Enterprise)
class EnterpriseAdmin(RecordAdmin):
    actions = [*RecordAdmin.actions, verify_enterprises]
    review_fields = (*RecordAdmin.review_fields, "verified")
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
