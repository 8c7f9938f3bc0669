"""Detail pages of the five databases: public fields, related records, contact consent, 404s."""

import html
import re
from decimal import Decimal

import pytest

from databases.models import PublicationStatus
from tests.factories import (
    RECORD_FACTORIES,
    CooperationTypeFactory,
    EnterpriseFactory,
    LanguageFactory,
    ProjectFactory,
    SDGFactory,
    SectorFactory,
    ServiceInstitutionFactory,
    TalentFactory,
    TechnologyFactory,
    TechnologyFieldFactory,
    brazil,
    china,
    russia,
)
from tests.utils import DATABASE_KEYS, card_titles, text

pytestmark = pytest.mark.django_db


def visible_text(response):
    """The page's text without tags, whitespace collapsed."""
    body = re.sub(r"<[^>]+>", " ", text(response))
    return " ".join(html.unescape(body).split())


def related_sections(response):
    """{heading: [card titles]} of the related-records sections."""
    sections = {}
    for heading, body in re.findall(
        r'<section class="related"[^>]*>\s*<h2[^>]*>(.*?)</h2>(.*?)</section>', text(response), re.S
    ):
        sections[html.unescape(heading)] = [
            html.unescape(title) for title in re.findall(r"<h3><a [^>]*>(.*?)</a></h3>", body)
        ]
    return sections


@pytest.fixture
def solar():
    return SectorFactory(code="solar-energy", name="Solar energy")


# Every public field --------------------------------------------------------------------------


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_common_fields_are_shown(client, key, solar):
    record = RECORD_FACTORIES[key](
        title="Floating solar farm",
        summary="Solar panels on reservoirs.",
        description="First paragraph.\n\nSecond paragraph.",
        country=china(),
        sectors=[solar],
    )

    response = client.get(record.get_absolute_url())

    assert response.status_code == 200
    content = text(response)
    assert "<h1>Floating solar farm</h1>" in content
    assert "<title>Floating solar farm · " in content
    assert '<p class="lead">Solar panels on reservoirs.</p>' in content
    assert "<p>First paragraph.</p>" in content and "<p>Second paragraph.</p>" in content
    assert f'href="/en/{key}/?country=CN">China</a>' in content
    assert "BRICS member" in content
    assert f'href="/en/{key}/?sector=solar-energy">Solar energy</a>' in content
    assert "Last updated" in content
    assert '<meta property="og:title" content="Floating solar farm">' in content


def test_technology_fields_are_shown(client):
    provider = EnterpriseFactory(title="SunCo Ltd")
    technology = TechnologyFactory(
        trl=7,
        ip_status="patent_granted",
        co2_reduction=Decimal("1500"),
        technology_fields=[TechnologyFieldFactory(code="y02e", name="Y02E · Energy")],
        transfer_modes=[CooperationTypeFactory(code="licensing", name="Licensing")],
        provider=provider,
    )

    response = client.get(technology.get_absolute_url())
    page = visible_text(response)

    assert "Technology readiness level TRL 7 of 9" in page
    assert "Intellectual property Patent granted" in page
    assert "Technology fields " + str(technology.technology_fields.get()) in page
    assert "Transfer modes " + str(technology.transfer_modes.get()) in page
    assert "1,500 tCO₂e per year" in page
    assert "Provider SunCo Ltd" in page
    assert f'href="{provider.get_absolute_url()}"' in text(
        client.get(technology.get_absolute_url())
    )


def test_unpublished_provider_is_not_linked(client):
    provider = EnterpriseFactory(title="Hidden provider", status=PublicationStatus.DRAFT)
    technology = TechnologyFactory(provider=provider)
    assert "Hidden provider" not in text(client.get(technology.get_absolute_url()))


def test_project_fields_are_shown(client):
    enterprise = EnterpriseFactory(title="Builder Co")
    sdg = SDGFactory(number=7)
    project = ProjectFactory(
        stage="construction",
        location="Ningxia",
        investment_amount=Decimal("900000"),
        investment_currency="CNY",
        co2_reduction=Decimal("2500"),
        cooperation_types=[CooperationTypeFactory(code="investment", name="Investment")],
        sdgs=[sdg],
        enterprise=enterprise,
    )

    response = client.get(project.get_absolute_url())
    page = visible_text(response)

    assert "Stage Construction" in page
    assert "Location Ningxia" in page
    assert "Investment sought CN¥900,000 (about US$124,200)" in page
    assert "Cooperation sought " + str(project.cooperation_types.get()) in page
    assert "Expected CO₂ reduction 2,500 tCO₂e per year" in page
    assert str(sdg) in page
    assert "Submitted by Builder Co" in page
    assert f'href="{enterprise.get_absolute_url()}"' in text(response)


