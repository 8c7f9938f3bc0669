"""The admin home shows each staff member the work waiting for them, by their role: submissions
to review (oldest first, their age against the review target, the overdue ones marked),
memberships to approve, introductions and expressions of interest to forward and inquiries to
answer, each linked to its queue or filtered list."""

import datetime
import re

import pytest
from django.utils import timezone

from cms.models import Inquiry, InquiryStatus
from databases.models import MembershipStatus
from matchmaking.models import Interest, InterestStatus, Introduction, IntroductionStatus
from tests.factories import (
    EnterpriseFactory,
    MembershipFactory,
    ProjectFactory,
    StaffFactory,
    SuperUserFactory,
    TalentFactory,
    TechnologyFactory,
)
from tests.utils import sign_in_staff, text

pytestmark = pytest.mark.django_db

SUBMISSIONS = "Submissions to review"
MEMBERSHIPS = "Memberships to approve"
INTRODUCTIONS = "Introductions to forward"
INTERESTS = "Expressions of interest to forward"
INQUIRIES = "Inquiries to answer"


def ago(**kwargs):
    return timezone.now() - datetime.timedelta(**kwargs)


@pytest.fixture
def waiting():
    """Three submissions (one of them overdue), two membership requests, one introduction and
    two expressions of interest to forward and two unanswered inquiries, among work already
    done."""
    ProjectFactory(title="Late project", status="pending", submitted_at=ago(days=15))
    TechnologyFactory(title="Fresh technology", status="review", submitted_at=ago(hours=1))
    TalentFactory(title="Recent expert", status="pending", submitted_at=ago(days=1))
    ProjectFactory(title="Published project", status="published", submitted_at=ago(days=30))
    MembershipFactory(status=MembershipStatus.REQUESTED)
    MembershipFactory(status=MembershipStatus.REQUESTED)
    MembershipFactory(status=MembershipStatus.APPROVED)
    project, enterprise = ProjectFactory(), EnterpriseFactory()
    Introduction.objects.create(project=project, enterprise=enterprise, requesting_side="project")
    Introduction.objects.create(
        project=ProjectFactory(),
        enterprise=enterprise,
        requesting_side="project",
        status=IntroductionStatus.FORWARDED,
    )
    for status in [InterestStatus.REQUESTED, InterestStatus.REQUESTED, InterestStatus.FORWARDED]:
        Interest.objects.create(
            record=TechnologyFactory(), enterprise=enterprise, message="Hi", status=status
        )
    for status in [InquiryStatus.NEW, InquiryStatus.IN_PROGRESS, InquiryStatus.ANSWERED]:
        Inquiry.objects.create(name="Visitor", email="v@example.org", message="Hi", status=status)


def work_cards(response):
    """{title: (count, overdue tag or "", url)} of the home's work summary."""
    cards = {}
    for card in response.context["work_waiting"]:
        cards[str(card.title)] = (card.count, card.overdue, card.url)
    return cards


def home(client, user):
    sign_in_staff(client, user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    ("role", "kinds"),
    [
        ("Reviewer", [SUBMISSIONS, MEMBERSHIPS]),
        ("Secretariat editor", [INTRODUCTIONS, INTERESTS, INQUIRIES]),
        ("Administrator", [SUBMISSIONS, MEMBERSHIPS, INTRODUCTIONS, INTERESTS, INQUIRIES]),
        (None, [SUBMISSIONS, MEMBERSHIPS, INTRODUCTIONS, INTERESTS, INQUIRIES]),
    ],
)
def test_each_role_sees_the_work_it_does(client, waiting, role, kinds):
    user = SuperUserFactory() if role is None else StaffFactory(role=role)
    cards = work_cards(home(client, user))
    assert list(cards) == kinds
    expected = {
        SUBMISSIONS: (3, 1, "/admin/review/"),
        MEMBERSHIPS: (2, 0, "/admin/databases/membership/?status__exact=requested"),
        INTRODUCTIONS: (1, 0, "/admin/matchmaking/introduction/?status__exact=requested"),
        INTERESTS: (2, 0, "/admin/matchmaking/interest/?status__exact=requested"),
        INQUIRIES: (2, 0, "/admin/cms/inquiry/?status__in=new%2Cin_progress"),
    }
    assert cards == {kind: expected[kind] for kind in kinds}


def test_the_links_lead_to_exactly_the_work_counted(client, waiting):
    response = home(client, SuperUserFactory())
    for card in response.context["work_waiting"]:
        page = client.get(card.url)
        assert page.status_code == 200, card.url
        if "cl" in page.context:
            assert page.context["cl"].result_count == card.count, card.url


def test_submissions_are_listed_oldest_first_and_the_overdue_marked(client, waiting):
    response = home(client, StaffFactory(role="Reviewer"))
    page = text(response)
    rows = re.findall(
        r"<tr( class=\"work-item-overdue\")?>\s*<td><a href=\"([^\"]+)\">([^<]+)</a>", page
    )
    assert [(bool(overdue), title) for overdue, _url, title in rows] == [
        (True, "Late project"),
        (False, "Recent expert"),
        (False, "Fresh technology"),
    ]
    assert rows[0][1].endswith("/review/")
    assert page.count("Overdue</strong>") == 1
    assert "1 overdue" in page
    assert "within 5 working days" in page
    assert "0 working days" in page  # the technology submitted an hour ago


def test_the_review_target_comes_from_the_settings(client, waiting, settings):
    settings.REVIEW_TARGET_DAYS = 20
    response = home(client, StaffFactory(role="Reviewer"))
    assert work_cards(response)[SUBMISSIONS][1] == 0
    assert "Overdue</strong>" not in text(response)
    assert "within 20 working days" in text(response)


def test_nothing_waiting_is_said(client):
    response = home(client, StaffFactory(role="Reviewer"))
    assert work_cards(response) == {
        SUBMISSIONS: (0, 0, "/admin/review/"),
        MEMBERSHIPS: (0, 0, "/admin/databases/membership/?status__exact=requested"),
    }
    assert text(response).count("Nothing waiting") == 2


def test_the_home_page_query_budget(client, waiting, django_assert_num_queries):
    sign_in_staff(client, SuperUserFactory())
    # User and second factor (the session comes from the cache); the work waiting: 2 for the
    # submissions however many databases (counts, the oldest), 1 each for memberships,
    # introductions, interests and inquiries; the site's menu and settings (cms's context
    # processor, 4, as on every page); recent actions.
    with django_assert_num_queries(13):
        client.get("/admin/")


def test_a_submission_without_its_date_has_waited_since_it_was_created(client, waiting):
    ProjectFactory(title="Imported long ago", status="pending", created_at=ago(days=40))
    response = home(client, StaffFactory(role="Reviewer"))
    assert work_cards(response)[SUBMISSIONS][:2] == (4, 2)
    first = response.context["work_waiting"][0].items[0]
    assert (first.title, first.overdue) == ("Imported long ago", True)
