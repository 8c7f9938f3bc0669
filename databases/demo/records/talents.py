"""An expert: a name in the country's style, a role, experience, languages and availability."""

from django.utils.text import slugify

from databases.demo.banks import (
    ACADEMIC_ORGANISATIONS,
    AVAILABILITY,
    DISCIPLINES,
    HEADLINE,
    ROLES,
    TALENT_FACTS,
    TALENT_SUMMARY,
    TALENT_SUMMARY_UNAVAILABLE,
)
from databases.demo.languages import EN, PT, fmt_int, join_words, lower_first, russian_years


def person(gen, profile):
    """(English name, native-script name or None, is a woman)."""
    rng = gen.rng
    female = rng.random() < 0.45
    given = rng.choice(profile.female if female else profile.male)
    surname_latin, surname_native = rng.choice(profile.surnames)
    if female and profile.female_suffix:
        surname_latin += profile.female_suffix[0]
        if surname_native:
            surname_native += profile.female_suffix[1]
    if profile.surname_first:
        english = f"{surname_latin} {given[0]}"
        native = f"{surname_native}{given[1]}" if surname_native and given[1] else None
    else:
        english = f"{given[0]} {surname_latin}"
        native = f"{given[1]} {surname_native}" if surname_native and given[1] else None
    return english, native, female


def build(gen):
    rng = gen.rng
    iso2, profile = gen.pick_country()
    topic = gen.pick_topic(iso2)
    langs = gen.languages(profile)
    name, native_name, female = person(gen, profile)
    titles = {EN: name}
    if profile.native is not None and (native_name or profile.native == PT):
        titles[profile.native] = native_name or name
    role = rng.choice(ROLES)
    role_text = role.female if female else role.male
    years = rng.randint(3, 38)
    available = {
        "consulting": rng.random() < 0.65,
        "training": rng.random() < 0.45,
        "mentoring": rng.random() < 0.4,
    }
    if not any(available.values()) and rng.random() < 0.8:
        available["consulting"] = True
    kinds = [kind for kind, yes in available.items() if yes]
    summary_template = TALENT_SUMMARY if kinds else TALENT_SUMMARY_UNAVAILABLE
    summaries = {
        lang: summary_template[lang].format(
            years=years,
            years_ru=russian_years(years),
            label=topic.label[lang],
            available=join_words([AVAILABILITY[kind][lang] for kind in kinds], lang),
        )
        for lang in langs
    }
    headlines = {
        lang: HEADLINE[lang].format(role=role_text[lang], label=topic.label[lang]) for lang in langs
    }
    place = gen.pick_place(profile)
    employer = gen.pick_enterprise(topic, iso2) if rng.random() < 0.45 else None
    organisation = (
        employer[1]
        if employer
        else rng.choice(ACADEMIC_ORGANISATIONS).format(place=place.names[EN])
    )
    language_codes = [code for code in profile.languages if code in gen.tax.languages]
    if "en" not in language_codes and rng.random() < 0.85:
        language_codes.append("en")
    extra = rng.choice(("en", "zh", "ru", "pt", "es", "fr"))
    if rng.random() < 0.2 and extra in gen.tax.languages and extra not in language_codes:
        language_codes.append(extra)
    served = [gen.country_names[c][EN] for c in gen.sample(gen.brics_codes, 2, 4)]
    facts = " ".join(
        fact.format(
            k=rng.randint(4, 60),
            countries=join_words(served, EN),
            label=topic.label[EN],
            papers=rng.randint(8, 120),
            discipline=rng.choice(DISCIPLINES),
            trainees=fmt_int(rng.randrange(50, 2_000, 50), EN),
        )
        for fact in rng.sample(TALENT_FACTS, 2)
    )
    role_en = lower_first(role.male[EN])
    article = "an" if role_en[0] in "aeiou" else "a"
    language_names = join_words(
        [gen.tax.languages[code].name_en or code for code in language_codes], EN
    )
    description = (
        f"{name} is {article} {role_en} at {organisation} with {years} years of experience "
        f"in {topic.label[EN]}. {facts}"
        + (f"\n\nWorking languages: {language_names}." if language_codes else "")
    )
    values = gen.common(
        name,
        gen.publication(),
        iso2,
        {
            "title": titles,
            "summary": summaries,
            "description": {EN: description},
            "headline": headlines,
        },
        # A landscape would pass for a portrait on an expert's card.
        image=False,
    )
    consent = rng.random() < 0.4
    if consent:
        domain = f"{slugify(organisation)[:30].strip('-')}.example.org"
        values["email"] = f"{slugify(name).replace('-', '.')}@{domain}"
        values["phone"] = (
            f"{profile.phone} {rng.randint(10, 99)} {rng.randint(100, 999)} "
            f"{rng.randint(1000, 9999)}"
        )
    if rng.random() < 0.15:
        values["website"] = f"https://{slugify(name)}.example.org"
    fields = list(gen.topic_fields[topic.key])
    if rng.random() < 0.25:
        other = rng.choice(list(gen.tax.fields.values())).pk
        if other not in fields:
            fields.append(other)
    sectors = gen.topic_sectors[topic.key]
    links = {
        "sectors": sectors[: rng.randint(1, min(2, len(sectors)))],
        "technology_fields": fields,
        "languages": [gen.tax.languages[code].pk for code in language_codes],
    }
    values.update(
        organisation=organisation,
        experience_years=years,
        available_consulting=available["consulting"],
        available_training=available["training"],
        available_mentoring=available["mentoring"],
        contact_consent=consent,
    )
    return values, links, None
