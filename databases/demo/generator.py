"""What every demo record draws at random, and the lookups it draws from.

``Generator`` picks a record's country, topic, place, languages and publication dates, gives it
a slug, and remembers the enterprises and technologies made earlier that later records point
to; ``records/`` composes each kind of record from these. Generation is deterministic for a
given seed and database state, and computes in memory what ``save()`` would (slug,
published_at, investment_usd).
"""

import math
import random
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.core.management.base import CommandError
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from databases import currency
from databases.demo.banks import COUNTRIES, TOPICS
from databases.demo.images import demo_images
from databases.demo.languages import EN, HI, LANGUAGES, PT, RU, ZH, join_words, lower_first
from databases.models import (
    SDG,
    CooperationType,
    Country,
    Language,
    PublicationStatus,
    Sector,
    TechnologyField,
)
from databases.models.enterprise import EnterpriseSize
from databases.models.institution import InstitutionType
from databases.models.project import ProjectStage
from databases.models.technology import IPStatus

# Chance that a record also carries each non-native language.
TRANSLATION_SHARE = 0.25
STATUS_WEIGHTS = (
    (PublicationStatus.PUBLISHED, 90),
    (PublicationStatus.DRAFT, 3),
    (PublicationStatus.PENDING, 4),
    (PublicationStatus.REJECTED, 1.5),
    (PublicationStatus.ARCHIVED, 1.5),
)
TRL_WEIGHTS = (1, 2, 4, 7, 10, 14, 18, 22, 22)
IP_WEIGHTS = (
    (IPStatus.PATENT_GRANTED, 35),
    (IPStatus.PATENT_PENDING, 20),
    (IPStatus.TRADE_SECRET, 20),
    (IPStatus.OPEN, 8),
    (IPStatus.OTHER, 17),
)
STAGE_WEIGHTS = (
    (ProjectStage.CONCEPT, 20),
    (ProjectStage.FEASIBILITY, 25),
    (ProjectStage.FINANCING, 30),
    (ProjectStage.CONSTRUCTION, 15),
    (ProjectStage.OPERATION, 10),
)
SIZE_WEIGHTS = (
    (EnterpriseSize.MICRO, 15),
    (EnterpriseSize.SMALL, 35),
    (EnterpriseSize.MEDIUM, 30),
    (EnterpriseSize.LARGE, 20),
)
INSTITUTION_WEIGHTS = {
    InstitutionType.FINANCE: 18,
    InstitutionType.CONSULTING: 20,
    InstitutionType.CERTIFICATION: 10,
    InstitutionType.LAW: 8,
    InstitutionType.TRAINING: 12,
    InstitutionType.INCUBATOR: 10,
    InstitutionType.ASSOCIATION: 10,
    InstitutionType.RESEARCH: 12,
}
TRANSFER_MODES = (
    "technology-transfer",
    "licensing",
    "joint-venture",
    "equipment-supply",
    "consulting",
    "training",
    "epc-contracting",
)
# Cooperation a project sponsor asks for, and how often.
SOUGHT_WEIGHTS = {
    "investment": 30,
    "financing": 22,
    "joint-venture": 12,
    "epc-contracting": 10,
    "equipment-supply": 9,
    "technology-transfer": 8,
    "licensing": 3,
    "consulting": 4,
    "training": 2,
}


def _weighted(pairs):
    """(values, cumulative weights) for random.choices; choices become their stored value."""
    values, weights = zip(*pairs, strict=True)
    return tuple(getattr(v, "value", v) for v in values), list(_cumulative(weights))


def _cumulative(weights):
    total = 0
    for weight in weights:
        total += weight
        yield total


def round_significant(value, digits=3):
    if value <= 0:
        return 0
    exponent = int(math.floor(math.log10(value))) - digits + 1
    return int(round(value / 10**exponent) * 10**exponent) if exponent > 0 else round(value)


