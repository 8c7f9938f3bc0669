"""The sources as committed: no merge left its conflict markers in a template, a module, a style
sheet, a script or a catalogue (a template would show them to visitors as text)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ["platform_site", "databases", "cms", "matchmaking", "templates", "static", "locale"]
SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".po", ".json", ".md"}
MARKER = re.compile(r"^(<{7} |>{7} |={7}$)", re.M)


def test_no_merge_conflict_markers():
    marked = [
        str(path.relative_to(ROOT))
        for folder in FOLDERS
        for path in (ROOT / folder).rglob("*")
        if path.suffix in SUFFIXES
        and "vendor" not in path.parts
        and MARKER.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert marked == []
