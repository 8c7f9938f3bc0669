"""Staff accounts: a second factor before the admin opens, re-authentication before sensitive
changes, e-mails about changes to an account's security, and sign-up and password reset that
answer alike for registered and unregistered addresses."""

import statistics
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from reversion.models import Version

from tests.factories import ProjectFactory, StaffFactory, SuperUserFactory, UserFactory
from tests.utils import sign_in_staff, text, totp

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def with_verified_email(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def log_in(client, email, password=PASSWORD, next_url="/admin/"):
    return client.post(
        f"/en/accounts/login/?next={next_url}", {"login": email, "password": password}
    )


# A second factor before the admin opens ------------------------------------------------------


def test_staff_without_a_second_factor_are_sent_to_set_one_up(client):
    staff = with_verified_email(StaffFactory(role="Secretariat editor", second_factor=False))
    response = log_in(client, staff.email)
    assert response.status_code == 302
    opened = client.get("/admin/databases/project/")
    assert opened.status_code == 302
    assert opened["Location"].startswith("/en/accounts/2fa/?next=")
    page = text(client.get(opened["Location"], follow=True))
    assert "set one up to open the back office" in page


def test_staff_sign_in_with_password_and_code_then_the_admin_opens(client):
    staff = with_verified_email(StaffFactory(role="Secretariat editor"))
    response = log_in(client, staff.email.upper())
    assert response["Location"].startswith("/en/accounts/2fa/authenticate/")
    # The password alone opens nothing.
    assert client.get("/admin/").status_code == 302
    wrong = client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    right = client.post("/en/accounts/2fa/authenticate/", {"code": totp()})
    assert right.status_code == 302 and right["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_session_without_the_second_factor_is_asked_for_it(client):
    staff = StaffFactory(role="Secretariat editor")
    client.force_login(staff)
    response = client.get("/admin/")
    assert response["Location"].startswith("/en/accounts/2fa/reauthenticate/?next=")
    client.post(response["Location"], {"code": totp()})
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_stands_in_for_a_lost_authenticator(client):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    staff = with_verified_email(StaffFactory(role="Secretariat editor"))
    codes = RecoveryCodes.activate(staff).get_unused_codes()
    log_in(client, staff.email)
    response = client.post("/en/accounts/2fa/authenticate/", {"code": codes[0]})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@override_settings(STAFF_MFA_REQUIRED=False)
def test_development_mode_may_open_the_admin_without_and_says_so(client):
    staff = with_verified_email(StaffFactory(role="Secretariat editor", second_factor=False))
    notice = "Development mode: staff sign in without a second factor"
    assert notice in text(client.get("/en/accounts/login/?next=/admin/"))
    assert notice not in text(client.get("/en/accounts/login/"))
    log_in(client, staff.email)
    assert client.get("/admin/").status_code == 200


def test_the_requirement_is_on_unless_turned_off():
    from django.conf import settings

    assert settings.STAFF_MFA_REQUIRED is True


def test_members_may_set_up_a_second_factor_too(client):
    member = with_verified_email(UserFactory())
    client.force_login(member)
    assert client.get("/en/accounts/2fa/").status_code == 200
    assert client.get("/en/accounts/2fa/totp/activate/").status_code in (200, 302)


# Re-authentication ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/admin/databases/project/import/",
        "/admin/databases/sector/import/",
        "/admin/auth/user/add/",
        "/admin/auth/group/add/",
    ],
)
def test_sensitive_pages_ask_for_the_password_or_a_factor_again(client, url):
    sign_in_staff(client, SuperUserFactory(), reauthenticated=False)
    response = client.get(url)
    assert response.status_code == 302
    assert "/en/accounts/reauthenticate/" in response["Location"]
    assert f"next={url.replace('/', '%2F')}" in response["Location"]
    # Once confirmed, they open.
    client.post(response["Location"], {"password": PASSWORD})
    assert client.get(url).status_code == 200


