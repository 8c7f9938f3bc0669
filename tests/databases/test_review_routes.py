"""The review is the only way to publish or verify, whatever route a change takes: the review
page, the admin's bulk actions, the change form, spreadsheet imports, history reverts and the
recovery of deleted records; each tried as a Secretariat editor (no review permission) and as a
reviewer (the Administrator role, which may also import and revert)."""

import re

import pytest
import reversion
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from reversion.models import Version

from databases import workflow
from databases.models import Enterprise, Project, ReviewNote, Technology
from databases.resources import RESOURCES
from databases.transitions import transition
from databases.working_copies import working_copy
from platform_site.models import OutgoingEmail
from tests.factories import (
    EnterpriseFactory,
    MembershipFactory,
    ProjectFactory,
    ServiceInstitutionFactory,
    StaffFactory,
)
from tests.utils import form_data, sign_in_staff, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    sign_in_staff(client, StaffFactory(role="Secretariat editor"))
    return client


@pytest.fixture
def administrator(client):
    sign_in_staff(client, StaffFactory(role="Administrator"))
    return client


@pytest.fixture
def reviewer(client):
    sign_in_staff(client, StaffFactory(role="Reviewer"))
    return client


def members_project(**kwargs):
    member = MembershipFactory()
    return ProjectFactory(enterprise=member.enterprise, owner=member.user, **kwargs)


def emails_about(record):
    return OutgoingEmail.objects.filter(subject__contains=record.title)


# The table ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "member_actions", "reviewer_actions"),
    [
        ("draft", ["edit", "submit"], ["publish", "archive"]),
        ("pending", [], ["start_review", "publish", "request_changes", "reject"]),
        ("review", [], ["publish", "request_changes", "reject"]),
        ("changes", ["edit", "submit"], ["archive"]),
        ("published", ["edit"], ["archive"]),
        ("rejected", ["edit", "submit"], ["archive"]),
        ("archived", [], ["publish"]),
    ],
)
def test_each_state_allows_the_actions_of_the_table(status, member_actions, reviewer_actions):
    project = ProjectFactory.build(status=status)
    names = [a.name for a in workflow.allowed_actions(project, workflow.MEMBER)]
    assert names == member_actions
    names = [a.name for a in workflow.allowed_actions(project, workflow.REVIEWER)]
    assert names == reviewer_actions


def test_a_proposed_change_allows_only_the_review_decisions():
    original = ProjectFactory(status="published")
    draft = ProjectFactory.build(status="draft", draft_of=original)
    pending = ProjectFactory.build(status="pending", draft_of=original)
    assert workflow.allowed_actions(draft, workflow.REVIEWER) == []
    names = [a.name for a in workflow.allowed_actions(pending, workflow.REVIEWER)]
    assert names == ["start_review", "publish", "request_changes", "reject"]


def test_an_unverified_enterprise_may_be_verified_in_any_state():
    enterprise = EnterpriseFactory.build(status="pending", verified=False)
    assert "verify" in [a.name for a in workflow.allowed_actions(enterprise, workflow.REVIEWER)]
    enterprise.verified = True
    assert "verify" not in [a.name for a in workflow.allowed_actions(enterprise, "reviewer")]


def test_the_transition_refuses_a_user_without_the_review_permission():
    project = members_project(status="pending")
    with pytest.raises(PermissionDenied):
        transition(project, "publish", StaffFactory(role="Secretariat editor"))
    assert Project.objects.get().status == "pending"


# The member area ------------------------------------------------------------------------------


def test_the_member_page_offers_the_actions_of_the_records_state(client):
    project = members_project(status="draft")
    member = project.enterprise.memberships.get().user
    client.force_login(member)
    content = text(client.get(f"/en/member/projects/{project.pk}/"))
    assert "Submit for review" in content and f"/projects/{project.pk}/edit/" in content
    Project.objects.filter(pk=project.pk).update(status="pending")
    content = text(client.get(f"/en/member/projects/{project.pk}/"))
    assert "Submit for review" not in content and f"/projects/{project.pk}/edit/" not in content


# The review page ------------------------------------------------------------------------------


def test_an_editor_cannot_open_the_review_page(editor):
    project = members_project(status="pending")
    url = reverse("admin:databases_project_review", args=[project.pk])
    assert editor.get(url).status_code == 403
    assert editor.post(url, {"action": "publish"}).status_code == 403
    assert Project.objects.get().status == "pending"


