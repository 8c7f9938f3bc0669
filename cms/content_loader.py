"""The loader of the client's initial content (cms/content/content.json) and of its
translations (cms/content/translations/), which migrations run."""

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


TRANSLATIONS_DIR = CONTENT_FILE.parent / "translations"
# The languages the translation files cover, besides English.
TRANSLATION_LANGUAGES = ("zh-hans", "ru", "pt-br", "hi")


def read_translations():
    """``{language: content}`` of cms/content/translations/<language>.json (missing: skipped)."""
    translations = {}
    for language in TRANSLATION_LANGUAGES:
        path = TRANSLATIONS_DIR / f"{language}.json"
        if path.exists():
            translations[language] = json.loads(path.read_text(encoding="utf-8"))
    return translations


def _translated_values(model_name, language, record):
    """``record``'s translated text as ``<field>_<language>`` columns, HTML sanitised."""
    values = {}
    for field, value in record.items():
        if field not in TRANSLATED[model_name]:
            raise ValueError(f"{model_name}.{field} is not a translated field")
        if field in HTML:
            value = clean_html(value)
        values[build_localized_fieldname(field, language)] = value
    return values


def load_content_translations(apps=None, using=DEFAULT_DB_ALIAS):
    """Fill the translated columns of the initial content from cms/content/translations/.

    Records are found by the natural keys of ``load_initial_content`` (page path such as
    ``about/platform-profile``, country ISO2 code, ``<series>/<number>`` of a meeting, the
    single site settings row). Every record that gets a translation is flagged
    ``machine_translated`` for staff review. Updates go through ``QuerySet.update()``, so HTML
    is sanitised here as ``save()`` would; loading twice changes nothing.
    """
    if apps is None:
        from django.apps import apps
    models = {
        "pages": apps.get_model("cms", "Page"),
        "country_overviews": apps.get_model("cms", "CountryOverview"),
        "ministerial_meetings": apps.get_model("cms", "MinisterialMeeting"),
        "site_settings": apps.get_model("cms", "SiteSettings"),
    }
    model_names = {
        "pages": "Page",
        "country_overviews": "CountryOverview",
        "ministerial_meetings": "MinisterialMeeting",
        "site_settings": "SiteSettings",
    }

    with transaction.atomic(using=using):
        # Natural key -> primary key of every record the translations may address.
        rows = models["pages"].objects.using(using).values_list("pk", "parent_id", "slug")
        parents = {pk: (parent_id, slug) for pk, parent_id, slug in rows}

        def page_path(pk):
            slugs = []
            while pk is not None:
                pk, slug = parents[pk]
                slugs.append(slug)
            return "/".join(reversed(slugs))

        keys = {
            "pages": {page_path(pk): pk for pk in parents},
            "country_overviews": dict(
                models["country_overviews"].objects.using(using).values_list("country__iso2", "pk")
            ),
            "ministerial_meetings": {
                f"{series}/{number}": pk
                for pk, series, number in models["ministerial_meetings"]
                .objects.using(using)
                .values_list("pk", "series", "number")
            },
        }

        updates = {}  # (kind, pk) -> column values
        for language, content in read_translations().items():
            for kind, records in content.items():
                if kind.startswith("_"):
                    continue
                if kind == "site_settings":
                    records = {"1": records}
                    keys.setdefault("site_settings", {"1": 1})
                for key, record in records.items():
                    if key not in keys[kind]:
                        raise ValueError(f"{language}: unknown {kind} key {key!r}")
                    values = _translated_values(model_names[kind], language, record)
                    updates.setdefault((kind, keys[kind][key]), {}).update(values)

        for (kind, pk), values in updates.items():
            manager = models[kind].objects.using(using)
            if kind == "site_settings" and not manager.filter(pk=pk).exists():
                continue
            if "machine_translated" in {f.name for f in models[kind]._meta.concrete_fields}:
                values["machine_translated"] = True
            manager.filter(pk=pk).update(**values)
