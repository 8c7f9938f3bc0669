"""Staff and their second factor in a real browser: a new staff member sets up an authenticator
app on the way to the admin; another signs in with a security key (a virtual authenticator of
Chromium's DevTools protocol); the pages of both pass axe-core's audit and obey the CSP."""

import json
import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from tests.browser.test_admin_csp import RECORD_VIOLATIONS
from tests.factories import StaffFactory
from tests.utils import totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct horse battery staple"
LANGUAGES = ["en", "zh-hans"]


def new_staff_member(**kwargs):
    # No role: the groups come from a migration, and a live-server test after the first gets the
    # migrations' rows back only if no other test set the database up before Playwright started.
    staff = StaffFactory(**kwargs)
    EmailAddress.objects.create(user=staff, email=staff.email, verified=True, primary=True)
    return staff


def submit(page):
    with page.expect_navigation():
        page.locator("form.account-form button[type=submit]").click()


def sign_in_with_password(email):
    def sign_in(page):
        page.locator("input[name=login]").fill(email)
        page.locator("input[name=password]").fill(PASSWORD)
        submit(page)

    return sign_in


def confirm_password(page):
    page.locator("input[name=password]").fill(PASSWORD)
    submit(page)


def activate_the_app(page):
    """Types the code an authenticator app shows for the secret on the activation page."""
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("input[name=code]").fill(totp(secret))
    submit(page)
    return secret


def test_a_new_staff_member_sets_up_an_authenticator_app_on_the_way_to_the_admin(page, live_server):
    staff = new_staff_member(second_factor=False)
    page.goto(f"{live_server.url}/admin/")
    expect(page).to_have_url(re.compile(r"/en/accounts/login/\?next=%2Fadmin%2F$"))
    sign_in_with_password(staff.email)(page)

    # The admin sends them to set up a factor first.
    expect(page).to_have_url(re.compile(r"/en/accounts/2fa/\?next="))
    expect(page.locator(".messages")).to_contain_text("set one up to open the back office")
    page.get_by_role("link", name="Activate").click()
    # allauth asks for the password again before any change to the account's factors.
    expect(page).to_have_url(re.compile(r"/en/accounts/reauthenticate/"))
    confirm_password(page)
    expect(page).to_have_url(re.compile(r"/en/accounts/2fa/totp/activate/$"))
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    secret = activate_the_app(page)
    assert Authenticator.objects.filter(user=staff, type="totp").exists()

    # Recovery codes are shown right away, with a way to keep them.
    expect(page).to_have_url(re.compile(r"/en/accounts/2fa/recovery-codes/$"))
    codes = page.locator("#recovery_codes").input_value().split()
    assert len(codes) == 10
    expect(page.get_by_role("link", name="Download codes")).to_be_visible()

    # The back office then asks for a code of the new app, and opens.
    page.get_by_role("link", name="Open the back office").click()
    expect(page).to_have_url(re.compile(r"/en/accounts/2fa/reauthenticate/\?next=%2Fadmin%2F$"))
    page.locator("input[name=code]").fill(totp(secret))
    submit(page)
    assert page.url == f"{live_server.url}/admin/"
    expect(page).to_have_title(re.compile("Back office"))


def add_virtual_authenticator(page):
    """A security key with a PIN or fingerprint check built into Chromium, which answers every
    WebAuthn request of this page by itself. Returns a function that lists its credentials."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    return lambda: cdp.send("WebAuthn.getCredentials", added)["credentials"]


def test_a_staff_member_adds_a_security_key_then_signs_in_with_it(staff_page, live_server):
    # http://localhost is a secure context for browsers, and an origin fido2 accepts for the
    # relying party "localhost": no MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN needed.
    staff = new_staff_member()
    page = staff_page(staff)
    credentials = add_virtual_authenticator(page)

    page.goto(f"{live_server.url}/en/accounts/2fa/")
    page.locator("section", has_text="Security keys").get_by_role("link", name="Add").click()
    page.get_by_label("Name").fill("Office key")
    with page.expect_navigation():
        page.get_by_role("button", name="Add", exact=True).click()
    key = Authenticator.objects.get(user=staff, type="webauthn")
    assert key.wrap().name == "Office key"
    assert len(credentials()) == 1

    page.get_by_role("link", name="Sign out").click()
    submit(page)
    page.goto(f"{live_server.url}/admin/")
    sign_in_with_password(staff.email)(page)
    expect(page).to_have_url(re.compile(r"/en/accounts/2fa/authenticate/"))
    with page.expect_navigation():
        page.get_by_role("button", name="Use a security key").click()
    assert page.url == f"{live_server.url}/admin/"
    expect(page).to_have_title(re.compile("Back office"))
    key.refresh_from_db()
    assert key.last_used_at is not None


def visit_the_second_factor_pages(visit, server, language):
    """Calls ``visit(url, then=None)`` on each page of the second factor, as a new staff member
    meets them: the 2FA index, the password confirmation, TOTP activation, recovery codes, the
    security key form, the confirmation with a code, and the code asked for at log-in."""
    base = f"{server}/{language}"
    staff = new_staff_member(second_factor=False)
    visit(f"{base}/accounts/login/?next=/admin/", then=sign_in_with_password(staff.email))
    visit(f"{base}/accounts/2fa/")
    visit(f"{base}/accounts/reauthenticate/?next=/{language}/accounts/2fa/totp/activate/")
    visit(f"{base}/accounts/2fa/totp/activate/", then=confirm_password)
    visit(f"{base}/accounts/2fa/totp/activate/", then=activate_the_app)
    visit(f"{base}/accounts/2fa/")
    visit(f"{base}/accounts/2fa/webauthn/add/")
    visit(f"{base}/accounts/2fa/reauthenticate/?next=/admin/")
    visit(f"{base}/accounts/logout/", then=submit)
    visit(f"{base}/accounts/login/?next=/admin/", then=sign_in_with_password(staff.email))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_second_factor_pages_have_no_wcag_violations(audit, live_server, language):
    failures = {}

    def visit(url, then=None):
        violations = audit(url, then=then)
        if violations:
            failures[url] = violations

    visit_the_second_factor_pages(visit, live_server.url, language)
    assert not failures, json.dumps(failures, indent=2, ensure_ascii=False)


def test_the_second_factor_pages_obey_the_csp(page, live_server):
    page.context.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text))
    failures = {}
    visited = []

    def visit(url, then=None):
        page.goto(url)
        if then is not None:
            then(page)
        page.wait_for_load_state("load")
        visited.append(page.url)
        if violations := page.evaluate("window.cspViolations"):
            failures[page.url] = violations

    visit_the_second_factor_pages(visit, live_server.url, "en")
    assert any("/2fa/authenticate/" in url for url in visited)
    assert any("/2fa/recovery-codes/" in url for url in visited)
    assert not failures, failures
    assert [text for text in console if "Content Security Policy" in text] == []
