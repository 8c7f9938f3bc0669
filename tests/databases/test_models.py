"""Model rules of the five databases: slugs, publication, currency normalisation, constraints."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from databases import slugs
from databases.models import SDG, Enterprise, Project, PublicationStatus, Technology
from tests.factories import (
    RECORD_FACTORIES,
    EnterpriseFactory,
    ProjectFactory,
    TalentFactory,
    TechnologyFactory,
)
from tests.utils import DATABASE_KEYS

pytestmark = pytest.mark.django_db


# Slugs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_slug_is_generated_from_the_title(key):
    record = RECORD_FACTORIES[key](title="Solar Water Pumps for Irrigation!")
    assert record.slug == "solar-water-pumps-for-irrigation"
    assert record.get_absolute_url() == f"/en/{key}/solar-water-pumps-for-irrigation/"


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_slugs_are_unique_within_a_database(key):
    factory = RECORD_FACTORIES[key]
    slugs = [factory(title="Biogas digester").slug for _ in range(3)]
    assert slugs == ["biogas-digester", "biogas-digester-2", "biogas-digester-3"]
    assert factory._meta.model.objects.filter(slug__startswith="biogas-digester").count() == 3


def test_the_same_title_in_two_databases_keeps_the_plain_slug():
    assert TechnologyFactory(title="Heat pump").slug == "heat-pump"
    assert ProjectFactory(title="Heat pump").slug == "heat-pump"


def test_slug_is_stable_when_the_title_changes():
    record = TechnologyFactory(title="Old name")
    record.title = "New name"
    record.save()
    record.refresh_from_db()
    assert record.slug == "old-name"


def test_explicit_slug_is_kept():
    assert TechnologyFactory(title="Anything", slug="my-own-slug").slug == "my-own-slug"


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_a_title_that_slugifies_to_a_reserved_path_keeps_clear_of_it(client, key):
    """/<lang>/<database>/feed/ is the database's feed: a record called "Feed" goes beside it."""
    record = RECORD_FACTORIES[key](title="Feed")
    assert record.slug == "feed-2"
    assert client.get(record.get_absolute_url()).status_code == 200
    assert client.get(f"/en/{key}/feed/")["Content-Type"].startswith("application/atom+xml")
    assert slugs.SlugAllocator(type(record), "default")("Feed") == "feed-3"


def test_a_reserved_slug_chosen_by_hand_is_refused_with_a_reason():
    record = TechnologyFactory.build(title="Anything", slug="feed")
    with pytest.raises(ValidationError) as refused:
        record.full_clean(exclude=["provider", "country"])
    assert "address of another page" in str(refused.value.message_dict["slug"])


def test_title_without_latin_letters_gets_a_fallback_slug():
    first = TechnologyFactory(title="太阳能光伏")
    second = TechnologyFactory(title="风力发电")
    assert first.slug == "technology"
    assert second.slug == "technology-2"


def test_a_bulk_load_gives_the_slugs_that_saving_would():
    """seed_demo decides slugs in memory, without a query per record, by the rule of save()."""
    TechnologyFactory(title="Biogas digester")
    TechnologyFactory(title="Biogas digester", slug="biogas-digester-3")
    allocate = slugs.SlugAllocator(Technology, "default")

    for title in ("Biogas digester", "Biogas digester", "太阳能光伏"):
        expected = Technology(title=title).unique_slug()
        assert allocate(title) == expected
        TechnologyFactory(title=title, slug=expected)
    assert allocate("Biogas digester") == "biogas-digester-5"


def test_a_bulk_load_resumes_the_search_for_a_free_suffix_where_it_stopped():
    taken = {"heat-pump", "heat-pump-2", "heat-pump-3"}
    asked = []

    def is_taken(slug):
        asked.append(slug)
        return slug in taken

    next_suffix = {}
    first = slugs.unique_slug("Heat pump", "technology", is_taken, next_suffix)
    taken.add(first)
    asked.clear()
    second = slugs.unique_slug("Heat pump", "technology", is_taken, next_suffix)

    assert (first, second) == ("heat-pump-4", "heat-pump-5")
    assert asked == ["heat-pump", "heat-pump-5"]


def test_duplicate_explicit_slug_is_refused_by_the_database():
    TechnologyFactory(slug="taken")
    with pytest.raises(IntegrityError), transaction.atomic():
        TechnologyFactory(slug="taken")


# Publication ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_published_at_is_set_when_a_record_is_published(key):
    record = RECORD_FACTORIES[key](status=PublicationStatus.DRAFT)
    assert record.published_at is None
    assert not record.is_public

    before = timezone.now()
    record.status = PublicationStatus.PUBLISHED
    record.save()
    record.refresh_from_db()
    assert record.is_public
    assert before <= record.published_at <= timezone.now()


def test_published_at_is_kept_when_a_published_record_is_saved_again():
    record = TechnologyFactory(status=PublicationStatus.PUBLISHED)
    first = record.published_at
    record.title = "Edited"
    record.save()
    record.refresh_from_db()
    assert record.published_at == first


