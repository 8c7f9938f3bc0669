"""The demo content generator (``manage.py seed_demo``) and the page benchmark."""

import io
from collections import Counter

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from databases import currency
from databases.demo import languages, seeding, writers
from databases.models import (
    CooperationType,
    Enterprise,
    FiguresSnapshot,
    Project,
    PublicationStatus,
    ServiceInstitution,
    Talent,
    Technology,
)

MODELS = (Technology, Project, Talent, Enterprise, ServiceInstitution)
NATIVE = {"CN": "zh_hans", "BR": "pt_br", "RU": "ru", "IN": "hi"}


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_creates_the_number_asked_for_in_each_database():
    output = seed("--per-database", "12", "--seed", "1", "--no-images")

    for model in MODELS:
        assert model.objects.count() == 12, model
    assert "projects: 12 records" in output
    # Counted as the figures' task would after a change: the statistics page does not count.
    projects = FiguresSnapshot.objects.get().counts["by_country"]["projects"]
    assert sum(projects.values()) == Project.objects.published().count() > 0


@pytest.mark.django_db
def test_records_have_english_text_unique_slugs_and_mostly_are_published():
    seed("--per-database", "40", "--seed", "2", "--no-images")

    for model in MODELS:
        records = list(model.objects.all())
        assert all(r.title_en and r.summary_en and r.description_en for r in records), model
        assert all(r.title == r.title_en for r in records), "base column holds the English"
        assert len({r.slug for r in records}) == len(records)
        assert all(r.country_id for r in records)
        published = [r for r in records if r.status == PublicationStatus.PUBLISHED]
        assert len(published) >= 0.7 * len(records), model
        assert all(r.published_at for r in published)
        drafts = [r for r in records if r.status == PublicationStatus.DRAFT]
        assert not any(r.published_at for r in drafts)


@pytest.mark.django_db
def test_some_records_are_translated_and_national_records_carry_their_language():
    seed("--per-database", "40", "--seed", "3", "--no-images")

    translated = 0
    for model in MODELS:
        for record in model.objects.select_related("country"):
            others = [
                getattr(record, f"summary_{code}") for code in ("zh_hans", "ru", "pt_br", "hi")
            ]
            translated += any(others)
            native = NATIVE.get(record.country.iso2)
            if native:
                assert getattr(record, f"summary_{native}"), (model, record.country.iso2)
    assert translated >= 40


@pytest.mark.django_db
def test_many_to_many_rows_are_written():
    seed("--per-database", "15", "--seed", "4", "--no-images")

    for model in MODELS:
        assert not model.objects.filter(sectors__isnull=True).exists(), model
    assert not Technology.objects.filter(transfer_modes__isnull=True).exists()
    assert not Project.objects.filter(cooperation_types__isnull=True).exists()
    assert Project.technologies.through.objects.exists()
    assert Talent.languages.through.objects.exists()
    assert Enterprise.interest_countries.through.objects.exists()
    assert not ServiceInstitution.objects.filter(countries_served__isnull=True).exists()
    assert Technology.objects.exclude(provider=None).exists()


@pytest.mark.django_db
def test_amounts_are_consistent():
    seed("--per-database", "30", "--seed", "5", "--no-images")

    for project in Project.objects.all():
        assert project.investment_amount > 0
        assert project.investment_usd == currency.to_usd(
            project.investment_amount, project.investment_currency
        )
    for enterprise in Enterprise.objects.exclude(investment_min_usd=None):
        assert enterprise.investment_min_usd <= enterprise.investment_max_usd
    for talent in Talent.objects.filter(contact_consent=True):
        assert talent.email


@pytest.mark.django_db
def test_running_again_adds_records_without_slug_collisions():
    seed("--per-database", "10", "--seed", "6", "--no-images")
    seed("--per-database", "10", "--seed", "6", "--no-images")

    for model in MODELS:
        slugs = list(model.objects.values_list("slug", flat=True))
        assert len(slugs) == 20
        assert len(set(slugs)) == 20
    # The second run repeats the first one's titles, so its slugs carry a suffix.
    assert Technology.objects.filter(slug__regex=r"-[0-9]+$").count() >= 10


