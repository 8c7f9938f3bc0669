"""Where things stand, as a member reads it: one vocabulary for submissions, enterprises and
memberships (workflow.status_display), and verifying an enterprise under review, which publishes
its complete profile or hands it back saying what is missing."""

import pytest
from django.core import mail
from django.urls import reverse

from databases import workflow
from databases.models import Enterprise, Membership, Project, ReviewNote
from databases.transitions import transition
from platform_site.models import AuditEvent
from tests.factories import (
    EnterpriseFactory,
    MembershipFactory,
    ProjectFactory,
    SectorFactory,
    StaffFactory,
    UserFactory,
    brazil,
)
from tests.utils import sign_in_staff, text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def review_target(settings):
    settings.REVIEW_TARGET_DAYS = 5


@pytest.mark.parametrize(
    ("status", "tone", "label", "next_step", "actor"),
    [
        ("draft", "todo", "Draft", "you complete it and submit it", workflow.MEMBER),
        (
            "pending",
            "waiting",
            "Waiting for review",
            "Waiting for the secretariat's review, usually within 5 working days.",
            workflow.SECRETARIAT,
        ),
        ("review", "waiting", "In review", "you will hear its decision", workflow.SECRETARIAT),
        ("changes", "todo", "Changes requested", "You edit it as the secretariat asked", "member"),
        ("published", "done", "Published", "You may propose changes", None),
        ("rejected", "closed", "Rejected", "You may change it and submit it again", "member"),
        ("archived", "closed", "Archived", "Write to the secretariat", None),
    ],
)
def test_every_submission_state_says_what_happens_next_and_who_acts(
    status, tone, label, next_step, actor
):
    info = workflow.status_display(ProjectFactory.build(status=status))
    assert (info.tone, info.label, info.actor) == (tone, label, actor)
    assert next_step in info.next_step


def test_every_publication_status_has_a_reading():
    assert set(workflow.SUBMISSION_STATUSES) == set(workflow.PublicationStatus.values)


@pytest.mark.parametrize(
    ("status", "verified", "label", "next_step", "actor"),
    [
        (
            "pending",
            False,
            "Waiting for verification",
            "The secretariat checks the enterprise, usually within 5 working days",
            workflow.SECRETARIAT,
        ),
        ("rejected", False, "Not verified", "Write to the secretariat", workflow.MEMBER),
        (
            "changes",
            True,
            "Verified · profile to complete",
            "Complete its profile and submit it for review",
            workflow.MEMBER,
        ),
        ("published", True, "Verified and published", "Its profile is public", None),
        ("pending", True, "Waiting for review", "usually within 5 working days", "secretariat"),
    ],
)
def test_an_enterprise_reads_its_verification_and_its_profile(
    status, verified, label, next_step, actor
):
    info = workflow.status_display(EnterpriseFactory.build(status=status, verified=verified))
    assert (info.label, info.actor) == (label, actor)
    assert next_step in info.next_step


@pytest.mark.parametrize(
    ("status", "label", "next_step", "actor"),
    [
        (
            "requested",
            "Waiting for approval",
            "checks your request to join, usually within 5 working days",
            workflow.SECRETARIAT,
        ),
        ("declined", "Request declined", "You may ask again", workflow.MEMBER),
        ("approved", "Verified and published", "You can submit projects", None),
    ],
)
def test_a_membership_reads_its_request_then_its_enterprise(status, label, next_step, actor):
    membership = MembershipFactory.build(
        status=status, enterprise=EnterpriseFactory.build(status="published", verified=True)
    )
    info = workflow.status_display(membership)
    assert (info.label, info.actor) == (label, actor)
    assert next_step in info.next_step


def test_the_days_follow_the_review_target(settings):
    settings.REVIEW_TARGET_DAYS = 1
    info = workflow.status_display(ProjectFactory.build(status="pending"))
    assert info.next_step.endswith("usually within 1 working day.")


def test_a_record_to_complete_lists_the_fields_it_still_needs():
    draft = ProjectFactory(status="draft", summary="", sectors=[])
    info = workflow.status_display(draft, with_missing=True)
    assert info.missing == ("Summary", "Country", "Sectors")
    assert workflow.status_display(draft).missing == ()


def test_the_dashboard_names_each_state_and_no_raw_status(client):
    member = MembershipFactory(enterprise__verified=False, enterprise__status="pending")
    ProjectFactory(enterprise=member.enterprise, status="changes", title="Kiln retrofit")
    MembershipFactory(user=member.user, status="requested")
    client.force_login(member.user)
    content = text(client.get("/en/member/"))
    assert "Waiting for verification" in content
    assert "Waiting for approval" in content
    assert "Changes requested" in content and "You edit it as the secretariat asked" in content
    assert "Pending review" not in content


def test_a_records_page_shows_its_status_once_with_what_happens_next(client):
    member = MembershipFactory()
    project = ProjectFactory(enterprise=member.enterprise, status="changes", title="Kiln retrofit")
    client.force_login(member.user)
    content = text(client.get(f"/en/member/projects/{project.pk}/"))
    assert content.count('class="status-tag') == 1
    assert "Changes requested</strong>" in content
    assert "You edit it as the secretariat asked" in content