def test_project_in_dollars_shows_no_conversion(client):
    project = ProjectFactory(investment_amount=Decimal("250000"), investment_currency="USD")
    page = visible_text(client.get(project.get_absolute_url()))
    assert "Investment sought US$250,000" in page
    assert "about USD" not in page


def test_project_of_an_unpublished_enterprise_does_not_name_it(client):
    project = ProjectFactory(enterprise=EnterpriseFactory(title="Secret Co", status="pending"))
    assert "Secret Co" not in text(client.get(project.get_absolute_url()))


def test_talent_fields_are_shown(client):
    talent = TalentFactory(
        title="Dr. Ana Silva",
        headline="Wind energy consultant",
        organisation="Universidade de São Paulo",
        experience_years=12,
        available_consulting=True,
        available_mentoring=True,
        technology_fields=[TechnologyFieldFactory(code="y02e", name="Y02E · Energy")],
        languages=[LanguageFactory(code="pt", name="Portuguese")],
    )

    page = visible_text(client.get(talent.get_absolute_url()))

    assert "Headline Wind energy consultant" in page
    assert "Organisation Universidade de São Paulo" in page
    assert "Experience 12 years" in page
    assert "Fields of expertise " + str(talent.technology_fields.get()) in page
    assert "Working languages " + str(talent.languages.get()) in page
    assert "Available for Consulting, Mentoring" in page


def test_talent_without_availability_says_so(client):
    talent = TalentFactory(experience_years=1)
    page = visible_text(client.get(talent.get_absolute_url()))
    assert "Available for Not currently available" in page
    assert "Experience 1 year" in page


def test_talent_contact_details_are_shown_with_consent(client):
    talent = TalentFactory(
        contact_consent=True,
        email="ana@example.org",
        phone="+55 11 5555 0000",
        website="https://ana.example.org",
    )
    content = text(client.get(talent.get_absolute_url()))
    assert '<a href="mailto:ana@example.org">ana@example.org</a>' in content
    assert "+55 11 5555 0000" in content
    assert "https://ana.example.org" in content
    assert "contact details are not public" not in content


def test_talent_contact_details_are_hidden_without_consent(client):
    talent = TalentFactory(
        contact_consent=False,
        email="hidden@example.org",
        phone="+7 000 111 22 33",
        website="https://hidden.example.org",
    )
    content = text(client.get(talent.get_absolute_url()))
    assert "hidden@example.org" not in content
    assert "+7 000 111 22 33" not in content
    assert "hidden.example.org" not in content
    assert "This expert's contact details are not public." in html.unescape(content)


def test_enterprise_fields_are_shown(client, solar):
    enterprise = EnterpriseFactory(
        size="medium",
        founded=1998,
        verified=True,
        website="https://enterprise.example.com",
        capabilities="EPC of solar plants.",
        cooperation_offered=[CooperationTypeFactory(code="joint-venture", name="Joint venture")],
        interest_sectors=[solar],
        interest_countries=[brazil()],
        interest_cooperation=[CooperationTypeFactory(code="investment", name="Investment")],
        investment_min_usd=Decimal("100000"),
        investment_max_usd=Decimal("900000"),
    )

    page = visible_text(client.get(enterprise.get_absolute_url()))

    assert "Verified by the secretariat" in page
    assert "Size Medium (50–249 staff)" in page
    assert "Founded 1998" in page
    assert "Cooperation offered " + str(enterprise.cooperation_offered.get()) in page
    assert "Sectors of interest " + str(solar) in page
    assert "Countries of interest " + str(enterprise.interest_countries.get()) in page
    assert "Cooperation of interest " + str(enterprise.interest_cooperation.get()) in page
    assert "Investment capacity US$100,000 to US$900,000" in page
    assert "Website https://enterprise.example.com" in page
    assert "Capabilities EPC of solar plants." in page


def test_unverified_enterprise_has_no_badge(client):
    enterprise = EnterpriseFactory(verified=False)
    assert "Verified by the secretariat" not in text(client.get(enterprise.get_absolute_url()))


