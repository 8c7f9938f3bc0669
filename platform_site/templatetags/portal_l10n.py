"""Template filters for numbers, amounts, dates, flags and fallback text in the reader's language
(platform_site.l10n): ``{{ value|amount:currency }}``, ``{{ low|amount_range:high }}``,
``{{ value|quantity }}``, ``{{ count|number }}``, ``{{ day|local_date }}``,
``{{ start|date_range:end }}``, ``{{ country.iso2|flag }}``, ``{% lang_attr obj "field" %}``."""

from functools import cache
from pathlib import Path

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html

from platform_site import l10n

register = template.Library()

FLAGS = "vendor/flag-icons/4x3"

register.filter("number", l10n.number)
register.filter("quantity", l10n.quantity)
register.filter("local_date", l10n.date)
register.filter("local_datetime", l10n.date_time)
register.filter("date_range", l10n.date_range)


@register.filter
def amount(value, currency="USD"):
    return l10n.amount(value, currency)


@register.filter
def amount_range(low, high):
    """US dollars from ``low`` to ``high`` (either may be missing)."""
    return l10n.amount_range(low, high)


@cache
def _flag_codes():
    folder = Path(settings.BASE_DIR) / "static" / FLAGS
    return frozenset(path.stem for path in folder.glob("*.svg"))


@register.filter
def flag(iso2, alt=""):
    """The country's flag as an SVG image; decorative (empty alt) beside its name, or with the
    name as ``alt`` where the flag stands alone. Nothing for a code without a flag. Fetched and
    drawn only near the screen and off the main thread: some flags are detailed drawings (a coat
    of arms of 25 KB), costly to draw at a phone's speed for 20 pixels."""
    code = (iso2 or "").lower()
    if code not in _flag_codes():
        return ""
    return format_html(
        '<img class="flag" src="{}" alt="{}" width="20" height="15" loading="lazy" '
        'decoding="async">',
        static(f"{FLAGS}/{code}.svg"),
        alt,
    )


@register.simple_tag
def fallback_language(obj, *fields):
    """The language ``obj``'s fields fall back to (``{% fallback_language obj "title" as x %}``),
    or an empty string when they are in the reader's language."""
    return l10n.fallback_language(obj, *fields) or ""


@register.simple_tag
def lang_attr(obj, field):
    """` lang="en"` on an element whose text is a fallback from another language."""
    language = l10n.fallback_language(obj, field)
    return format_html(' lang="{}"', language) if language else ""


@register.inclusion_tag("includes/fallback_note.html")
def fallback_note(obj, *fields):
    """Says, in the reader's language, that ``obj``'s text is shown in the fallback language
    (English: MODELTRANSLATION_FALLBACK_LANGUAGES) because it has no version in theirs."""
    return {"fallback": l10n.fallback_language(obj, *fields)}
