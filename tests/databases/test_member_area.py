"""The member area: enterprises and memberships, submissions, permissions and the review."""

import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape
from PIL import Image

from databases import submissions
from databases.forms import ProjectForm
from databases.models import Enterprise, Membership, Project, RecordImage, ReviewNote, Technology
from databases.tasks import remind_owners_of_ageing_records
from databases.transitions import transition
from databases.workflow import WorkflowError
from databases.working_copies import working_copy
from platform_site.models import Profile
from tests.factories import (
    CountryFactory,
    EnterpriseFactory,
    MembershipFactory,
    ProjectFactory,
    SectorFactory,
    StaffFactory,
    UserFactory,
)
from tests.utils import sign_in_staff, text

pytestmark = pytest.mark.django_db


def png(name="plant.png", size=(80, 60)):
    out = io.BytesIO()
    Image.new("RGB", size, (30, 140, 80)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), "image/png")


@pytest.fixture
def member():
    return MembershipFactory()


@pytest.fixture
def project_data():
    return {
        "title": "Floating solar plant",
        "summary": "A 20 MW floating solar plant on a reservoir.",
        "description": "The plant needs an EPC partner and financing.",
        "country": CountryFactory(iso2="BR", name="Brazil").pk,
        "sectors": [SectorFactory(code="solar-energy", name="Solar energy").pk],
        "stage": "financing",
        "investment_currency": "USD",
        "investment_amount": "5000000",
    }


def own_project(member, **kwargs):
    kwargs.setdefault("status", "draft")
    return ProjectFactory(enterprise=member.enterprise, owner=member.user, **kwargs)


# Enterprises and memberships ------------------------------------------------------------------


def test_the_dashboard_needs_a_signed_in_user(client):
    response = client.get("/en/member/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_registering_an_enterprise_makes_its_administrator_wait_for_verification(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/en/member/enterprise/new/",
        {"title": "Sol Verde Ltda", "summary": "Solar EPC", "country": CountryFactory().pk},
    )
    assert response.status_code == 302
    enterprise = Enterprise.objects.get(title="Sol Verde Ltda")
    assert (enterprise.status, enterprise.verified) == ("pending", False)
    membership = Membership.objects.get(user=user)
    assert (membership.role, membership.status) == ("admin", "approved")
    # Not yet verified: the enterprise's member may look but not submit.
    assert client.get("/en/member/projects/new/").status_code == 403
    Enterprise.objects.filter(pk=enterprise.pk).update(verified=True)
    assert client.get("/en/member/projects/new/").status_code == 200


def test_a_registration_without_a_country_keeps_the_name(client):
    client.force_login(UserFactory())
    response = client.post("/en/member/enterprise/new/", {"title": "Sol Verde Ltda"})
    assert response.status_code == 200
    assert 'value="Sol Verde Ltda"' in text(response)
    assert not Enterprise.objects.exists()


def test_asking_to_join_an_enterprise(client):
    enterprise = EnterpriseFactory(title="Sertão Solar Ltda", verified=True)
    user = UserFactory()
    client.force_login(user)
    found = client.get("/en/member/enterprise/join/", {"q": "sertão"})
    assert "Sertão Solar Ltda" in text(found)
    response = client.post(
        "/en/member/enterprise/join/", {"enterprise": enterprise.pk, "message": "I am the CFO."}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=user)
    assert (membership.status, membership.role, membership.message) == (
        "requested",
        "editor",
        "I am the CFO.",
    )
    # A requested membership gives no access to the enterprise's records.
    assert client.get("/en/member/projects/new/").status_code == 403


