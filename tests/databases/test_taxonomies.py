"""The shared taxonomies are seeded by migration 0003 from databases/taxonomy_data."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from databases import taxonomies
from databases.models import SDG, CooperationType, Country, Language, Sector, TechnologyField
from databases.models.taxonomy import BricsStatus

TAXONOMY_MODELS = [Country, Sector, TechnologyField, SDG, CooperationType, Language]


def counts():
    return {model.__name__: model.objects.count() for model in TAXONOMY_MODELS}


@pytest.mark.django_db
def test_migration_loads_every_taxonomy():
    assert counts() == {
        "Country": 250,
        "Sector": 15,
        "TechnologyField": 9,
        "SDG": 17,
        "CooperationType": 9,
        "Language": 16,
    }
    assert set(SDG.objects.values_list("number", flat=True)) == set(range(1, 18))


@pytest.mark.django_db
def test_brics_statuses():
    members = set(
        Country.objects.filter(brics_status=BricsStatus.MEMBER).values_list("iso2", flat=True)
    )
    partners = set(
        Country.objects.filter(brics_status=BricsStatus.PARTNER).values_list("iso2", flat=True)
    )
    assert members == {"BR", "RU", "IN", "CN", "ZA", "EG", "ET", "IR", "AE", "ID", "SA"}
    assert partners == {"BY", "BO", "KZ", "CU", "MY", "TH", "UG", "UZ", "NG", "VN"}


@pytest.mark.django_db
def test_translations_in_every_language():
    china = Country.objects.get(iso2="CN")
    assert (china.iso3, china.flag, china.region) == ("CHN", "🇨🇳", "Asia")
    assert (china.name_en, china.name_zh_hans, china.name_ru) == ("China", "中国", "Китай")
    assert (china.name_pt_br, china.name_hi) == ("China", "चीन")

    sdg7 = SDG.objects.get(number=7)
    assert sdg7.colour == "#FCC30B"
    assert sdg7.name_pt_br == "Energia limpa e acessível"
    assert sdg7.name_zh_hans == "经济适用的清洁能源"
    assert sdg7.title_hi.startswith("सभी के लिए")

    assert Sector.objects.get(code="solar-energy").name_zh_hans == "太阳能"
    y02e = TechnologyField.objects.get(code="y02e")
    names = [y02e.name_en, y02e.name_zh_hans, y02e.name_ru, y02e.name_pt_br, y02e.name_hi]
    assert all(name.startswith("Y02E · ") for name in names)
    assert Language.objects.get(code="en").name_zh_hans == "英语"
    assert CooperationType.objects.get(code="technology-transfer").name_ru == "Передача технологий"


@pytest.mark.django_db
def test_every_translated_column_is_filled():
    languages = ["en", "zh_hans", "ru", "pt_br", "hi"]
    for model in TAXONOMY_MODELS:
        for language in languages:
            missing = model.objects.filter(**{f"name_{language}__isnull": True})
            assert not missing.exists(), (model.__name__, language)
    assert not Country.objects.filter(name_hi="").exists()


@pytest.mark.django_db
def test_empty_translation_falls_back_to_english():
    Country.objects.filter(iso2="CN").update(name_hi=None)
    china = Country.objects.get(iso2="CN")
    with translation.override("hi"):
        assert china.name == "China"
    with translation.override("ru"):
        assert china.name == "Китай"


def test_json_fields_exist_on_the_models():
    """load() skips fields a historical model lacks; the current models must have them all."""
    for filename, model_name, _key in taxonomies.TAXONOMIES:
        model = next(m for m in TAXONOMY_MODELS if m.__name__ == model_name)
        fields = {field.name for field in model._meta.concrete_fields}
        for record in taxonomies.read(filename):
            assert set(taxonomies.columns(record)) <= fields, filename


@pytest.mark.django_db
def test_reloading_is_idempotent_and_overwrites_staff_edits():
    """Re-loading restores the JSON value of an edited name: the files are the source of truth
    for the rows they contain. Rows staff added are kept."""
    before = counts()
    snapshot = list(Country.objects.order_by("iso2").values())
    Sector.objects.filter(code="wind-energy").update(name_ru="Ветер")
    Sector.objects.create(code="staff-added", name="Staff added", name_en="Staff added")

    taxonomies.load()
    taxonomies.load()

    assert counts() == {**before, "Sector": before["Sector"] + 1}
    assert list(Country.objects.order_by("iso2").values()) == snapshot
    assert Sector.objects.get(code="wind-energy").name_ru == "Ветроэнергетика"
    assert Sector.objects.filter(code="staff-added").exists()


@pytest.mark.django_db
def test_management_command_reports_what_it_loaded():
    out = StringIO()
    call_command("load_taxonomies", stdout=out)
    assert "countries: 250 loaded" in out.getvalue()
