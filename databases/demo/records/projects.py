"""A project: a plant of some size in a place, what it costs and saves, and what it seeks."""

from decimal import Decimal

from databases import currency
from databases.demo.banks import (
    PROJECT_CONTEXT,
    PROJECT_SEEK,
    PROJECT_STAGES,
    PROJECT_SUMMARY,
    PROJECT_TAIL,
)
from databases.demo.generator import round_significant
from databases.demo.languages import EN, ZH, clip, fmt_int, fmt_money, sentences


def build(gen):
    rng = gen.rng
    iso2, profile = gen.pick_country()
    topic = gen.pick_topic(iso2, for_project=True)
    langs = gen.languages(profile)
    country = gen.country_names[iso2]
    place = gen.pick_place(profile, coastal=topic.coastal)
    kind = rng.choice(topic.projects)
    size = rng.randrange(kind.low, kind.high + 1, kind.step)
    titles = {
        lang: kind.title[lang].format(n=fmt_int(size, lang), place=place.names[lang])
        for lang in langs
    }
    code = profile.currency
    if code != "USD" and rng.random() < 0.2:
        code = "USD"
    usd = size * kind.usd_per_unit * rng.uniform(0.7, 1.3)
    amount = round_significant(usd / float(gen.rates[code]))
    # Keep within the column (14 integer digits): huge sums in weak currencies go in USD.
    if amount >= 10**13:
        code, amount = "USD", round_significant(usd)
    amount = Decimal(amount)
    co2 = Decimal(round_significant(size * kind.co2_per_unit * rng.uniform(0.8, 1.2)))
    stage = rng.choices(gen.stages, cum_weights=gen.stage_weights)[0]
    sought = []
    for _ in range(rng.randint(1, 3)):
        code_sought = rng.choices(gen.sought, cum_weights=gen.sought_weights)[0]
        if code_sought not in sought:
            sought.append(code_sought)
    summaries = {
        lang: clip(
            sentences(
                lang,
                PROJECT_SUMMARY[lang].format(
                    products=topic.products[lang],
                    place=place.names[lang],
                    country=country[lang],
                    money=fmt_money(amount, code, lang),
                ),
                PROJECT_TAIL[lang].format(
                    co2=fmt_int(int(co2), lang), coop=gen.cooperation_list(sought, lang)
                ),
            ),
            500,
        )
        for lang in langs
    }
    locations = {
        lang: f"{country[lang]}{place.names[lang]}"
        if lang == ZH
        else f"{place.names[lang]}, {country[lang]}"
        for lang in langs
    }
    enterprise = gen.pick_enterprise(topic, iso2) if rng.random() < 0.85 else None
    year = rng.randint(gen.now.year - 6, gen.now.year - 1)
    context = [
        PROJECT_STAGES[stage].format(year=year, months=rng.randrange(6, 30, 3)),
        *(
            sentence.format(
                place=place.names[EN],
                country=country[EN],
                eia=rng.choice(("approved", "submitted")),
                years=rng.choice((10, 15, 20, 25)),
                jobs=fmt_int(rng.randrange(80, 2_500, 10), EN),
                ojobs=rng.randrange(10, 300, 5),
                km=rng.randint(2, 40),
            )
            for sentence in rng.sample(PROJECT_CONTEXT, 2)
        ),
    ]
    if enterprise:
        context.append(
            f"The sponsor, {enterprise[1]}, has delivered similar projects in {country[EN]} "
            "and neighbouring markets."
        )
    seek = rng.choice(PROJECT_SEEK).format(coop=gen.cooperation_list(sought, EN))
    description = (
        " ".join(context)
        + f"\n\n{rng.choice(topic.pitches)[EN]} {rng.choice(topic.details)} {seek}"
    )
    values = gen.common(
        titles[EN],
        gen.publication(),
        iso2,
        {
            "title": titles,
            "summary": summaries,
            "description": {EN: description},
            "location": locations,
        },
    )
    sectors = gen.topic_sectors[topic.key]
    sdgs = gen.topic_sdgs[topic.key]
    sdg_ids = set(sdgs[: rng.randint(1, len(sdgs))]) if sdgs else set()
    if 17 in gen.tax.sdgs and rng.random() < 0.3:
        sdg_ids.add(gen.tax.sdgs[17].pk)
    technologies = gen.pools.technologies_by_topic.get(topic.key, [])
    links = {
        "sectors": sectors[: rng.randint(1, len(sectors))],
        "cooperation_types": [gen.tax.cooperation[c].pk for c in sought],
        "sdgs": sorted(sdg_ids),
        "technologies": gen.sample(technologies, 1, 3) if rng.random() < 0.7 else [],
    }
    values.update(
        stage=stage,
        investment_amount=amount,
        investment_currency=code,
        investment_usd=currency.to_usd(amount, code),
        co2_reduction=co2,
        enterprise_id=enterprise[0] if enterprise else None,
    )
    return values, links, None
