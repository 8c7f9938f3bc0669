from modeltranslation.translator import TranslationOptions, register

from .models import (
    SDG,
    CooperationType,
    Country,
    Enterprise,
    Language,
    Project,
    Sector,
    ServiceInstitution,
    Talent,
    Technology,
    TechnologyField,
)

RECORD_FIELDS = ("title", "summary", "description")


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(Sector)
@register(TechnologyField)
class DescribedTaxonTranslation(TranslationOptions):
    fields = ("name", "description")


@register(CooperationType)
@register(Language)
class TaxonTranslation(TranslationOptions):
    fields = ("name",)


@register(SDG)
class SDGTranslation(TranslationOptions):
    fields = ("name", "title")


@register(Technology)
class TechnologyTranslation(TranslationOptions):
    fields = RECORD_FIELDS


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = (*RECORD_FIELDS, "location")


@register(Talent)
class TalentTranslation(TranslationOptions):
    fields = (*RECORD_FIELDS, "headline")


@register(Enterprise)
class EnterpriseTranslation(TranslationOptions):
    fields = (*RECORD_FIELDS, "capabilities")


@register(ServiceInstitution)
class ServiceInstitutionTranslation(TranslationOptions):
    fields = (*RECORD_FIELDS, "services")
