"""The "Consult us" page, the inquiry form and the notification task."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from cms import inquiries
from cms import tasks as cms_tasks
from cms.models import Inquiry, SiteSettings
from cms.tasks import notify_inquiry, relay_inquiries
from platform_site.models import OutgoingEmail
from tests.factories import CountryFactory

pytestmark = pytest.mark.django_db

MESSAGE = "We look for a partner for a 20 MW solar park in Minas Gerais."


@pytest.fixture
def site_settings():
    row = SiteSettings.get_solo()
    row.phones = "+86 10 1234 5678\n+7 495 000 00 00"
    row.emails = "secretariat@example.org\ninfo@example.org"
    row.address = "1 Green Street, Xiamen"
    row.save()
    return row


def data(**overrides):
    values = {
        "name": "Ana Souza",
        "organisation": "Sol Verde Ltda",
        "email": "ana@example.com",
        "phone": "+55 31 1234 5678",
        "country": "",
        "topic": "project",
        "message": MESSAGE,
        "homepage": "",
    }
    values.update(overrides)
    return values


def contact_url(language="en"):
    with translation.override(language):
        return reverse("cms:contact")


def post(client, django_capture_on_commit_callbacks, language="en", **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(contact_url(language), data(**overrides))


def test_page_shows_contact_details_and_form(client, site_settings):
    response = client.get(contact_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="tel:+861012345678"' in html
    assert 'href="mailto:secretariat@example.org"' in html
    assert "1 Green Street, Xiamen" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'aria-hidden="true"' in html and 'tabindex="-1"' in html
    assert "Leave this field empty" in html
    assert 'aria-current="page"' in html


def test_country_select_lists_brics_members_first(client):
    CountryFactory(iso2="XA", name="Aaaland")
    form_countries = list(response_countries(client))
    members = [c for c in form_countries if c.brics_status == "member"]
    if members:
        assert form_countries[0].brics_status == "member"


def response_countries(client):
    response = client.get(contact_url())
    return response.context["form"].fields["country"].queryset


def test_valid_post_stores_redirects_and_sends_each_recipient_its_own_email(
    client, site_settings, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://green.example.org"
    country = CountryFactory()
    response = post(client, django_capture_on_commit_callbacks, country=country.pk)
    inquiry = Inquiry.objects.get()
    assert inquiry.email == "ana@example.com"
    assert inquiry.country == country
    assert inquiry.language == "en"
    assert len(inquiry.ip_hash) == 64 and "127.0.0.1" not in inquiry.ip_hash
    assert inquiry.ip_hash == inquiries.hash_ip("127.0.0.1")
    assert inquiry.notified_at is not None
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("cms:contact-thanks"))

    # One e-mail, one SMTP transaction per recipient: a refused one is retried alone.
    first, second, confirmation = mail.outbox
    assert (first.to, second.to) == (["secretariat@example.org"], ["info@example.org"])
    for secretariat in (first, second):
        assert secretariat.reply_to == ["ana@example.com"]
        assert MESSAGE in secretariat.body
        url = f"https://green.example.org/admin/cms/inquiry/{inquiry.pk}/change/"
        assert url in secretariat.body
        assert inquiry.reference in secretariat.subject
    assert confirmation.to == ["ana@example.com"]
    assert confirmation.reply_to == ["secretariat@example.org"]
    assert inquiry.reference in confirmation.subject
    assert OutgoingEmail.objects.filter(sent_at__isnull=False).count() == 3

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert inquiry.reference in thanks.content.decode()


HOSTILE = {
    "name": "Visit https://phish.example now & <b>win</b>, it's free",
    "organisation": 'Prize "Office" <claims@phish.example>',
    "message": "Your account is blocked: log in at https://phish.example/login to keep it.",
}


def test_the_confirmation_carries_the_reference_and_nothing_the_sender_typed(
    client, site_settings, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://green.example.org"
    post(client, django_capture_on_commit_callbacks, **HOSTILE)
    inquiry = Inquiry.objects.get()

    secretariat, _info, confirmation = mail.outbox
    assert confirmation.to == [inquiry.email]
    assert inquiry.reference in confirmation.subject and inquiry.reference in confirmation.body
    assert "https://green.example.org/en/" in confirmation.body
    sent = confirmation.subject + confirmation.body
    assert "phish" not in sent and "Prize" not in sent and "blocked" not in sent
    # The secretariat gets it all, as typed: plain text is not HTML-escaped.
    for value in HOSTILE.values():
        assert value in secretariat.body
    assert "&amp;" not in secretariat.body and "&#x27;" not in secretariat.body


def test_thanks_page_does_not_show_a_forged_or_missing_reference(client):
    response = client.get(reverse("cms:contact-thanks") + "?ref=1")
    assert response.status_code == 200
    assert "GISP-" not in response.content.decode()


def test_confirmation_is_in_the_senders_language(
    client, site_settings, django_capture_on_commit_callbacks
):
    post(client, django_capture_on_commit_callbacks, language="ru", topic="other")
    assert Inquiry.objects.get().language == "ru"
    secretariat, _info, confirmation = mail.outbox
    assert "Сервисная платформа зелёной промышленности" in confirmation.subject
    assert "Другое" in confirmation.body
    # The secretariat reads the default language.
    assert "Other" in secretariat.body


def test_no_secretariat_addresses_still_confirms(client, django_capture_on_commit_callbacks):
    SiteSettings.objects.update(emails="")
    post(client, django_capture_on_commit_callbacks)
    (confirmation,) = mail.outbox
    assert confirmation.to == ["ana@example.com"]


def test_running_the_task_twice_queues_the_emails_once(client, site_settings):
    client.post(contact_url(), data())  # on_commit never fires inside the test transaction
    inquiry = Inquiry.objects.get()
    assert inquiry.notified_at is None
    assert notify_inquiry(inquiry.pk) is True
    assert notify_inquiry(inquiry.pk) is False
    assert sorted(OutgoingEmail.objects.values_list("to", flat=True)) == [
        "ana@example.com",
        "info@example.org",
        "secretariat@example.org",
    ]
    inquiry.refresh_from_db()
    assert inquiry.notified_at is not None


def test_an_inquiry_is_marked_notified_only_with_its_emails_queued(
    client, site_settings, monkeypatch
):
    client.post(contact_url(), data())
    inquiry = Inquiry.objects.get()
    queued = []
    queue = inquiries.mail.queue

    def queue_then_fail(message):
        if queued:
            raise OperationalError("the database went away")
        queued.append(queue(message))

    monkeypatch.setattr(inquiries.mail, "queue", queue_then_fail)
    with pytest.raises(OperationalError):
        inquiries.queue_emails(inquiry.pk)
    inquiry.refresh_from_db()
    assert inquiry.notified_at is None
    assert not OutgoingEmail.objects.exists()


def test_a_failing_mail_server_leaves_the_emails_queued_for_the_relay(
    client, site_settings, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(self, messages):
        raise smtplib.SMTPException("server down")

    monkeypatch.setattr(EmailBackend, "send_messages", broken)
    response = post(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.notified_at is not None
    assert mail.outbox == []
    rows = OutgoingEmail.objects.all()
    assert len(rows) == 3
    for row in rows:
        assert row.sent_at is None and row.claimed_at is None and row.failed_at is None
        assert row.attempts == 1 and "server down" in row.last_error
        assert row.next_attempt_at > timezone.now()


def test_the_relay_notifies_inquiries_whose_task_was_lost(client, site_settings):
    for number in range(3):
        client.post(contact_url(), data(email=f"user{number}@example.com"))
    lost, fresh, old = Inquiry.objects.order_by("pk")
    Inquiry.objects.filter(pk=lost.pk).update(created_at=timezone.now() - timedelta(minutes=3))
    Inquiry.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=4))

    assert relay_inquiries() == 1
    assert relay_inquiries() == 0  # notified now: running it twice queues nothing twice
    lost.refresh_from_db()
    fresh.refresh_from_db()
    assert lost.notified_at is not None and fresh.notified_at is None
    assert OutgoingEmail.objects.filter(to="user0@example.com").count() == 1
    assert not OutgoingEmail.objects.filter(to__in=["user1@example.com", "user2@example.com"])


def test_the_relay_takes_a_bounded_batch_oldest_first(client, site_settings, monkeypatch):
    for number in range(3):
        client.post(contact_url(), data(email=f"user{number}@example.com"))
    Inquiry.objects.update(created_at=timezone.now() - timedelta(minutes=5))
    monkeypatch.setattr(cms_tasks, "RELAY_BATCH", 2)
    assert relay_inquiries() == 2
    assert relay_inquiries() == 1
    assert not Inquiry.objects.filter(notified_at__isnull=True).exists()


def test_honeypot_filled_stores_nothing_but_says_thanks(
    client, site_settings, django_capture_on_commit_callbacks
):
    response = post(client, django_capture_on_commit_callbacks, homepage="http://spam.example")
    assert response.status_code == 302
    assert response["Location"] == reverse("cms:contact-thanks")
    assert not Inquiry.objects.exists()
    assert mail.outbox == []


def test_fourth_inquiry_in_an_hour_is_rate_limited(client, django_capture_on_commit_callbacks):
    for _ in range(3):
        assert post(client, django_capture_on_commit_callbacks).status_code == 302
    message = "A fourth question that I typed with care and want to keep."
    response = post(client, django_capture_on_commit_callbacks, message=message)
    assert response.status_code == 429
    html = response.content.decode()
    assert "several inquiries in the last hour" in html
    assert message in html
    assert Inquiry.objects.count() == 3


def test_rate_limit_counts_the_ip_address_too(client, django_capture_on_commit_callbacks):
    for number in range(3):
        post(client, django_capture_on_commit_callbacks, email=f"user{number}@example.com")
    response = post(client, django_capture_on_commit_callbacks, email="other@example.com")
    assert response.status_code == 429


def test_invalid_email_keeps_the_typed_fields(client):
    response = client.post(contact_url(), data(email="not-an-email"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ana Souza" in html and "Sol Verde Ltda" in html and MESSAGE in html
    assert 'value="not-an-email"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_error' in html
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"message": "Too short"},
        {"message": "x" * 5001},
        {"name": "n" * 151},
        {"phone": "call me maybe"},
        {"topic": "nonsense"},
        {"country": "999999"},
    ],
)
def test_bad_input_is_rejected_with_200(client, overrides):
    response = client.post(contact_url(), data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Inquiry.objects.exists()


def test_csrf_is_enforced():
    client = Client(enforce_csrf_checks=True)
    response = client.post(contact_url(), data())
    assert response.status_code == 403
    assert not Inquiry.objects.exists()


def test_page_is_not_cached(client, site_settings, django_capture_on_commit_callbacks):
    first = client.get(contact_url())
    site_settings.address = "2 New Road, Moscow"
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.save()
    second = client.get(contact_url())
    assert "2 New Road, Moscow" in second.content.decode()
    assert "no-cache" in first["Cache-Control"] or "max-age=0" in first["Cache-Control"]


def test_the_footer_of_the_contact_page_links_each_phone_and_address_once(client, site_settings):
    html = client.get(contact_url()).content.decode()
    footer = html.split('<footer class="site-footer">', 1)[1]
    assert footer.count('href="tel:') == 2 and footer.count('href="mailto:') == 2
    assert 'href="tel:+861012345678"' in footer


def test_behind_a_proxy_the_rate_limit_counts_the_forwarded_address(
    client, settings, django_capture_on_commit_callbacks
):
    settings.TRUSTED_PROXY_COUNT = 1

    def post_from(forwarded, email):
        # Every request reaches the site from the proxy at 10.0.0.2.
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                contact_url(),
                data(email=email),
                REMOTE_ADDR="10.0.0.2",
                HTTP_X_FORWARDED_FOR=forwarded,
            )

    for number in range(3):
        assert post_from("203.0.113.5", f"user{number}@example.com").status_code == 302
    # Another client behind the same proxy is not limited...
    assert post_from("203.0.113.6", "neighbour@example.com").status_code == 302
    # ...and the limited one cannot escape by forging the header.
    assert post_from("198.51.100.7, 203.0.113.5", "other@example.com").status_code == 429