def test_a_join_request_too_long_comes_back_with_its_text_and_the_error(client):
    enterprise = EnterpriseFactory(title="Sertão Solar Ltda", verified=True)
    other = EnterpriseFactory(title="Sertão Eólica SA", verified=True)
    client.force_login(UserFactory())
    message = "I am the CFO & <treasurer>. " * 40
    response = client.post(
        "/en/member/enterprise/join/?q=sert%C3%A3o",
        {"enterprise": enterprise.pk, "message": message},
    )
    assert response.status_code == 200
    page = text(response)
    assert escape(message) in page
    assert "at most 1000 characters" in page
    # Each enterprise found has its own form, its field named after it.
    assert f'id="message-{enterprise.pk}"' in page
    assert f'<label class="field-label" for="message-{other.pk}">' in page
    assert f'aria-describedby="message-{other.pk}_helptext"' in page
    assert not Membership.objects.exists()


@pytest.mark.parametrize("value", ["", "abc", "999999", "1 OR 1=1"])
def test_asking_to_join_an_unknown_enterprise_is_a_404(client, value):
    client.force_login(UserFactory())
    response = client.post("/en/member/enterprise/join/", {"enterprise": value})
    assert response.status_code == 404
    assert not Membership.objects.exists()


def test_staff_approve_memberships_and_verify_enterprises_in_the_admin(
    admin_client, django_capture_on_commit_callbacks
):
    requested = MembershipFactory(status="requested", enterprise__verified=False)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/databases/membership/",
            {"action": "approve_memberships", "_selected_action": [requested.pk]},
        )
    admin_client.post(
        "/admin/databases/enterprise/",
        {"action": "verify_enterprises", "_selected_action": [requested.enterprise.pk]},
    )
    requested.refresh_from_db()
    assert requested.status == "approved" and requested.decided_by is not None
    assert requested.enterprise.verified is True
    assert "You are now a member of" in mail.outbox[0].subject


# Permissions -----------------------------------------------------------------------------------

MEMBER_PAGES = ["", "edit/"]


@pytest.mark.parametrize("page", MEMBER_PAGES)
def test_a_member_opens_their_enterprises_records(client, member, page):
    project = own_project(member)
    client.force_login(member.user)
    assert client.get(f"/en/member/projects/{project.pk}/{page}").status_code == 200


@pytest.mark.parametrize("page", [*MEMBER_PAGES, "submit/"])
def test_another_enterprises_member_gets_a_404(client, member, page):
    project = own_project(member)
    client.force_login(MembershipFactory().user)
    method = client.post if page == "submit/" else client.get
    assert method(f"/en/member/projects/{project.pk}/{page}").status_code == 404


@pytest.mark.parametrize("page", [*MEMBER_PAGES, "submit/"])
def test_staff_without_a_membership_get_a_404_in_the_member_area(client, member, page):
    project = own_project(member)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    method = client.post if page == "submit/" else client.get
    assert method(f"/en/member/projects/{project.pk}/{page}").status_code == 404


@pytest.mark.parametrize("page", [*MEMBER_PAGES, "submit/"])
def test_a_signed_out_visitor_is_sent_to_log_in(client, member, page):
    project = own_project(member)
    method = client.post if page == "submit/" else client.get
    response = method(f"/en/member/projects/{project.pk}/{page}")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("page", ["edit/", "submit/"])
def test_a_member_of_an_unverified_enterprise_may_look_but_not_change(client, page):
    member = MembershipFactory(enterprise__verified=False)
    project = own_project(member)
    client.force_login(member.user)
    assert client.get(f"/en/member/projects/{project.pk}/").status_code == 200
    method = client.post if page == "submit/" else client.get
    assert method(f"/en/member/projects/{project.pk}/{page}").status_code == 403
    assert Project.objects.get(pk=project.pk).status == "draft"


@pytest.mark.parametrize("kind", ["enterprises", "institutions", "nothing", "../admin"])
def test_other_kinds_have_no_member_pages(client, member, kind):
    client.force_login(member.user)
    assert client.get(f"/en/member/{kind}/new/").status_code == 404


# Submissions ----------------------------------------------------------------------------------


