"""The countries, topics and phrase banks that demo records are composed from (``data/*.json``).

In the files a text in the five site languages is ``{language code: text}``, every language
required; here it is a tuple ordered like ``LANGUAGES``. A person's or a brand's name is its Latin
spelling, or a ``[Latin, native script]`` pair; here always a ``(Latin, native or None)`` pair.
``data/README.md`` says what each file holds.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from databases.demo.languages import LANGUAGES
from databases.models.institution import InstitutionType
from databases.models.project import ProjectStage
from databases.models.technology import IPStatus

DATA_DIR = Path(__file__).resolve().parent / "data"


def read(filename):
    return json.loads((DATA_DIR / filename).read_text(encoding="utf-8"))


def texts(translations):
    return tuple(translations[code] for code in LANGUAGES)


def name(spelling):
    return (spelling, None) if isinstance(spelling, str) else tuple(spelling)


def by_choice(texts_by_value, choices):
    """``{choice: text}`` for every member of ``choices``, from ``{stored value: text}``."""
    return {choice: texts_by_value[choice.value] for choice in choices}


@dataclass(frozen=True)
class Place:
    names: tuple  # one per language
    coastal: bool = False


@dataclass(frozen=True)
class CountryProfile:
    weight: float
    currency: str
    places: tuple
    # The site language the country's records are always translated into, if any.
    native: int | None = None
    # Working languages of its experts (codes of the Language taxonomy).
    languages: tuple = ("en",)
    phone: str = ""
    legal: str = "{name} Ltd"
    # First names and surnames as (Latin, native script or None) pairs.
    male: tuple = ()
    female: tuple = ()
    surnames: tuple = ()
    surname_first: bool = False
    # Added to a surname for a woman (Russian "Petrov" -> "Petrova").
    female_suffix: tuple | None = None


@dataclass(frozen=True)
class Industry:
    words: tuple  # the industry word of a company name, one per language
    ru_latin: str  # its Latin form in a Russian compound brand: "Volga" + "Energo"


@dataclass(frozen=True)
class ProjectKind:
    title: tuple  # with {n} and {place}
    low: int
    high: int
    step: int
    usd_per_unit: float
    co2_per_unit: float
    unit: str = ""  # the English unit, for descriptions


@dataclass(frozen=True)
class Topic:
    key: str
    sectors: tuple  # Sector codes, the main one first
    fields: tuple  # TechnologyField codes
    sdgs: tuple
    industry: str
    label: tuple  # a short name of the field, used after "experience in" and in headlines
    # Plural; Russian in the nominative (also the accusative of inanimate nouns), Hindi in the
    # oblique case, as it always precedes a postposition (का, की, में).
    products: tuple
    names: tuple  # technology names
    apps: tuple  # "for ..." applications; Russian genitive; may be empty
    projects: tuple  # ProjectKind
    pitches: tuple
    details: tuple  # English sentences
    tech_co2: tuple  # tCO2e a year per installation, (low, high)
    favoured: frozenset = frozenset()  # countries where the topic is common
    coastal: bool = False  # its projects need a coastal site


@dataclass(frozen=True)
class Role:
    """An expert's job title, per language, as a man's and as a woman's."""

    male: tuple
    female: tuple


@dataclass(frozen=True)
class InstitutionKind:
    titles: tuple  # with {place}
    summary: tuple  # with {country}
    services: tuple  # English
    noun: str  # what the description calls it: "the fund", "the firm"


def _country(row):
    fields = {key: value for key, value in row.items() if key != "iso2"}
    fields["places"] = tuple(
        Place(texts(place["name"]), place.get("coastal", False)) for place in row["places"]
    )
    if "native" in row:
        fields["native"] = LANGUAGES.index(row["native"])
    for key in ("languages", "female_suffix"):
        if key in row:
            fields[key] = tuple(row[key])
    for key in ("male", "female", "surnames"):
        fields[key] = tuple(name(spelling) for spelling in row.get(key, ()))
    return CountryProfile(**fields)


