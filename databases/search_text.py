"""The words of a search query and of the texts it is matched against, folded alike
(see databases/search.py for how they are searched)."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
HAN_CLASS = "\u3400-\u9fff\uf900-\ufaff"
HAN = re.compile(f"[{HAN_CLASS}]")
HAN_RUN = re.compile(f"([{HAN_CLASS}]+)")
# Letters, digits and the combining marks of Latin and Devanagari (Python's \w leaves out a
# virama or a vowel sign, which would cut "ऊर्जा" in three).
WORD = re.compile(r"[\w\u0300-\u036f\u0900-\u097f]+")
# Hindi spelling variants folded away: the nukta, zero-width (non-)joiners, soft hyphens;
# candrabindu becomes anusvara. Mirrored by gisp_fold (search.FOLD_FUNCTION).
_FOLD = str.maketrans({"\u093c": None, "\u200c": None, "\u200d": None, "\u00ad": None})
_FOLD_CANDRABINDU = str.maketrans({"\u0901": "\u0902"})


def clean_query(raw):
    """The query as searched: control characters removed, whitespace collapsed, length capped."""
    text = _CONTROL.sub(" ", raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def fold(text):
    """``text`` as indexed: NFC with Hindi's spelling variants made one (see gisp_fold)."""
    decomposed = unicodedata.normalize("NFD", text).translate(_FOLD).translate(_FOLD_CANDRABINDU)
    return unicodedata.normalize("NFC", decomposed)


def words(text):
    """The folded, lower-case words of ``text``, in order."""
    return [w.lower() for w in WORD.findall(fold(text))]
