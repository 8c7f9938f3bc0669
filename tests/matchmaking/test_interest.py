"""Expressing interest from a record's page: a project's becomes an introduction, any other
record's an interest the secretariat forwards to its owner; visitors are offered sign-up and
"Consult us" with the record named; strangers, duplicates and one's own records; the interests
on the member dashboard."""

import re

import pytest
from django.core import mail
from django.utils import translation
from django.utils.html import escape

from cms.models import SiteSettings
from matchmaking import interest, statuses
from matchmaking.models import Interest, Introduction
from tests.factories import (
    MembershipFactory,
    ProjectFactory,
    ServiceInstitutionFactory,
    StaffFactory,
    TechnologyFactory,
    UserFactory,
)
from tests.utils import sign_in_staff, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat():
    settings_row = SiteSettings.get_solo()
    settings_row.emails = "secretariat@example.org"
    settings_row.save()


@pytest.fixture
def owner():
    return MembershipFactory(enterprise__title="Sertão Solar Ltda")


@pytest.fixture
def member():
    return MembershipFactory(enterprise__title="Sol Verde EPC")


def interest_url(record):
    return f"/en/member/interest/{record.url_name}/{record.slug}/"


def test_interest_in_a_project_is_an_introduction_the_secretariat_forwards(
    client, secretariat, owner, member, django_capture_on_commit_callbacks
):
    project = ProjectFactory(title="Floating solar plant", enterprise=owner.enterprise)
    client.force_login(member.user)
    assert "Express interest" in text(client.get(project.get_absolute_url()))
    assert client.get(interest_url(project)).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(interest_url(project), {"message": "We build floating PV."})
    assert response.url == project.get_absolute_url()
    introduction = Introduction.objects.get()
    assert (introduction.project, introduction.enterprise) == (project, member.enterprise)
    assert (introduction.requesting_side, introduction.status) == ("enterprise", "requested")
    assert introduction.message == "We build floating PV." and introduction.run is None
    assert {m.to[0] for m in mail.outbox} == {"secretariat@example.org", member.user.email}
    page = text(client.get(project.get_absolute_url()))
    assert "Thank you: your message is with the secretariat" in page
    assert "Sol Verde EPC expressed interest on" in page

    # Twice: still one, and the form is not offered again.
    assert client.post(interest_url(project), {"message": "Again"}).status_code == 302
    assert Introduction.objects.count() == 1

    # Staff forward it: the project's members hear of it.
    sign_in_staff(client, StaffFactory(role="Secretariat editor"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/matchmaking/introduction/",
            {"action": "forward_introductions", "_selected_action": [introduction.pk]},
        )
    assert [m.to for m in mail.outbox] == [[owner.user.email]]
    assert "We build floating PV." in mail.outbox[0].body


def test_interest_in_a_technology_goes_to_its_provider_through_the_secretariat(
    client, secretariat, owner, member, django_capture_on_commit_callbacks
):
    technology = TechnologyFactory(title="Solar dryer", provider=owner.enterprise)
    page = text(client.get(technology.get_absolute_url()))
    assert "Sertão Solar Ltda" in page  # the provider, public, linked
    client.force_login(member.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(interest_url(technology), {"message": "We would license it in Brazil."})
    found = Interest.objects.get()
    assert (found.record, found.enterprise, found.status) == (
        technology,
        member.enterprise,
        "requested",
    )
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"secretariat@example.org", member.user.email}
    assert "Solar dryer" in by_address[member.user.email].subject
    assert f"/admin/matchmaking/interest/{found.pk}/" in by_address["secretariat@example.org"].body

    sign_in_staff(client, StaffFactory(role="Secretariat editor"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/matchmaking/interest/",
            {"action": "forward_interests", "_selected_action": [found.pk]},
        )
    found.refresh_from_db()
    assert found.status == "forwarded"
    assert [m.to for m in mail.outbox] == [[owner.user.email]]
    body = mail.outbox[0].body
    assert "We would license it in Brazil." in body and member.user.email in body


def test_an_institution_hears_of_an_interest_at_its_own_address(
    client, member, django_capture_on_commit_callbacks
):
    institution = ServiceInstitutionFactory(email="desk@institute.example")
    found = interest.express(institution, member.enterprise, member.user, "Training?")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert interest.forward([found.pk], StaffFactory()) == 1
    assert [m.to for m in mail.outbox] == [["desk@institute.example"]]
    # Without an address nor members, it stays with the secretariat.
    silent = interest.express(ServiceInstitutionFactory(), member.enterprise, member.user, "Hi")
    assert interest.forward([silent.pk], StaffFactory()) == 0


def test_a_visitor_is_offered_sign_up_and_consult_us_with_the_record_named(client):
    technology = TechnologyFactory(title="Solar dryer", slug="solar-dryer")
    page = client.get(technology.get_absolute_url()).content.decode()
    assert "/en/accounts/signup/?next=/en/technologies/solar-dryer/" in page
    assert "/en/contact/?about=technology:solar-dryer" in page

    form = client.get("/en/contact/?about=technology:solar-dryer").context["form"]
    assert form.initial["topic"] == "technology"
    assert "About “Solar dryer”" in form.initial["message"]
    assert "/en/technologies/solar-dryer/" in form.initial["message"]


@pytest.mark.parametrize(
    "about", ["technology:nothing", "spaceship:solar-dryer", "technology", ":", "x" * 500, "a:b:c"]
)
def test_an_unknown_record_to_consult_about_is_ignored(client, about):
    TechnologyFactory(slug="solar-dryer")
    response = client.get("/en/contact/", {"about": about})
    assert response.status_code == 200
    assert response.context["form"].initial == {}


def test_members_without_a_verified_enterprise_are_told_what_to_do(client):
    project = ProjectFactory()
    stranger = UserFactory()
    client.force_login(stranger)
    assert "register your enterprise or ask to join one" in text(
        client.get(project.get_absolute_url())
    )
    assert client.post(interest_url(project), {"message": "Hello"}).status_code == 302
    waiting = MembershipFactory(enterprise__verified=False)
    client.force_login(waiting.user)
    assert "once your membership is approved" in text(client.get(project.get_absolute_url()))
    client.post(interest_url(project), {"message": "Hello"})
    assert not Introduction.objects.exists() and not Interest.objects.exists()


def test_no_interest_in_ones_own_records(client, owner):
    project = ProjectFactory(enterprise=owner.enterprise)
    client.force_login(owner.user)
    assert "Your enterprise published this." in text(client.get(project.get_absolute_url()))
    client.post(interest_url(project), {"message": "Hello"})
    client.post(interest_url(owner.enterprise), {"message": "Hello"})
    assert not Introduction.objects.exists() and not Interest.objects.exists()
    with pytest.raises(interest.InterestRefused):
        interest.express(project, owner.enterprise, owner.user, "Hello")


def test_interest_needs_a_published_record_a_message_and_a_signed_in_member(client, member):
    draft = TechnologyFactory(status="draft")
    technology = TechnologyFactory()
    assert client.get(interest_url(technology)).status_code == 302  # to log in
    client.force_login(member.user)
    assert client.get(interest_url(draft)).status_code == 404
    assert client.get(f"/en/member/interest/spaceship/{technology.slug}/").status_code == 404
    assert client.post(interest_url(technology), {"message": ""}).status_code == 200
    assert client.put(interest_url(technology)).status_code == 405
    assert not Interest.objects.exists()


def test_expressing_interest_is_limited_per_day(client, member, monkeypatch):
    monkeypatch.setattr(interest, "RATE_LIMIT", 2)
    client.force_login(member.user)
    first, second, third = TechnologyFactory.create_batch(3)
    for technology in (first, second):
        client.post(interest_url(technology), {"message": "Interested"})
    response = client.post(interest_url(third), {"message": "Interested"})
    assert response.status_code == 429
    assert "Please try again tomorrow" in text(response)
    assert Interest.objects.count() == 2
    # Asking again about one already asked is not refused: it is the open one.
    assert interest.express(first, member.enterprise, member.user, "Again").record == first


def test_interest_needs_the_csrf_token(member):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member.user)
    technology = TechnologyFactory()
    assert client.post(interest_url(technology), {"message": "Hi"}).status_code == 403


@pytest.mark.parametrize("role", ["Reviewer", None])
def test_only_staff_who_broker_introductions_forward_an_interest(client, owner, member, role):
    """The admin's action is the only route to "forwarded" besides the service itself."""
    technology = TechnologyFactory(title="Solar dryer", provider=owner.enterprise)
    found = interest.express(technology, member.enterprise, member.user, "We would license it.")
    sign_in_staff(client, StaffFactory(role=role))
    response = client.post(
        "/admin/matchmaking/interest/",
        {"action": "forward_interests", "_selected_action": [found.pk]},
    )
    assert response.status_code == 403
    found.refresh_from_db()
    assert found.status == "requested"


def test_a_stranger_cannot_reach_the_interests_admin(client, member):
    client.force_login(member.user)
    response = client.post("/admin/matchmaking/interest/", {"action": "forward_interests"})
    assert response.status_code == 302 and "/login/" in response["Location"]


# The member dashboard ------------------------------------------------------------------------


def status_tags(response):
    """The status badges of the dashboard's introductions and interests, in order."""
    section = text(response).split('id="introductions-heading"')[1]
    return re.findall(r'<strong class="status-tag status-(\w+)">([^<]+)</strong>', section)


def test_the_dashboard_lists_interests_sent_and_received_with_their_status(client, owner, member):
    technology = TechnologyFactory(title="Solar dryer", provider=owner.enterprise)
    found = interest.express(technology, member.enterprise, member.user, "We would license it.")
    client.force_login(member.user)
    response = client.get("/en/member/")
    assert status_tags(response) == [("waiting", "Waiting for the secretariat")]
    assert "Interest expressed by Sol Verde EPC" in text(response)
    assert technology.get_absolute_url() in text(response)
    # The owner hears of it once the secretariat forwards it, not before.
    client.force_login(owner.user)
    assert status_tags(client.get("/en/member/")) == []

    interest.forward([found.pk], StaffFactory())
    response = client.get("/en/member/")
    assert status_tags(response) == [("todo", "Your reply is awaited")]
    content = text(response)
    assert "Interest from Sol Verde EPC" in content and "We would license it." in content
    assert f'href="mailto:{member.user.email}"' in content
    client.force_login(member.user)
    assert status_tags(client.get("/en/member/")) == [("done", "Forwarded to the owner")]

    Interest.objects.filter(pk=found.pk).update(status="closed")
    for user in (owner.user, member.user):
        client.force_login(user)
        response = client.get("/en/member/")
        assert status_tags(response) == [("closed", "Closed")]
        assert f"mailto:{member.user.email}" not in text(response)
    # Nobody else sees it.
    client.force_login(MembershipFactory().user)
    assert status_tags(client.get("/en/member/")) == []


def test_an_introduction_shows_the_readers_status_label_never_its_value(client, owner, member):
    project = ProjectFactory(title="Floating solar plant", enterprise=owner.enterprise)
    found = interest.express(project, member.enterprise, member.user, "We build these.")
    client.force_login(member.user)
    assert status_tags(client.get("/en/member/")) == [("waiting", "Waiting for the secretariat")]
    Introduction.objects.filter(pk=found.pk).update(status="forwarded")
    assert status_tags(client.get("/en/member/")) == [("waiting", "Waiting for the answer")]
    client.force_login(owner.user)
    response = client.get("/en/member/")
    assert status_tags(response) == [("todo", "Your answer is needed")]
    assert ">forwarded<" not in text(response).lower()
    # In the reader's language, as every status of the dashboard.
    with translation.override("ru"):
        label = str(statuses.INTRODUCTION_TO_ANSWER[1])
    assert label != "Your answer is needed"
    assert status_tags(client.get("/ru/member/")) == [("todo", label)]


def test_a_failed_interest_summarises_its_errors_and_marks_the_message(client, member):
    """The form system of every form (templates/forms/): the summary links to the field, which
    is marked invalid and described by its error; what was typed elsewhere is kept."""
    other = MembershipFactory(user=member.user, enterprise__title="Água Limpa")
    technology = TechnologyFactory()
    client.force_login(member.user)
    response = client.post(interest_url(technology), {"enterprise": other.enterprise.pk})
    assert response.status_code == 200
    content = text(response)
    summary = re.search(r'<div class="error-summary".*?</div>', content, re.S).group(0)
    assert 'tabindex="-1"' in summary and "data-error-summary" in summary
    assert '<a href="#id_message">This field is required.</a>' in summary
    assert 'src="/static/js/forms.js"' in content
    message = re.search(r"<textarea[^>]*>", content).group(0)
    assert 'aria-invalid="true"' in message
    assert 'aria-describedby="id_message_helptext id_message_error"' in message
    assert '<label class="field-label" for="id_message">Your message</label>' in content
    assert re.search(rf'<option value="{other.enterprise.pk}" selected>', content)
    assert not Interest.objects.exists()


def test_a_refused_interest_is_in_the_error_summary(client, member, monkeypatch):
    monkeypatch.setattr(interest, "RATE_LIMIT", 0)
    client.force_login(member.user)
    response = client.post(interest_url(TechnologyFactory()), {"message": "Interested"})
    assert response.status_code == 429
    summary = re.search(r'<div class="error-summary".*?</div>', text(response), re.S).group(0)
    assert "Please try again tomorrow" in summary


@pytest.mark.parametrize("language", ["en", "zh-hans", "ru", "pt-br", "hi"])
def test_a_records_page_says_where_an_open_interest_stands_and_what_comes_next(
    client, owner, member, language
):
    technology = TechnologyFactory(title="Solar dryer", provider=owner.enterprise)
    found = interest.express(technology, member.enterprise, member.user, "Interested")
    client.force_login(member.user)
    url = f"/{language}{technology.get_absolute_url()[3:]}"

    def next_step_section():
        content = text(client.get(url))
        return re.search(r'<section class="next-step".*?</section>', content, re.S).group(0)

    with translation.override(language):
        waiting = [escape(str(part)) for part in statuses.CHECKED_BY_SECRETARIAT[1:3]]
        forwarded = [
            escape(str(part)) for part in statuses.SENT_INTEREST_STATUSES["forwarded"][1:3]
        ]
    section = next_step_section()
    assert all(part in section for part in waiting), section
    assert "Sol Verde EPC" in section
    assert "requested" not in section.lower() and "Requested" not in section
    Interest.objects.filter(pk=found.pk).update(status="forwarded")
    section = next_step_section()
    assert all(part in section for part in forwarded), section