def test_service_institution_fields_are_shown(client):
    institution = ServiceInstitutionFactory(
        institution_type="certification",
        services="Testing of PV modules.",
        countries_served=[china(), russia()],
        website="https://lab.example.org",
        email="lab@example.org",
    )

    response = client.get(institution.get_absolute_url())
    page = visible_text(response)

    assert "Type Certification and testing" in page
    served = ", ".join(str(country) for country in institution.countries_served.all())
    assert "Countries served " + served in page
    assert "Website https://lab.example.org" in page
    assert '<a href="mailto:lab@example.org">lab@example.org</a>' in text(response)
    assert "Services Testing of PV modules." in page


# Related records -----------------------------------------------------------------------------


def test_technology_related_records(client):
    y02e = TechnologyFieldFactory(code="y02e")
    technology = TechnologyFactory(title="Main technology", technology_fields=[y02e])
    ProjectFactory(title="Project using it", technologies=[technology])
    ProjectFactory(title="Draft project using it", technologies=[technology], status="draft")
    TechnologyFactory(title="Same-field technology", technology_fields=[y02e])
    TechnologyFactory(title="Draft same-field technology", technology_fields=[y02e], status="draft")
    TechnologyFactory(title="Unrelated technology")

    sections = related_sections(client.get(technology.get_absolute_url()))

    assert sections == {
        "Projects using this technology": ["Project using it"],
        "Similar technologies": ["Same-field technology"],
    }


def test_project_related_records(client, solar):
    used = TechnologyFactory(title="Technology used")
    project = ProjectFactory(title="Main project", sectors=[solar], technologies=[used])
    ProjectFactory(title="Same-sector project", sectors=[solar])
    ProjectFactory(title="Archived same-sector project", sectors=[solar], status="archived")

    sections = related_sections(client.get(project.get_absolute_url()))

    assert sections == {
        "Technologies used": ["Technology used"],
        "Similar projects": ["Same-sector project"],
    }


def test_talent_related_records(client):
    y02e = TechnologyFieldFactory(code="y02e")
    talent = TalentFactory(title="Main expert", technology_fields=[y02e])
    TalentFactory(title="Colleague", technology_fields=[y02e])
    TalentFactory(title="Other field", technology_fields=[TechnologyFieldFactory(code="y02p")])

    sections = related_sections(client.get(talent.get_absolute_url()))

    assert sections == {"Experts in the same fields": ["Colleague"]}


def test_enterprise_related_records(client, solar):
    enterprise = EnterpriseFactory(title="Main enterprise", sectors=[solar])
    ProjectFactory(title="Its project", enterprise=enterprise)
    ProjectFactory(title="Its pending project", enterprise=enterprise, status="pending")
    TechnologyFactory(title="Its technology", provider=enterprise)
    EnterpriseFactory(title="Peer enterprise", sectors=[solar])

    sections = related_sections(client.get(enterprise.get_absolute_url()))

    assert sections == {
        "Projects of this enterprise": ["Its project"],
        "Technologies provided": ["Its technology"],
        "Enterprises in the same sectors": ["Peer enterprise"],
    }


def test_institution_related_records(client):
    institution = ServiceInstitutionFactory(title="Main bank", institution_type="finance")
    ServiceInstitutionFactory(title="Other bank", institution_type="finance")
    ServiceInstitutionFactory(title="A law firm", institution_type="law")

    sections = related_sections(client.get(institution.get_absolute_url()))

    assert sections == {"Institutions of the same type": ["Other bank"]}


def test_related_records_are_limited_to_four(client):
    y02e = TechnologyFieldFactory(code="y02e")
    technology = TechnologyFactory(technology_fields=[y02e])
    TechnologyFactory.create_batch(6, technology_fields=[y02e])
    sections = related_sections(client.get(technology.get_absolute_url()))
    assert len(sections["Similar technologies"]) == 4


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_record_without_relations_has_no_related_section(client, key):
    record = RECORD_FACTORIES[key]()
    response = client.get(record.get_absolute_url())
    assert related_sections(response) == {}
    assert card_titles(response) == []


# Unpublished records -------------------------------------------------------------------------


@pytest.mark.parametrize("key", DATABASE_KEYS)
@pytest.mark.parametrize("status", ["draft", "pending", "rejected", "archived"])
def test_unpublished_record_is_a_404(client, key, status):
    record = RECORD_FACTORIES[key](title="Not public yet", status=status)

    response = client.get(record.get_absolute_url())

    assert response.status_code == 404
    assert "Not public yet" not in text(response)


def test_record_becomes_public_when_published(client):
    record = TechnologyFactory(status="pending")
    assert client.get(record.get_absolute_url()).status_code == 404
    record.status = PublicationStatus.PUBLISHED
    record.save()
    assert client.get(record.get_absolute_url()).status_code == 200