def test_a_draft_needs_only_a_title(client, member):
    client.force_login(member.user)
    response = client.post(
        "/en/member/projects/new/",
        {"title": "Idea", "stage": "concept", "investment_currency": "USD", "save": ""},
    )
    assert response.status_code == 302
    project = Project.objects.get()
    assert (project.status, project.enterprise, project.owner) == (
        "draft",
        member.enterprise,
        member.user,
    )


def test_submitting_an_incomplete_project_keeps_what_was_typed(client, member):
    client.force_login(member.user)
    response = client.post(
        "/en/member/projects/new/",
        {
            "title": "Idea",
            "summary": "Half written",
            "stage": "concept",
            "investment_currency": "USD",
            "submit": "",
        },
    )
    assert response.status_code == 200
    content = text(response)
    assert "Fill this in before submitting for review." in content
    assert 'value="Idea"' in content and "Half written" in content
    assert not Project.objects.exists()


def test_a_complete_project_with_images_is_submitted_for_review(client, member, project_data):
    client.force_login(member.user)
    response = client.post(
        "/en/member/projects/new/",
        {
            **project_data,
            "images": [png("a.png"), png("b.png")],
            "attachment": SimpleUploadedFile("study.pdf", b"%PDF-1.4 study", "application/pdf"),
            "submit": "",
        },
    )
    assert response.status_code == 302
    project = Project.objects.get()
    assert project.status == "pending" and project.submitted_at
    assert project.image.name.endswith(".webp") and project.thumbnail.name.endswith(".webp")
    assert project.image.width == 80 and project.thumbnail.name != project.image.name
    assert RecordImage.objects.about(project).count() == 2
    assert project.attachment.name.endswith(".pdf") and "study" not in project.attachment.name
    assert project.investment_usd == 5_000_000
    assert ReviewNote.objects.get().step == "submitted"
    assert mail.outbox == []
    # Not public until the secretariat publishes it.
    assert client.get(project.get_absolute_url()).status_code == 404


def test_a_rejected_image_explains_why_and_keeps_the_rest(client, member, project_data):
    client.force_login(member.user)
    fake = SimpleUploadedFile("photo.png", b"not an image at all", "image/png")
    response = client.post(
        "/en/member/projects/new/", {**project_data, "images": [fake], "submit": ""}
    )
    assert response.status_code == 200
    content = text(response)
    assert "photo.png: The file is not an image or it is damaged." in content
    assert 'value="Floating solar plant"' in content
    assert not Project.objects.exists()


def test_a_repeated_post_of_the_new_project_form_creates_one_project(client, member, project_data):
    client.force_login(member.user)
    data = {**project_data, "form_token": "5b1e7b5e-9c5a-4c43-9d1e-2f1f3f8f1a11", "save": ""}
    first = client.post("/en/member/projects/new/", data)
    second = client.post("/en/member/projects/new/", data)
    assert Project.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_pending_submission_cannot_be_edited_until_reviewed(client, member):
    project = own_project(member, status="pending")
    client.force_login(member.user)
    response = client.get(f"/en/member/projects/{project.pk}/edit/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/member/projects/{project.pk}/"


def test_submitting_twice_submits_once(client, member, project_data):
    client.force_login(member.user)
    client.post("/en/member/projects/new/", {**project_data, "save": ""})
    project = Project.objects.get()
    client.post(f"/en/member/projects/{project.pk}/submit/")
    client.post(f"/en/member/projects/{project.pk}/submit/")
    assert ReviewNote.objects.filter(step="submitted").count() == 1
    assert Project.objects.get().status == "pending"


def test_csrf_is_enforced_on_submissions(member, project_data):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member.user)
    response = client.post("/en/member/projects/new/", {**project_data, "save": ""})
    assert response.status_code == 403
    assert not Project.objects.exists()


# The review ------------------------------------------------------------------------------------


def staff(role):
    return StaffFactory(role=role)


def reviewer():
    return staff("Reviewer")