@dataclass
class Taxonomies:
    """The taxonomy rows that exist, looked up once."""

    countries: dict  # iso2 -> Country, only those with a profile
    sectors: dict  # code -> Sector
    fields: dict  # code -> TechnologyField
    sdgs: dict  # number -> SDG
    cooperation: dict  # code -> CooperationType
    languages: dict  # code -> Language

    @classmethod
    def load(cls, using):
        def by(model, key):
            return {getattr(row, key): row for row in model.objects.using(using).order_by(key)}

        found = cls(
            countries={
                iso2: country for iso2, country in by(Country, "iso2").items() if iso2 in COUNTRIES
            },
            sectors=by(Sector, "code"),
            fields=by(TechnologyField, "code"),
            sdgs=by(SDG, "number"),
            cooperation=by(CooperationType, "code"),
            languages=by(Language, "code"),
        )
        names = {"fields": "technology fields", "sdgs": "SDGs", "cooperation": "cooperation types"}
        empty = [names.get(name, name) for name, rows in vars(found).items() if not rows]
        if empty:
            raise CommandError(
                "No {} in the database: run `manage.py migrate` (migration 0003 loads the "
                "taxonomies) or `manage.py load_taxonomies` first.".format(", ".join(empty))
            )
        return found


@dataclass
class Pools:
    """Records created earlier in the run that later databases point to."""

    enterprises: list = field(default_factory=list)  # (id, English title)
    enterprises_by_topic: dict = field(default_factory=dict)
    enterprises_by_topic_country: dict = field(default_factory=dict)
    technologies_by_topic: dict = field(default_factory=dict)


