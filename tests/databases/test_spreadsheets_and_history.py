"""Spreadsheet import and export of the databases and taxonomies, and the records' history."""

import re

import pytest
import reversion
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from reversion.models import Version

from databases.models import Project, Sector
from databases.resources import RESOURCES
from databases.transitions import transition
from databases.working_copies import working_copy
from tests.factories import MembershipFactory, ProjectFactory, SectorFactory, StaffFactory, brazil
from tests.utils import form_data, sign_in_staff, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def sectors():
    return [
        SectorFactory(code="solar-energy", name="Solar energy"),
        SectorFactory(code="wind-energy", name="Wind energy"),
    ]


def test_records_are_exported_with_natural_keys(sectors):
    ProjectFactory(title="Floating solar plant", country=brazil(), sectors=sectors)
    dataset = RESOURCES[Project]().export()
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert row["title_en"] == "Floating solar plant"
    assert row["country"] == "BR"
    assert set(row["sectors"].split("|")) == {"solar-energy", "wind-energy"}
    assert "search_vector" not in dataset.headers


def test_proposed_changes_are_not_exported():
    member = MembershipFactory()
    project = ProjectFactory(enterprise=member.enterprise, title="Original")
    working_copy(project, member.user)
    dataset = RESOURCES[Project]().export()
    assert len(dataset) == 1


def test_an_exported_sheet_imports_back_with_changes(sectors):
    project = ProjectFactory(title="Floating solar plant", country=brazil(), sectors=sectors[:1])
    exported = RESOURCES[Project]().export()
    assert "title" not in exported.headers and "title_zh_hans" in exported.headers
    row = exported.dict[0]
    row["title_en"] = "Floating solar plant, phase 2"
    dataset = tablib.Dataset(headers=exported.headers)
    dataset.append([row[header] for header in exported.headers])
    result = RESOURCES[Project]().import_data(dataset, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    project.refresh_from_db()
    assert project.title_en == "Floating solar plant, phase 2"
    assert list(project.sectors.values_list("code", flat=True)) == ["solar-energy"]


def test_an_imported_slug_naming_the_feed_is_refused_and_nothing_is_saved(sectors):
    """/<database>/feed/ is the database's feed: a record's page cannot take its address,
    whether staff type the slug in the admin or a sheet brings it."""
    project = ProjectFactory(title="Floating solar plant", sectors=sectors[:1])
    exported = RESOURCES[Project]().export()
    row = exported.dict[0]
    row["slug"] = "feed"
    dataset = tablib.Dataset(headers=exported.headers)
    dataset.append([row[header] for header in exported.headers])

    result = RESOURCES[Project]().import_data(dataset, dry_run=False, raise_errors=False)

    assert result.has_validation_errors()
    project.refresh_from_db()
    assert project.slug != "feed"


def test_an_import_with_one_bad_row_saves_nothing():
    dataset = tablib.Dataset(headers=["code", "name_en", "ordering"])
    dataset.append(["hydro-power", "Hydropower", "10"])
    dataset.append(["", "Nameless", "not a number"])
    result = RESOURCES[Sector]().import_data(dataset, dry_run=False, raise_errors=False)
    assert result.has_validation_errors() or result.has_errors()
    assert not Sector.objects.filter(code="hydro-power").exists()


def upload(content, name="sectors.csv"):
    return SimpleUploadedFile(name, content.encode(), "text/csv")


def test_the_admin_previews_row_errors_before_saving(admin_client):
    response = admin_client.post(
        "/admin/databases/sector/import/",
        {
            "import_file": upload("code,name_en,ordering\nhydro-power,Hydropower,10\n,,x\n"),
            "format": "0",
            "resource": "0",
        },
    )
    assert response.status_code == 200
    content = text(response)
    assert "Line number: 2" in content or "errors" in content.lower()
    assert "process_import" not in content
    assert not Sector.objects.filter(code="hydro-power").exists()


def test_the_admin_imports_a_valid_sheet_after_its_preview(admin_client):
    preview = admin_client.post(
        "/admin/databases/sector/import/",
        {
            "import_file": upload("code,name_en,ordering\nhydro-power,Hydropower,10\n"),
            "format": "0",
            "resource": "0",
        },
    )
    content = text(preview)
    assert "Hydropower" in content
    assert not Sector.objects.filter(code="hydro-power").exists()
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', content))
    confirm = admin_client.post(
        "/admin/databases/sector/process_import/",
        {
            key: fields[key]
            for key in ("import_file_name", "original_file_name", "format", "resource")
        },
    )
    assert confirm.status_code == 302
    assert Sector.objects.get(code="hydro-power").name_en == "Hydropower"


def test_a_reviewer_cannot_import(client):
    sign_in_staff(client, StaffFactory(role="Reviewer"))
    assert client.get("/admin/databases/project/import/").status_code == 403


def test_every_change_is_kept_and_can_be_reverted(admin_client):
    member = MembershipFactory()
    project = ProjectFactory(enterprise=member.enterprise, title="First title", status="draft")
    transition(project, "submit", member.user)
    project.refresh_from_db()
    with reversion.create_revision():
        project.title = "Second title"
        project.save()
    versions = Version.objects.get_for_object(project)
    assert versions.count() == 2
    history = admin_client.get(f"/admin/databases/project/{project.pk}/history/")
    assert history.status_code == 200
    oldest = versions.last()
    revert = admin_client.post(
        f"/admin/databases/project/{project.pk}/history/{oldest.pk}/",
        {**_change_form_data(admin_client, project, oldest.pk)},
    )
    assert revert.status_code == 302
    project.refresh_from_db()
    assert project.title == "First title"


def _change_form_data(client, project, version_pk):
    """The fields of reversion's revert form, as the browser would post them."""
    return form_data(client, f"/admin/databases/project/{project.pk}/history/{version_pk}/")