def _topic(row):
    return Topic(
        **{
            **row,
            "sectors": tuple(row["sectors"]),
            "fields": tuple(row["fields"]),
            "sdgs": tuple(row["sdgs"]),
            "label": texts(row["label"]),
            "products": texts(row["products"]),
            "names": tuple(texts(names) for names in row["names"]),
            "apps": tuple(texts(apps) for apps in row["apps"]),
            "projects": tuple(
                ProjectKind(**{**kind, "title": texts(kind["title"])}) for kind in row["projects"]
            ),
            "pitches": tuple(texts(pitch) for pitch in row["pitches"]),
            "details": tuple(row["details"]),
            "tech_co2": tuple(row["tech_co2"]),
            "favoured": frozenset(row.get("favoured", ())),
        }
    )


def _role(row):
    male = texts(row["title"])
    # Only the languages where a woman's title differs are listed.
    female = row.get("female", {})
    return Role(
        male, tuple(female.get(code, text) for code, text in zip(LANGUAGES, male, strict=True))
    )


COUNTRIES = {row["iso2"]: _country(row) for row in read("countries.json")}
TOPICS = tuple(_topic(row) for row in read("topics.json"))

_companies = read("companies.json")
# The industry word of a company name, by Topic.industry.
INDUSTRIES = {
    key: Industry(texts(row["word"]), row["ru_latin"])
    for key, row in _companies["industries"].items()
}
# Brand stems by country; other countries use GENERIC_BRANDS.
BRANDS = {
    iso2: tuple(name(brand) for brand in brands) for iso2, brands in _companies["brands"].items()
}
GENERIC_BRANDS = tuple(_companies["generic_brands"])
# Chinese company names start with the province.
CN_PROVINCES = tuple(name(province) for province in _companies["cn_provinces"])

_technologies = read("technologies.json")
TECH_TITLE = texts(_technologies["title"])
TECH_TAIL_IMPACT = texts(_technologies["tail_impact"])
TECH_TAIL_COOPERATION = texts(_technologies["tail_cooperation"])
TECH_CONTEXT = tuple(_technologies["context"])
TECH_OFFER = tuple(_technologies["offer"])
TECH_IP = by_choice(_technologies["ip"], IPStatus)

_projects = read("projects.json")
PROJECT_SUMMARY = texts(_projects["summary"])
PROJECT_TAIL = texts(_projects["tail"])
PROJECT_STAGES = by_choice(_projects["stages"], ProjectStage)
PROJECT_CONTEXT = tuple(_projects["context"])
PROJECT_SEEK = tuple(_projects["seek"])

_enterprises = read("enterprises.json")
ENTERPRISE_SUMMARIES = tuple(texts(summary) for summary in _enterprises["summaries"])
ENTERPRISE_TAIL = texts(_enterprises["tail"])
ENTERPRISE_FACTS = tuple(_enterprises["facts"])
CAPABILITIES = tuple(_enterprises["capabilities"])

_talents = read("talents.json")
TALENT_SUMMARY = texts(_talents["summary"])
TALENT_SUMMARY_UNAVAILABLE = texts(_talents["summary_unavailable"])
AVAILABILITY = {kind: texts(words) for kind, words in _talents["availability"].items()}
ROLES = tuple(_role(row) for row in _talents["roles"])
HEADLINE = texts(_talents["headline"])
ACADEMIC_ORGANISATIONS = tuple(_talents["academic_organisations"])
DISCIPLINES = tuple(_talents["disciplines"])
TALENT_FACTS = tuple(_talents["facts"])

_institutions = read("institutions.json")
INSTITUTIONS = {
    kind: InstitutionKind(
        titles=tuple(texts(title) for title in row["titles"]),
        summary=texts(row["summary"]),
        services=tuple(row["services"]),
        noun=row["noun"],
    )
    for kind, row in by_choice(_institutions["kinds"], InstitutionType).items()
}
INSTITUTION_TAIL = texts(_institutions["tail"])
INSTITUTION_FACTS = tuple(_institutions["facts"])
