"""Accounts: sign-up with e-mail verification, log-in with lock-out, password reset, the queued
e-mails, rate limits, and no page telling whether an address is registered."""

import re
import smtplib
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.locmem import EmailBackend
from django.db.models import F

from platform_site.models import OutgoingEmail, Profile
from platform_site.tasks import send_email
from tests.factories import UserFactory
from tests.utils import LANGUAGE_CODES, text

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth keeps its rate-limit counters in the cache, which outlives a rolled-back test.
    cache.clear()
    yield
    cache.clear()


def verified_user(email="ana@example.org", password=PASSWORD):
    from allauth.account.models import EmailAddress

    user = UserFactory(username=email.split("@")[0], email=email, password=password)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def sign_up(client, capture, lang="en", email="ana@example.org", **overrides):
    data = {"name": "Ana Souza", "email": email, "password1": PASSWORD, "password2": PASSWORD}
    data.update(overrides)
    with capture(execute=True):
        return client.post(f"/{lang}/accounts/signup/", data)


def log_in(client, email="ana@example.org", password=PASSWORD, **extra):
    return client.post("/en/accounts/login/", {"login": email, "password": password}, **extra)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("page", ["login", "signup", "password/reset"])
def test_account_pages_answer_in_every_language(client, lang, page):
    response = client.get(f"/{lang}/accounts/{page}/")
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in text(response)
    assert 'name="csrfmiddlewaretoken"' in text(response)


def test_sign_up_sends_a_verification_link_in_the_visitors_language(
    client, django_capture_on_commit_callbacks
):
    response = sign_up(client, django_capture_on_commit_callbacks, lang="ru")
    assert response.status_code == 302
    user = get_user_model().objects.get(email="ana@example.org")
    assert user.first_name == "Ana Souza"
    assert Profile.objects.get(user=user).language == "ru"
    (message,) = mail.outbox
    assert message.to == ["ana@example.org"]
    assert re.search("[а-яА-Я]", message.subject), message.subject
    link = re.search(r"https?://testserver(/ru/accounts/confirm-email/[^\s]+)", message.body)
    assert link, message.body
    # The link's secret does not stay in the database once the message is sent.
    row = OutgoingEmail.objects.get()
    assert row.sent_at is not None and row.body == ""

    # Not signed in until the address is confirmed.
    assert client.get("/en/member/").status_code == 302
    confirm = client.post(link.group(1))
    assert confirm.status_code == 302
    assert client.get("/en/member/").status_code == 200


def test_an_unverified_address_cannot_log_in(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    client.logout()
    response = log_in(client)
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert client.get("/en/member/").status_code == 302


def test_signing_up_with_a_registered_address_looks_the_same(
    client, django_capture_on_commit_callbacks
):
    verified_user()
    response = sign_up(client, django_capture_on_commit_callbacks)
    fresh = sign_up(client, django_capture_on_commit_callbacks, email="new@example.org")
    assert response.status_code == fresh.status_code == 302
    assert response["Location"] == fresh["Location"]
    assert get_user_model().objects.filter(email="ana@example.org").count() == 1


def test_password_reset_does_not_tell_whether_the_address_is_registered(
    client, django_capture_on_commit_callbacks
):
    verified_user()
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/en/accounts/password/reset/", {"email": "ana@example.org"})
        unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert {tuple(message.to) for message in mail.outbox} == {
        ("ana@example.org",),
        ("nobody@example.org",),
    }


def test_a_weak_password_is_refused_and_the_form_keeps_the_address(
    client, django_capture_on_commit_callbacks
):
    response = sign_up(
        client, django_capture_on_commit_callbacks, password1="12345678", password2="12345678"
    )
    assert response.status_code == 200
    assert 'value="ana@example.org"' in text(response)
    assert 'aria-invalid="true"' in text(response)
    assert not get_user_model().objects.exists()


def test_five_failed_log_ins_lock_the_account_out_for_fifteen_minutes(client):
    verified_user()
    # Failures count for the account whatever form of its name is typed.
    for name in ["ana@example.org", "ANA@example.org", "Ana@Example.ORG", "ana@example.org"]:
        assert log_in(client, email=name, password="wrong password").status_code == 200
    # The fifth failure locks out, and so the right password is refused too.
    assert log_in(client, password="wrong password").status_code == 429
    locked = log_in(client)
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in text(locked)
    assert client.get("/en/member/").status_code == 302
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"ana@example.org"}

    # From another address too: the count is the account's.
    assert log_in(client, REMOTE_ADDR="203.0.113.7").status_code == 429
    # Another account is not locked out.
    verified_user("bruno@example.org")
    assert log_in(client, email="bruno@example.org").status_code == 302
    client.logout()

    # The lock-out ends by itself after the cool-off, never for good.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    assert log_in(client).status_code == 302


