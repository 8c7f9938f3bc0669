"""A technology: what it does, how mature and protected it is, how it is offered, and by whom."""

from databases.demo.banks import (
    TECH_CONTEXT,
    TECH_IP,
    TECH_OFFER,
    TECH_TAIL_COOPERATION,
    TECH_TAIL_IMPACT,
    TECH_TITLE,
)
from databases.demo.languages import EN, clip, fmt_decimal, sentences


def build(gen):
    rng = gen.rng
    iso2, profile = gen.pick_country()
    topic = gen.pick_topic(iso2)
    langs = gen.languages(profile)
    country = gen.country_names[iso2]
    name = rng.choice(topic.names)
    app = rng.choice(topic.apps) if topic.apps and rng.random() < 0.8 else None
    titles = {
        lang: TECH_TITLE[lang].format(name=name[lang], app=app[lang]) if app else name[lang]
        for lang in langs
    }
    trl = rng.choices(range(1, 10), cum_weights=gen.trl_weights)[0]
    ip_status = rng.choices(gen.ip_values, cum_weights=gen.ip_weights)[0]
    co2 = gen.co2(*topic.tech_co2) if rng.random() < 0.9 else None
    modes = gen.sample(gen.transfer_modes, 1, 3)
    pitch = rng.choice(topic.pitches)
    impact = co2 is not None and rng.random() < 0.6
    tail = TECH_TAIL_IMPACT if impact else TECH_TAIL_COOPERATION
    summaries = {
        lang: clip(
            sentences(
                lang,
                pitch[lang],
                tail[lang].format(
                    trl=trl,
                    co2=fmt_decimal(float(co2 or 0), lang),
                    modes=gen.cooperation_list(modes, lang),
                ),
            ),
            500,
        )
        for lang in langs
    }
    place = gen.pick_place(profile)
    partner = rng.choice(
        (
            f"{place.names[EN]} University of Technology",
            "a national research institute",
            "a state-owned utility",
            "two industrial customers",
        )
    )
    context = rng.choice(TECH_CONTEXT).format(
        year=rng.randint(2012, gen.now.year - 1),
        place=place.names[EN],
        country=country[EN],
        partner=partner,
        k=rng.randint(3, 40),
        avail=rng.choice((95, 96, 97, 98, 99)),
        local=rng.randrange(40, 85, 5),
    )
    offer = rng.choice(TECH_OFFER).format(
        modes=gen.cooperation_list(modes, EN),
        weeks=rng.randrange(6, 30, 2),
        payback=rng.choice(("two", "three", "four", "five", "six")),
    )
    description = (
        " ".join([*rng.sample(topic.details, 2), TECH_IP[ip_status].format(country=country[EN])])
        + f"\n\n{context} {offer}"
    )
    values = gen.common(
        titles[EN],
        gen.publication(),
        iso2,
        {"title": titles, "summary": summaries, "description": {EN: description}},
    )
    provider = gen.pick_enterprise(topic, iso2) if rng.random() < 0.9 else None
    sectors = gen.topic_sectors[topic.key]
    fields = gen.topic_fields[topic.key]
    links = {
        "sectors": sectors[: rng.randint(1, len(sectors))],
        "technology_fields": fields[: rng.randint(1, len(fields))] if fields else [],
        "transfer_modes": [gen.tax.cooperation[c].pk for c in modes],
    }
    values.update(
        trl=trl,
        ip_status=ip_status,
        co2_reduction=co2,
        provider_id=provider[0] if provider else None,
    )
    return values, links, topic.key
