"""Numbers, amounts, dates, flags and fallback texts in the reader's language (platform_site.l10n
and its template filters, portal_l10n), and on the pages that show them."""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories import EnterpriseFactory, EventFactory, PolicyDocumentFactory, ProjectFactory
from tests.factories import china as make_china
from tests.utils import text

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


def render(source, lang, **context):
    with translation.override(lang):
        return Template("{% load portal_l10n %}" + source).render(Context(context))


# Filters, in the five languages ----------------------------------------------------------------

NUMBERS = {
    "en": "1,234,567",
    "zh-hans": "1,234,567",
    "ru": f"1{NBSP}234{NBSP}567",
    "pt-br": "1.234.567",
    "hi": "12,34,567",  # Indian grouping
}

QUANTITIES = {  # 1200.4 and 2.5 million tonnes
    "en": ("1,200", "2.5 million"),
    "zh-hans": ("1,200", "250万"),
    "ru": (f"1{NBSP}200", "2,5 миллиона"),
    "pt-br": ("1.200", "2,5 milhões"),
    "hi": ("1,200", "25 लाख"),
}

AMOUNTS = {  # US$5,000,000.00, ₹463,000 and CN¥900,000
    "en": ("US$5 million", "₹463,000", "CN¥900,000"),
    "zh-hans": ("US$500万", "₹46.3万", "¥90万"),
    "ru": (f"5 миллионов{NBSP}$", f"463{NBSP}000{NBSP}₹", f"900{NBSP}000{NBSP}CN¥"),
    "pt-br": (f"US${NBSP}5 milhões", f"₹{NBSP}463.000", f"CN¥{NBSP}900.000"),
    "hi": ("$50 लाख", "₹4.63 लाख", "CN¥9 लाख"),
}

CODES = {  # RUB 57,800,000,000 and RUB 120,000: a currency without a sign here reads as its code
    "en": (f"RUB{NBSP}57.8 billion", f"RUB{NBSP}120,000"),
    "zh-hans": (f"RUB{NBSP}578亿", f"RUB{NBSP}12万"),
    "ru": (f"57,8 миллиарда{NBSP}₽", f"120{NBSP}000{NBSP}₽"),
    "pt-br": (f"RUB{NBSP}57,8 bilhões", f"RUB{NBSP}120.000"),
    "hi": (f"RUB{NBSP}57.8 अरब", f"RUB{NBSP}1.2 लाख"),
}

RANGES = {  # US$250,000 to US$2.5 million
    "en": "US$250,000–US$2.5 million",
    "zh-hans": "US$25万–US$250万",
    "ru": f"250{NBSP}000{NBSP}$–2,5 миллиона{NBSP}$",
    "pt-br": f"US${NBSP}250.000–US${NBSP}2,5 milhões",
    "hi": "$2.5 लाख–$25 लाख",
}

DATES = {  # 1 March 2026; 1 to 3 March 2026; 1 March 2026 at 14:05 UTC
    "en": ("1 March 2026", "1–3 Mar 2026", f"1 Mar 2026, 2:05{NNBSP}pm"),
    "zh-hans": ("2026年3月1日", "2026年3月1日至3日", "2026年3月1日 14:05"),
    "ru": (f"1 марта 2026{NNBSP}г.", f"1–3 мар. 2026{NNBSP}г.", f"1 мар. 2026{NNBSP}г., 14:05"),
    "pt-br": ("1 de março de 2026", f"1{THIN}–{THIN}3 de mar. de 2026", "1 de mar. de 2026 14:05"),
    "hi": ("1 मार्च 2026", "1–3 मार्च 2026", "1 मार्च 2026, 2:05 pm"),
}


@pytest.mark.parametrize("lang", NUMBERS)
def test_a_number_has_the_locales_separators(lang):
    assert render("{{ value|number }}", lang, value=1234567) == NUMBERS[lang]


@pytest.mark.parametrize("lang", QUANTITIES)
def test_a_quantity_is_whole_below_the_words_and_in_words_above(lang):
    shown = render(
        "{{ small|quantity }}|{{ large|quantity }}",
        lang,
        small=Decimal("1200.40"),
        large=Decimal("2500000.00"),
    )
    assert tuple(html.unescape(shown).split("|")) == QUANTITIES[lang]


@pytest.mark.parametrize("lang", AMOUNTS)
def test_an_amount_carries_its_currency_where_the_locale_puts_it(lang):
    shown = render(
        "{{ usd|amount }}|{{ inr|amount:'INR' }}|{{ cny|amount:currency }}",
        lang,
        usd=Decimal("5000000.00"),
        inr=463000,
        cny=Decimal("900000"),
        currency="CNY",
    )
    assert tuple(html.unescape(shown).split("|")) == AMOUNTS[lang]


@pytest.mark.parametrize("lang", CODES)
def test_a_currency_code_is_spaced_from_the_figure_and_a_sign_is_not(lang):
    shown = render(
        "{{ large|amount:'RUB' }}|{{ small|amount:'RUB' }}",
        lang,
        large=Decimal("57800000000"),
        small=120000,
    )
    assert tuple(html.unescape(shown).split("|")) == CODES[lang]


@pytest.mark.parametrize("lang", RANGES)
def test_an_amount_range(lang):
    shown = render("{{ low|amount_range:high }}", lang, low=250000, high=2500000)
    assert html.unescape(shown) == RANGES[lang]