@pytest.mark.parametrize(
    "status",
    [PublicationStatus.DRAFT, PublicationStatus.PENDING, PublicationStatus.REJECTED],
)
def test_unpublished_records_have_no_publication_date(status):
    assert TechnologyFactory(status=status).published_at is None


def test_published_queryset_keeps_only_published_records():
    published = TechnologyFactory(status=PublicationStatus.PUBLISHED)
    for status in ["draft", "pending", "rejected", "archived"]:
        TechnologyFactory(status=status)
    assert list(Technology.objects.published()) == [published]


# Currency normalisation --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "usd"),
    [
        ("250000", "USD", "250000.00"),
        ("1000", "EUR", "1080.00"),
        ("10000000", "CNY", "1380000.00"),
        ("1000000", "RUB", "10800.00"),
        ("100", "INR", "1.18"),
        ("0.01", "EUR", "0.01"),
    ],
)
def test_investment_usd_is_normalised_from_amount_and_currency(amount, currency, usd):
    project = ProjectFactory(investment_amount=Decimal(amount), investment_currency=currency)
    project.refresh_from_db()
    assert project.investment_usd == Decimal(usd)


def test_investment_usd_follows_changes_even_with_update_fields():
    project = ProjectFactory(investment_amount=Decimal("1000"), investment_currency="USD")
    project.investment_amount = Decimal("2000")
    project.investment_currency = "EUR"
    project.save(update_fields=["investment_amount", "investment_currency"])
    assert Project.objects.get(pk=project.pk).investment_usd == Decimal("2160.00")


def test_investment_usd_is_empty_without_an_amount():
    project = ProjectFactory(investment_amount=None, investment_currency="CNY")
    assert Project.objects.get(pk=project.pk).investment_usd is None


def test_currency_rates_can_be_overridden_in_settings(settings):
    settings.CURRENCY_USD_RATES = {"CNY": Decimal("0.5")}
    project = ProjectFactory(investment_amount=Decimal("100"), investment_currency="CNY")
    assert Project.objects.get(pk=project.pk).investment_usd == Decimal("50.00")


# Database constraints ----------------------------------------------------------------------


@pytest.mark.parametrize("trl", [0, 10])
def test_trl_outside_1_to_9_is_refused_by_the_database(trl):
    with pytest.raises(IntegrityError), transaction.atomic():
        TechnologyFactory(trl=trl)
    assert not Technology.objects.exists()


@pytest.mark.parametrize("trl", [1, 9])
def test_trl_bounds_are_accepted(trl):
    assert Technology.objects.get(pk=TechnologyFactory(trl=trl).pk).trl == trl


def test_trl_outside_1_to_9_is_refused_by_validation():
    record = TechnologyFactory.build(trl=10, slug="x")
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert "trl" in error.value.message_dict


def test_negative_investment_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(investment_amount=Decimal("-1"))
    assert not Project.objects.exists()


def test_negative_co2_reduction_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        TechnologyFactory(co2_reduction=Decimal("-0.5"))
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(co2_reduction=Decimal("-10"))


def test_enterprise_investment_minimum_above_maximum_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        EnterpriseFactory(investment_min_usd=Decimal("2000000"), investment_max_usd=Decimal("1000"))
    assert not Enterprise.objects.exists()


def test_enterprise_negative_investment_minimum_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        EnterpriseFactory(investment_min_usd=Decimal("-1"))


@pytest.mark.parametrize(
    ("low", "high"),
    [("1000", "1000"), ("0", "5000000"), (None, "100"), ("100", None), (None, None)],
)
def test_enterprise_valid_investment_ranges_are_accepted(low, high):
    low = None if low is None else Decimal(low)
    high = None if high is None else Decimal(high)
    enterprise = EnterpriseFactory(investment_min_usd=low, investment_max_usd=high)
    enterprise.refresh_from_db()
    assert (enterprise.investment_min_usd, enterprise.investment_max_usd) == (low, high)


def test_implausible_experience_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        TalentFactory(experience_years=81)


def test_sdg_number_outside_1_to_17_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        SDG.objects.create(number=18, name="Eighteen", title="No such goal")


# Talent contact ------------------------------------------------------------------------------


def test_talent_public_contact_with_consent():
    talent = TalentFactory(
        contact_consent=True,
        email="expert@example.org",
        phone="+7 495 000 00 00",
        website="https://expert.example.org",
    )
    assert talent.public_contact == {
        "email": "expert@example.org",
        "phone": "+7 495 000 00 00",
        "website": "https://expert.example.org",
    }


def test_talent_public_contact_without_consent_is_hidden():
    talent = TalentFactory(contact_consent=False, email="secret@example.org", phone="123")
    assert talent.public_contact is None


def test_talent_availabilities_lists_the_kinds_of_work():
    talent = TalentFactory(available_consulting=True, available_mentoring=True)
    assert [str(label) for label in talent.availabilities] == ["Consulting", "Mentoring"]
    assert TalentFactory().availabilities == []
