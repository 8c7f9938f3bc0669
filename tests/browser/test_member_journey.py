"""A member in a real browser: signs up, confirms the address, registers an enterprise, submits a
project with an image; a reviewer publishes it from the admin; visitors then find it."""

import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from playwright.sync_api import expect

from databases.models import Enterprise, Project
from tests.factories import SectorFactory, SuperUserFactory, brazil
from tests.utils import totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct horse battery staple"


def png_bytes():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (320, 200), (30, 140, 80)).save(out, "PNG")
    return out.getvalue()


def test_from_sign_up_to_a_published_project(page, live_server, browser):
    country = brazil()
    SectorFactory(code="solar-energy", name="Solar energy")

    # Sign up, then confirm the address from the e-mail.
    page.goto(f"{live_server.url}/en/accounts/signup/")
    page.locator("#id_name").fill("Ana Souza")
    page.locator("#id_email").fill("ana@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    link = re.search(r"https?://\S+/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.locator("form.account-form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My dashboard")

    # Register the enterprise; the secretariat verifies it.
    page.get_by_role("link", name="Register an enterprise").click()
    page.get_by_label("Name of the enterprise").fill("Sol Verde Ltda")
    page.get_by_label("Country").select_option(str(country.pk))
    page.get_by_role("button", name="Register").click()
    expect(page.locator(".messages")).to_contain_text("Sol Verde Ltda is registered")
    expect(page.locator("main")).to_contain_text("Signed in as Ana Souza")
    expect(page.locator(".status-line .status-tag").first).to_have_text("Waiting for verification")
    Enterprise.objects.filter(title="Sol Verde Ltda").update(verified=True)

    # Submit a project with an image.
    page.reload()
    page.get_by_role("link", name="Submit a project").click()
    page.get_by_label("Title").fill("Floating solar plant at Sobradinho")
    page.get_by_label("Summary").fill("A 20 MW floating solar plant on the Sobradinho reservoir.")
    page.get_by_label("Description").fill("We look for an EPC partner and green financing.")
    page.get_by_label("Country").select_option(str(country.pk))
    page.get_by_label("Solar energy").check()
    page.get_by_label("Stage").select_option("financing")
    page.get_by_label("Add images").set_input_files(
        files=[{"name": "reservoir.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messages")).to_contain_text("Submitted for review")
    expect(page.locator(".tracker [aria-current=step]")).to_have_text("Received")
    project = Project.objects.get()
    assert project.status == "pending" and project.image

    # A reviewer signs in with a second factor and publishes it from the admin.
    reviewer = SuperUserFactory(email="reviewer@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=reviewer, email=reviewer.email, verified=True, primary=True)
    staff = browser.new_context().new_page()
    staff.goto(f"{live_server.url}/admin/")
    staff.locator("input[name=login]").fill("Reviewer@Example.org")
    staff.locator("input[name=password]").fill(PASSWORD)
    staff.get_by_role("button", name="Sign In").click()
    staff.locator("input[name=code]").fill(totp())
    staff.get_by_role("button", name="Sign In").click()
    staff.get_by_role("link", name="Submissions to review").click()
    staff.get_by_role("link", name="Floating solar plant at Sobradinho").click()
    staff.get_by_role("button", name="Publish").click()
    expect(staff.locator(".messagelist")).to_contain_text("is published")
    staff.context.close()

    # The member sees the decision; visitors find the project.
    page.reload()
    expect(page.locator(".tracker [aria-current=step]")).to_have_text("Published")
    assert any("Floating solar plant" in message.subject for message in mail.outbox)
    visitor = browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/en/projects/?q=Sobradinho")
    visitor.get_by_role("link", name="Floating solar plant at Sobradinho").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "Floating solar plant at Sobradinho"
    )
    visitor.context.close()
