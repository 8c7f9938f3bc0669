"""Media storage that refuses a member's files: a form error that keeps what was typed, nothing
half-saved (rows rolled back, files already written removed), the path in the log
(databases/submissions.py, databases/files.py)."""

import errno
import io
import logging

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from databases.models import Project, RecordImage, Technology
from tests.factories import (
    CountryFactory,
    MembershipFactory,
    ProjectFactory,
    SectorFactory,
    TechnologyFactory,
)
from tests.utils import text

pytestmark = pytest.mark.django_db

REFUSED = "Your files could not be stored just now, so nothing was saved."
TECHNOLOGY = {"title": "Heliostat field controller", "trl": 6, "ip_status": "patent_granted"}


def png(name="plant.png"):
    out = io.BytesIO()
    Image.new("RGB", (80, 60), (30, 140, 80)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), "image/png")


def pdf():
    return SimpleUploadedFile("brochure.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.fixture
def member(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    return membership


@pytest.fixture
def project_data():
    return {
        "title": "Floating solar plant",
        "summary": "A 20 MW floating solar plant on a reservoir.",
        "country": CountryFactory(iso2="BR", name="Brazil").pk,
        "sectors": [SectorFactory(code="solar-energy").pk],
        "stage": "financing",
        "investment_currency": "USD",
    }


@pytest.fixture
def unwritable_media(settings, tmp_path):
    """MEDIA_ROOT where no directory can be made (under a file): refused even to root."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker / "media"


@pytest.fixture
def media_failing_at(settings, tmp_path, monkeypatch):
    """A writable MEDIA_ROOT whose disk fills up at the given write (1 = the first file)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    save = FileSystemStorage._save
    writes = []

    def fail_at(number):
        def limited(storage, name, content):
            writes.append(name)
            if len(writes) == number:
                raise OSError(errno.ENOSPC, "No space left on device", storage.path(name))
            return save(storage, name, content)

        monkeypatch.setattr(FileSystemStorage, "_save", limited)
        return settings.MEDIA_ROOT

    return fail_at


def test_unwritable_storage_is_a_form_error_that_keeps_what_was_typed(
    client, member, project_data, unwritable_media, caplog
):
    caplog.set_level(logging.ERROR, logger="databases.files")
    response = client.post(
        f"/en/member/projects/new/?enterprise={member.enterprise.pk}",
        {**project_data, "images": png()},
    )
    assert response.status_code == 200
    assert REFUSED in text(response)
    assert 'value="Floating solar plant"' in text(response)
    assert "A 20 MW floating solar plant on a reservoir." in text(response)
    assert not Project.objects.exists()
    assert not RecordImage.objects.exists()
    # Logged with the path the storage refused.
    record = next(r for r in caplog.records if r.name == "databases.files")
    assert "records/recordimage/" in record.getMessage()
    assert "not-a-directory" in str(record.exc_info[1].__cause__ or record.exc_info[1])


def test_files_written_before_the_refusal_are_removed(
    client, member, project_data, media_failing_at
):
    """Two images: the first one's two renditions are written, the second's full one fails."""
    root = media_failing_at(3)
    response = client.post(
        f"/en/member/projects/new/?enterprise={member.enterprise.pk}",
        {**project_data, "images": [png("one.png"), png("two.png")]},
    )
    assert response.status_code == 200
    assert REFUSED in text(response)
    assert not Project.objects.exists()
    assert not RecordImage.objects.exists()
    assert stored_files(root) == []


def test_a_pdf_that_cannot_be_stored_saves_nothing(client, member, media_failing_at):
    root = media_failing_at(1)
    response = client.post(
        f"/en/member/technologies/new/?enterprise={member.enterprise.pk}",
        {**TECHNOLOGY, "attachment": pdf()},
    )
    assert response.status_code == 200
    assert REFUSED in text(response)
    assert 'value="Heliostat field controller"' in text(response)
    assert not Technology.objects.exists()
    assert stored_files(root) == []


def test_an_edit_of_a_published_record_leaves_it_as_it_was(
    client, member, project_data, media_failing_at, django_capture_on_commit_callbacks
):
    project = ProjectFactory(
        enterprise=member.enterprise,
        owner=member.user,
        status="published",
        title="Floating solar plant",
    )
    root = media_failing_at(1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/member/projects/{project.pk}/edit/",
            {**project_data, "title": "Floating solar plant, phase 2", "images": png()},
        )
    assert response.status_code == 200
    assert REFUSED in text(response)
    assert 'value="Floating solar plant, phase 2"' in text(response)
    # No working copy was left behind, and the published record is unchanged.
    assert list(Project.objects.values_list("title", flat=True)) == ["Floating solar plant"]
    assert stored_files(root) == []


def test_the_form_saves_once_the_storage_takes_files_again(
    client, member, project_data, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    response = client.post(
        f"/en/member/projects/new/?enterprise={member.enterprise.pk}",
        {**project_data, "images": png()},
    )
    assert response.status_code == 302
    project = Project.objects.get()
    assert project.gallery.count() == 1
    assert len(stored_files(tmp_path / "media")) == 2  # the full image and the card


def test_technology_attachment_is_kept_when_stored(client, member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    TechnologyFactory()  # another enterprise's record, untouched
    response = client.post(
        f"/en/member/technologies/new/?enterprise={member.enterprise.pk}",
        {**TECHNOLOGY, "attachment": pdf()},
    )
    assert response.status_code == 302
    technology = Technology.objects.get(title="Heliostat field controller")
    assert technology.attachment.name.startswith("attachments/technology/")
    assert stored_files(tmp_path / "media") == [technology.attachment.name]