def test_the_review_page_archives_a_published_record(reviewer):
    project = members_project(status="published")
    url = reverse("admin:databases_project_review", args=[project.pk])
    page = text(reviewer.get(url))
    assert 'value="archive"' in page and 'value="publish"' not in page
    response = reviewer.post(url, {"action": "archive"})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:databases_project_change", args=[project.pk])
    assert Project.objects.get().status == "archived"
    assert ReviewNote.objects.filter(object_id=project.pk, step="archived").exists()
    assert emails_about(project).exists()


def test_the_review_page_refuses_an_action_the_state_does_not_allow(reviewer):
    project = members_project(status="published")
    url = reverse("admin:databases_project_review", args=[project.pk])
    response = reviewer.post(url, {"action": "reject", "comment": "No"})
    assert response.status_code == 200
    assert Project.objects.get().status == "published"


@pytest.mark.parametrize("object_id", ["abc", "1" * 30, "0"])
def test_a_garbled_record_on_the_review_page_is_a_404(reviewer, object_id):
    assert reviewer.get(f"/admin/databases/project/{object_id}/review/").status_code == 404


def test_the_change_form_links_to_the_review_page(administrator):
    project = members_project(status="published")
    page = text(administrator.get(reverse("admin:databases_project_change", args=[project.pk])))
    assert reverse("admin:databases_project_review", args=[project.pk]) in page


# Bulk actions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["publish", "archive", "verify_enterprises"])
def test_an_editor_has_no_bulk_action_that_publishes_or_verifies(editor, action):
    enterprise = EnterpriseFactory(status="pending", verified=False)
    changelist = reverse("admin:databases_enterprise_changelist")
    assert f'value="{action}"' not in text(editor.get(changelist))
    editor.post(changelist, {"action": action, "_selected_action": [enterprise.pk]})
    enterprise.refresh_from_db()
    assert (enterprise.status, enterprise.verified) == ("pending", False)


def test_a_bulk_publication_is_the_same_as_a_single_one(
    reviewer, django_capture_on_commit_callbacks
):
    projects = [members_project(status="pending", title=f"Plant {n}") for n in range(2)]
    with django_capture_on_commit_callbacks(execute=True):
        reviewer.post(
            reverse("admin:databases_project_changelist"),
            {"action": "publish", "_selected_action": [p.pk for p in projects]},
        )
    for project in projects:
        project.refresh_from_db()
        assert project.status == "published" and project.verified_at is not None
        note = ReviewNote.objects.get(object_id=project.pk, step="published")
        assert note.author.groups.get().name == "Reviewer"
        assert emails_about(project).count() == 1


def test_a_bulk_publication_of_an_enterprise_verifies_it(reviewer):
    enterprise = EnterpriseFactory(status="pending", verified=False)
    reviewer.post(
        reverse("admin:databases_enterprise_changelist"),
        {"action": "publish", "_selected_action": [enterprise.pk]},
    )
    enterprise.refresh_from_db()
    assert (enterprise.status, enterprise.verified) == ("published", True)


def test_the_bulk_verification_writes_a_review_note(reviewer):
    enterprise = EnterpriseFactory(status="published", verified=False)
    reviewer.post(
        reverse("admin:databases_enterprise_changelist"),
        {"action": "verify_enterprises", "_selected_action": [enterprise.pk]},
    )
    enterprise.refresh_from_db()
    assert enterprise.verified and enterprise.verified_at is not None
    assert ReviewNote.objects.filter(object_id=enterprise.pk, step="verified").exists()


def test_a_reviewer_publishes_service_institutions_and_an_editor_does_not(client):
    institution = ServiceInstitutionFactory(status="draft")
    changelist = reverse("admin:databases_serviceinstitution_changelist")
    data = {"action": "publish", "_selected_action": [institution.pk]}
    sign_in_staff(client, StaffFactory(role="Secretariat editor"))
    client.post(changelist, data)
    assert type(institution).objects.get().status == "draft"
    sign_in_staff(client, StaffFactory(role="Reviewer"))
    client.post(changelist, data)
    assert type(institution).objects.get().status == "published"


# The change form ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["Secretariat editor", "Administrator"])
def test_the_change_form_never_changes_the_status_or_verification(client, role):
    sign_in_staff(client, StaffFactory(role=role))
    enterprise = EnterpriseFactory(status="draft", verified=False, title="Sertão Solar")
    url = reverse("admin:databases_enterprise_change", args=[enterprise.pk])
    data = form_data(client, url)
    assert "status" not in data and "verified" not in data
    response = client.post(
        url, {**data, "status": "published", "verified": "on", "title_en": "Sertão Solar SA"}
    )
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.title == "Sertão Solar SA"
    assert (enterprise.status, enterprise.verified) == ("draft", False)


