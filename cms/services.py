"""Business rules of the site content; for now the loader of the client's initial content."""

import json
from datetime import date
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, transaction
from django.utils import translation
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname

from cms.sanitize import clean_html

CONTENT_FILE = Path(__file__).resolve().parent / "content" / "content.json"

# Fields of each model that cms/translation.py translates and that are rich HTML.
TRANSLATED = {
    "Page": {"title", "summary", "body"},
    "CountryOverview": {"summary", "body", "capital"},
    "MinisterialMeeting": {"city", "theme", "outcome_document", "summary"},
    "SiteSettings": {"slogan", "address"},
}
HTML = {"body"}


def read_content():
    return json.loads(CONTENT_FILE.read_text(encoding="utf-8"))


def _values(model_name, record, model):
    """``record``'s values as model columns: English text also fills the ``_en`` column."""
    known = {field.name for field in model._meta.concrete_fields}
    values = {}
    for field, value in record.items():
        if field in HTML:
            value = clean_html(value)
        values[field] = value
        if field in TRANSLATED.get(model_name, ()):
            values[build_localized_fieldname(field, mt_settings.DEFAULT_LANGUAGE)] = value
    return {name: value for name, value in values.items() if name in known}


def load_initial_content(apps=None, using=DEFAULT_DB_ALIAS):
    """Upsert the client's English content by natural keys; loading twice changes nothing."""
    if apps is None:
        from django.apps import apps
    Page = apps.get_model("cms", "Page")
    CountryOverview = apps.get_model("cms", "CountryOverview")
    MinisterialMeeting = apps.get_model("cms", "MinisterialMeeting")
    SiteSettings = apps.get_model("cms", "SiteSettings")
    Country = apps.get_model("databases", "Country")
    content = read_content()

    with translation.override(mt_settings.DEFAULT_LANGUAGE), transaction.atomic(using=using):
        pages = {}
        for record in content["pages"]:
            record = dict(record)
            parent = pages[record.pop("parent")] if record.get("parent") else None
            record.pop("parent", None)
            slug = record.pop("slug")
            record.setdefault("machine_translated", False)
            pages[slug], _created = Page.objects.using(using).update_or_create(
                parent=parent, slug=slug, defaults=_values("Page", record, Page)
            )

        countries = Country.objects.using(using).in_bulk(field_name="iso2")
        for record in content["country_overviews"]:
            record = dict(record)
            country = countries[record.pop("country")]
            record.setdefault("machine_translated", False)
            CountryOverview.objects.using(using).update_or_create(
                country=country, defaults=_values("CountryOverview", record, CountryOverview)
            )

        for record in content["ministerial_meetings"]:
            record = dict(record)
            iso2 = record.pop("country")
            record["country"] = countries[iso2] if iso2 else None
            record["date"] = date.fromisoformat(record["date"])
            record.setdefault("machine_translated", False)
            MinisterialMeeting.objects.using(using).update_or_create(
                series=record.pop("series"),
                number=record.pop("number"),
                defaults=_values("MinisterialMeeting", record, MinisterialMeeting),
            )

        SiteSettings.objects.using(using).update_or_create(
            pk=1, defaults=_values("SiteSettings", content["site_settings"], SiteSettings)
        )
