"""Where matches show and who sees them; dismissals; introductions from request to outcome;
the staff's side in the admin."""

import re

import pytest
from django.core import mail
from django.test import Client

from cms.models import SiteSettings
from databases import members
from databases.models import Membership
from databases.registry import member_areas
from matchmaking import introductions, recommendations, runs, weights
from matchmaking.models import Dismissal, Introduction, Match, MatchRun
from platform_site.cache import CSRF_MARK, bump_content_version, content_version
from tests.factories import (
    CooperationTypeFactory,
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


@pytest.fixture
def pair():
    """A project of one member enterprise and a matching enterprise with a member of its own,
    after a run."""
    solar = SectorFactory(code="solar-energy", name="Solar energy")
    transfer = CooperationTypeFactory(code="technology-transfer", name="Technology transfer")
    owner = MembershipFactory(enterprise__title="Sertão Solar Ltda")
    partner = MembershipFactory(
        enterprise__title="Sol Verde EPC",
        enterprise__sectors=[solar],
        enterprise__interest_countries=[brazil()],
        enterprise__cooperation_offered=[transfer],
    )
    project = ProjectFactory(
        title="Floating solar plant",
        enterprise=owner.enterprise,
        country=brazil(),
        sectors=[solar],
        cooperation_types=[transfer],
    )
    runs.run_inline("manual")
    match = Match.objects.get(project=project, enterprise=partner.enterprise)
    return {"owner": owner, "partner": partner, "project": project, "match": match}


def project_page(pair):
    return f"/en/member/projects/{pair['project'].pk}/"


def test_the_project_owner_sees_the_recommended_partners_with_reasons(client, pair):
    client.force_login(pair["owner"].user)
    content = text(client.get(project_page(pair)))
    assert "Recommended partners" in content
    assert "Sol Verde EPC" in content
    assert "Both in Solar energy" in content
    assert "The enterprise invests in Brazil" in content


@pytest.mark.parametrize(
    ("score", "key", "label"),
    [
        (weights.STRONG_SCORE, "strong", "Strong match"),
        (0.9, "strong", "Strong match"),
        (weights.GOOD_SCORE, "good", "Good match"),
        (weights.STRONG_SCORE - 0.01, "good", "Good match"),
        (weights.MIN_SCORE, "possible", "Possible match"),
        (weights.GOOD_SCORE - 0.01, "possible", "Possible match"),
    ],
)
def test_a_score_reads_as_a_strength(score, key, label):
    assert recommendations.strength(score) == recommendations.Strength(key, label)


def test_a_match_shows_its_strength_and_reasons_as_sentences_not_its_score(client, pair):
    Match.objects.filter(pk=pair["match"].pk).update(score=0.34)
    client.force_login(pair["owner"].user)
    content = text(client.get(project_page(pair)))
    assert "Good match" in content and "0.34" not in content and "Match score" not in content
    (reasons,) = re.findall(r'<p class="match-reasons">(.*?)</p>', content)
    assert "Both in Solar energy." in reasons and "The enterprise invests in Brazil." in reasons


def test_the_enterprise_sees_the_recommended_project_on_its_dashboard(client, pair):
    client.force_login(pair["partner"].user)
    content = text(client.get("/en/member/"))
    assert "Recommended projects" in content and "Floating solar plant" in content


def test_no_one_else_sees_a_match(client, pair):
    stranger = MembershipFactory()
    client.force_login(stranger.user)
    assert "Sol Verde EPC" not in text(client.get("/en/member/"))
    assert client.get(project_page(pair)).status_code == 404
    match = pair["match"]
    for url in (
        f"/en/member/matches/{match.pk}/dismiss/",
        f"/en/member/matches/{match.pk}/introduce/",
    ):
        assert client.post(url).status_code == 404
    # Nor a visitor, on the public pages.
    client.logout()
    assert "Sol Verde EPC" not in text(client.get(pair["project"].get_absolute_url()))


def test_a_signed_out_visitor_is_sent_to_log_in(client, pair):
    response = client.post(f"/en/member/matches/{pair['match'].pk}/dismiss/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_not_relevant_hides_the_match_for_that_side_only(client, pair):
    client.force_login(pair["owner"].user)
    response = client.post(
        f"/en/member/matches/{pair['match'].pk}/dismiss/", {"next": project_page(pair)}
    )
    assert response.status_code == 302 and response["Location"] == project_page(pair)
    assert Dismissal.objects.get().side == "project"
    assert "Sol Verde EPC" not in text(client.get(project_page(pair)))
    # Kept as feedback, and the other side still sees it.
    assert Match.objects.filter(pk=pair["match"].pk).exists()
    client.force_login(pair["partner"].user)
    assert "Floating solar plant" in text(client.get("/en/member/"))


def test_an_unsafe_next_address_is_not_followed(client, pair):
    client.force_login(pair["owner"].user)
    response = client.post(
        f"/en/member/matches/{pair['match'].pk}/dismiss/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == "/en/member/"


def test_an_introduction_from_request_to_outcome(client, pair, django_capture_on_commit_callbacks):
    settings_row = SiteSettings.get_solo()
    settings_row.emails = "secretariat@example.org"
    settings_row.save()
    match = pair["match"]

    # The project's side asks; the secretariat hears of it.
    client.force_login(pair["owner"].user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/member/matches/{match.pk}/introduce/", {"message": "We need an EPC partner."}
        )
        client.post(f"/en/member/matches/{match.pk}/introduce/")  # twice: still one
    introduction = Introduction.objects.get()
    assert (introduction.status, introduction.requesting_side) == ("requested", "project")
    assert {m.to[0] for m in mail.outbox} == {"secretariat@example.org", pair["owner"].user.email}

    # Staff forward it to the enterprise's members.
    staff = StaffFactory(role="Secretariat editor")
    sign_in_staff(client, staff)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/matchmaking/introduction/",
            {"action": "forward_introductions", "_selected_action": [introduction.pk]},
        )
    introduction.refresh_from_db()
    assert introduction.status == "forwarded"
    assert [m.to for m in mail.outbox] == [[pair["partner"].user.email]]

    # The project's side cannot answer its own request; the enterprise's side accepts.
    client.force_login(pair["owner"].user)
    client.post(f"/en/member/introductions/{introduction.pk}/answer/", {"answer": "accept"})
    assert Introduction.objects.get().status == "forwarded"
    client.force_login(pair["partner"].user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/member/introductions/{introduction.pk}/answer/", {"answer": "accept"})
    assert Introduction.objects.get().status == "accepted"
    # Both sides receive each other's contact details.
    bodies = {m.to[0]: m.body for m in mail.outbox}
    for body in bodies.values():
        assert pair["owner"].user.email in body and pair["partner"].user.email in body
    assert set(bodies) == {pair["owner"].user.email, pair["partner"].user.email}

    # Either side records the outcome; the other side hears of it.
    prefix = f"outcome-{introduction.pk}"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/member/introductions/{introduction.pk}/outcome/",
            {
                f"{prefix}-outcome": "agreement",
                f"{prefix}-agreement_value_usd": "2500000",
                f"{prefix}-co2_reduction": "12000",
                f"{prefix}-outcome_note": "EPC contract signed.",
            },
        )
    introduction.refresh_from_db()
    assert [m.to for m in mail.outbox] == [[pair["owner"].user.email]]
    assert "Agreement signed" in mail.outbox[0].body
    assert introduction.outcome == "agreement"
    assert introduction.agreement_value_usd == 2_500_000
    assert "Agreement signed" in text(client.get("/en/member/"))

    # Staff see the impact per run, country and sector.
    sign_in_staff(client, staff)
    impact = text(client.get("/admin/matchmaking/introduction/impact/"))
    assert "2,500,000" in impact and "12,000" in impact and "Brazil" in impact


def test_the_dashboard_offers_each_side_what_it_may_do_now(client, pair):
    introduction = Introduction.objects.create(
        project=pair["project"],
        enterprise=pair["partner"].enterprise,
        requesting_side="project",
        status="forwarded",
    )
    owner, partner = pair["owner"].user, pair["partner"].user
    assert not introductions.can_answer(introduction, owner)
    assert introductions.can_answer(introduction, partner)
    client.force_login(owner)
    assert "Accept the introduction" not in text(client.get("/en/member/"))
    client.force_login(partner)
    assert "Accept the introduction" in text(client.get("/en/member/"))
    assert "Tell us how it went" not in text(client.get("/en/member/"))

    introduction.status = "accepted"
    introduction.save()
    for user in (owner, partner):
        assert introductions.can_record_outcome(introduction, user)
        assert not introductions.can_answer(introduction, user)
        client.force_login(user)
        assert "Tell us how it went" in text(client.get("/en/member/"))


def test_a_negative_agreement_value_is_refused(client, pair):
    introduction = Introduction.objects.create(
        project=pair["project"],
        enterprise=pair["partner"].enterprise,
        requesting_side="project",
        status="accepted",
    )
    client.force_login(pair["owner"].user)
    prefix = f"outcome-{introduction.pk}"
    client.post(
        f"/en/member/introductions/{introduction.pk}/outcome/",
        {f"{prefix}-outcome": "agreement", f"{prefix}-agreement_value_usd": "-5"},
    )
    assert Introduction.objects.get().outcome == ""


def test_an_outcome_needs_an_accepted_introduction(client, pair):
    introduction = Introduction.objects.create(
        project=pair["project"],
        enterprise=pair["partner"].enterprise,
        requesting_side="project",
    )
    client.force_login(pair["owner"].user)
    client.post(
        f"/en/member/introductions/{introduction.pk}/outcome/",
        {f"outcome-{introduction.pk}-outcome": "meeting"},
    )
    assert Introduction.objects.get().outcome == ""


def test_staff_browse_runs_and_start_one(client, pair, django_capture_on_commit_callbacks):
    admin = StaffFactory(role="Administrator")
    sign_in_staff(client, admin)
    listing = text(client.get("/admin/matchmaking/matchrun/"))
    assert "Start a run now" in listing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/matchmaking/matchrun/start/")
    assert response.status_code == 302
    assert MatchRun.objects.count() == 2
    assert MatchRun.objects.current().trigger == "manual"
    assert client.get("/admin/matchmaking/match/").status_code == 200


def test_an_editor_cannot_start_a_run(client, pair, django_capture_on_commit_callbacks):
    editor = StaffFactory(role="Secretariat editor")
    sign_in_staff(client, editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/matchmaking/matchrun/start/")
    assert MatchRun.objects.count() == 1


def test_other_enterprises_records_do_not_leak_into_recommendations(client, pair):
    EnterpriseFactory(title="Draft enterprise", status="draft")
    runs.run_inline("manual")
    client.force_login(pair["owner"].user)
    assert "Draft enterprise" not in text(client.get(project_page(pair)))


def test_an_unpublished_enterprise_is_no_longer_proposed(client, pair):
    enterprise = pair["partner"].enterprise
    enterprise.status = "archived"
    enterprise.save()
    client.force_login(pair["owner"].user)
    assert "Sol Verde EPC" not in text(client.get(project_page(pair)))
    response = client.post(f"/en/member/matches/{pair['match'].pk}/introduce/")
    assert response.status_code == 404
    assert not Introduction.objects.exists()


def test_a_declined_introduction_is_told_to_the_side_that_asked(
    client, pair, django_capture_on_commit_callbacks
):
    introduction = Introduction.objects.create(
        project=pair["project"],
        enterprise=pair["partner"].enterprise,
        requesting_side="project",
        status="forwarded",
    )
    client.force_login(pair["partner"].user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/member/introductions/{introduction.pk}/answer/", {"answer": "decline"})
    assert Introduction.objects.get().status == "declined"
    assert [m.to for m in mail.outbox] == [[pair["owner"].user.email]]


def test_starting_a_run_with_the_task_queue_away_says_so(client, monkeypatch):
    from kombu.exceptions import OperationalError

    from matchmaking import tasks

    def unreachable(*args, **kwargs):
        raise OperationalError("Error 111 connecting to redis")

    monkeypatch.setattr(tasks.run_matchmaking, "delay", unreachable)
    sign_in_staff(client, StaffFactory(role="Administrator"))
    response = client.post("/admin/matchmaking/matchrun/start/", follow=True)
    assert response.status_code == 200
    assert "The task queue is unreachable" in text(response)
    assert not MatchRun.objects.exists()


@pytest.mark.parametrize("step", ["request", "record_outcome"])
def test_a_step_whose_emails_cannot_be_queued_is_not_taken(pair, monkeypatch, step):
    """The e-mails go to the outbox in the step's own transaction: no step without them."""
    from django.db import OperationalError

    from platform_site import mail as outbox

    accepted = None
    if step == "record_outcome":
        accepted = Introduction.objects.create(
            project=pair["project"],
            enterprise=pair["partner"].enterprise,
            requesting_side="project",
            status="accepted",
        )

    def database_gone(*args, **kwargs):
        raise OperationalError("the connection was lost")

    monkeypatch.setattr(outbox, "queue", database_gone)
    with pytest.raises(OperationalError):
        if step == "request":
            introductions.request(pair["match"], "project", pair["owner"].user, "Hello")
        else:
            introductions.record_outcome(accepted, pair["owner"].user, "meeting")
    if step == "request":
        assert not Introduction.objects.exists()
    else:
        assert Introduction.objects.get().outcome == ""


# -- The dashboard kept for its member (platform_site/cache.py) ----------------------------


@pytest.fixture
def dashboard_cache(settings):
    # The cache outlives a test's rolled-back rows, whose commits never bumped a version.
    bump_content_version()
    settings.PERSONAL_PAGE_CACHE_SECONDS = 300


def members_version():
    return content_version(*member_areas())


def test_a_dashboard_is_kept_for_its_member_until_what_it_shows_changes(
    pair, dashboard_cache, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(pair["partner"].user)
    assert "Floating solar plant" in text(client.get("/en/member/"))

    # Kept: the session and the user are all it reads.
    with django_assert_max_num_queries(2):
        kept = client.get("/en/member/")
    assert "Floating solar plant" in text(kept)
    # Its forms carry this request's CSRF token, not the one it was rendered with.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', kept.text).group(1)
    assert token != CSRF_MARK and CSRF_MARK not in kept.text

    # The other member gets a dashboard of their own.
    other = Client()
    other.force_login(pair["owner"].user)
    assert "Sertão Solar Ltda" in text(other.get("/en/member/"))
    assert "Sertão Solar Ltda" not in text(client.get("/en/member/"))

    # A form of the kept page works, and what it changes shows at once.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/member/matches/{pair['match'].pk}/dismiss/",
            {"side": "enterprise", "next": "/en/member/", "csrfmiddlewaretoken": token},
        )
    assert response.status_code == 302
    assert Dismissal.objects.filter(project=pair["project"]).exists()
    assert "Floating solar plant" not in text(client.get("/en/member/"))


def test_every_change_a_dashboard_shows_makes_it_stale(
    pair, dashboard_cache, django_capture_on_commit_callbacks
):
    """The changes that send no signal (conditional updates, rows written in bulk) bump the
    members' version by hand: each route is tried here."""
    owner, partner, staff = pair["owner"].user, pair["partner"].user, StaffFactory()

    def stales(change):
        before = members_version()
        with django_capture_on_commit_callbacks(execute=True):
            result = change()
        assert members_version() != before, change
        return result

    introduction = stales(lambda: introductions.request(pair["match"], "project", owner))
    stales(lambda: introductions.forward([introduction.pk], staff))
    introduction.refresh_from_db()
    stales(lambda: introductions.answer(introduction, partner, accept=True))
    introduction.refresh_from_db()
    stales(lambda: introductions.record_outcome(introduction, owner, "meeting"))
    stales(lambda: runs.run_inline("manual"))
    stales(lambda: runs.recompute("project", pair["project"].pk))
    joining = UserFactory()
    request = stales(lambda: members.request_to_join(joining, pair["owner"].enterprise))
    stales(lambda: members.decide(Membership.objects.filter(pk=request.pk), "declined", staff))
    stales(lambda: members.request_to_join(joining, pair["owner"].enterprise))
