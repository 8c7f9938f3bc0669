"""The form system in a browser: after a failed submit the error summary has the focus and
its links lead to the fields; a chosen image survives the error; the page stays axe-clean."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from databases.models import Project
from tests.browser.test_member_journey import png_bytes
from tests.factories import MembershipFactory, SectorFactory, brazil

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def signed_in(page, user, base_url):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )


def test_a_failed_submit_focuses_the_error_summary_whose_links_reach_the_fields(page, live_server):
    page.goto(f"{live_server.url}/en/contact/")
    page.locator("#id_email").fill("not an address")
    page.locator("form.contact-form button[type=submit]").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    summary.get_by_role("link").filter(has_text="valid email").click()
    expect(page.locator("#id_email")).to_be_focused()
    expect(page.locator("#id_email")).to_have_attribute("aria-invalid", "true")


def test_an_image_chosen_before_an_error_is_kept(page, live_server):
    country = brazil()
    SectorFactory(code="solar-energy", name="Solar energy")
    member = MembershipFactory()
    signed_in(page, member.user, live_server.url)
    page.goto(f"{live_server.url}/en/member/projects/new/")
    page.get_by_label("Title").fill("Floating solar plant at Sobradinho")
    page.get_by_label("Description").fill("We look for an EPC partner and green financing.")
    page.get_by_label("Country").select_option(str(country.pk))
    page.get_by_label("Solar energy").check()
    page.get_by_label("Stage").select_option("financing")
    page.get_by_label("Add images").set_input_files(
        files=[{"name": "reservoir.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    # The summary is missing.
    page.get_by_role("button", name="Submit for review").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    keep = page.get_by_label("Keep image 1")
    expect(keep).to_be_checked()
    expect(page.locator(".gallery-edit img[src^='data:image/webp']")).to_have_count(1)
    assert not Project.objects.exists()

    page.get_by_label("Summary").fill("A 20 MW floating solar plant on the Sobradinho reservoir.")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messages")).to_contain_text("Submitted for review")
    project = Project.objects.get()
    assert project.status == "pending" and project.image and project.image.width == 320


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_form_sent_back_with_errors_has_no_wcag_violations(audit, live_server, language):
    member = MembershipFactory()
    audit.sign_in(member.user)

    def submit_a_title_only(page):
        page.locator("#id_title").fill("Idea")
        with page.expect_navigation():
            page.locator("button[name=submit]").click()
        assert page.locator("[data-error-summary]").count() == 1

    url = f"{live_server.url}/{language}/member/projects/new/"
    assert audit(url, then=submit_a_title_only) == []


def test_a_long_form_with_kept_images_fits_a_phone(browser, live_server):
    member = MembershipFactory()
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    signed_in(page, member.user, live_server.url)
    page.goto(f"{live_server.url}/ru/member/projects/new/")
    page.locator("#id_title").fill("Idea")
    page.locator("#id_images").set_input_files(
        files=[{"name": "reservoir.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    page.locator("button[name=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
