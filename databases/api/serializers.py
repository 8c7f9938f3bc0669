"""What a record and a taxon show to the world: the fields of the public pages, nothing else.

These serializers are the one definition of the public fields. The API answers with them, and
the bulk downloads (databases/open_data.py) write them: JSON as they are, CSV and XLSX
flattened as ``flat_plan`` says (databases/bulk_files.py). A field that a page does not show
(the owner, the status, an expert's contact without consent, members, review notes) is not
here, so it can reach neither.

A translated field (django-modeltranslation) is an object of every language's text
(``{"en": …, "zh-hans": …}``, null where untranslated), or with ``?lang=`` the one text of that
language, English where it is missing, as the pages show it.
"""

import zoneinfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from modeltranslation.translator import NotRegistered, translator
from rest_framework import serializers

from databases.models import (
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

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# A slug that stands for every record's in its database's address (PageURLField).
SLUG_MARK = "slug-of-the-record"


def _column(field_name, language):
    return f"{field_name}_{language.replace('-', '_')}"


@extend_schema_field(
    {
        "oneOf": [
            {
                "type": "object",
                "description": "The text in every language (null: not translated).",
                "properties": {code: {"type": "string", "nullable": True} for code in LANGUAGES},
            },
            {"type": "string", "description": "With ?lang=: that language's text."},
        ]
    }
)
class TranslatedField(serializers.Field):
    """A modeltranslation field: every language's column, or the active one's with ``lang``."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.columns = [(code, _column(field_name, code)) for code in LANGUAGES]

    def to_representation(self, instance):
        if self.context.get("lang"):
            # The view activated that language: modeltranslation falls back to English.
            return getattr(instance, self.field_name)
        return {code: getattr(instance, column) or None for code, column in self.columns}


class SiteDateTimeField(serializers.DateTimeField):
    """A date and time in the site's time zone, as DRF writes it, with that zone looked up
    once rather than for each value: a bulk download writes three per record."""

    def __init__(self, **kwargs):
        super().__init__(default_timezone=zoneinfo.ZoneInfo(settings.TIME_ZONE), **kwargs)


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class FileURLField(serializers.Field):
    """An uploaded file's absolute address (public once its record is published)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return self.context["origin"] + value.url if value else None


@extend_schema_field({"type": "array", "items": {"type": "string", "format": "uri"}})
class GalleryField(serializers.Field):
    """Every image of the record's gallery, in order (the first is also ``image``)."""

    def __init__(self, **kwargs):
        super().__init__(source="gallery_list", read_only=True, **kwargs)

    def to_representation(self, gallery):
        return [self.context["origin"] + image.image.url for image in gallery]


@extend_schema_field(OpenApiTypes.URI)
class PageURLField(serializers.Field):
    """The record's page on the site, in the active language."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)
        self.around_slug = {}

    def to_representation(self, record):
        # A record's address is its database's in the language with its slug in the middle:
        # reversed once per database and language, not once per record (a bulk download
        # writes a hundred thousand; a slug never needs quoting).
        key = (record.url_name, translation.get_language())
        if key not in self.around_slug:
            self.around_slug[key] = reverse(
                f"databases:{record.url_name}-detail", args=[SLUG_MARK]
            ).split(SLUG_MARK)
        before, after = self.around_slug[key]
        return self.context["origin"] + before + record.slug + after


def _published_id(name, help_text):
    """The id of a related record when it is published (its page links it then), else null:
    ``RecordQuerySet.for_open_data`` annotates it."""
    return serializers.IntegerField(
        source=f"public_{name}_id", read_only=True, allow_null=True, help_text=help_text
    )


@extend_schema_field(OpenApiTypes.STR)
class CodeField(serializers.SlugRelatedField):
    """A taxon by its stable code (or ISO code)."""


@extend_schema_field(OpenApiTypes.INT)
class NumberField(serializers.SlugRelatedField):
    """A taxon by its number (an SDG)."""


@extend_schema_field(OpenApiTypes.INT)
class IdField(serializers.PrimaryKeyRelatedField):
    """A related record by its id (given the record, or only its id: the bulk downloads read
    no more, ``RecordQuerySet.open_data_chunks``)."""

    def to_representation(self, value):
        return value if isinstance(value, int) else value.pk


def _codes(relation, slug_field="code"):
    """The codes of a record's taxa, from the list ``RecordQuerySet.for_open_data`` fetched
    (the schema cannot find that list on the model: the field says what it holds)."""
    field_class = NumberField if slug_field == "number" else CodeField
    return field_class(source=f"{relation}_list", slug_field=slug_field, many=True, read_only=True)


class TranslatedModelSerializer(serializers.ModelSerializer):
    """A model serializer whose translated fields are ``TranslatedField``s."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateTimeField: SiteDateTimeField,
    }

    def get_fields(self):
        fields = super().get_fields()
        try:
            translated = translator.get_options_for_model(self.Meta.model).fields
        except NotRegistered:
            return fields
        for name in translated:
            if name in fields:
                fields[name] = TranslatedField()
        return fields


# -- Taxonomies ---------------------------------------------------------------------------


class CountrySerializer(TranslatedModelSerializer):
    class Meta:
        model = Country
        fields = ["iso2", "iso3", "name", "brics_status", "region"]


class SectorSerializer(TranslatedModelSerializer):
    class Meta:
        model = Sector
        fields = ["code", "name", "description"]


class TechnologyFieldSerializer(TranslatedModelSerializer):
    class Meta:
        model = TechnologyField
        fields = ["code", "name", "description"]


