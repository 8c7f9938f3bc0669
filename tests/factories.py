"""factory_boy factories for the models of the databases app and the CMS events and policies.

Taxonomy rows are fetched or created by their natural key (iso2 / code / number), so the
factories work whether or not migration 0003 has loaded the real taxonomies.
Records are published by default; pass ``status=...`` for the other states.
Many-to-many relations are set with keyword arguments, e.g.
``TechnologyFactory(sectors=[solar], technology_fields=[y02e])``.
"""

import datetime

import factory
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory

from cms.models import Event, EventKind, PolicyDocument, Story
from databases.models import (
    SDG,
    CooperationType,
    Country,
    Enterprise,
    Language,
    MemberRole,
    Membership,
    MembershipStatus,
    Project,
    PublicationStatus,
    Sector,
    ServiceInstitution,
    Talent,
    Technology,
    TechnologyField,
)


def _set_many(attribute):
    """A post-generation hook that sets the many-to-many ``attribute`` when it is passed."""

    def hook(obj, create, extracted, **kwargs):
        if create and extracted is not None:
            getattr(obj, attribute).set(extracted)

    hook.__name__ = attribute
    return factory.PostGeneration(hook)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


# The authenticator app's secret of every staff account the factories make (tests.utils.totp).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class StaffFactory(UserFactory):
    """A secretariat account with an authenticator app as its second factor; ``role`` names
    one of the groups of platform_site/roles.py. ``second_factor=False`` leaves it without."""

    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(Group.objects.get(name=extracted))

    @factory.post_generation
    def second_factor(user, create, extracted, **kwargs):
        if create and extracted is not False:
            TOTP.activate(user, TOTP_SECRET)


class SuperUserFactory(StaffFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_superuser = True


# Taxonomies ---------------------------------------------------------------------------------


USER_ASSIGNED_CODES = [f"Q{c}" for c in "MNOPRSTUVWXY"] + [f"X{c}" for c in "ABCDEFGHIJLMNOPQ"]


class CountryFactory(DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("iso2",)

    # ISO 3166 user-assigned codes, which no real country (or the seeded data) uses.
    iso2 = factory.Iterator(USER_ASSIGNED_CODES)
    iso3 = factory.LazyAttribute(lambda country: country.iso2 + "X")
    name = factory.LazyAttribute(lambda country: f"Country {country.iso2}")
    brics_status = "other"


def china():
    return CountryFactory(iso2="CN", iso3="CHN", name="China", brics_status="member", flag="🇨🇳")


def russia():
    return CountryFactory(iso2="RU", iso3="RUS", name="Russia", brics_status="member")


def brazil():
    return CountryFactory(iso2="BR", iso3="BRA", name="Brazil", brics_status="member")


def kazakhstan():
    return CountryFactory(iso2="KZ", iso3="KAZ", name="Kazakhstan", brics_status="partner")


def france():
    return CountryFactory(iso2="FR", iso3="FRA", name="France", brics_status="other")


class SectorFactory(DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"test-sector-{n}")
    name = factory.LazyAttribute(lambda sector: sector.code.replace("-", " ").capitalize())
    ordering = 500


class TechnologyFieldFactory(DjangoModelFactory):
    class Meta:
        model = TechnologyField
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"test-field-{n}")
    name = factory.LazyAttribute(lambda field: f"Field {field.code}")
    ordering = 500


class SDGFactory(DjangoModelFactory):
    class Meta:
        model = SDG
        django_get_or_create = ("number",)

    number = factory.Sequence(lambda n: n % 17 + 1)
    name = factory.LazyAttribute(lambda sdg: f"Goal {sdg.number}")
    title = factory.LazyAttribute(lambda sdg: f"Sustainable development goal {sdg.number}")


class CooperationTypeFactory(DjangoModelFactory):
    class Meta:
        model = CooperationType
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"test-cooperation-{n}")
    name = factory.LazyAttribute(lambda cooperation: cooperation.code.capitalize())
    ordering = 500


class LanguageFactory(DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"x{n}")
    name = factory.LazyAttribute(lambda language: f"Language {language.code}")
    ordering = 500


