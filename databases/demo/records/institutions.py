"""A service institution: a fund, firm, laboratory, centre or association and what it offers."""

from django.utils.text import slugify

from databases.demo.banks import INSTITUTION_FACTS, INSTITUTION_TAIL, INSTITUTIONS
from databases.demo.languages import EN, join_words, sentences
from databases.models.institution import InstitutionType


def build(gen):
    rng = gen.rng
    iso2, profile = gen.pick_country()
    langs = gen.languages(profile)
    country = gen.country_names[iso2]
    kind = rng.choices(gen.institution_types, cum_weights=gen.institution_weights)[0]
    phrases = INSTITUTIONS[kind]
    place = gen.pick_place(profile)
    title_template = rng.choice(phrases.titles)
    titles = {lang: title_template[lang].format(place=place.names[lang]) for lang in langs}
    others = [c for c in gen.brics_codes if c != iso2]
    served = [iso2, *gen.sample(others, 1, 6)]
    summaries = {
        lang: sentences(
            lang,
            phrases.summary[lang].format(country=country[lang]),
            INSTITUTION_TAIL[lang].format(n=len(served)),
        )
        for lang in langs
    }
    language_names = join_words(
        [
            gen.tax.languages[code].name_en or code
            for code in profile.languages
            if code in gen.tax.languages
        ]
        or ["English"],
        EN,
    )
    facts = " ".join(
        fact.format(
            k=rng.randrange(20, 900, 10),
            countries=join_words([gen.country_names[c][EN] for c in served[:4]], EN),
            languages=language_names,
        )
        for fact in rng.sample(INSTITUTION_FACTS, 2)
    )
    description = (
        f"Established in {rng.randint(1985, gen.now.year - 2)}, the {phrases.noun} has a team of "
        f"{rng.randint(6, 400)} specialists in {place.names[EN]}, {country[EN]}. {facts}"
    )
    values = gen.common(
        titles[EN],
        gen.publication(),
        iso2,
        {
            "title": titles,
            "summary": summaries,
            "description": {EN: description},
            "services": {EN: "\n".join(rng.sample(phrases.services, rng.randint(3, 5)))},
        },
    )
    domain = f"{slugify(titles[EN])[:50].strip('-')}.example.org"
    values["website"] = f"https://www.{domain}"
    if rng.random() < 0.7:
        values["email"] = f"info@{domain}"
    if kind in (
        InstitutionType.FINANCE,
        InstitutionType.CONSULTING,
        InstitutionType.LAW,
        InstitutionType.ASSOCIATION,
    ):
        sectors = gen.sample([s.pk for s in gen.tax.sectors.values()], 2, 4)
    else:
        topic_sectors = gen.topic_sectors[gen.pick_topic(iso2).key]
        sectors = topic_sectors[: rng.randint(1, len(topic_sectors))]
    links = {
        "sectors": sectors,
        "countries_served": [gen.tax.countries[c].pk for c in served],
    }
    values["institution_type"] = kind
    return values, links, None
