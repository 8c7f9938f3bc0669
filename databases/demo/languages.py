"""The five site languages of the demo texts, and how each writes numbers, amounts and lists.

Every tuple of texts is ordered like ``LANGUAGES`` and indexed with ``EN``, ``ZH``, ``RU``,
``PT`` and ``HI``.
"""

EN, ZH, RU, PT, HI = range(5)
LANGUAGES = ("en", "zh-hans", "ru", "pt-br", "hi")

_CURRENCY_ZH = {
    "USD": "美元",
    "EUR": "欧元",
    "CNY": "元",
    "RUB": "卢布",
    "BRL": "雷亚尔",
    "INR": "卢比",
    "ZAR": "兰特",
    "EGP": "埃及镑",
    "ETB": "比尔",
    "IRR": "伊朗里亚尔",
    "AED": "迪拉姆",
    "IDR": "印尼盾",
    "SAR": "沙特里亚尔",
}
_AND = (" and ", "、", " и ", " e ", " और ")
_COMMA = (", ", "、", ", ", ", ", ", ")


def fmt_int(number, lang):
    text = f"{number:,}"
    if lang == RU:
        return text.replace(",", "\u00a0")
    if lang == PT:
        return text.replace(",", ".")
    return text


def fmt_decimal(value, lang):
    """One decimal at most, with the language's separators."""
    text = f"{value:,.1f}".removesuffix(".0")
    if lang in (RU, PT):
        table = {",": "\u00a0" if lang == RU else ".", ".": ","}
        return "".join(table.get(c, c) for c in text)
    return text


def fmt_money(amount, code, lang):
    """An amount the way a reader of ``lang`` writes it: 1.2 billion, 12亿, 1,2 млрд, 120 करोड़."""
    x = float(amount)
    if lang == ZH:
        unit = _CURRENCY_ZH.get(code, code)
        if x >= 1e8:
            return f"{fmt_decimal(x / 1e8, lang)}亿{unit}"
        return f"{fmt_decimal(x / 1e4, lang)}万{unit}"
    if lang == HI:
        for size, word in ((1e9, "अरब"), (1e7, "करोड़"), (1e5, "लाख")):
            if x >= size:
                return f"{fmt_decimal(x / size, lang)} {word} {code}"
        return f"{fmt_int(int(x), lang)} {code}"
    if lang == RU:
        for size, word in ((1e9, "млрд"), (1e6, "млн")):
            if x >= size:
                return f"{fmt_decimal(x / size, lang)} {word} {code}"
        return f"{fmt_int(int(x), lang)} {code}"
    if lang == PT:
        for size, one, many in ((1e9, "bilhão", "bilhões"), (1e6, "milhão", "milhões")):
            if x >= size:
                return f"{code} {fmt_decimal(x / size, lang)} {one if x < 2 * size else many}"
        return f"{code} {fmt_int(int(x), lang)}"
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if x >= size:
            return f"{code} {fmt_decimal(x / size, lang)} {word}"
    return f"{code} {fmt_int(int(x), lang)}"


def russian_years(n):
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} год"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} года"
    return f"{n} лет"


def join_words(words, lang):
    if len(words) < 2:
        return "".join(words)
    if lang == ZH:
        return "、".join(words)
    return _COMMA[lang].join(words[:-1]) + _AND[lang] + words[-1]


def lower_first(text):
    """ "Technology transfer" -> "technology transfer", but "EPC contracting" stays."""
    if len(text) > 1 and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def sentences(lang, *parts):
    """Sentences joined the way the language does: Chinese puts no space after 。."""
    return ("" if lang == ZH else " ").join(parts)


def clip(text, limit):
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
