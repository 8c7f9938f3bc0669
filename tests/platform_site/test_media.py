"""Uploaded files go through the media view: public ones to everyone, unpublished records' ones
to their enterprise's members and the staff who may view them, nothing else to anybody."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings

from databases.models import RecordImage
from platform_site import media
from platform_site.storage import PrivateS3Storage
from tests.factories import (
    EnterpriseFactory,
    MembershipFactory,
    PolicyDocumentFactory,
    ProjectFactory,
    ServiceInstitutionFactory,
    UserFactory,
)
from tests.utils import text

pytestmark = pytest.mark.django_db

UNPUBLISHED = ["draft", "pending", "review", "changes", "rejected", "archived"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def member():
    return MembershipFactory()


def stored(name, content=b"\x89PNG image bytes"):
    return default_storage.save(name, ContentFile(content))


def get(client, name):
    return client.get(f"/media/{name}")


def body(response):
    return b"".join(response.streaming_content)


def project_with_files(**kwargs):
    return ProjectFactory(
        image=stored("records/project/full.webp"),
        thumbnail=stored("records/project/card.webp"),
        attachment=stored("attachments/project/study.pdf", b"%PDF-1.7 study"),
        **kwargs,
    )


def gallery_image(record, name="records/recordimage/second.webp"):
    return RecordImage.objects.create(record=record, image=stored(name), position=1)


def test_a_published_records_files_are_public(client):
    project = project_with_files(status="published")
    image = gallery_image(project)
    for name in (project.image.name, project.thumbnail.name, image.image.name):
        response = get(client, name)
        assert response.status_code == 200
        assert response["Cache-Control"] == "public, max-age=3600"
        assert response["Content-Type"] == "image/webp"
    assert body(get(client, project.image.name)) == b"\x89PNG image bytes"


def test_the_pages_link_images_to_the_media_view(client):
    project = project_with_files(status="published")
    assert project.image.url == f"/media/{project.image.name}"
    assert f'src="{project.image.url}"' in text(client.get(project.get_absolute_url()))


def test_a_pdf_is_downloaded_not_shown(client):
    project = project_with_files(status="published")
    response = get(client, project.attachment.name)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="study.pdf"'


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_an_unpublished_records_files_are_hidden_from_strangers(client, status):
    project = project_with_files(status=status)
    image = gallery_image(project)
    names = [project.image.name, project.thumbnail.name, project.attachment.name, image.image.name]
    assert [get(client, name).status_code for name in names] == [404] * 4
    client.force_login(UserFactory())
    assert [get(client, name).status_code for name in names] == [404] * 4
    # A member of another enterprise is a stranger too.
    client.force_login(MembershipFactory().user)
    assert [get(client, name).status_code for name in names] == [404] * 4


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_the_enterprises_members_see_their_unpublished_records_files(client, member, status):
    project = project_with_files(status=status, enterprise=member.enterprise)
    image = gallery_image(project)
    client.force_login(member.user)
    for name in (project.image.name, project.attachment.name, image.image.name):
        response = get(client, name)
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"


def test_a_working_copys_own_images_are_private_and_the_shared_ones_public(client, member):
    original = project_with_files(status="published", enterprise=member.enterprise)
    copy = ProjectFactory(
        status="draft", draft_of=original, enterprise=member.enterprise, image=original.image.name
    )
    new = gallery_image(copy, "records/recordimage/new.webp")
    assert get(client, copy.image.name)["Cache-Control"] == "public, max-age=3600"
    assert get(client, new.image.name).status_code == 404
    client.force_login(member.user)
    assert get(client, new.image.name)["Cache-Control"] == "private, no-store"


def test_staff_who_may_view_the_records_see_unpublished_files(client):
    project = project_with_files(status="pending")
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert get(client, project.image.name).status_code == 404
    staff.user_permissions.add(Permission.objects.get(codename="view_project"))
    response = get(client, project.image.name)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_record_without_members_is_seen_by_staff_only(client):
    institution = ServiceInstitutionFactory(status="draft", image=stored("records/i/a.webp"))
    client.force_login(MembershipFactory().user)
    assert get(client, institution.image.name).status_code == 404
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert get(client, institution.image.name).status_code == 200


def test_an_enterprises_unpublished_profile_images_are_for_its_administrators(client, member):
    enterprise = EnterpriseFactory(status="pending", image=stored("records/e/logo.webp"))
    MembershipFactory(enterprise=enterprise, user=member.user)
    client.force_login(member.user)
    assert get(client, enterprise.image.name).status_code == 200


def test_policy_documents_are_public_once_published(client):
    published = PolicyDocumentFactory(file=stored("policies/plan.pdf", b"%PDF-1.7"))
    draft = PolicyDocumentFactory(published=False, file=stored("policies/draft.pdf", b"%PDF-1.7"))
    response = get(client, published.file.name)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    assert response["Cache-Control"] == "public, max-age=3600"
    assert get(client, draft.file.name).status_code == 404


def test_a_public_file_stays_public_for_a_signed_in_member(client, member):
    project = project_with_files(status="published")
    client.force_login(member.user)
    assert get(client, project.image.name)["Cache-Control"] == "public, max-age=3600"


@pytest.mark.parametrize(
    "name",
    [
        "records/project/unknown.webp",
        "records/demo/landscape-01.jpg",  # in storage, but no row holds it
        "../settings.py",
        "records/../../etc/passwd",
        "/etc/passwd",
        "records//project/full.webp",
        "records/project/full.webp/",
        "records\\project\\full.webp",
        "a" * 300,
    ],
)
def test_anything_else_is_a_404(client, name):
    project_with_files(status="published")
    stored("records/demo/landscape-01.jpg")
    assert get(client, name).status_code == 404


def test_a_row_holding_a_name_outside_media_root_serves_nothing(client):
    ProjectFactory(status="published", image="../outside.webp")
    assert get(client, "../outside.webp").status_code == 404
    assert media.access(UserFactory.build(), "../outside.webp") is None


def test_a_file_missing_from_storage_is_a_404(client):
    project = ProjectFactory(status="published", image="records/project/gone.webp")
    assert get(client, project.image.name).status_code == 404


def test_only_reading_is_allowed(client):
    project = project_with_files(status="published")
    assert client.head(f"/media/{project.image.name}").status_code == 200
    assert client.post(f"/media/{project.image.name}").status_code == 405


def test_a_media_request_makes_the_same_queries_however_many_rows_share_the_file(
    client, member, django_assert_num_queries
):
    shared = stored("records/demo/landscape-02.jpg")
    for status in ("published", "draft", "draft"):
        ProjectFactory(status=status, image=shared, enterprise=member.enterprise)
    drafts_only = stored("records/project/draft.webp")
    for _ in range(3):
        ProjectFactory(status="draft", image=drafts_only, enterprise=member.enterprise)
    # One query, anonymous or not: which rows hold the name, and what they allow.
    with django_assert_num_queries(1):
        assert get(client, shared).status_code == 200
    client.force_login(member.user)
    # The user (the session is read from the cache), then the same one query.
    with django_assert_num_queries(2):
        assert get(client, drafts_only).status_code == 200
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_project"))
    client.force_login(staff)
    # The permissions of the user and of their groups, on top.
    with django_assert_num_queries(4):
        assert get(client, drafts_only).status_code == 200


@override_settings(MEDIA_ACCEL_REDIRECT="/_protected_media/")
def test_behind_nginx_the_view_only_checks_and_nginx_sends(client):
    project = project_with_files(status="published")
    response = get(client, project.attachment.name)
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/_protected_media/{project.attachment.name}"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="study.pdf"'
    assert response["Cache-Control"] == "public, max-age=3600"
    assert get(client, "records/project/unknown.webp").status_code == 404


S3 = {
    "BACKEND": "platform_site.storage.PrivateS3Storage",
    "OPTIONS": {
        "bucket_name": "media",
        "region_name": "eu-west-1",
        "access_key": "AKIAEXAMPLE",
        "secret_key": "example-secret",
        "querystring_auth": True,
        "querystring_expire": 300,
        "signature_version": "s3v4",
    },
}


def test_a_private_bucket_is_linked_through_the_media_view(settings):
    # Signing a link is computed locally: no request reaches S3.
    storage = PrivateS3Storage(**S3["OPTIONS"])
    assert storage.url("records/project/a.webp") == "/media/records/project/a.webp"
    signed = storage.signed_url("attachments/project/study.pdf", as_attachment=True)
    assert signed.startswith("https://media.s3.amazonaws.com/attachments/project/study.pdf?")
    assert "X-Amz-Expires=300" in signed and "X-Amz-Signature=" in signed
    assert "response-content-disposition=attachment" in signed


def test_with_a_private_bucket_the_view_checks_then_redirects_to_a_signed_link(
    client, settings, member
):
    project = ProjectFactory(status="published", image="records/project/a.webp")
    draft = ProjectFactory(
        status="draft", image="records/project/b.webp", enterprise=member.enterprise
    )
    settings.STORAGES = {**settings.STORAGES, "default": S3}
    response = get(client, project.image.name)
    assert response.status_code == 302
    assert response["Location"].startswith("https://media.s3.amazonaws.com/records/project/a.webp?")
    assert response["Cache-Control"] == "public, max-age=150"
    assert get(client, draft.image.name).status_code == 404
    client.force_login(member.user)
    response = get(client, draft.image.name)
    assert response.status_code == 302 and response["Cache-Control"] == "private, no-store"
