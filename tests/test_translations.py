"""The UI catalogues in locale/: complete, not fuzzy, and compiled.

These tests read files only; they need no database. Run `make messages` after changing a UI
string, translate the new entries, and commit both the .po and the .mo files.
"""

import gettext as stdlib_gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"

# Django language code -> (catalogue folder, expected number of plural forms)
CATALOGUES = {
    "zh-hans": ("zh_Hans", 1),
    "ru": ("ru", 3),
    "pt-br": ("pt_BR", 2),
    "hi": ("hi", 2),
}

# Strings every visitor sees; they must differ from English in every catalogue.
KNOWN_STRINGS = ["Technologies", "Search all databases", "Apply filters", "Resource databases"]

PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text):
    text = text.strip()
    assert text.startswith('"') and text.endswith('"'), f"malformed line: {text!r}"
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def parse_po(path):
    """The entries of a .po file: dicts with msgctxt/msgid/msgid_plural/msgstr/msgstr[n], flags.

    Obsolete entries (``#~``) are skipped. Small on purpose: enough for makemessages' output.
    """
    entries = []
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        entry, flags, key = {}, set(), None
        for line in block.splitlines():
            line = line.strip()
            if not line or line.startswith("#~"):
                continue
            if line.startswith("#,"):
                flags.update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry[key] += _unquote(line)
            else:
                key, _space, rest = line.partition(" ")
                entry[key] = _unquote(rest)
        if "msgid" in entry:
            entry["flags"] = flags
            entries.append(entry)
    return entries


def _po_path(folder):
    return LOCALE_DIR / folder / "LC_MESSAGES" / "django.po"


def _mo_path(folder):
    return LOCALE_DIR / folder / "LC_MESSAGES" / "django.mo"


def _header(entries):
    header = next(e for e in entries if e["msgid"] == "" and "msgctxt" not in e)
    return dict(line.split(":", 1) for line in header["msgstr"].splitlines() if ":" in line), header


def _messages(entries):
    return [e for e in entries if e["msgid"] != "" or "msgctxt" in e]


def _catalogue_key(entry):
    return f"{entry['msgctxt']}\x04{entry['msgid']}" if "msgctxt" in entry else entry["msgid"]


def _forms(entry):
    if "msgid_plural" in entry:
        return {int(key[7:-1]): value for key, value in entry.items() if key.startswith("msgstr[")}
    return {None: entry.get("msgstr", "")}


@pytest.mark.parametrize("lang", CATALOGUES)
def test_catalogue_header(lang):
    folder, nplurals = CATALOGUES[lang]
    entries = parse_po(_po_path(folder))
    meta, header = _header(entries)
    assert "fuzzy" not in header["flags"]
    assert meta["Language"].strip() == folder
    assert f"nplurals={nplurals};" in meta["Plural-Forms"].replace(" ", "")
    assert "Green Industry Service Platform secretariat" in meta["Last-Translator"]
    assert "Green Industry Service Platform secretariat" in meta["Language-Team"]


@pytest.mark.parametrize("lang", CATALOGUES)
def test_every_string_is_translated_and_not_fuzzy(lang):
    folder, nplurals = CATALOGUES[lang]
    messages = _messages(parse_po(_po_path(folder)))
    assert messages, f"{folder}: empty catalogue"
    untranslated, fuzzy = [], []
    for entry in messages:
        forms = _forms(entry)
        complete = "msgid_plural" not in entry or sorted(forms) == list(range(nplurals))
        if not complete or not all(value.strip() for value in forms.values()):
            untranslated.append(entry["msgid"])
        if "fuzzy" in entry["flags"]:
            fuzzy.append(entry["msgid"])
    assert not untranslated, f"{folder}: untranslated: {untranslated}"
    assert not fuzzy, f"{folder}: fuzzy: {fuzzy}"


@pytest.mark.parametrize("lang", CATALOGUES)
def test_placeholders_are_kept(lang):
    folder, _nplurals = CATALOGUES[lang]
    wrong = []
    for entry in _messages(parse_po(_po_path(folder))):
        expected = set(PLACEHOLDER.findall(entry["msgid"])) | set(
            PLACEHOLDER.findall(entry.get("msgid_plural", ""))
        )
        for value in _forms(entry).values():
            if set(PLACEHOLDER.findall(value)) != expected:
                wrong.append((entry["msgid"], value))
    assert not wrong, f"{folder}: placeholders differ: {wrong}"


@pytest.mark.parametrize("lang", CATALOGUES)
def test_compiled_catalogue_matches_po(lang):
    """The committed .mo holds exactly the .po's translations (it was recompiled)."""
    folder, _nplurals = CATALOGUES[lang]
    mo = _mo_path(folder)
    assert mo.exists(), f"{mo} is missing: run compilemessages"
    with mo.open("rb") as handle:
        compiled = stdlib_gettext.GNUTranslations(handle)._catalog
    expected = {}
    for entry in _messages(parse_po(_po_path(folder))):
        for index, value in _forms(entry).items():
            key = _catalogue_key(entry)
            expected[key if index is None else (key, index)] = value
    compiled = {key: value for key, value in compiled.items() if key != ""}
    stale = sorted(
        str(key)
        for key in expected.keys() | compiled.keys()
        if expected.get(key) != compiled.get(key)
    )
    assert not stale, f"{mo} is older than its .po; recompile. Differences: {stale[:10]}"


@pytest.mark.parametrize("lang", CATALOGUES)
def test_po_passes_msgfmt_check(lang, tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (GNU gettext) is not installed")
    folder, _nplurals = CATALOGUES[lang]
    result = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "django.mo"), str(_po_path(folder))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("lang", CATALOGUES)
def test_django_serves_the_translations(lang):
    with translation.override("en"):
        english = [translation.gettext(text) for text in KNOWN_STRINGS]
    with translation.override(lang):
        translated = [translation.gettext(text) for text in KNOWN_STRINGS]
        assert translation.get_language() == lang
    for source, result in zip(english, translated, strict=True):
        assert result and result != source, f"{lang}: {source!r} is not translated"