def test_publishing_a_project_emails_the_members_in_their_language(
    client, member, django_capture_on_commit_callbacks
):
    Profile.objects.create(user=member.user, language="pt-br")
    project = own_project(member, status="pending", title="Usina solar")
    sign_in_staff(client, reviewer())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/databases/project/{project.pk}/review/", {"action": "publish", "comment": ""}
        )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == "published" and project.published_at and project.verified_at
    (message,) = mail.outbox
    assert message.to == [member.user.email]
    assert "Usina solar" in message.subject
    assert f"/pt-br/member/projects/{project.pk}/" in message.body
    assert client.get(project.get_absolute_url()).status_code == 200


def test_requesting_changes_needs_a_comment_which_the_member_sees(
    client, member, django_capture_on_commit_callbacks
):
    project = own_project(member, status="pending")
    sign_in_staff(client, reviewer())
    url = f"/admin/databases/project/{project.pk}/review/"
    refused = client.post(url, {"action": "request_changes", "comment": " "})
    assert refused.status_code == 200
    assert Project.objects.get().status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "request_changes", "comment": "Add the site's area."})
    assert Project.objects.get().status == "changes"
    assert "Add the site's area." in mail.outbox[0].body
    client.force_login(member.user)
    page = text(client.get(f"/en/member/projects/{project.pk}/"))
    assert "Add the site&#x27;s area." in page
    assert 'aria-current="step"' in page


@pytest.mark.parametrize("role", [None, "Secretariat editor"])
def test_staff_without_the_review_permission_cannot_review(client, member, role):
    project = own_project(member, status="pending")
    # With a second factor: the admin lets them in, the review page refuses them.
    sign_in_staff(client, StaffFactory(role=role))
    response = client.post(f"/admin/databases/project/{project.pk}/review/", {"action": "publish"})
    assert response.status_code == 403
    assert Project.objects.get().status == "pending"


def test_editing_a_published_project_keeps_it_public_until_approved(
    client, member, project_data, django_capture_on_commit_callbacks
):
    project = own_project(member, status="published", title="Floating solar plant")
    slug = project.slug
    client.force_login(member.user)
    client.post(
        f"/en/member/projects/{project.pk}/edit/",
        {**project_data, "title": "Floating solar plant, phase 2", "submit": ""},
    )
    change = Project.objects.get(draft_of=project)
    assert change.status == "pending"
    public = client.get(project.get_absolute_url())
    assert "Floating solar plant" in text(public) and "phase 2" not in text(public)
    assert "phase 2" not in text(client.get("/en/projects/"))

    sign_in_staff(client, reviewer())
    review = client.get(f"/admin/databases/project/{change.pk}/review/")
    assert review.status_code == 200
    assert re.search(r'class="changed".*phase 2', text(review), re.S)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/databases/project/{change.pk}/review/", {"action": "publish"})
    project.refresh_from_db()
    assert project.title == "Floating solar plant, phase 2"
    assert project.slug == slug and project.status == "published"
    assert not Project.objects.filter(draft_of=project).exists()
    assert ReviewNote.objects.filter(object_id=project.pk, step="published").exists()


def test_a_decision_applies_once_when_two_reviewers_act_together(member):
    project = own_project(member, status="pending")
    first = Project.objects.get(pk=project.pk)
    second = Project.objects.get(pk=project.pk)
    transition(first, "publish", reviewer())
    with pytest.raises(WorkflowError):
        transition(second, "reject", reviewer(), "too late")
    assert Project.objects.get().status == "published"


def test_a_proposed_change_can_never_be_published_itself(member):
    project = own_project(member, status="published")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(draft_of=project, status="published")


def test_the_bulk_publish_action_publishes_a_proposed_change_as_the_review_does(
    admin_client, member
):
    project = own_project(member, status="published", title="Old title")
    change = working_copy(project, member.user)
    Project.objects.filter(pk=change.pk).update(status="pending", title_en="New title")
    admin_client.post(
        "/admin/databases/project/", {"action": "publish", "_selected_action": [change.pk]}
    )
    assert not Project.objects.filter(pk=change.pk).exists()
    assert Project.objects.get(pk=project.pk).title == "New title"
    assert ReviewNote.objects.filter(object_id=project.pk, step="published").exists()


