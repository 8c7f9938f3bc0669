from modeltranslation.translator import TranslationOptions, register

from .models import (
    CountryOverview,
    Event,
    MinisterialMeeting,
    Page,
    PolicyDocument,
    SiteSettings,
    Story,
    StoryImage,
)


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "summary", "body")


@register(CountryOverview)
class CountryOverviewTranslation(TranslationOptions):
    fields = ("summary", "body", "capital")


@register(MinisterialMeeting)
class MinisterialMeetingTranslation(TranslationOptions):
    fields = ("city", "theme", "outcome_document", "summary")


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "place")


@register(PolicyDocument)
class PolicyDocumentTranslation(TranslationOptions):
    fields = ("title", "issuing_body", "summary")


@register(SiteSettings)
class SiteSettingsTranslation(TranslationOptions):
    fields = ("slogan", "address")


@register(Story)
class StoryTranslation(TranslationOptions):
    fields = ("title", "summary", "body")


@register(StoryImage)
class StoryImageTranslation(TranslationOptions):
    fields = ("alt", "caption")
