"""Atom feeds: one per database and for events, policies and stories, valid Atom in each
language, with only published rows and only their public fields, linked from the lists."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from tests.factories import (
    RECORD_FACTORIES,
    EventFactory,
    PolicyDocumentFactory,
    ProjectFactory,
    StoryFactory,
    china,
)
from tests.utils import DATABASE_KEYS, LANGUAGE_CODES, text

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    """The feed parsed as Atom: (feed element, [(title, link, updated)])."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None
    return feed, [
        (
            entry.findtext(f"{ATOM}title"),
            entry.find(f"{ATOM}link").get("href"),
            entry.findtext(f"{ATOM}updated"),
        )
        for entry in feed.findall(f"{ATOM}entry")
    ]


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_each_database_has_a_feed_of_its_published_records(client, key):
    factory = RECORD_FACTORIES[key]
    factory(title="Shown", published_at=timezone.now())
    factory(title="Draft", status="draft")
    factory(title="Rejected", status="rejected")
    _feed, items = entries(client.get(f"/en/{key}/feed/"))
    assert [title for title, _link, _updated in items] == ["Shown"]
    assert items[0][1].startswith(f"http://testserver/en/{key}/")


def test_entries_are_newest_first_and_dated_by_their_publication(client):
    published = datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC)
    ProjectFactory(title="Older", published_at=published - datetime.timedelta(days=3))
    ProjectFactory(title="Newer", published_at=published)
    _feed, items = entries(client.get("/en/projects/feed/"))
    assert [(title, updated) for title, _link, updated in items] == [
        ("Newer", "2026-03-01T09:30:00+00:00"),
        ("Older", "2026-02-26T09:30:00+00:00"),
    ]


def test_an_entry_shows_no_private_field(client):
    project = ProjectFactory(
        title="Solar pumps", summary="Pumps for farms", country=china(), published_at=timezone.now()
    )
    project.description = "Confidential description"
    project.save()
    body = text(client.get("/en/projects/feed/"))
    assert "Pumps for farms" in body and "China" in body
    assert "Confidential description" not in body
    assert "@" not in body  # no e-mail address of the owner


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_a_feed_speaks_the_language_of_its_address(client, lang):
    project = ProjectFactory(title="Solar pumps", published_at=timezone.now())
    setattr(project, f"title_{lang.replace('-', '_')}", f"Solar pumps ({lang})")
    project.save()
    feed, items = entries(client.get(f"/{lang}/projects/feed/"))
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    assert items[0][0] == f"Solar pumps ({lang})"
    assert items[0][1].startswith(f"http://testserver/{lang}/projects/")


@pytest.mark.parametrize(
    ("path", "factory"),
    [("events", EventFactory), ("policies", PolicyDocumentFactory), ("stories", StoryFactory)],
)
def test_events_policies_and_stories_have_feeds_of_the_published(client, path, factory):
    factory(title="Shown")
    factory(title="Hidden", published=False)
    _feed, items = entries(client.get(f"/en/{path}/feed/"))
    assert [title for title, _link, _updated in items] == ["Shown"]


def test_publishing_dates_an_event_once(client):
    event = EventFactory(published=False)
    assert event.published_at is None
    event.published = True
    event.save()
    first = event.published_at
    assert first is not None
    event.published = False
    event.save()
    event.published = True
    event.save()
    assert event.published_at == first


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/en/projects/", "/en/projects/feed/"),
        ("/en/technologies/", "/en/technologies/feed/"),
        ("/en/events/", "/en/events/feed/"),
        ("/en/policies/", "/en/policies/feed/"),
        ("/en/stories/", "/en/stories/feed/"),
        ("/ru/projects/", "/ru/projects/feed/"),
    ],
)
def test_lists_link_their_feed_in_the_head(client, page, feed):
    head = text(client.get(page)).split("</head>")[0]
    assert '<link rel="alternate" type="application/atom+xml"' in head
    assert f'href="{feed}"' in head
