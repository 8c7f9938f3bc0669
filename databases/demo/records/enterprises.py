"""An enterprise: a company name in its country's style, what it makes and offers."""

from decimal import Decimal

from django.utils.text import slugify

from databases.demo.banks import (
    BRANDS,
    CAPABILITIES,
    CN_PROVINCES,
    ENTERPRISE_FACTS,
    ENTERPRISE_SUMMARIES,
    ENTERPRISE_TAIL,
    GENERIC_BRANDS,
    INDUSTRIES,
)
from databases.demo.languages import EN, HI, PT, RU, ZH, clip, fmt_int, sentences
from databases.models.enterprise import EnterpriseSize

SIZE_STAFF = {
    EnterpriseSize.MICRO: (3, 9),
    EnterpriseSize.SMALL: (10, 49),
    EnterpriseSize.MEDIUM: (50, 249),
    EnterpriseSize.LARGE: (250, 12_000),
}
INVESTMENT_MINIMA = (50_000, 100_000, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000)


def company_name(gen, iso2, profile, topic):
    """An English (or native Latin) company name and its native-script form, if any."""
    rng = gen.rng
    industry = INDUSTRIES[topic.industry]
    en_word, zh_word, ru_word, pt_word, hi_word = industry.words
    if iso2 == "CN":
        province, brand = rng.choice(CN_PROVINCES), rng.choice(BRANDS["CN"])
        return (
            f"{province[0]} {brand[0]} {en_word} Co., Ltd.",
            {ZH: f"{province[1]}{brand[1]}{zh_word}有限公司"},
        )
    if iso2 == "RU":
        brand = rng.choice(BRANDS["RU"])
        en_form, ru_form = rng.choice((("LLC", "ООО"), ("JSC", "АО")))
        return (
            f"{brand[0]}{industry.ru_latin} {en_form}",
            {RU: f"{ru_form} «{brand[1]}{ru_word}»"},
        )
    if iso2 == "IN":
        brand = rng.choice(BRANDS["IN"])
        return (
            f"{brand[0]} {en_word} Pvt. Ltd.",
            {HI: f"{brand[1]} {hi_word} प्राइवेट लिमिटेड"},
        )
    if iso2 == "BR":
        name = f"{rng.choice(BRANDS['BR'])[0]} {pt_word} {rng.choice(('Ltda.', 'S.A.'))}"
        return name, {PT: name}
    return profile.legal.format(name=f"{rng.choice(GENERIC_BRANDS)} {en_word}"), {}


def build(gen):
    rng = gen.rng
    iso2, profile = gen.pick_country()
    topic = gen.pick_topic(iso2)
    langs = gen.languages(profile)
    place = gen.pick_place(profile)
    country = gen.country_names[iso2]
    title, native_titles = company_name(gen, iso2, profile, topic)
    size = rng.choices(gen.sizes, cum_weights=gen.size_weights)[0]
    founded = max(1950, gen.now.year - 1 - int(rng.expovariate(1 / 14)))
    offered = gen.sample(gen.transfer_modes, 1, 3)
    summary_template = rng.choice(ENTERPRISE_SUMMARIES)
    summaries = {
        lang: clip(
            sentences(
                lang,
                summary_template[lang].format(products=topic.products[lang]),
                ENTERPRISE_TAIL[lang].format(
                    year=founded,
                    place=place.names[lang],
                    coop=gen.cooperation_list(offered, lang),
                ),
            ),
            500,
        )
        for lang in langs
    }
    facts = " ".join(
        fact.format(
            refs=fmt_int(rng.randrange(20, 2_000, 10), EN),
            k=rng.randint(2, 18),
            export=rng.randrange(10, 75, 5),
            coop=gen.cooperation_list(offered, EN),
            country=country[EN],
            since=rng.randint(max(founded, 1995), gen.now.year - 1),
        )
        for fact in rng.sample(ENTERPRISE_FACTS, 2)
    )
    description = (
        f"Founded in {founded} and based in {place.names[EN]}, {country[EN]}, the company "
        f"employs about {fmt_int(rng.randint(*SIZE_STAFF[size]), EN)} people. Its main "
        f"business is {topic.products[EN]}, from design and manufacturing to installation "
        f"and after-sales service. {rng.choice(topic.details)}\n\n{facts}"
    )
    capabilities = "\n".join(
        [f"Design and manufacture of {topic.products[EN]}", *rng.sample(CAPABILITIES, 3)]
    )
    values = gen.common(
        title,
        gen.publication(),
        iso2,
        {
            "title": {EN: title, **native_titles},
            "summary": summaries,
            "description": {EN: description},
            "capabilities": {EN: capabilities},
        },
    )
    if rng.random() < 0.55:
        minimum = rng.choice(INVESTMENT_MINIMA)
        values["investment_min_usd"] = Decimal(minimum)
        values["investment_max_usd"] = Decimal(minimum * rng.choice((2, 4, 5, 10, 20, 50)))
    if rng.random() < 0.75:
        values["website"] = f"https://www.{slugify(title)[:40].strip('-')}.example.com"
    sectors = gen.topic_sectors[topic.key]
    all_sectors = [s.pk for s in gen.tax.sectors.values()]
    interest = set(sectors[:1]) | set(gen.sample(all_sectors, 0, 2))
    links = {
        "sectors": sectors[: rng.randint(1, len(sectors))],
        "cooperation_offered": [gen.tax.cooperation[c].pk for c in offered],
        "interest_sectors": sorted(interest),
        "interest_countries": [gen.tax.countries[c].pk for c in gen.sample(gen.brics_codes, 1, 4)],
        "interest_cooperation": [
            gen.tax.cooperation[c].pk for c in gen.sample(list(gen.tax.cooperation), 1, 3)
        ],
    }
    values.update(size=size, founded=founded, verified=rng.random() < 0.35)
    return values, links, (topic.key, iso2)