class SDGSerializer(TranslatedModelSerializer):
    class Meta:
        model = SDG
        fields = ["number", "name", "title", "colour"]


class CooperationTypeSerializer(TranslatedModelSerializer):
    class Meta:
        model = CooperationType
        fields = ["code", "name"]


class LanguageSerializer(TranslatedModelSerializer):
    class Meta:
        model = Language
        fields = ["code", "name"]


# -- Records ------------------------------------------------------------------------------

RECORD_FIELDS = [
    "id",
    "slug",
    "url",
    "title",
    "summary",
    "description",
    "country",
    "sectors",
    "image",
    "thumbnail",
    "images",
    "published_at",
    "updated_at",
    "last_verified",
]


class RecordSerializer(TranslatedModelSerializer):
    """The fields every record's page shows. Taxa are given by their codes (country: ISO
    3166-1 alpha-2; SDGs: their numbers), described by the taxonomy endpoints."""

    url = PageURLField()
    country = serializers.SlugRelatedField(slug_field="iso2", read_only=True)
    sectors = _codes("sectors")
    image = FileURLField()
    thumbnail = FileURLField()
    images = GalleryField()
    last_verified = SiteDateTimeField(
        read_only=True, help_text="When the secretariat last confirmed the record is accurate."
    )


class TechnologySerializer(RecordSerializer):
    technology_fields = _codes("technology_fields")
    transfer_modes = _codes("transfer_modes")
    provider = _published_id("provider", "The providing enterprise's id, when published.")

    class Meta:
        model = Technology
        fields = [
            *RECORD_FIELDS,
            "technology_fields",
            "trl",
            "ip_status",
            "transfer_modes",
            "co2_reduction",
            "provider",
        ]


class ProjectSerializer(RecordSerializer):
    cooperation_types = _codes("cooperation_types")
    sdgs = _codes("sdgs", slug_field="number")
    # Prefetched among the published technologies only (RecordQuerySet.for_open_data).
    technologies = IdField(source="technologies_list", many=True, read_only=True)
    enterprise = _published_id("enterprise", "The submitting enterprise's id, when published.")

    class Meta:
        model = Project
        fields = [
            *RECORD_FIELDS,
            "stage",
            "location",
            "investment_amount",
            "investment_currency",
            "investment_usd",
            "cooperation_types",
            "sdgs",
            "co2_reduction",
            "technologies",
            "enterprise",
        ]


class ContactSerializer(serializers.Serializer):
    email = serializers.EmailField(read_only=True)
    phone = serializers.CharField(read_only=True)
    website = serializers.URLField(read_only=True)


class TalentSerializer(RecordSerializer):
    technology_fields = _codes("technology_fields")
    languages = _codes("languages")
    # Talent.public_contact: None unless the expert consented, exactly as on the page.
    contact = ContactSerializer(
        source="public_contact",
        read_only=True,
        allow_null=True,
        help_text="Only when the expert consented to show it; null otherwise.",
    )

    class Meta:
        model = Talent
        fields = [
            *RECORD_FIELDS,
            "headline",
            "organisation",
            "technology_fields",
            "languages",
            "experience_years",
            "available_consulting",
            "available_training",
            "available_mentoring",
            "contact",
        ]


class EnterpriseSerializer(RecordSerializer):
    cooperation_offered = _codes("cooperation_offered")
    interest_sectors = _codes("interest_sectors")
    interest_countries = _codes("interest_countries", slug_field="iso2")
    interest_cooperation = _codes("interest_cooperation")

    class Meta:
        model = Enterprise
        fields = [
            *RECORD_FIELDS,
            "size",
            "founded",
            "capabilities",
            "verified",
            "website",
            "cooperation_offered",
            "interest_sectors",
            "interest_countries",
            "interest_cooperation",
            "investment_min_usd",
            "investment_max_usd",
        ]


class ServiceInstitutionSerializer(RecordSerializer):
    countries_served = _codes("countries_served", slug_field="iso2")

    class Meta:
        model = ServiceInstitution
        fields = [
            *RECORD_FIELDS,
            "institution_type",
            "services",
            "countries_served",
            "website",
            "email",
        ]


SERIALIZERS = {
    "technologies": TechnologySerializer,
    "projects": ProjectSerializer,
    "talents": TalentSerializer,
    "enterprises": EnterpriseSerializer,
    "institutions": ServiceInstitutionSerializer,
}


# -- Flat rows (CSV, XLSX) ----------------------------------------------------------------


def flat_plan(serializer):
    """How a representation by ``serializer`` flattens into columns, as plain data that
    databases/bulk_files.py applies in a process without Django: per field, its name, how
    (``parts``: one column per language of a translated field or per part of a nested object;
    ``decimal``: an amount, as a number; ``value``: one column, a list joined) and the parts."""
    plan = []
    for name, field in serializer.fields.items():
        if isinstance(field, TranslatedField):
            plan.append((name, "parts", list(LANGUAGES)))
        elif isinstance(field, serializers.Serializer):
            plan.append((name, "parts", list(field.fields)))
        elif isinstance(field, serializers.DecimalField):
            plan.append((name, "decimal", None))
        else:
            plan.append((name, "value", None))
    return plan


def columns(serializer):
    """The flat columns of ``serializer``'s fields (``flat_plan``)."""
    return [
        f"{name}_{part}" if how == "parts" else name
        for name, how, parts in flat_plan(serializer)
        for part in (parts if how == "parts" else [None])
    ]
