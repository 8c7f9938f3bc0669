"""Demonstration events and policy documents for a new installation (``seed_demo_content``).

Events are placed around today so that the home page and the events list have upcoming and past
ones. The policy documents are real, well-known national documents, summarised briefly; staff add
links and PDFs in the admin.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from cms.models import Event, EventKind, PolicyDocument
from databases.models import Country

# (slug, kind, title, summary, days from today to the start, length in days, online, place, ISO2)
EVENTS = [
    (
        "brics-green-industry-forum",
        EventKind.FORUM,
        "BRICS Green Industry Forum",
        "Ministries, enterprises and financiers of the BRICS countries on green manufacturing, "
        "low-carbon supply chains and project cooperation.",
        21,
        2,
        False,
        "Xiamen",
        "CN",
    ),
    (
        "carbon-accounting-for-manufacturers",
        EventKind.TRAINING,
        "Carbon accounting for manufacturers",
        "A four-week online course on measuring, reporting and reducing the greenhouse gas "
        "emissions of a factory, with case studies from BRICS enterprises.",
        35,
        28,
        True,
        "",
        "",
    ),
    (
        "green-technology-startup-challenge",
        EventKind.COMPETITION,
        "BRICS Green Technology Start-up Challenge",
        "Young companies with clean-energy, circular-economy and industrial-efficiency "
        "technologies pitch to investors and industrial partners.",
        60,
        1,
        False,
        "São Paulo",
        "BR",
    ),
    (
        "clean-energy-equipment-exhibition",
        EventKind.EXHIBITION,
        "Clean energy equipment exhibition",
        "Solar, wind, storage and hydrogen equipment makers from BRICS and partner countries.",
        90,
        3,
        False,
        "Johannesburg",
        "ZA",
    ),
    (
        "green-hydrogen-matchmaking-session",
        EventKind.MEETING,
        "Green hydrogen project matchmaking session",
        "Project owners seeking partners meet technology providers and investors, brokered by "
        "the platform's secretariat.",
        -30,
        1,
        True,
        "",
        "",
    ),
    (
        "industrial-energy-efficiency-workshop",
        EventKind.TRAINING,
        "Industrial energy efficiency workshop",
        "Energy audits, waste-heat recovery and high-efficiency motors for small and "
        "medium-sized enterprises.",
        -75,
        2,
        False,
        "New Delhi",
        "IN",
    ),
]

# (slug, title, issuing body, issued on, summary, ISO2)
POLICIES = [
    (
        "china-action-plan-carbon-peaking-before-2030",
        "Action Plan for Carbon Dioxide Peaking Before 2030",
        "State Council of the People's Republic of China",
        date(2021, 10, 24),
        "Ten actions to peak China's carbon dioxide emissions before 2030, among them the green "
        "and low-carbon transition of energy, energy saving and efficiency, peaking in industry, "
        "the circular economy and green technology innovation.",
        "CN",
    ),
    (
        "russia-low-emissions-development-strategy-2050",
        "Strategy of Socio-Economic Development with Low Greenhouse Gas Emissions until 2050",
        "Government of the Russian Federation",
        date(2021, 10, 29),
        "Russia's long-term path to low greenhouse gas emissions and carbon neutrality by 2060, "
        "with measures for energy, industry, transport, buildings and forests.",
        "RU",
    ),
    (
        "india-national-green-hydrogen-mission",
        "National Green Hydrogen Mission",
        "Ministry of New and Renewable Energy, Government of India",
        date(2023, 1, 4),
        "A programme to make India a global hub for the production, use and export of green "
        "hydrogen and its derivatives, with support for electrolyser manufacturing and "
        "hydrogen production.",
        "IN",
    ),
    (
        "brazil-nova-industria-brasil",
        "Nova Indústria Brasil",
        "Government of Brazil",
        date(2024, 1, 22),
        "Brazil's industrial policy to 2033, whose missions include the bioeconomy, "
        "decarbonisation and the energy transition and security.",
        "BR",
    ),
    (
        "south-africa-just-energy-transition-investment-plan",
        "Just Energy Transition Investment Plan 2023–2027",
        "The Presidency, Republic of South Africa",
        date(2022, 11, 4),
        "The investments needed for South Africa's decarbonisation commitments in electricity, "
        "new energy vehicles and green hydrogen, and for a just transition of the affected "
        "communities.",
        "ZA",
    ),
]


@transaction.atomic
def seed(today=None):
    """Create or refresh the demonstration events and policy documents; returns their counts."""
    today = today or timezone.localdate()
    countries = Country.objects.in_bulk(field_name="iso2")
    for slug, kind, title, summary, offset, days, online, place, iso2 in EVENTS:
        start = today + timedelta(days=offset)
        Event.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "title": title,
                "summary": summary,
                "start_date": start,
                "end_date": start + timedelta(days=days - 1),
                "online": online,
                "place": place,
                "country": countries.get(iso2),
                "published": True,
            },
        )
    for slug, title, issuing_body, issued_on, summary, iso2 in POLICIES:
        PolicyDocument.objects.update_or_create(
            slug=slug,
            defaults={
                "title": title,
                "issuing_body": issuing_body,
                "issued_on": issued_on,
                "summary": summary,
                "country": countries.get(iso2),
                "published": True,
            },
        )
    return len(EVENTS), len(POLICIES)
