"""The account actions whose rate limits django-allauth counts in Redis, while Redis is away:
refused with the 503 page (sign-up, password reset and changes), log-in counted in the database
instead, log-out and the inquiry form (its limit is in the database) open
(platform_site/middleware.py, AccountActionsWithoutCacheMiddleware).
"""

import re

import pytest
from allauth.account.models import EmailAddress
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.models import Inquiry
from platform_site.models import OutgoingEmail
from tests.factories import UserFactory
from tests.utils import closed_port, text, use_redis_cache_at

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def redis_away(settings):
    """Redis stopped: its port refuses connections."""
    use_redis_cache_at(settings, closed_port())


def verified_user(email="ana@example.org"):
    user = UserFactory(username=email.split("@")[0], email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def log_in(client, email="ana@example.org", password=PASSWORD, **extra):
    return client.post("/en/accounts/login/", {"login": email, "password": password}, **extra)


def hidden_fields(response):
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', text(response)))


def test_sign_up_is_paused_with_a_clear_page_and_the_typed_fields_kept(client, redis_away):
    response = client.post(
        "/en/accounts/signup/",
        {
            "name": "Ana Souza",
            "email": "ana@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "This is paused for a few minutes" in text(response)
    assert "Everything else works as usual" in text(response)
    assert hidden_fields(response) == {"name": "Ana Souza", "email": "ana@example.org"}
    assert 'action="/en/accounts/signup/"' in text(response)
    assert "type it again" in text(response)
    assert PASSWORD not in text(response)
    assert not get_user_model().objects.exists()


def test_a_password_reset_is_paused_and_sends_nothing(client, redis_away):
    verified_user()
    response = client.post("/en/accounts/password/reset/", {"email": "ana@example.org"})
    assert response.status_code == 503
    assert not OutgoingEmail.objects.exists()


def test_changing_a_password_is_paused(client, redis_away):
    client.force_login(verified_user())
    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "another long pass 42", "password2": "x"},
    )
    assert response.status_code == 503


def test_log_in_stays_open_counted_in_the_database(client, redis_away):
    verified_user()
    response = log_in(client)
    assert response.status_code == 302
    assert client.get("/en/member/").status_code == 200


def test_django_axes_still_locks_an_account_out_without_redis(client, redis_away):
    verified_user()
    for _attempt in range(5):
        log_in(client, password="wrong password")
    assert log_in(client).status_code == 429


def test_log_in_is_refused_to_an_address_with_many_failures_without_redis(client, redis_away):
    verified_user()
    AccessAttempt.objects.create(
        username="someone@example.org",
        ip_address="127.0.0.1",
        user_agent="",
        http_accept="",
        path_info="/en/accounts/login/",
        get_data="",
        post_data="",
        failures_since_start=20,
    )
    assert log_in(client).status_code == 503
    # Another address may log in.
    assert log_in(client, REMOTE_ADDR="203.0.113.7").status_code == 302


def test_old_failures_do_not_count(client, redis_away, settings):
    verified_user()
    AccessAttempt.objects.create(
        username="someone@example.org",
        ip_address="127.0.0.1",
        user_agent="",
        http_accept="",
        path_info="/en/accounts/login/",
        get_data="",
        post_data="",
        failures_since_start=20,
    )
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME)
    assert log_in(client).status_code == 302


def test_log_out_needs_no_count(client, redis_away):
    client.force_login(verified_user())
    assert client.post("/en/accounts/logout/").status_code == 302
    assert client.get("/en/member/").status_code == 302  # to the log-in page


def test_the_inquiry_form_stays_open_its_limit_counted_in_the_database(
    client, redis_away, django_capture_on_commit_callbacks
):
    data = {
        "name": "Ana Souza",
        "email": "ana@example.com",
        "topic": "project",
        "message": "We look for a partner for a 20 MW solar park in Minas Gerais.",
    }
    for _inquiry in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post("/en/contact/", data).status_code == 302
    assert Inquiry.objects.count() == 3
    assert client.post("/en/contact/", data).status_code == 429
    assert Inquiry.objects.count() == 3


def test_sign_up_works_as_before_with_redis(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/accounts/signup/",
            {
                "name": "Ana Souza",
                "email": "ana@example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
    assert response.status_code == 302
    assert get_user_model().objects.filter(email="ana@example.org").exists()


def test_healthz_is_degraded_and_quick_without_redis(client, redis_away, settings):
    settings.HEALTHZ_TOKEN = "token"
    response = client.get("/healthz", headers={"Authorization": "Bearer token"})
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == {"ok": False}
    assert response.json()["database"]["ok"] is True