def test_a_range_with_one_end_or_equal_ends_is_one_amount():
    assert render("{{ low|amount_range:high }}", "en", low=None, high=900000) == "US$900,000"
    assert render("{{ low|amount_range:high }}", "en", low=5, high=5) == "US$5"


@pytest.mark.parametrize("value", [None, "", "abc", "Infinity", True])
def test_what_is_not_a_number_shows_nothing(value):
    assert render("{{ v|number }}{{ v|quantity }}{{ v|amount }}", "en", v=value) == ""


@pytest.mark.parametrize("lang", DATES)
def test_dates_read_as_in_the_language(lang):
    shown = render(
        "{{ day|local_date }}|{{ day|date_range:end }}|{{ moment|local_datetime }}",
        lang,
        day=datetime.date(2026, 3, 1),
        end=datetime.date(2026, 3, 3),
        moment=datetime.datetime(2026, 3, 1, 14, 5, tzinfo=datetime.UTC),
    )
    assert tuple(html.unescape(shown).split("|")) == DATES[lang]


def test_a_one_day_range_is_one_date():
    day = datetime.date(2026, 3, 1)
    assert render("{{ day|date_range:day }}", "en", day=day) == "1 March 2026"


def test_a_flag_is_an_svg_image_decorative_beside_a_name_or_named_alone():
    assert render("{{ 'CN'|flag }}", "en") == (
        '<img class="flag" src="/static/vendor/flag-icons/4x3/cn.svg" alt="" '
        'width="20" height="15" loading="lazy" decoding="async">'
    )
    assert 'alt="Brazil"' in render("{{ 'br'|flag:'Brazil' }}", "en")
    assert render("{{ 'ZZ'|flag }}{{ ''|flag }}", "en") == ""


@pytest.mark.django_db
def test_a_fallback_is_told_field_by_field():
    record = ProjectFactory(title="Solar dryer", title_ru="Солнечная сушилка", summary_ru="")
    source = '<h1{% lang_attr r "title" %}></h1><p{% lang_attr r "summary" %}></p>'
    assert render(source, "ru", r=record) == '<h1></h1><p lang="en"></p>'
    assert render(source, "en", r=record) == "<h1></h1><p></p>"
    assert render('{% fallback_language r "title" as x %}{{ x }}', "ru", r=record) == ""
    assert render('{% fallback_language r "title" "summary" as x %}{{ x }}', "ru", r=record) == "en"
    assert render('{% fallback_language r "title" as x %}{{ x }}', "zh-hans", r=record) == "en"


# Pages -----------------------------------------------------------------------------------------

pytestmark = pytest.mark.django_db


def visible(response):
    """The page's text, spaces collapsed but not the no-break ones, which are part of a number."""
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text(response))))


@pytest.mark.parametrize(
    "lang, sought, reduction",
    [
        ("zh-hans", "US$500万", "1,200"),
        ("hi", "$50 लाख", "1,200"),
        ("ru", f"5 миллионов{NBSP}$", f"1{NBSP}200"),
    ],
)
def test_a_project_page_shows_amounts_as_the_reader_writes_them(client, lang, sought, reduction):
    project = ProjectFactory(investment_amount=Decimal("5000000.00"), co2_reduction=Decimal("1200"))
    for url in (f"/{lang}/projects/", f"/{lang}/projects/{project.slug}/"):
        page = visible(client.get(url))
        assert sought in page and reduction in page
        assert "5.0" not in page and "1200" not in page


def test_an_enterprises_investment_capacity_in_hindi(client):
    enterprise = EnterpriseFactory(investment_min_usd=250000, investment_max_usd=2500000)
    page = visible(client.get(f"/hi/enterprises/{enterprise.slug}/"))
    assert "$2.5 लाख" in page and "$25 लाख" in page


def test_flags_are_svg_images_from_static_files_not_emoji(client):
    project = ProjectFactory(country=make_china())
    for url in ("/en/projects/", f"/en/projects/{project.slug}/"):
        content = text(client.get(url))
        assert '<img class="flag" src="/static/vendor/flag-icons/4x3/cn.svg" alt=""' in content
        assert "🇨🇳" not in content


def test_an_english_only_event_says_so_and_marks_its_text_english(client):
    event = EventFactory(title="Green forum", summary="Ministries meet.", country=make_china())
    russian = text(client.get(f"/ru/events/{event.slug}/"))
    assert '<h1 lang="en">Green forum</h1>' in russian
    assert '<p class="lead" lang="en">Ministries meet.</p>' in russian
    note = re.search(r'<p class="fallback-note">(.*?)</p>', russian).group(1)
    with translation.override("ru"):
        assert note == translation.gettext(
            "Shown in English: there is no version in this language yet."
        )
    english = text(client.get(f"/en/events/{event.slug}/"))
    assert "fallback-note" not in english and 'lang="en">Green forum' not in english


def test_a_translated_policy_has_no_note(client):
    document = PolicyDocumentFactory(
        title="Policy", title_ru="Политика", summary="Text.", summary_ru="Текст."
    )
    issuing_body_falls_back = text(client.get(f"/ru/policies/{document.slug}/"))
    assert "<h1>Политика</h1>" in issuing_body_falls_back
    # The issuing body alone is English: marked, but the main text is Russian, so no note.
    assert '<dd lang="en">Ministry of Industry</dd>' in issuing_body_falls_back
    assert "fallback-note" not in issuing_body_falls_back
