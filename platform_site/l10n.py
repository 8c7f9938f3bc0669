"""Numbers, amounts and dates as a reader of the active language writes them, and which language
a translated field is really shown in.

Babel carries CLDR's conventions, which Django's formats lack: Indian digit grouping (12,34,567),
large amounts in lakh and crore, 万 and 亿, plural-aware "5 миллионов". Large figures are written
in words ("2.5 million", "25万", "2.5 लाख"), smaller ones in full with separators.
"""

import datetime
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import cache

from babel import Locale
from babel.dates import format_date, format_interval, format_time
from babel.lists import format_list
from babel.numbers import format_compact_decimal, format_decimal, get_currency_symbol
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from modeltranslation.utils import build_localized_fieldname

# International English: "US$" rather than "$", "1 March 2026" rather than "March 1, 2026".
LOCALES = {"en": "en_001", "zh-hans": "zh_Hans_CN", "ru": "ru", "pt-br": "pt_BR", "hi": "hi_IN"}
# Where figures start to be written in words: a million, but 10万 in Chinese and a lakh in Hindi,
# the units their readers count large sums in.
IN_WORDS_FROM = {"zh-hans": 100_000, "hi": 100_000}
MILLION = 1_000_000
NO_BREAK_SPACE = "\u00a0"


def locale(language=None):
    return _parsed(LOCALES.get(language or get_language(), "en_001"))


@cache
def _parsed(identifier):
    # Parsing is a good part of formatting a figure; the statistics page formats hundreds.
    return Locale.parse(identifier)


def _decimal(value):
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except (ValueError, InvalidOperation):
        return None
    if not number.is_finite():
        return None
    # 5000000.00 is read as 5 million: trailing decimals would pick the wrong plural (миллиона).
    return number.quantize(1) if number == number.to_integral_value() else number.normalize()


def number(value):
    """A count or a measure with the locale's separators: 1,234,567 · 1 234 567 · 12,34,567."""
    value = _decimal(value)
    return "" if value is None else format_decimal(value, locale=locale())


def listing(items):
    """Items joined as the reader's language lists them: "A, B and C" · "A、B和C" · "A, B и C"."""
    return format_list([str(item) for item in items], locale=locale())


def quantity(value):
    """A figure as people read it: whole units in full below a million, in words above."""
    value = _decimal(value)
    if value is None:
        return ""
    here = locale()
    if abs(value) >= IN_WORDS_FROM.get(get_language(), MILLION):
        # Chinese has no long form in CLDR: its short one is the words (500万).
        length = "long" if "long" in here.compact_decimal_formats else "short"
        return format_compact_decimal(value, format_type=length, locale=here, fraction_digits=2)
    return format_decimal(value.to_integral_value(), locale=here)


def amount(value, currency="USD"):
    """An amount of money: US$250,000 · 250 000 $ · US$500万 · $50 लाख · RUB 57.8 अरब."""
    text = quantity(value)
    if not text:
        return ""
    here = locale()
    # The symbol goes where the locale's currency pattern puts it (before or after, spaced or not).
    pattern = here.currency_formats["standard"]
    symbol = get_currency_symbol(currency or "USD", locale=here)
    prefix, suffix = (part[0].replace("¤", symbol) for part in (pattern.prefix, pattern.suffix))
    # CLDR's currency spacing, which Babel leaves out: a code or letters ("RUB", "Rs") touching a
    # digit are parted by a no-break space (RUB 57.8 billion); a sign ($, ¥, ₹) is not.
    if _letters_touch(prefix[-1:], text[:1]):
        prefix += NO_BREAK_SPACE
    if _letters_touch(suffix[:1], text[-1:]):
        suffix = NO_BREAK_SPACE + suffix
    return f"{prefix}{text}{suffix}"


def _letters_touch(symbol_end, figure_end):
    """True when the currency's character next to the figure is neither a sign nor a space
    (CLDR's [[:^S:]&[:^Z:]]) and the figure's is a digit."""
    return (
        bool(symbol_end)
        and unicodedata.category(symbol_end)[0] not in "SZ"
        and figure_end.isdigit()
    )


def amount_range(low, high, currency="USD"):
    """From low to high, or one amount when they are equal or one of them is missing."""
    if _decimal(low) is None or _decimal(high) is None or _decimal(low) == _decimal(high):
        return amount(low if _decimal(low) is not None else high, currency)
    return f"{amount(low, currency)}–{amount(high, currency)}"


def date(value):
    """1 March 2026 · 2026年3月1日 · 1 марта 2026 г. · 1 de março de 2026 · 1 मार्च 2026."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return format_date(value, format="long", locale=locale())


def date_time(value):
    """1 Mar 2026, 14:05 · 2026年3月1日 14:05 · 1 मार्च 2026, 2:05 pm (to the minute)."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.make_naive(value)
    here = locale()
    return here.datetime_formats["medium"].format(
        format_time(value, format="short", locale=here),
        format_date(value, format="medium", locale=here),
    )


def date_range(start, end):
    """1–3 Mar 2026 · 2026年3月1日至3日: the shared month and year written once."""
    if not end or end == start:
        return date(start)
    return format_interval(start, end, skeleton="yMMMd", locale=locale())


def shown_language(obj, field):
    """The language ``obj.field`` is shown in: the active one when it has its own text, else the
    first fallback language that does (modeltranslation's fallback), None when all are empty."""
    active = get_language() or settings.LANGUAGE_CODE
    for language in (active, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES):
        if getattr(obj, build_localized_fieldname(field, language), None):
            return language
    return None


def fallback_language(obj, *fields):
    """The language the first of ``fields`` with text falls back to, when it is not the active
    one; None when each is shown in the reader's language (or empty)."""
    active = get_language() or settings.LANGUAGE_CODE
    for field in fields:
        shown = shown_language(obj, field)
        if shown and shown != active:
            return shown
    return None


def language_name(code):
    """The language's name in the active language: "English", "英语", "английский"."""
    return get_language_info(code)["name_translated"]
