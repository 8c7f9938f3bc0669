"""Stored files follow their rows: removed, deleted and rejected records' files leave storage
once the transaction commits, unless another row still holds the same name."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image

from databases import files
from databases.models import Project, RecordImage
from databases.transitions import transition
from tests.factories import (
    MembershipFactory,
    ProjectFactory,
    StaffFactory,
    TechnologyFactory,
)
from tests.utils import sign_in_staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Files of these tests only: other tests of the machine share the test MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the callbacks of what is done in the block as if its transaction committed."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def member():
    return MembershipFactory()


def png(name="plant.png"):
    out = io.BytesIO()
    Image.new("RGB", (80, 60), (30, 140, 80)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), "image/png")


def stored(name, content=b"file"):
    return default_storage.save(name, ContentFile(content))


def exists(*names):
    return [default_storage.exists(name) for name in names]


def names_of(record):
    images = RecordImage.objects.about(record)
    return {record.image.name, record.thumbnail.name} | {
        name for image in images for name in (image.image.name, image.thumbnail.name)
    }


# What a project's form needs to save a draft.
DRAFT = {"stage": "concept", "investment_currency": "USD", "save": ""}


def new_project(client, member, images, commit):
    client.force_login(member.user)
    with commit():
        client.post(
            "/en/member/projects/new/",
            {
                "title": "Floating solar plant",
                "images": images,
                "attachment": SimpleUploadedFile("study.pdf", b"%PDF-1.4 x", "application/pdf"),
                **DRAFT,
            },
        )
    return Project.objects.get(draft_of=None)


def edit(client, record, commit, **data):
    with commit():
        response = client.post(
            f"/en/member/projects/{record.pk}/edit/",
            {"title": record.title, **DRAFT, **data},
        )
    assert response.status_code == 302


def reviewer():
    return StaffFactory(role="Reviewer")


def test_a_removed_gallery_image_leaves_storage(client, member, commit):
    project = new_project(client, member, [png("a.png"), png("b.png")], commit)
    first, second = RecordImage.objects.about(project)
    edit(client, project, commit, remove_images=[str(first.pk)])
    assert exists(first.image.name, first.thumbnail.name) == [False, False]
    assert exists(second.image.name, second.thumbnail.name) == [True, True]
    project.refresh_from_db()
    assert project.image.name == second.image.name


def test_a_replaced_attachment_leaves_storage(client, member, commit):
    project = new_project(client, member, [], commit)
    old = project.attachment.name
    pdf = SimpleUploadedFile("new.pdf", b"%PDF-1.7 y", "application/pdf")
    edit(client, project, commit, attachment=pdf)
    project.refresh_from_db()
    assert exists(old, project.attachment.name) == [False, True]


def test_deleting_a_draft_deletes_its_files(client, member, commit):
    project = new_project(client, member, [png("a.png")], commit)
    names = names_of(project) | {project.attachment.name}
    assert all(exists(*names))
    with commit():
        project.delete()
    assert not any(exists(*names))
    assert not RecordImage.objects.exists()


def test_records_deleted_in_bulk_have_their_files_checked_at_once(commit, monkeypatch):
    projects = [
        ProjectFactory(image=stored(f"records/project/p{n}.webp"), status="draft") for n in range(3)
    ]
    names = [project.image.name for project in projects]
    checks = []
    referenced = files.referenced
    monkeypatch.setattr(files, "referenced", lambda names: checks.append(1) or referenced(names))
    with commit():
        Project.objects.filter(pk__in=[p.pk for p in projects]).delete()  # as the admin does
    assert not any(exists(*names))
    assert len(checks) == 1


def test_a_file_still_held_by_another_row_is_kept(commit):
    # The demo records share their images.
    shared = stored("records/demo/landscape-01.jpg")
    first = ProjectFactory(image=shared)
    second = TechnologyFactory(image=shared)
    with commit():
        first.delete()
    assert exists(shared) == [True]
    with commit():
        second.delete()
    assert exists(shared) == [False]


def test_nothing_leaves_storage_when_the_transaction_rolls_back(commit):
    project = ProjectFactory(image=stored("records/project/kept.webp"))
    with commit(), pytest.raises(RuntimeError), transaction.atomic():
        Project.objects.get(pk=project.pk).delete()
        raise RuntimeError
    with commit():
        ProjectFactory().delete()  # the next commit checks the name again, and keeps it
    assert exists("records/project/kept.webp") == [True]
    assert Project.objects.filter(pk=project.pk).exists()


def test_publishing_a_change_that_removed_an_image_deletes_only_that_file(client, member, commit):
    project = new_project(client, member, [png("a.png"), png("b.png")], commit)
    with commit():
        for action in ("submit", "publish"):
            project = transition(project, action, member.user if action == "submit" else reviewer())
    first, second = RecordImage.objects.about(project)
    attachment = project.attachment.name
    edit(client, project, commit, remove_images=[str(first.pk)])
    change = Project.objects.get(draft_of=project)
    # The public version still shows both until the change is published.
    assert all(exists(first.image.name, first.thumbnail.name))
    with commit():
        transition(change, "submit", member.user)
        project = transition(change, "publish", reviewer())
    assert exists(first.image.name, first.thumbnail.name) == [False, False]
    assert all(exists(second.image.name, second.thumbnail.name, attachment))
    assert names_of(project) == {second.image.name, second.thumbnail.name}


def test_rejecting_a_proposed_change_deletes_nothing_the_original_uses(client, member, commit):
    project = new_project(client, member, [png("a.png")], commit)
    with commit():
        transition(project, "submit", member.user)
        project = transition(project, "publish", reviewer())
    original = names_of(project) | {project.attachment.name}
    edit(client, project, commit, images=[png("new.png")])
    change = Project.objects.get(draft_of=project)
    added = names_of(change) - original
    assert len(added) == 2 and all(exists(*added))
    with commit():
        transition(change, "submit", member.user)
        change = transition(change, "reject", reviewer(), "Not this one.")
    assert all(exists(*original))
    assert not any(exists(*added))
    assert change.status == "rejected" and not change.image and not change.attachment
    assert not RecordImage.objects.about(change).exists()
    project.refresh_from_db()
    assert names_of(project) | {project.attachment.name} == original


def test_rejecting_a_submission_deletes_its_files(client, member, commit):
    project = new_project(client, member, [png("a.png")], commit)
    names = names_of(project) | {project.attachment.name}
    with commit():
        transition(project, "submit", member.user)
        transition(project, "reject", reviewer(), "Out of scope.")
    assert not any(exists(*names))
    project.refresh_from_db()
    assert (project.image.name, project.thumbnail.name, project.attachment.name) == ("", "", "")


def test_deleting_a_published_record_deletes_its_proposed_change_and_their_files(
    client, member, commit
):
    project = new_project(client, member, [png("a.png")], commit)
    with commit():
        transition(project, "submit", member.user)
        project = transition(project, "publish", reviewer())
    edit(client, project, commit, images=[png("new.png")])
    names = names_of(project) | names_of(Project.objects.get(draft_of=project))
    with commit():
        project.delete()
    assert not Project.objects.exists()
    assert not any(exists(*names))


def test_a_file_that_cannot_be_deleted_is_logged_and_the_others_go(monkeypatch, caplog):
    names = [stored("records/project/a.webp"), stored("records/project/b.webp")]
    delete = default_storage.delete

    def flaky(name):
        if name == names[0]:
            raise OSError("storage unavailable")
        delete(name)

    monkeypatch.setattr(default_storage, "delete", flaky)
    files.delete_unreferenced(names)
    assert exists(*names) == [True, False]
    assert "Could not delete the unreferenced file records/project/a.webp" in caplog.text


def test_a_record_deleted_in_the_admin_takes_its_files_along(client, commit):
    shared = stored("records/demo/landscape-03.jpg")
    project = ProjectFactory(image=stored("records/project/own.webp"), status="archived")
    RecordImage.objects.create(record=project, image=shared)
    ProjectFactory(image=shared)  # another demo record keeps the shared image
    sign_in_staff(client, StaffFactory(role="Administrator"))
    with commit():
        response = client.post(f"/admin/databases/project/{project.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert exists("records/project/own.webp", shared) == [False, True]
