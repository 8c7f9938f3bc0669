"""Express interest in a real browser: a member writes to a project's owner through the
secretariat; a visitor is offered sign-up and "Consult us" with the record named."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from cms.models import SiteSettings
from matchmaking.models import Introduction
from tests.factories import MembershipFactory, ProjectFactory, TechnologyFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page, user, base_url):
    client = Client()
    client.force_login(user)
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": base_url}])


@pytest.mark.parametrize("width", [390, 1366])
def test_a_member_expresses_interest_in_a_project(page, live_server, audit, width):
    SiteSettings.objects.update_or_create(pk=1, defaults={"emails": "secretariat@example.org"})
    owner = MembershipFactory(enterprise__title="Sertão Solar Ltda")
    member = MembershipFactory(enterprise__title="Sol Verde EPC")
    project = ProjectFactory(title="Floating solar plant", enterprise=owner.enterprise)
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, member.user, live_server.url)

    page.goto(live_server.url + project.get_absolute_url())
    expect(page.get_by_role("link", name="Sertão Solar Ltda")).to_be_visible()
    page.get_by_role("link", name="Express interest").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Floating solar plant")
    page.get_by_role("button", name="Send to the secretariat").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()  # the message is needed
    page.get_by_label("Your message").fill("We build floating PV plants and would like to talk.")
    page.get_by_role("button", name="Send to the secretariat").click()

    expect(page.locator(".messages")).to_contain_text("your message is with the secretariat")
    expect(page.locator(".next-step")).to_contain_text("Sol Verde EPC expressed interest on")
    introduction = Introduction.objects.get()
    assert (introduction.enterprise, introduction.project) == (member.enterprise, project)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    audit.sign_in(member.user)
    assert audit(live_server.url + f"/en/member/interest/project/{project.slug}/") == []


@pytest.mark.parametrize("language", ["en", "zh-hans", "ru", "pt-br", "hi"])
def test_a_failed_interest_focuses_the_error_summary_whose_link_reaches_the_message(
    page, live_server, language
):
    member = MembershipFactory()
    technology = TechnologyFactory(provider=MembershipFactory().enterprise)
    page.set_viewport_size({"width": 390, "height": 800})
    sign_in(page, member.user, live_server.url)
    page.goto(f"{live_server.url}/{language}/member/interest/technology/{technology.slug}/")
    page.locator("form.interest-form button[type=submit]").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    message = page.locator("textarea[name=message]")
    expect(message).to_have_attribute("aria-invalid", "true")
    expect(message).to_have_attribute("aria-describedby", "id_message_helptext id_message_error")
    summary.locator("a[href='#id_message']").click()
    expect(message).to_be_focused()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_visitor_can_sign_up_or_consult_us_about_a_record(page, live_server, audit):
    project = ProjectFactory(title="Floating solar plant", slug="floating-solar-plant")
    url = live_server.url + project.get_absolute_url()
    assert audit(url) == []
    page.goto(url)
    expect(page.get_by_role("link", name="Sign up to express interest")).to_be_visible()
    page.get_by_role("link", name="Consult us about this").click()
    expect(page.get_by_label("Topic")).to_have_value("project")
    expect(page.locator("textarea[name=message]")).to_have_value(
        "About “Floating solar plant” (/en/projects/floating-solar-plant/):\n\n"
    )
