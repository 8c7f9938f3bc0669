"""The back office: every registered model's pages open, the bulk actions, search, access."""

import pytest
from django.apps import apps
from django.urls import reverse

from databases.models import PublicationStatus, Technology
from tests.factories import (
    TAXONOMY_FACTORIES,
    EnterpriseFactory,
    ProjectFactory,
    ServiceInstitutionFactory,
    SuperUserFactory,
    TalentFactory,
    TechnologyFactory,
    UserFactory,
    china,
)
from tests.utils import sign_in_staff

pytestmark = pytest.mark.django_db

MODEL_FACTORIES = {
    **TAXONOMY_FACTORIES,
    "technology": TechnologyFactory,
    "project": ProjectFactory,
    "talent": TalentFactory,
    "enterprise": EnterpriseFactory,
    "serviceinstitution": ServiceInstitutionFactory,
}
RECORD_MODELS = ["technology", "project", "talent", "enterprise", "serviceinstitution"]


@pytest.fixture
def admin(client):
    sign_in_staff(client, SuperUserFactory())
    return client


@pytest.mark.parametrize("model", list(MODEL_FACTORIES))
def test_changelist_add_and_change_pages_open(admin, model):
    obj = MODEL_FACTORIES[model]()

    changelist = admin.get(reverse(f"admin:databases_{model}_changelist"))
    add = admin.get(reverse(f"admin:databases_{model}_add"))
    change = admin.get(reverse(f"admin:databases_{model}_change", args=[obj.pk]))

    assert changelist.status_code == 200
    assert str(obj) in changelist.content.decode()
    assert add.status_code == 200
    assert change.status_code == 200
    assert change.context["original"] == obj


@pytest.mark.parametrize("model", RECORD_MODELS)
def test_changelist_filters_open(admin, model):
    MODEL_FACTORIES[model](country=china())
    url = reverse(f"admin:databases_{model}_changelist")
    for query in ({"status__exact": "published"}, {"country__brics_status": "member"}):
        assert admin.get(url, query).status_code == 200


def test_admin_index_lists_the_databases(admin):
    response = admin.get(reverse("admin:index"))
    assert response.status_code == 200
    for name in ["Technologies", "Projects", "Talents", "Enterprises", "Service institutions"]:
        assert name in response.content.decode()


@pytest.mark.parametrize("model", RECORD_MODELS)
def test_publish_action_publishes_the_selected_records(admin, model):
    factory = MODEL_FACTORIES[model]
    chosen = [factory(status="pending"), factory(status="draft")]
    untouched = factory(status="pending")

    response = admin.post(
        reverse(f"admin:databases_{model}_changelist"),
        {"action": "publish", "_selected_action": [record.pk for record in chosen]},
        follow=True,
    )

    assert response.status_code == 200
    plural = apps.get_model("databases", model)._meta.verbose_name_plural
    assert f"“Publish” applied to 2 {plural}." in response.content.decode()
    for record in chosen:
        record.refresh_from_db()
        assert record.status == PublicationStatus.PUBLISHED
        assert record.published_at is not None and record.verified_at is not None
    untouched.refresh_from_db()
    assert untouched.status == PublicationStatus.PENDING


@pytest.mark.parametrize("model", RECORD_MODELS)
def test_archive_action_archives_the_selected_records(admin, model):
    factory = MODEL_FACTORIES[model]
    chosen = factory(status="published")
    kept = factory(status="published")

    response = admin.post(
        reverse(f"admin:databases_{model}_changelist"),
        {"action": "archive", "_selected_action": [chosen.pk]},
        follow=True,
    )

    singular = apps.get_model("databases", model)._meta.verbose_name
    assert f"“Archive” applied to 1 {singular}." in response.content.decode()
    chosen.refresh_from_db()
    kept.refresh_from_db()
    assert chosen.status == PublicationStatus.ARCHIVED
    assert kept.status == PublicationStatus.PUBLISHED


def test_publish_action_skips_records_already_published(admin):
    published = TechnologyFactory(status="published")
    first_date = published.published_at
    response = admin.post(
        reverse("admin:databases_technology_changelist"),
        {"action": "publish", "_selected_action": [published.pk]},
        follow=True,
    )
    content = response.content.decode()
    assert "“Publish” applied to 0 technologies." in content
    assert "1 technology was left as it was: its state does not allow it." in content
    published.refresh_from_db()
    assert published.published_at == first_date


def test_published_record_appears_on_the_public_site(admin):
    record = TechnologyFactory(title="Freshly reviewed", status="pending")
    admin.post(
        reverse("admin:databases_technology_changelist"),
        {"action": "publish", "_selected_action": [record.pk]},
    )
    assert admin.get(record.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("model", RECORD_MODELS)
def test_changelist_search(admin, model):
    factory = MODEL_FACTORIES[model]
    factory(title="Geothermal heat pump")
    factory(title="Tidal turbine")

    response = admin.get(reverse(f"admin:databases_{model}_changelist"), {"q": "geothermal"})

    assert response.status_code == 200
    assert [str(obj) for obj in response.context["cl"].result_list] == ["Geothermal heat pump"]


def test_changelist_search_finds_a_translated_title(admin):
    TechnologyFactory(title="Heat pump", title_zh_hans="热泵")
    TechnologyFactory(title="Solar dryer")
    response = admin.get(reverse("admin:databases_technology_changelist"), {"q": "热泵"})
    assert [obj.title_en for obj in response.context["cl"].result_list] == ["Heat pump"]


def test_changelist_search_of_taxonomies(admin):
    china()
    response = admin.get(reverse("admin:databases_country_changelist"), {"q": "CN"})
    assert "CN" in [obj.iso2 for obj in response.context["cl"].result_list]


def test_add_page_creates_a_draft_technology_whatever_the_status_posted(admin):
    response = admin.post(
        reverse("admin:databases_technology_add"),
        {
            "title_en": "Admin-made technology",
            "slug": "",
            "trl": "4",
            "ip_status": "open",
            "status": "published",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    record = Technology.objects.get(title_en="Admin-made technology")
    assert record.slug == "admin-made-technology"
    # Publishing is the review's: the add form only drafts.
    assert (record.status, record.published_at) == ("draft", None)


@pytest.mark.parametrize("url", ["/admin/", "/admin/databases/technology/"])
def test_non_staff_user_is_redirected_to_login(client, url):
    client.force_login(UserFactory())
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


def test_anonymous_visitor_is_redirected_to_login(client):
    response = client.get("/admin/databases/project/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/databases/project/"


def test_the_actions_name_what_they_apply_to(admin):
    TechnologyFactory(status="pending")
    content = admin.get(reverse("admin:databases_technology_changelist")).content.decode()
    assert "Publish selected technologies" in content
    assert "Archive selected technologies" in content
    assert "records" not in content.lower().replace("records/", "")