class Generator:
    def __init__(self, seed, images=True, using="default"):
        self.rng = random.Random(seed)
        self.now = timezone.now()
        self.pools = Pools()
        # The SlugAllocator of the model being generated; the seeder sets it per database.
        self.slugs = None
        self.tax = Taxonomies.load(using)
        rng = self.rng
        self.country_codes, self.country_weights = _weighted(
            (iso2, COUNTRIES[iso2].weight) for iso2 in self.tax.countries
        )
        self.brics_codes = [
            iso2 for iso2, country in self.tax.countries.items() if country.brics_status != "other"
        ] or list(self.tax.countries)
        # Per country: the topics of its technologies, and of its projects, which may need a
        # coastal site.
        self.topics_for = {}
        for iso2 in self.tax.countries:
            has_coast = any(place.coastal for place in COUNTRIES[iso2].places)
            weights = [(topic, 4 if iso2 in topic.favoured else 1) for topic in TOPICS]
            self.topics_for[iso2] = (
                _weighted(weights),
                _weighted([(t, w) for t, w in weights if has_coast or not t.coastal]),
            )
        all_sector_ids = [sector.pk for sector in self.tax.sectors.values()]
        self.topic_sectors = {
            topic.key: [self.tax.sectors[c].pk for c in topic.sectors if c in self.tax.sectors]
            or [rng.choice(all_sector_ids)]
            for topic in TOPICS
        }
        self.topic_fields = {
            topic.key: [self.tax.fields[c].pk for c in topic.fields if c in self.tax.fields]
            for topic in TOPICS
        }
        self.topic_sdgs = {
            topic.key: [self.tax.sdgs[n].pk for n in topic.sdgs if n in self.tax.sdgs]
            for topic in TOPICS
        }
        self.cooperation_names = {
            code: self._translations(row, "name") for code, row in self.tax.cooperation.items()
        }
        self.country_names = {
            iso2: self._running_text(self._translations(row, "name"))
            for iso2, row in self.tax.countries.items()
        }
        self.transfer_modes = [c for c in TRANSFER_MODES if c in self.tax.cooperation] or list(
            self.tax.cooperation
        )
        self.sought, self.sought_weights = _weighted(
            (code, SOUGHT_WEIGHTS.get(code, 2)) for code in self.tax.cooperation
        )
        self.statuses, self.status_weights = _weighted(STATUS_WEIGHTS)
        self.ip_values, self.ip_weights = _weighted(IP_WEIGHTS)
        self.stages, self.stage_weights = _weighted(STAGE_WEIGHTS)
        self.sizes, self.size_weights = _weighted(SIZE_WEIGHTS)
        self.trl_weights = list(_cumulative(TRL_WEIGHTS))
        self.institution_types, self.institution_weights = _weighted(INSTITUTION_WEIGHTS.items())
        self.rates = currency.rates()
        self.image_names = demo_images() if images else []

    @staticmethod
    def _running_text(names):
        """English country names as used in a sentence: "in the United Arab Emirates"."""
        english = names[EN]
        if english.startswith("United "):
            english = f"the {english}"
        return (english, *names[1:])

    @staticmethod
    def _translations(row, name):
        english = getattr(row, build_localized_fieldname(name, "en")) or getattr(row, name)
        return tuple(
            getattr(row, build_localized_fieldname(name, code), None) or english
            for code in LANGUAGES
        )

    def pick_country(self):
        iso2 = self.rng.choices(self.country_codes, cum_weights=self.country_weights)[0]
        return iso2, COUNTRIES[iso2]

    def pick_topic(self, iso2, for_project=False):
        topics, weights = self.topics_for[iso2][1 if for_project else 0]
        return self.rng.choices(topics, cum_weights=weights)[0]

    def pick_place(self, profile, coastal=False):
        places = [p for p in profile.places if p.coastal] if coastal else profile.places
        return self.rng.choice(places)

    def languages(self, profile):
        """The site languages a record is written in: English, the country's own, some more."""
        chosen = {EN}
        if profile.native is not None:
            chosen.add(profile.native)
        chosen.update(lang for lang in (ZH, RU, PT, HI) if self.rng.random() < TRANSLATION_SHARE)
        return chosen

    def publication(self):
        """(status, created_at, published_at) spread over the last two years."""
        rng = self.rng
        status = rng.choices(self.statuses, cum_weights=self.status_weights)[0]
        created = self.now - timedelta(days=rng.uniform(3, 760), seconds=rng.randint(0, 86_399))
        published = None
        if status in (PublicationStatus.PUBLISHED, PublicationStatus.ARCHIVED):
            published = min(self.now, created + timedelta(days=rng.uniform(0.5, 30)))
        return status, created, published

    def common(self, title, status_dates, iso2, translated, image=True):
        """Fields every record has; ``translated`` maps field -> {language: text}."""
        status, created, published = status_dates
        values = {
            "slug": self.slugs(title),
            "country_id": self.tax.countries[iso2].pk,
            "status": status,
            "created_at": created,
            "published_at": published,
        }
        if image and self.image_names and self.rng.random() < 0.85:
            values["image"] = self.rng.choice(self.image_names)
        for name, texts in translated.items():
            for lang, code in enumerate(LANGUAGES):
                values[build_localized_fieldname(name, code)] = texts.get(lang)
        return values

    def sample(self, population, low, high):
        return self.rng.sample(population, min(len(population), self.rng.randint(low, high)))

    def cooperation_list(self, codes, lang):
        words = [self.cooperation_names[code][lang] for code in codes]
        if lang in (EN, RU, PT):
            words = [lower_first(word) for word in words]
        return join_words(words, lang)

    def co2(self, low, high):
        value = math.exp(self.rng.uniform(math.log(low), math.log(high)))
        return Decimal(round_significant(value, 2) if value >= 10 else round(value, 1))

    def remember_enterprises(self, saved):
        pools = self.pools
        for pk, values, (topic, iso2) in saved:
            entry = (pk, values["title_en"])
            pools.enterprises.append(entry)
            pools.enterprises_by_topic.setdefault(topic, []).append(entry)
            pools.enterprises_by_topic_country.setdefault((topic, iso2), []).append(entry)

    def remember_technologies(self, saved):
        for pk, _values, topic in saved:
            self.pools.technologies_by_topic.setdefault(topic, []).append(pk)

    def pick_enterprise(self, topic, iso2):
        """(id, English title) of an enterprise in the same field, preferably the same country."""
        rng, pools = self.rng, self.pools
        for candidates, chance in (
            (pools.enterprises_by_topic_country.get((topic.key, iso2)), 0.6),
            (pools.enterprises_by_topic.get(topic.key), 0.9),
            (pools.enterprises, 1),
        ):
            if candidates and rng.random() < chance:
                return rng.choice(candidates)
        return None