@pytest.mark.django_db
def test_clear_replaces_the_existing_records():
    seed("--per-database", "8", "--seed", "7", "--no-images")
    seed("--per-database", "5", "--seed", "8", "--no-images", "--clear")

    for model in MODELS:
        assert model.objects.count() == 5


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_records():
    def snapshot():
        return [
            (p.slug, p.title_zh_hans, p.summary_en, p.investment_usd, p.country.iso2)
            for p in Project.objects.select_related("country").order_by("pk")
        ]

    seed("--per-database", "10", "--seed", "9", "--no-images")
    first = snapshot()
    seed("--per-database", "10", "--seed", "9", "--no-images", "--clear")

    assert snapshot() == first


@pytest.mark.django_db
def test_the_orm_writer_stores_the_same_as_copy(monkeypatch):
    """bulk_create is the path of SQLite; COPY the one of PostgreSQL. Both must agree."""

    def snapshot():
        return [
            (r.slug, r.title, r.summary_ru, r.description, r.status, r.image)
            for model in MODELS
            for r in model.objects.order_by("pk")
        ], Counter(
            (model.__name__, relation.name)
            for model in MODELS
            for relation in model._meta.many_to_many
            for _row in relation.remote_field.through.objects.all()
        )

    seed("--per-database", "6", "--seed", "10", "--no-images")
    first = snapshot()
    monkeypatch.setattr(seeding, "writer_class", lambda using: writers.OrmWriter)
    seed("--per-database", "6", "--seed", "10", "--no-images", "--clear")

    assert snapshot() == first


@pytest.mark.django_db
def test_images_are_small_landscapes_shared_by_records():
    seed("--per-database", "6", "--seed", "11")

    names = set(Technology.objects.exclude(image="").values_list("image", flat=True))
    assert names
    assert all(name.startswith("records/demo/") for name in names)
    for name in names:
        assert default_storage.exists(name)
        assert default_storage.size(name) < 60_000
        with default_storage.open(name) as file, Image.open(file) as image:
            assert image.size == (800, 500)
            assert image.format == "JPEG"
    assert not Talent.objects.exclude(image="").exists()


@pytest.mark.django_db
def test_missing_taxonomies_are_a_clear_error():
    CooperationType.objects.all().delete()

    with pytest.raises(CommandError, match="cooperation"):
        seed("--per-database", "3", "--no-images")


def test_batch_writers_run_every_task_and_report_failures():
    done = []
    batch_writers = writers.BatchWriters("default")
    try:
        for n in range(10):
            batch_writers.submit(lambda n=n: done.append(n))
        batch_writers.wait()
        assert sorted(done) == list(range(10))

        def fail():
            raise ValueError("broken batch")

        batch_writers.submit(fail)
        with pytest.raises(ValueError, match="broken batch"):
            batch_writers.wait()
    finally:
        batch_writers.close()


def test_amounts_read_naturally_in_every_language():
    amount = 1_250_000_000
    assert languages.fmt_money(amount, "BRL", languages.EN) == "BRL 1.2 billion"
    assert languages.fmt_money(amount, "BRL", languages.PT) == "BRL 1,2 bilhão"
    assert languages.fmt_money(amount, "CNY", languages.ZH) == "12.5亿元"
    assert languages.fmt_money(amount, "RUB", languages.RU) == "1,2 млрд RUB"
    assert languages.fmt_money(amount, "INR", languages.HI) == "1.2 अरब INR"
    assert languages.russian_years(21) == "21 год"
    assert languages.russian_years(12) == "12 лет"
    assert languages.russian_years(3) == "3 года"


@pytest.mark.django_db
def test_benchmark_prints_a_table_and_writes_nothing():
    seed("--per-database", "3", "--seed", "12", "--no-images")
    before = [model.objects.count() for model in MODELS]
    out = io.StringIO()

    call_command("bench_databases", "--repeat", "1", "--warmup", "0", stdout=out)

    output = out.getvalue()
    assert "median ms" in output
    assert "/en/technologies/?q=solar" in output
    assert "/en/search/?q=" in output
    assert [model.objects.count() for model in MODELS] == before


@pytest.mark.django_db
def test_seed_demo_takes_counts_per_database():
    seed("--no-images", "--counts", "enterprises=4,projects=2")
    assert (Enterprise.objects.count(), Project.objects.count(), Talent.objects.count()) == (
        4,
        2,
        0,
    )


def test_seed_demo_refuses_unknown_counts():
    with pytest.raises(CommandError):
        seed("--counts", "unicorns=5")