# Imports --------------------------------------------------------------------------------------


def sheet(content):
    return SimpleUploadedFile("records.csv", content.encode(), "text/csv")


def preview(client, model, content):
    return client.post(
        f"/admin/databases/{model}/import/",
        {"import_file": sheet(content), "format": "0", "resource": "0"},
    )


def confirm(client, model, preview_response):
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', text(preview_response)))
    keys = ("import_file_name", "original_file_name", "format", "resource")
    return client.post(
        f"/admin/databases/{model}/process_import/", {key: fields[key] for key in keys}
    )


def test_an_editors_sheet_cannot_publish_a_draft(editor):
    project = members_project(status="draft")
    response = preview(editor, "project", f"id,status\n{project.pk},published\n")
    content = text(response)
    assert "Only a reviewer can change the publication status" in content
    assert "process_import" not in content
    assert Project.objects.get().status == "draft"


def test_an_editors_sheet_cannot_verify_an_enterprise(editor):
    enterprise = EnterpriseFactory(status="published", verified=False)
    response = preview(editor, "enterprise", f"id,status,verified\n{enterprise.pk},published,1\n")
    assert "Only a reviewer can change the publication status" in text(response)
    assert Enterprise.objects.get().verified is False


def test_an_editors_sheet_may_change_the_content_with_the_status_as_exported(editor):
    project = members_project(status="published", title="Old")
    response = preview(editor, "project", f"id,title_en,status\n{project.pk},New,published\n")
    assert "process_import" in text(response)
    assert confirm(editor, "project", response).status_code == 302
    project.refresh_from_db()
    assert (project.title, project.status) == ("New", "published")


def test_an_editors_new_rows_are_drafts_or_an_error(editor):
    response = preview(editor, "technology", "title_en,trl,ip_status,status\nHeat pump,4,open,\n")
    confirm(editor, "technology", response)
    assert Technology.objects.get().status == "draft"
    response = preview(
        editor, "technology", "title_en,trl,ip_status,status\nTidal turbine,4,open,published\n"
    )
    assert "Only a reviewer can change the publication status" in text(response)
    assert Technology.objects.count() == 1


def test_no_sheet_sets_the_review_dates(administrator):
    project = members_project(status="published")
    response = preview(
        administrator, "project", f"id,published_at\n{project.pk},2001-01-01 00:00:00\n"
    )
    assert "Set by the review only" in text(response)
    assert Project.objects.get().published_at.year != 2001


def test_an_exported_sheet_imports_back_without_review_errors(editor):
    project = members_project(status="published")
    content = RESOURCES[Project]().export().csv
    assert "published_at" in content and "status" in content
    response = preview(editor, "project", content)
    assert "process_import" in text(response), text(response)
    assert Project.objects.get(pk=project.pk).status == "published"


def test_a_reviewers_sheet_publishes_as_the_review_page_does(
    administrator, django_capture_on_commit_callbacks
):
    project = members_project(status="pending", title="Floating solar")
    response = preview(administrator, "project", f"id,status\n{project.pk},published\n")
    assert "process_import" in text(response)
    # The preview changed nothing and queued no e-mail.
    assert Project.objects.get().status == "pending" and not emails_about(project).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert confirm(administrator, "project", response).status_code == 302
    project.refresh_from_db()
    assert project.status == "published" and project.verified_at is not None
    assert ReviewNote.objects.filter(object_id=project.pk, step="published").count() == 1
    assert emails_about(project).count() == 1


def test_a_reviewers_sheet_verifies_and_publishes_an_enterprise(administrator):
    enterprise = EnterpriseFactory(status="pending", verified=False)
    response = preview(
        administrator, "enterprise", f"id,status,verified\n{enterprise.pk},published,1\n"
    )
    confirm(administrator, "enterprise", response)
    enterprise.refresh_from_db()
    assert (enterprise.status, enterprise.verified) == ("published", True)