def test_the_dashboard_names_the_member_by_name_or_e_mail(client):
    named = MembershipFactory(
        user=UserFactory(username="journey-7f3a-a", email="ana@example.org", first_name="Ana Souza")
    )
    client.force_login(named.user)
    content = text(client.get("/en/member/"))
    assert "Signed in as Ana Souza" in content and "journey-7f3a-a" not in content
    unnamed = UserFactory(username="journey-9c1d-b", email="bruno@example.org")
    client.force_login(unnamed)
    content = text(client.get("/en/member/"))
    assert "Signed in as bruno@example.org" in content and "journey-9c1d-b" not in content


def test_the_sign_in_message_names_the_member_not_their_username(client):
    from allauth.account.models import EmailAddress

    user = UserFactory(username="journey-0b2e-a", email="ana@example.org", first_name="Ana Souza")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post(
        "/en/accounts/login/",
        {"login": user.email, "password": "correct horse battery staple"},
        follow=True,
    )
    content = text(response)
    assert "Successfully signed in as Ana Souza." in content
    assert "journey-0b2e-a" not in content


# Verifying an enterprise -------------------------------------------------------------------


@pytest.fixture
def reviewer():
    return StaffFactory(role="Reviewer")


def registration(**values):
    """An enterprise as registered: submitted, not verified, with an administrator."""
    member = MembershipFactory(enterprise__status="pending", enterprise__verified=False, **values)
    return member.enterprise


def complete(enterprise):
    Enterprise.objects.filter(pk=enterprise.pk).update(capabilities="EPC of solar plants")
    enterprise.refresh_from_db()
    enterprise.country = brazil()
    enterprise.save(update_fields=["country"])
    enterprise.sectors.set([SectorFactory()])
    return enterprise


def test_verifying_a_complete_registration_publishes_its_profile(
    reviewer, django_capture_on_commit_callbacks
):
    enterprise = complete(registration())
    with django_capture_on_commit_callbacks(execute=True):
        result = transition(enterprise, "verify", reviewer)
    assert (result.status, result.verified) == ("published", True)
    assert result.published_at is not None and result.verified_at is not None
    # As a publication: its review note, its audit entry and the members' e-mail.
    notes = ReviewNote.objects.filter(object_id=enterprise.pk).values_list("step", flat=True)
    assert "published" in notes
    assert AuditEvent.objects.filter(action="publish", target_id=str(enterprise.pk)).exists()
    assert any("Published" in message.subject for message in mail.outbox)
    assert workflow.outcome(workflow.ACTIONS["verify"], result) == (
        f"“{enterprise.title}” is verified and its profile published."
    )


def test_verifying_an_incomplete_registration_says_what_is_missing(reviewer):
    enterprise = registration(enterprise__sectors=[])
    Enterprise.objects.filter(pk=enterprise.pk).update(capabilities="")
    enterprise.refresh_from_db()
    result = transition(enterprise, "verify", reviewer)
    # Verified, and handed back to its administrators, who may now complete and submit it.
    assert (result.status, result.verified) == ("changes", True)
    assert workflow.allows(result, "edit") and workflow.allows(result, "submit")
    assert ReviewNote.objects.filter(object_id=enterprise.pk, step="verified").exists()
    assert workflow.outcome(workflow.ACTIONS["verify"], result) == (
        f"“{enterprise.title}” is verified. Its profile is not published: it still needs "
        "Country, Sectors, Capabilities. Its administrators were asked to complete it."
    )
    info = workflow.status_display(result, with_missing=True)
    assert info.label == "Verified · profile to complete"
    assert info.missing == ("Country", "Sectors", "Capabilities")


def test_verifying_a_published_enterprise_leaves_its_status(reviewer):
    enterprise = EnterpriseFactory(status="published", verified=False)
    result = transition(enterprise, "verify", reviewer)
    assert (result.status, result.verified) == ("published", True)


def test_the_review_page_says_the_outcome_of_a_verification(client, reviewer):
    enterprise = registration()
    sign_in_staff(client, reviewer)
    url = reverse("admin:databases_enterprise_review", args=[enterprise.pk])
    response = client.post(url, {"action": "verify", "comment": ""}, follow=True)
    assert "Its profile is not published: it still needs" in text(response)


def test_a_verified_members_project_shows_its_enterprise(client, reviewer):
    enterprise = complete(registration(enterprise__title="Sol Verde Ltda"))
    project = ProjectFactory(enterprise=enterprise, status="published", title="Floating solar")
    assert "Sol Verde Ltda" not in text(client.get(project.get_absolute_url()))
    transition(enterprise, "verify", reviewer)
    content = text(client.get(Project.objects.get(pk=project.pk).get_absolute_url()))
    assert "Submitted by" in content and "Sol Verde Ltda" in content
    assert Membership.objects.filter(enterprise=enterprise).exists()