def test_failed_log_ins_are_limited_per_address_too(client):
    verified_user()
    for number in range(20):
        log_in(client, email=f"guess{number}@example.org", password="wrong")
    refused = log_in(client, email="another@example.org", password="wrong")
    assert "Too many failed login attempts" in text(refused)
    # Another address may still sign in.
    assert log_in(client, REMOTE_ADDR="203.0.113.9").status_code == 302


def test_the_admin_signs_in_on_the_sites_log_in_page_only(client):
    UserFactory(username="staff", email="staff@example.org", is_staff=True)
    response = client.post("/admin/login/", {"username": "staff", "password": PASSWORD})
    # The admin's own form checks no password: it sends staff to the log-in page.
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_sign_up_is_rate_limited_with_a_readable_page(client, django_capture_on_commit_callbacks):
    for number in range(5):
        response = sign_up(
            client, django_capture_on_commit_callbacks, email=f"u{number}@example.org"
        )
        assert response.status_code == 302
        client.logout()
    response = sign_up(client, django_capture_on_commit_callbacks, email="late@example.org")
    assert response.status_code == 429
    assert "Too many requests" in text(response)
    assert '<html lang="en"' in text(response)


def test_password_reset_is_rate_limited_per_address(client, django_capture_on_commit_callbacks):
    verified_user()
    for _ in range(3):
        client.post("/en/accounts/password/reset/", {"email": "ana@example.org"})
    response = client.post("/en/accounts/password/reset/", {"email": "ana@example.org"})
    assert response.status_code == 429


def test_password_change_needs_the_current_password(client):
    user = verified_user()
    client.force_login(user)
    response = client.post(
        "/en/accounts/password/change/",
        {
            "oldpassword": "not it",
            "password1": "a new long passphrase",
            "password2": "a new long passphrase",
        },
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_the_header_offers_sign_in_to_visitors_and_the_dashboard_to_members(client):
    visitor = text(client.get("/en/about/"))
    assert 'href="/en/accounts/login/"' in visitor and 'href="/en/member/"' not in visitor
    client.force_login(verified_user())
    member = text(client.get("/en/about/"))
    assert 'href="/en/member/"' in member and 'href="/en/accounts/logout/"' in member


def test_sending_twice_sends_once(django_capture_on_commit_callbacks):
    row = OutgoingEmail.objects.create(to="ana@example.org", subject="Hello", body="Body")
    assert send_email(row.pk) is True
    assert send_email(row.pk) is False
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_keeps_the_email_for_a_later_attempt(monkeypatch):
    row = OutgoingEmail.objects.create(to="ana@example.org", subject="Hello", body="Body")

    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    assert send_email(row.pk) is False
    row.refresh_from_db()
    assert row.sent_at is None and row.claimed_at is None and row.failed_at is None
    assert row.attempts == 1 and "gone" in row.last_error
    assert row.body == "Body"


def test_the_account_pages_speak_hindi_though_the_library_does_not(client):
    # django-allauth has no Hindi: locale_vendor/ provides it.
    content = text(client.get("/hi/accounts/login/"))
    assert "साइन इन करें" in content
    assert "Sign In" not in content


def test_an_email_claimed_by_a_worker_that_died_is_sent_after_the_claim_lapses():
    from datetime import timedelta

    from django.utils import timezone

    row = OutgoingEmail.objects.create(to="ana@example.org", subject="Hello", body="Body")
    OutgoingEmail.objects.filter(pk=row.pk).update(claimed_at=timezone.now())
    assert send_email(row.pk) is False  # another worker is sending it
    OutgoingEmail.objects.filter(pk=row.pk).update(
        claimed_at=timezone.now() - timedelta(minutes=11)
    )
    assert send_email(row.pk) is True
    assert len(mail.outbox) == 1