@pytest.mark.parametrize(
    ("status", "asked", "message"),
    [
        ("published", "pending", "cannot go from “Published” to “Pending review”"),
        ("draft", "rejected", "cannot go from “Draft” to “Rejected”"),
        ("draft", "live", "Unknown publication status"),
    ],
)
def test_a_reviewers_sheet_cannot_skip_the_workflow(administrator, status, asked, message):
    project = members_project(status=status)
    response = preview(administrator, "project", f"id,status\n{project.pk},{asked}\n")
    assert message in text(response)
    assert Project.objects.get().status == status


def test_a_reviewers_sheet_cannot_withdraw_a_verification(administrator):
    enterprise = EnterpriseFactory(status="published", verified=True)
    response = preview(administrator, "enterprise", f"id,verified\n{enterprise.pk},0\n")
    assert "cannot withdraw a verification" in text(response)
    assert Enterprise.objects.get().verified is True


# History: revert and recover ------------------------------------------------------------------


def _archived_project_with_a_published_version():
    project = members_project(status="pending", title="Plant")
    with reversion.create_revision():
        project.title = "Plant, first version"
        project.save()
    project = transition(project, "publish", StaffFactory(role="Reviewer"))
    return transition(project, "archive", StaffFactory(role="Reviewer"))


@pytest.mark.parametrize("role", ["Secretariat editor", "Administrator"])
def test_a_revert_restores_the_content_but_not_the_status(client, role):
    project = _archived_project_with_a_published_version()
    published_version = next(
        version
        for version in Version.objects.get_for_object(project)
        if version.field_dict["status"] == "published"
    )
    sign_in_staff(client, StaffFactory(role=role))
    url = f"/admin/databases/project/{project.pk}/history/{published_version.pk}/"
    preview_page = text(client.get(url))
    assert "Archived" in preview_page
    response = client.post(url, form_data(client, url))
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == "archived"
    assert client.get(project.get_absolute_url()).status_code == 404


def test_reverting_a_revision_of_several_records_publishes_none_of_them(client):
    reviewer_user = StaffFactory(role="Reviewer")
    projects = [members_project(status="pending", title=f"Plant {n}") for n in range(2)]
    with reversion.create_revision():
        for project in projects:
            project.status = "published"
            project.save()
    for project in projects:
        transition(project, "archive", reviewer_user)
    sign_in_staff(client, StaffFactory(role="Administrator"))
    version = Version.objects.get_for_object(projects[0]).filter(
        revision__version__object_id=str(projects[1].pk)
    )[0]
    url = f"/admin/databases/project/{projects[0].pk}/history/{version.pk}/"
    client.post(url, form_data(client, url))
    assert set(Project.objects.values_list("status", flat=True)) == {"archived"}


@pytest.mark.parametrize("role", ["Secretariat editor", "Administrator"])
def test_a_recovered_record_comes_back_unpublished(client, role):
    project = members_project(status="pending", title="Deleted plant")
    with reversion.create_revision():
        project.status = "published"
        project.save()
    slug = project.slug
    project.delete()
    sign_in_staff(client, StaffFactory(role=role))
    version = Version.objects.get_deleted(Project).get()
    url = f"/admin/databases/project/recover/{version.pk}/"
    data = form_data(client, url)
    response = client.post(url, data)
    assert response.status_code == 302, text(response)[:3000]
    recovered = Project.objects.get()
    assert recovered.status == "archived"
    assert client.get(f"/en/projects/{slug}/").status_code == 404


def test_a_recovered_enterprise_comes_back_unverified(administrator):
    enterprise = EnterpriseFactory(status="draft", verified=False)
    with reversion.create_revision():
        enterprise.verified = True
        enterprise.save()
    enterprise.delete()
    version = Version.objects.get_deleted(Enterprise).get()
    url = f"/admin/databases/enterprise/recover/{version.pk}/"
    administrator.post(url, form_data(administrator, url))
    recovered = Enterprise.objects.get()
    assert (recovered.status, recovered.verified) == ("draft", False)


def test_a_proposed_change_is_not_recovered(administrator):
    project = members_project(status="published")
    with reversion.create_revision():
        change = working_copy(project, project.owner)
        change.save()
    change.delete()
    version = Version.objects.get_deleted(Project).get()
    response = administrator.get(f"/admin/databases/project/recover/{version.pk}/", follow=True)
    assert "proposed change is not recovered" in text(response)
    assert Project.objects.count() == 1


def test_the_change_form_offers_no_review_link_to_an_editor(editor):
    project = members_project(status="published")
    page = text(editor.get(reverse("admin:databases_project_change", args=[project.pk])))
    assert reverse("admin:databases_project_review", args=[project.pk]) not in page