def test_reverts_and_recoveries_ask_again(client):
    import reversion

    with reversion.create_revision():
        project = ProjectFactory(status="draft")
    version = Version.objects.get_for_object(project).get()
    sign_in_staff(client, SuperUserFactory(), reauthenticated=False)
    revert = client.get(f"/admin/databases/project/{project.pk}/history/{version.pk}/")
    assert "/accounts/reauthenticate/" in revert["Location"]
    project.delete()
    recover = client.get(f"/admin/databases/project/recover/{version.pk}/")
    assert "/accounts/reauthenticate/" in recover["Location"]


def test_a_role_change_is_resumed_after_the_confirmation(client):
    from django.contrib.auth.models import Group

    editor = StaffFactory(username="ed")
    administrator = SuperUserFactory()
    sign_in_staff(client, administrator, reauthenticated=False)
    url = f"/admin/auth/user/{editor.pk}/change/"
    page = client.get(url)
    assert "/accounts/reauthenticate/" in page["Location"]
    assert not editor.groups.exists()
    # Confirmed within the last few minutes: the change goes through.
    sign_in_staff(client, administrator)
    data = {
        "username": "ed",
        "email": editor.email,
        "is_active": "on",
        "is_staff": "on",
        "groups": [Group.objects.get(name="Reviewer").pk],
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    assert list(editor.groups.values_list("name", flat=True)) == ["Reviewer"]


# E-mails about an account's security ------------------------------------------------------------


def test_members_hear_of_a_new_password(client, django_capture_on_commit_callbacks):
    member = with_verified_email(UserFactory())
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/en/accounts/password/change/",
            {
                "oldpassword": PASSWORD,
                "password1": "a new Long passphrase 7",
                "password2": "a new Long passphrase 7",
            },
        )
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "password" in mail.outbox[0].subject.lower()


def test_members_hear_of_a_new_second_factor(client, django_capture_on_commit_callbacks):
    from allauth.mfa.totp.internal import auth as totp_auth

    member = with_verified_email(UserFactory())
    sign_in_staff(client, member)
    client.get("/en/accounts/2fa/totp/activate/")
    secret = client.session[totp_auth.SECRET_SESSION_KEY]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/accounts/2fa/totp/activate/", {"code": totp(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=member, type="totp").exists()
    assert any(member.email in message.to for message in mail.outbox)


# Staff accounts made on the command line ----------------------------------------------------------


def test_createsuperuser_confirms_the_address_staff_sign_in_with(client):
    call_command(
        "createsuperuser",
        interactive=False,
        username="chief",
        email="chief@example.org",
        verbosity=0,
    )
    user = get_user_model().objects.get(username="chief")
    assert EmailAddress.objects.get(user=user).verified


# No timing tells whether an address is registered ------------------------------------------------


def _median_seconds(*requests, runs=5):
    """The median time of each of ``requests``, run in turn rather than one after the other:
    a burst of load on the machine then slows both alike, not one of them."""
    times = [[] for _request in requests]
    for number in range(runs):
        for request, measured in zip(requests, times, strict=True):
            cache.clear()  # the rate limits would answer early
            start = time.perf_counter()
            request(number)
            measured.append(time.perf_counter() - start)
    return [statistics.median(measured) for measured in times]


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"])
def test_sign_up_answers_as_fast_for_a_registered_address_as_for_a_new_one(client):
    with_verified_email(UserFactory(email="taken@example.org"))

    def sign_up(email):
        def request(number):
            address = email.format(number=number)
            data = {"name": "Ana", "email": address, "password1": PASSWORD, "password2": PASSWORD}
            response = client.post("/en/accounts/signup/", data)
            assert response.status_code == 302
            client.logout()

        return request

    registered, new = _median_seconds(
        sign_up("taken@example.org"), sign_up("new{number}@example.org")
    )
    # Without the same work for both, a registered address answered in about a seventh of the
    # time (no password was hashed).
    assert 0.6 < registered / new < 1.6, (registered, new)


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"])
def test_password_reset_answers_alike_for_a_registered_and_an_unknown_address(client):
    with_verified_email(UserFactory(email="taken@example.org"))

    def reset(email):
        def request(number):
            response = client.post("/en/accounts/password/reset/", {"email": email})
            assert response.status_code == 302

        return request

    registered, unknown = _median_seconds(reset("taken@example.org"), reset("nobody@example.org"))
    assert 0.5 < registered / unknown < 2, (registered, unknown)