# Records ------------------------------------------------------------------------------------


class RecordFactory(DjangoModelFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Record {n}")
    summary = factory.LazyAttribute(lambda record: f"Summary of {record.title}")
    description = factory.LazyAttribute(lambda record: f"Description of {record.title}.")
    status = PublicationStatus.PUBLISHED
    country = None

    sectors = _set_many("sectors")


class EnterpriseFactory(RecordFactory):
    class Meta:
        model = Enterprise
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Enterprise {n}")
    size = "small"

    cooperation_offered = _set_many("cooperation_offered")
    interest_sectors = _set_many("interest_sectors")
    interest_countries = _set_many("interest_countries")
    interest_cooperation = _set_many("interest_cooperation")


class TechnologyFactory(RecordFactory):
    class Meta:
        model = Technology
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Technology {n}")
    trl = 5
    ip_status = "other"

    technology_fields = _set_many("technology_fields")
    transfer_modes = _set_many("transfer_modes")


class ProjectFactory(RecordFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Project {n}")
    stage = "concept"
    investment_amount = None
    investment_currency = "USD"

    cooperation_types = _set_many("cooperation_types")
    sdgs = _set_many("sdgs")
    technologies = _set_many("technologies")


class TalentFactory(RecordFactory):
    class Meta:
        model = Talent
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Expert {n}")
    headline = "Energy engineer"
    organisation = "Institute of Energy"
    experience_years = 10

    technology_fields = _set_many("technology_fields")
    languages = _set_many("languages")


class ServiceInstitutionFactory(RecordFactory):
    class Meta:
        model = ServiceInstitution
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Institution {n}")
    institution_type = "consulting"

    countries_served = _set_many("countries_served")


# The five databases by their URL key, for tests parametrized over them.
RECORD_FACTORIES = {
    "technologies": TechnologyFactory,
    "projects": ProjectFactory,
    "talents": TalentFactory,
    "enterprises": EnterpriseFactory,
    "institutions": ServiceInstitutionFactory,
}

TAXONOMY_FACTORIES = {
    "country": CountryFactory,
    "sector": SectorFactory,
    "technologyfield": TechnologyFieldFactory,
    "sdg": SDGFactory,
    "cooperationtype": CooperationTypeFactory,
    "language": LanguageFactory,
}


class EventFactory(DjangoModelFactory):
    """A published one-day forum a month from now."""

    class Meta:
        model = Event

    kind = EventKind.FORUM
    title = factory.Sequence(lambda n: f"Green forum {n}")
    slug = factory.Sequence(lambda n: f"green-forum-{n}")
    summary = "Enterprises and ministries on green manufacturing."
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.SelfAttribute("start_date")
    published = True


class PolicyDocumentFactory(DjangoModelFactory):
    class Meta:
        model = PolicyDocument

    title = factory.Sequence(lambda n: f"Green industry policy {n}")
    slug = factory.Sequence(lambda n: f"green-industry-policy-{n}")
    issuing_body = "Ministry of Industry"
    issued_on = datetime.date(2024, 5, 1)
    summary = "Measures for the green transition of industry."
    published = True


class StoryFactory(DjangoModelFactory):
    """A published story of cooperation; pass ``countries=[…]``, ``projects=[…]`` and so on."""

    class Meta:
        model = Story
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Solar pumps for farms {n}")
    slug = factory.Sequence(lambda n: f"solar-pumps-for-farms-{n}")
    summary = "An enterprise and a project met through the platform."
    body = "<p>They met at a forum and signed an agreement.</p>"
    published = True

    countries = _set_many("countries")
    sectors = _set_many("sectors")
    projects = _set_many("projects")
    technologies = _set_many("technologies")
    enterprises = _set_many("enterprises")


class MembershipFactory(DjangoModelFactory):
    """An approved administrator of a verified enterprise: a member who may submit."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    enterprise = factory.SubFactory(EnterpriseFactory, verified=True)
    role = MemberRole.ADMINISTRATOR
    status = MembershipStatus.APPROVED
