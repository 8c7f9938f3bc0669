from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from platform_site.admin_changelist import SafeDateHierarchyMixin

from .forms import StoryImageForm
from .models import (
    UNANSWERED_INQUIRIES,
    CountryOverview,
    Event,
    Inquiry,
    MinisterialMeeting,
    Page,
    PolicyDocument,
    SiteSettings,
    Story,
    StoryImage,
)


@admin.register(Page)
class PageAdmin(TabbedTranslationAdmin):
    list_display = ["title", "parent", "slug", "ordering", "show_in_navigation", "published"]
    list_display_links = ["title"]
    list_editable = ["ordering", "show_in_navigation", "published"]
    list_filter = ["published", "show_in_navigation", "machine_translated", "parent"]
    list_select_related = ["parent"]
    search_fields = ["title_en", "slug", "summary_en"]
    ordering = ["parent__ordering", "parent_id", "ordering", "title"]
    prepopulated_fields = {"slug": ["title_en"]}
    readonly_fields = ["updated_at"]


@admin.register(CountryOverview)
class CountryOverviewAdmin(TabbedTranslationAdmin):
    list_display = ["country", "ordering", "published", "machine_translated", "updated_at"]
    list_editable = ["ordering", "published"]
    list_filter = ["published", "machine_translated"]
    list_select_related = ["country"]
    search_fields = ["country__name_en", "country__iso2", "summary_en"]
    ordering = ["ordering", "country__name"]
    autocomplete_fields = ["country"]
    readonly_fields = ["updated_at"]


@admin.register(MinisterialMeeting)
class MinisterialMeetingAdmin(SafeDateHierarchyMixin, TabbedTranslationAdmin):
    list_display = ["series", "number", "date", "city", "country", "by_video", "outcome_document"]
    list_display_links = ["series", "number"]
    list_filter = ["series", "by_video", "country"]
    list_select_related = ["country"]
    search_fields = ["theme_en", "outcome_document_en", "city_en", "summary_en"]
    ordering = ["series", "number"]
    date_hierarchy = "date"
    autocomplete_fields = ["country"]


@admin.register(Event)
class EventAdmin(SafeDateHierarchyMixin, TabbedTranslationAdmin):
    list_display = ["title", "kind", "start_date", "end_date", "online", "country", "published"]
    list_filter = ["kind", "published", "online", "country"]
    list_select_related = ["country"]
    search_fields = ["title_en", "summary_en", "place_en", "slug"]
    ordering = ["-start_date", "title"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["country"]


@admin.register(PolicyDocument)
class PolicyDocumentAdmin(SafeDateHierarchyMixin, TabbedTranslationAdmin):
    list_display = ["title", "country", "issuing_body", "issued_on", "published"]
    list_filter = ["published", "country"]
    list_select_related = ["country"]
    search_fields = ["title_en", "issuing_body_en", "summary_en", "slug"]
    ordering = ["-issued_on", "title"]
    date_hierarchy = "issued_on"
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["country"]


class StoryImageInline(TranslationTabularInline):
    model = StoryImage
    form = StoryImageForm
    extra = 1


@admin.register(Story)
class StoryAdmin(TabbedTranslationAdmin):
    """Stories are written, translated and published by staff like the other pages; the
    introduction whose outcome a story tells is chosen on the introduction (matchmaking)."""

    list_display = ["title", "published", "published_at", "machine_translated", "updated_at"]
    list_filter = ["published", "machine_translated", "countries", "sectors"]
    search_fields = ["title_en", "summary_en", "slug"]
    ordering = ["-published_at", "-pk"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = [
        "countries",
        "technologies",
        "projects",
        "talents",
        "enterprises",
        "institutions",
    ]
    filter_horizontal = ["sectors"]
    readonly_fields = ["published_at", "updated_at"]
    inlines = [StoryImageInline]


@admin.register(SiteSettings)
class SiteSettingsAdmin(TabbedTranslationAdmin):
    list_display = ["__str__", "slogan"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Inquiry)
class InquiryAdmin(SafeDateHierarchyMixin, admin.ModelAdmin):
    list_display = ["created_at", "name", "organisation", "topic", "country", "status", "assignee"]
    list_display_links = ["created_at", "name"]
    list_filter = ["status", "topic", "language", "assignee", "country"]
    list_select_related = ["country", "assignee"]
    search_fields = ["name", "organisation", "email", "message"]
    ordering = ["status", "-created_at"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "name",
        "organisation",
        "email",
        "phone",
        "country",
        "topic",
        "message",
        "language",
        "created_at",
        "updated_at",
        "notified_at",
    ]
    fieldsets = [
        (
            _("Visitor"),
            {
                "fields": [
                    ("name", "organisation"),
                    ("email", "phone"),
                    ("country", "language"),
                    "topic",
                    "message",
                ]
            },
        ),
        (_("Handling"), {"fields": ["status", "assignee", "internal_notes"]}),
        (_("Dates"), {"fields": [("created_at", "updated_at"), "notified_at"]}),
    ]

    def has_add_permission(self, request):
        return False


def inquiries_waiting(request):
    """The admin home's "Consult us" inquiries still unanswered
    (PlatformAdminSite.register_work)."""
    return admin.site.list_work(
        request,
        _("Inquiries to answer"),
        Inquiry.objects.filter(status__in=UNANSWERED_INQUIRIES),
        "created_at",
        {"status__in": ",".join(UNANSWERED_INQUIRIES)},
    )


admin.site.register_work(inquiries_waiting)
