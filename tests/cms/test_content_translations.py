"""The translations of the initial content loaded by cms migration 0003."""

import pytest
from django.forms.models import model_to_dict
from django.utils import translation

from cms import content_loader
from cms.models import CountryOverview, MinisterialMeeting, Page, SiteSettings

pytestmark = pytest.mark.django_db

LANGUAGES = ["zh-hans", "ru", "pt-br", "hi"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_titles_themes_and_the_slogan_are_translated(language):
    with translation.override("en"):
        english = (
            Page.objects.get(parent=None, slug="about").title,
            MinisterialMeeting.objects.get(series="industry", number=1).theme,
            SiteSettings.get_solo().slogan,
        )
    with translation.override(language):
        translated = (
            Page.objects.get(parent=None, slug="about").title,
            MinisterialMeeting.objects.get(series="industry", number=1).theme,
            SiteSettings.get_solo().slogan,
        )
    for text, original in zip(translated, english, strict=True):
        assert text and text != original


def test_chinese_uses_the_official_names():
    with translation.override("zh-hans"):
        meeting = MinisterialMeeting.objects.get(series="industry", number=3)
        assert meeting.city == "马加利斯堡"
        assert "金砖国家新工业革命伙伴关系" in meeting.outcome_document


def test_translated_records_are_flagged_for_review():
    assert Page.objects.get(parent=None, slug="about").machine_translated
    assert not MinisterialMeeting.objects.filter(machine_translated=False).exists()
    assert not Page.objects.filter(machine_translated=False).exists()


def test_untranslated_fields_fall_back_to_english():
    with translation.override("ru"):
        page = Page.objects.get(parent=None, slug="about")
        assert page.title == "О нас"
        assert page.body_ru or page.body == page.body_en


def snapshot():
    return [
        [model_to_dict(row) for row in model.objects.order_by("pk")]
        for model in (Page, CountryOverview, MinisterialMeeting, SiteSettings)
    ]


def test_loading_twice_changes_nothing():
    before = snapshot()
    content_loader.load_content_translations()
    content_loader.load_content_translations()
    assert snapshot() == before


def test_translated_html_is_sanitised(monkeypatch):
    translations = {
        "ru": {"pages": {"about": {"body": '<p onclick="x()">Привет<script>x()</script></p>'}}}
    }
    monkeypatch.setattr(content_loader, "read_translations", lambda: translations)
    content_loader.load_content_translations()
    assert Page.objects.get(parent=None, slug="about").body_ru == "<p>Привет</p>"


def test_an_unknown_key_is_an_error(monkeypatch):
    translations = {"ru": {"pages": {"nowhere": {"title": "Нигде"}}}}
    monkeypatch.setattr(content_loader, "read_translations", lambda: translations)
    with pytest.raises(ValueError, match="nowhere"):
        content_loader.load_content_translations()
