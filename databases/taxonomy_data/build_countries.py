"""Regenerate countries.json from mledoze/countries and our editorial additions.

    python databases/taxonomy_data/build_countries.py SOURCE

SOURCE is mledoze/countries' ``dist/countries.json`` (ODbL 1.0), e.g. the copy in
shared/data/countries_iso3166_multilingual.json. countries_editorial.json holds
what we add on top: the BRICS statuses, every Hindi name (the source has no Hindi) and the few names
we correct in other languages. Run ``manage.py load_taxonomies`` afterwards to update the database.
"""

import argparse
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Our language code -> the source's translation key; English comes from name.common.
SOURCE_TRANSLATIONS = {"zh-hans": "zho", "ru": "rus", "pt-br": "por"}
REGIONAL_INDICATOR_A = 0x1F1E6


def flag_emoji(iso2):
    return "".join(chr(REGIONAL_INDICATOR_A + ord(letter) - ord("A")) for letter in iso2)


def build(source, editorial):
    statuses = {
        iso2: status for status, codes in editorial["brics_status"].items() for iso2 in codes
    }
    records = []
    for country in sorted(source, key=lambda c: c["cca2"]):
        iso2 = country["cca2"]
        names = {"en": country["name"]["common"]}
        for lang, key in SOURCE_TRANSLATIONS.items():
            names[lang] = country["translations"][key]["common"]
        for lang, corrections in editorial["names"].items():
            names[lang] = corrections.get(iso2, names.get(lang, ""))
        records.append(
            {
                "iso2": iso2,
                "iso3": country["cca3"],
                "name": names,
                "brics_status": statuses.get(iso2, "other"),
                # The source leaves a few flags blank though Unicode defines them for every code.
                "flag": country["flag"] or flag_emoji(iso2),
                "region": country["region"],
            }
        )
    return records


def dumps_records(records):
    """One record per line: compact, yet a changed name shows up as a one-line diff."""
    lines = ",\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    return f"[\n{lines}\n]\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("source", type=Path, help="mledoze/countries dist/countries.json")
    args = parser.parse_args()
    source = json.loads(args.source.read_text(encoding="utf-8"))
    editorial = json.loads((HERE / "countries_editorial.json").read_text(encoding="utf-8"))
    target = HERE / "countries.json"
    target.write_text(dumps_records(build(source, editorial)), encoding="utf-8")
    print(f"wrote {len(source)} countries to {target}")


if __name__ == "__main__":
    main()