def test_the_bulk_publish_action_leaves_a_proposed_changes_draft_to_the_member(
    admin_client, member
):
    project = own_project(member, status="published")
    change = working_copy(project, member.user)
    admin_client.post(
        "/admin/databases/project/", {"action": "publish", "_selected_action": [change.pk]}
    )
    assert Project.objects.get(pk=change.pk).status == "draft"


def test_the_review_queue_lists_pending_submissions(client, member):
    own_project(member, status="pending", title="Waiting project")
    own_project(member, status="draft", title="Unsent draft")
    Technology.objects.create(title="Other", trl=3, status="pending")
    sign_in_staff(client, reviewer())
    content = text(client.get("/admin/review/"))
    assert "Waiting project" in content and "Unsent draft" not in content
    assert "Other" in content
    # Someone who may review projects only does not see the technologies.
    projects_only = StaffFactory()
    projects_only.user_permissions.add(Permission.objects.get(codename="review_project"))
    sign_in_staff(client, projects_only)
    content = text(client.get("/admin/review/"))
    assert "Waiting project" in content and "Other" not in content


def test_the_dashboard_lists_the_members_records_by_status(
    client, member, django_assert_num_queries
):
    own_project(member, title="My draft")
    ProjectFactory(title="Someone else's", enterprise=EnterpriseFactory())
    client.force_login(member.user)
    client.get("/en/member/")
    # 1 user (the session comes from the cache) + 1 memberships with enterprises + 1 can-submit
    # check
    # + 1 each for the member's technologies, projects, experts and enterprise profiles
    # + 1 the current matchmaking run (none yet, so no recommendations to fetch)
    # + 1 the member's enterprises + 1 their introductions + 1 their enterprises' interests
    with django_assert_num_queries(11):
        response = client.get("/en/member/")
    content = text(response)
    assert "My draft" in content and "Someone else" not in content


# Freshness -------------------------------------------------------------------------------------


def age(record, days):
    type(record).objects.filter(pk=record.pk).update(
        updated_at=timezone.now() - timedelta(days=days)
    )


def test_owners_are_reminded_once_before_a_record_turns_a_year_old(
    member, django_capture_on_commit_callbacks
):
    Profile.objects.create(user=member.user, language="ru")
    due = own_project(member, status="published", title="Ageing project")
    fresh = own_project(member, status="published", title="Fresh project")
    draft = own_project(member, status="draft", title="Old draft")
    age(due, 340)
    age(fresh, 100)
    age(draft, 400)
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_owners_of_ageing_records() == 1
        assert remind_owners_of_ageing_records() == 0
    (message,) = mail.outbox
    assert message.to == [member.user.email]
    assert "Ageing project" in message.subject
    assert f"/ru/member/projects/{due.pk}/" in message.body
    # Updated after that reminder, and ageing again: reminded again.
    long_ago = timezone.now() - timedelta(days=400)
    Project.objects.filter(pk=due.pk).update(freshness_reminded_at=long_ago)
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_owners_of_ageing_records() == 1


def test_staff_find_stale_records_and_archive_them_in_bulk(admin_client, member):
    stale = own_project(member, status="published", title="Stale project")
    own_project(member, status="published", title="Current project")
    age(stale, 400)
    listing = text(admin_client.get("/admin/databases/project/?freshness=stale"))
    assert "Stale project" in listing and "Current project" not in listing
    admin_client.post(
        "/admin/databases/project/", {"action": "archive", "_selected_action": [stale.pk]}
    )
    assert Project.objects.get(pk=stale.pk).status == "archived"


def test_the_public_page_shows_when_the_record_was_last_verified(client, member):
    project = own_project(member, status="published")
    Project.objects.filter(pk=project.pk).update(verified_at=timezone.now() - timedelta(days=3))
    content = text(client.get(project.get_absolute_url()))
    assert "Last verified by the secretariat" in content


