"""Limits on what one request may send: the whole body (RequestBodyLimitMiddleware, a 413 page)
and the number of files (DATA_UPLOAD_MAX_NUMBER_FILES, a 400 page)."""

import io
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from PIL import Image

from cms.models import Inquiry
from databases.forms import MAX_IMAGES
from databases.models import Project, RecordImage
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

INQUIRY = {
    "name": "Ana Souza",
    "email": "ana@example.com",
    "topic": "project",
    "message": "We look for a partner for a 20 MW solar park in Minas Gerais.",
}


class UnreadableBody(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, size=-1):
        raise AssertionError("the body was read")

    readline = readinto = read


def assert_error_page(response, status, heading, language="ru"):
    assert response.status_code == status
    content = response.content.decode()
    assert f'<html lang="{language}"' in content
    assert 'href="/static/css/site.css"' in content
    with translation.override(language):
        assert translation.gettext(heading) in content
    assert "Content-Security-Policy" in response.headers
    assert response["X-Frame-Options"] == "DENY"


@override_settings(MAX_REQUEST_BYTES=1000)
def test_a_body_over_the_cap_gets_the_413_page_in_the_urls_language(client):
    response = client.post("/ru/contact/", {**INQUIRY, "message": "x" * 2000})

    assert_error_page(response, 413, "What you sent is too large")
    assert "1000" in response.content.decode()  # the limit, in the page's language
    assert not Inquiry.objects.exists()


def test_a_claimed_length_over_the_cap_is_refused_before_the_body_is_read(client):
    response = client.post(
        "/pt-br/contact/",
        b"",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(settings.MAX_REQUEST_BYTES + 1),
        **{"wsgi.input": UnreadableBody()},
    )

    assert_error_page(response, 413, "What you sent is too large", language="pt-br")


def test_a_body_refused_by_the_proxy_gets_the_413_page(client):
    """nginx refuses a body over its cap and asks for the page without the body."""
    response = client.get("/hi/contact/", HTTP_X_REQUEST_TOO_LARGE="1")

    assert_error_page(response, 413, "What you sent is too large", language="hi")


@override_settings(MAX_REQUEST_BYTES=1000)
def test_a_body_at_the_cap_goes_through(client):
    body = urlencode({**INQUIRY, "message": ""})
    body = urlencode({**INQUIRY, "message": "x" * (1000 - len(body))})
    assert len(body) == 1000

    response = client.post("/en/contact/", body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 302
    assert Inquiry.objects.count() == 1


def test_a_chunked_body_of_unknown_length_is_refused(client):
    """Django reads a body only up to its Content-Length: a chunked one would bypass the cap."""
    response = client.post(
        "/ru/contact/",
        INQUIRY,
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": UnreadableBody()},
    )

    assert_error_page(response, 411, "We could not understand this request")
    assert not Inquiry.objects.exists()


def png(name):
    out = io.BytesIO()
    Image.new("RGB", (80, 60), (30, 140, 80)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), "image/png")


def pdf():
    return SimpleUploadedFile("study.pdf", b"%PDF-1.4 study", "application/pdf")


def test_the_largest_member_submission_fits_the_file_cap(client):
    """Every image a submission form takes, and its PDF: the cap leaves them room."""
    assert MAX_IMAGES + 1 < settings.DATA_UPLOAD_MAX_NUMBER_FILES
    client.force_login(MembershipFactory().user)

    response = client.post(
        "/en/member/projects/new/",
        {
            "title": "Floating solar plant",
            "stage": "concept",
            "investment_currency": "USD",
            "images": [png(f"{n}.png") for n in range(MAX_IMAGES)],
            "attachment": pdf(),
            "save": "",
        },
    )

    assert response.status_code == 302
    assert RecordImage.objects.count() == MAX_IMAGES
    assert Project.objects.get().attachment.name.endswith(".pdf")


def test_too_many_files_get_the_400_page_and_nothing_is_stored(client):
    client.force_login(MembershipFactory().user)
    count = settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1

    response = client.post(
        "/ru/member/projects/new/",
        {
            "title": "Floating solar plant",
            "stage": "concept",
            "investment_currency": "USD",
            "images": [png(f"{n}.png") for n in range(count)],
            "save": "",
        },
    )

    assert_error_page(response, 400, "Too many files at once")
    assert str(settings.DATA_UPLOAD_MAX_NUMBER_FILES) in response.content.decode()
    assert not Project.objects.exists()
    assert not RecordImage.objects.exists()
