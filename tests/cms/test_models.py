"""The CMS models: HTML sanitising, natural keys, date checks and the settings singleton."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cms.models import Event, MinisterialMeeting, Page, SiteSettings
from cms.sanitize import clean_html

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="steal()">Hello <strong>world</strong><script>alert(1)</script></p>'
    "<style>body{display:none}</style>"
    '<a href="javascript:alert(1)">bad</a>'
    '<a href="https://example.org/" title="Site" target="_blank" onmouseover="x()">good</a>'
    '<img src="x" onerror="alert(1)"><iframe src="https://evil.example/"></iframe>'
    "<ul><li>one</li></ul><h2>Heading</h2><blockquote>Quote</blockquote>"
    "<table><tr><td>cell</td></tr></table>"
)


def test_clean_html_removes_scripts_handlers_and_javascript_links():
    html = clean_html(HOSTILE)
    for forbidden in (
        "<script",
        "alert",
        "<style",
        "onclick",
        "onmouseover",
        "onerror",
        "javascript:",
    ):
        assert forbidden not in html
    assert "<img" not in html and "<iframe" not in html and "target=" not in html


def test_clean_html_keeps_the_allowed_markup_and_adds_rel_to_links():
    html = clean_html(HOSTILE)
    assert "<p>Hello <strong>world</strong></p>" in html
    assert '<a href="https://example.org/" title="Site" rel="noopener noreferrer">good</a>' in html
    for kept in ("<ul><li>one</li></ul>", "<h2>Heading</h2>", "<blockquote>Quote</blockquote>"):
        assert kept in html
    assert "<td>cell</td>" in html


def test_page_body_is_sanitised_on_save_in_every_language():
    page = Page.objects.create(title="Hostile", slug="hostile", body=HOSTILE, body_ru=HOSTILE)
    page.refresh_from_db()
    assert "<script" not in page.body_en and "<script" not in page.body_ru
    assert "onclick" not in page.body_en and "onclick" not in page.body_ru
    assert "<strong>world</strong>" in page.body_en


def test_event_description_is_sanitised_on_save():
    event = Event.objects.create(
        kind="forum",
        title="Forum",
        slug="forum",
        description='<p onclick="x()">Text<script>alert(1)</script></p>',
        start_date=datetime.date(2024, 5, 1),
        end_date=datetime.date(2024, 5, 2),
    )
    event.refresh_from_db()
    assert event.description == "<p>Text</p>"


def test_page_paths_follow_the_tree():
    about = Page.objects.create(title="About", slug="about-test")
    child = Page.objects.create(title="Profile", slug="profile", parent=about)
    assert about.path == "/about-test/"
    assert child.path == "/about-test/profile/"


def test_page_slugs_are_unique_among_siblings():
    about = Page.objects.create(title="About", slug="about-test")
    Page.objects.create(title="Profile", slug="profile", parent=about)
    with pytest.raises(IntegrityError), transaction.atomic():
        Page.objects.create(title="Again", slug="profile", parent=about)
    other = Page.objects.create(title="Other", slug="other-root")
    Page.objects.create(title="Same slug elsewhere", slug="profile", parent=other)


def test_top_level_page_slugs_are_unique():
    Page.objects.create(title="Root", slug="root-test")
    with pytest.raises(IntegrityError), transaction.atomic():
        Page.objects.create(title="Root again", slug="root-test")


def test_meeting_numbers_are_unique_within_a_series():
    MinisterialMeeting.objects.create(series="industry", number=99, date=datetime.date(2030, 1, 1))
    MinisterialMeeting.objects.create(
        series="communications", number=99, date=datetime.date(2030, 1, 1)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        MinisterialMeeting.objects.create(
            series="industry", number=99, date=datetime.date(2031, 1, 1)
        )


def test_event_slugs_are_unique():
    dates = {"start_date": datetime.date(2024, 1, 1), "end_date": datetime.date(2024, 1, 1)}
    Event.objects.create(kind="forum", title="A", slug="same", **dates)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(kind="training", title="B", slug="same", **dates)


def test_an_event_cannot_end_before_it_starts():
    event = Event(
        kind="exhibition",
        title="Backwards",
        slug="backwards",
        start_date=datetime.date(2024, 5, 2),
        end_date=datetime.date(2024, 5, 1),
    )
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        event.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


def test_site_settings_is_a_singleton():
    first = SiteSettings.get_solo()
    assert first.pk == 1
    SiteSettings(slogan="Another").save()
    assert SiteSettings.objects.count() == 1
    assert SiteSettings.get_solo().slogan == "Another"
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteSettings.objects.bulk_create([SiteSettings(pk=2)])