def test_the_reminders_are_scheduled_every_day():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="databases.tasks.remind_owners_of_ageing_records")
    assert task.enabled and task.crontab.hour == "3"


# Enterprise and expert profiles -------------------------------------------------------------


def test_an_administrator_updates_the_enterprise_profile_through_the_review(
    client, member, django_capture_on_commit_callbacks
):
    enterprise = member.enterprise
    client.force_login(member.user)
    response = client.post(
        f"/en/member/enterprises/{enterprise.pk}/edit/",
        {
            "title": enterprise.title,
            "summary": "Solar EPC in the Northeast.",
            "description": "We build solar plants.",
            "capabilities": "EPC, operation and maintenance",
            "country": CountryFactory(iso2="BR", name="Brazil").pk,
            "sectors": [SectorFactory().pk],
            "investment_min_usd": "1000000",
            "investment_max_usd": "10000000",
            "submit": "",
        },
    )
    assert response.status_code == 302
    change = Enterprise.objects.get(draft_of=enterprise)
    assert change.status == "pending"
    assert "Solar EPC" not in text(client.get(enterprise.get_absolute_url()))
    sign_in_staff(client, reviewer())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/databases/enterprise/{change.pk}/review/", {"action": "publish"})
    enterprise.refresh_from_db()
    assert enterprise.capabilities == "EPC, operation and maintenance"
    assert enterprise.investment_max_usd == 10_000_000


def test_an_inverted_investment_range_is_refused(client, member):
    client.force_login(member.user)
    response = client.post(
        f"/en/member/enterprises/{member.enterprise.pk}/edit/",
        {"title": "Sol", "investment_min_usd": "10", "investment_max_usd": "5", "save": ""},
    )
    assert response.status_code == 200
    assert "The upper end must not be below the lower end." in text(response)


def test_an_editor_may_submit_projects_but_not_change_the_enterprise_profile(client):
    editor = MembershipFactory(role="editor")
    client.force_login(editor.user)
    assert client.get("/en/member/projects/new/").status_code == 200
    url = f"/en/member/enterprises/{editor.enterprise.pk}/edit/"
    assert client.get(url).status_code == 404


def test_publishing_a_registered_enterprise_verifies_it(client, django_capture_on_commit_callbacks):
    user = UserFactory()
    client.force_login(user)
    client.post(
        "/en/member/enterprise/new/", {"title": "Sol Verde Ltda", "country": CountryFactory().pk}
    )
    enterprise = Enterprise.objects.get()
    sign_in_staff(client, reviewer())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/databases/enterprise/{enterprise.pk}/review/", {"action": "publish"})
    enterprise.refresh_from_db()
    assert enterprise.verified and enterprise.status == "published"
    assert mail.outbox[0].to == [user.email]


def test_a_member_adds_an_expert_whose_contact_needs_consent_and_details(client, member):
    from databases.models import Talent

    client.force_login(member.user)
    data = {"title": "Ana Souza", "experience_years": "12", "contact_consent": "on", "save": ""}
    refused = client.post("/en/member/talents/new/", data)
    assert "Give an e-mail address or a phone number to show." in text(refused)
    client.post("/en/member/talents/new/", {**data, "email": "ana@example.org"})
    talent = Talent.objects.get()
    assert (talent.enterprise, talent.status) == (member.enterprise, "draft")


def test_the_public_page_shows_every_image_in_fitting_sizes(client, member, project_data):
    client.force_login(member.user)
    client.post(
        "/en/member/projects/new/",
        {**project_data, "images": [png("a.png"), png("b.png")], "submit": ""},
    )
    project = transition(Project.objects.get(), "publish", reviewer())
    client.logout()
    content = text(client.get(project.get_absolute_url()))
    assert f'srcset="{project.thumbnail.url} 640w, {project.image.url} 1600w"' in content
    assert "Image 2 of Floating solar plant" in content


