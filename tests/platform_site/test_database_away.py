"""PostgreSQL away: a translated 503 page with Retry-After, rendered without the database, that
offers a posted form again; cached anonymous pages keep being served (platform_site/views.py).

The database refuses connections as Django sees it then: every query's connection attempt
raises OperationalError (InterfaceError for a connection that broke).
"""

import html
import io
import re
from contextlib import contextmanager

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import InterfaceError, OperationalError, connection
from PIL import Image

from databases.models import Project
from tests.factories import CountryFactory, MembershipFactory, SectorFactory, TechnologyFactory
from tests.utils import text

pytestmark = pytest.mark.django_db


@contextmanager
def database_away(error=OperationalError):
    """Every connection attempt fails, as when the server is stopped; records the attempts."""
    attempts = []

    def refuse():
        attempts.append(1)
        raise error('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    connection.ensure_connection, real = refuse, connection.ensure_connection
    try:
        yield attempts
    finally:
        connection.ensure_connection = real


@pytest.fixture
def visitor(client):
    """A browser: exceptions become the error pages, as in production."""
    client.raise_request_exception = False
    return client


def hidden_fields(response):
    return [
        (html.unescape(name), html.unescape(value))
        for name, value in re.findall(
            r'<input type="hidden" name="([^"]+)" value="([^"]*)">', text(response)
        )
    ]


def png():
    out = io.BytesIO()
    Image.new("RGB", (80, 60), (30, 140, 80)).save(out, "PNG")
    return SimpleUploadedFile("plant.png", out.getvalue(), "image/png")


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_page_is_a_503_with_retry_after(visitor, error):
    with database_away(error):
        response = visitor.get("/en/technologies/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "The site is briefly unavailable" in text(response)
    assert "Traceback" not in text(response)
    assert '<link rel="stylesheet" href="/static/css/site.css">' in text(response)


def test_the_503_page_is_in_the_language_of_the_address(visitor):
    with database_away():
        response = visitor.get("/ru/technologies/")
    assert response.status_code == 503
    assert '<html lang="ru"' in text(response)


def test_other_errors_are_still_500(visitor, monkeypatch):
    from databases import views

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(views.RecordListView, "get", broken)
    response = visitor.get("/en/technologies/")
    assert response.status_code == 500
    assert "Retry-After" not in response


def test_cached_anonymous_pages_are_served_without_touching_the_database(visitor, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    TechnologyFactory(title="Heliostat field controller")
    first = visitor.get("/en/technologies/")
    with database_away() as attempts:
        again = visitor.get("/en/technologies/")
        other = visitor.get("/en/technologies/?sort=title")
    assert again.status_code == 200
    assert again.content == first.content
    assert other.status_code == 503
    # The cached page was answered before anything asked for a connection.
    assert len(attempts) == 1


def test_a_member_page_is_a_503(visitor):
    visitor.force_login(MembershipFactory().user)
    with database_away():
        response = visitor.get("/en/member/")
    assert response.status_code == 503


def test_a_posted_form_comes_back_to_be_sent_again(visitor):
    """A member's project form, posted while the database is away, is offered again; sent
    again once the database is back, it saves what was typed (the files are chosen again)."""
    member = MembershipFactory()
    visitor.force_login(member.user)
    brazil = CountryFactory(iso2="BR", name="Brazil")
    solar, wind = SectorFactory(code="solar-energy"), SectorFactory(code="wind-energy")
    typed = {
        "csrfmiddlewaretoken": "a-token-from-the-form",
        "title": 'Floating solar "Lagoa" <plant>',
        "description": "Line one.\r\nLine two & more.",
        "country": str(brazil.pk),
        "stage": "financing",
        "sectors": [str(solar.pk), str(wind.pk)],
        "investment_currency": "USD",
    }
    address = f"/en/member/projects/new/?enterprise={member.enterprise.pk}"
    with database_away():
        response = visitor.post(address, {**typed, "images": png()})

    assert response.status_code == 503
    action = html.unescape(re.search(r'<form method="post" action="([^"]+)"', text(response))[1])
    assert action == address
    assert hidden_fields(response) == [
        ("csrfmiddlewaretoken", "a-token-from-the-form"),
        ("title", typed["title"]),
        ("description", typed["description"]),
        ("country", str(brazil.pk)),
        ("stage", "financing"),
        ("sectors", str(solar.pk)),
        ("sectors", str(wind.pk)),
        ("investment_currency", "USD"),
    ]
    assert "Try again" in text(response)
    assert "The files you chose" in text(response)
    assert not Project.objects.exists()

    fields = {}
    for name, value in hidden_fields(response):
        fields.setdefault(name, []).append(value)
    again = visitor.post(action, fields)
    assert again.status_code == 302
    project = Project.objects.get()
    assert (project.title, project.description) == (typed["title"], typed["description"])
    assert set(project.sectors.all()) == {solar, wind}


def test_a_password_is_never_written_into_the_page(visitor):
    with database_away():
        response = visitor.post(
            "/en/accounts/login/", {"login": "ana@example.org", "password": "s3cret pass"}
        )
    assert response.status_code == 503
    assert hidden_fields(response) == [("login", "ana@example.org")]
    assert "s3cret pass" not in text(response)
    assert "Your password is not kept" in text(response)


def test_healthz_is_503_without_the_database(client):
    with database_away():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
