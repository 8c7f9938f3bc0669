"""Records show their translated texts in each language, English where a translation is empty
(django-modeltranslation)."""

import pytest

from databases.models import Country
from tests.factories import RECORD_FACTORIES, TechnologyFactory, china
from tests.utils import DATABASE_KEYS, card_titles, list_url, text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_list_page_shows_the_title_in_its_language(client, key):
    RECORD_FACTORIES[key](
        title="Solar dryer",
        title_zh_hans="太阳能干燥机",
        title_ru="Солнечная сушилка",
        title_pt_br="",  # empty: falls back to English
        title_hi=None,  # missing: falls back to English
    )

    assert card_titles(client.get(list_url(key, "en"))) == ["Solar dryer"]
    assert card_titles(client.get(list_url(key, "zh-hans"))) == ["太阳能干燥机"]
    assert card_titles(client.get(list_url(key, "ru"))) == ["Солнечная сушилка"]
    assert card_titles(client.get(list_url(key, "pt-br"))) == ["Solar dryer"]
    assert card_titles(client.get(list_url(key, "hi"))) == ["Solar dryer"]


def test_detail_page_shows_translated_texts_with_english_fallback(client):
    record = TechnologyFactory(
        title="Solar dryer",
        title_ru="Солнечная сушилка",
        summary="Dries crops with sunlight.",
        summary_ru="",
        description="Long text.",
        description_ru="Длинный текст.",
    )

    russian = text(client.get(f"/ru/technologies/{record.slug}/"))
    english = text(client.get(f"/en/technologies/{record.slug}/"))

    assert "<h1>Солнечная сушилка</h1>" in russian
    assert "Dries crops with sunlight." in russian  # summary not translated
    assert "Длинный текст." in russian
    assert "<h1>Solar dryer</h1>" in english
    assert "Long text." in english


def test_country_names_are_translated(client):
    TechnologyFactory(country=china())
    Country.objects.filter(iso2="CN").update(name_zh_hans="中国", name_ru=None)
    assert "中国" in text(client.get(list_url("technologies", "zh-hans")))
    assert "China" in text(client.get(list_url("technologies", "ru")))