# Hardening ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["abc", "²", "1" * 40])
def test_a_garbled_enterprise_in_the_query_string_is_a_404(client, member, value):
    client.force_login(member.user)
    assert client.get("/en/member/projects/new/", {"enterprise": value}).status_code == 404
    response = client.post("/en/member/enterprise/join/", {"enterprise": value})
    assert response.status_code == 404


def test_removing_an_image_on_the_first_edit_of_a_published_project(client, member, project_data):
    client.force_login(member.user)
    client.post(
        "/en/member/projects/new/",
        {**project_data, "images": [png("a.png"), png("b.png")], "submit": ""},
    )
    project = transition(Project.objects.get(), "publish", reviewer())
    first, second = RecordImage.objects.about(project)
    response = client.post(
        f"/en/member/projects/{project.pk}/edit/",
        {**project_data, "title": "Renamed plant", "remove_images": [str(first.pk)], "save": ""},
    )
    assert response.status_code == 302
    change = Project.objects.get(draft_of=project)
    assert change.title == "Renamed plant"
    assert [image.image.name for image in RecordImage.objects.about(change)] == [second.image.name]
    assert RecordImage.objects.about(project).count() == 2  # the public version keeps both


def test_one_proposed_change_per_record_even_when_saved_twice(member):
    project = own_project(member, status="published")
    first = working_copy(project, member.user)
    second = working_copy(project, member.user)
    assert first.pk == second.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(draft_of=project, status="draft")


def test_saving_a_submission_that_went_to_review_meanwhile_is_refused(client, member, project_data):
    project = own_project(member, status="draft")
    client.force_login(member.user)
    page = client.get(f"/en/member/projects/{project.pk}/edit/")
    assert page.status_code == 200
    Project.objects.filter(pk=project.pk).update(status="pending")  # submitted in another tab
    with pytest.raises(WorkflowError):
        submissions.save_submission(
            ProjectForm,
            {**project_data, "save": ""},
            {},
            member.user,
            record=project,
        )
    assert Project.objects.get(pk=project.pk).status == "pending"


def test_an_editor_cannot_publish_through_the_change_form(client, member):
    project = own_project(member, status="pending")
    sign_in_staff(client, staff("Secretariat editor"))
    form = text(client.get(f"/admin/databases/project/{project.pk}/change/"))
    assert 'name="status"' not in form
    sign_in_staff(client, staff("Secretariat editor"))
    enterprise_form = text(
        client.get(f"/admin/databases/enterprise/{member.enterprise.pk}/change/")
    )
    assert 'name="verified"' not in enterprise_form


def test_the_administrator_role_cannot_make_superusers(client):
    from django.contrib.auth import get_user_model

    superuser = UserFactory(is_staff=True, is_superuser=True)
    administrator = staff("Administrator")
    client.force_login(administrator)
    assert client.get(f"/admin/auth/user/{superuser.pk}/change/").status_code == 302
    page = text(client.get(f"/admin/auth/user/{administrator.pk}/change/"))
    assert 'name="is_superuser"' not in page and 'name="user_permissions"' not in page
    assert not get_user_model().objects.get(pk=administrator.pk).is_superuser


def words(response):
    """What the page says: its text, without markup, scripts or addresses."""
    content = re.sub(r"<(script|style)\b.*?</\1>", " ", text(response), flags=re.S)
    return re.sub(r"<[^>]+>", " ", content)


@pytest.mark.parametrize("language", ["en", "pt-br"])
def test_the_member_area_says_projects_and_submissions_not_records(client, member, language):
    """ "Record" is the database's word: members read what they submitted, by its kind."""
    project = own_project(member, status="published", title="Floating solar plant")
    working_copy(project, member.user)
    client.force_login(member.user)
    pages = [
        "/member/",
        f"/member/projects/{project.pk}/",
        f"/member/projects/{project.pk}/edit/",
        "/member/projects/new/",
    ]
    for page in pages:
        response = client.get(f"/{language}{page}")
        assert response.status_code == 200, page
        assert not re.search(r"\brecords?\b|\bregistros?\b", words(response), re.I), page
